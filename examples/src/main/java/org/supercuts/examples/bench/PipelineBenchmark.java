package org.supercuts.examples.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.PlanarImage;
import org.supercuts.superpixel.Slic;

/**
 * {@link Pipeline#segment} end to end on one ECSSD-sized (400x300) image with the library's default pipeline
 * ({@link SuperCuts#pipeline()}: SLIC, region graph, colour features, Gaussian affinity, recursive NCut, saliency
 * selection), ECSSD image 0001 resized (a synthetic image when ../shared is absent).
 *
 * <p>{@code threads} is SLIC's thread count (the only parallel stage); 0 means all available processors. Run with the GC
 * profiler to see the allocation rate:
 * {@code java -cp examples/target/supercuts.jar org.openjdk.jmh.Main PipelineBenchmark -f 1 -wi 2 -i 3 -prof gc}.
 *
 * <p>Thread safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {
    @Param({"1", "0"})
    public int threads;

    private PlanarImage image;
    private Pipeline pipeline;
    private ExecutorService pool;

    @Setup
    public void setUp() {
        image = BenchImages.ecssdOrSynthetic(400, 300);
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if (t > 1) {
            pool = Executors.newFixedThreadPool(t);
        }
        pipeline = defaultPipeline(t, pool);
    }

    /**
     * {@link SuperCuts#pipeline()} with its SLIC stage set to {@code threads} threads on {@code pool} (unused when
     * threads is 1); shared with {@link PipelineStageTimings}.
     */
    static Pipeline defaultPipeline(int threads, ExecutorService pool) {
        Pipeline base = SuperCuts.pipeline().build();
        if (threads == 1) {
            return base;
        }
        if (!(base.superpixelizer() instanceof Slic slic)) {
            throw new IllegalStateException("the default superpixelizer is " + base.superpixelizer().describe()
                    + ", not SLIC; cannot set its threads");
        }
        return base.toBuilder().superpixels(slic.threads(threads).executor(pool)).build();
    }

    @TearDown
    public void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Benchmark
    public Segmentation segment() {
        return pipeline.segment(CompareCommand.unconverted(image)); // a new image object: CIELAB conversion is timed
    }
}
