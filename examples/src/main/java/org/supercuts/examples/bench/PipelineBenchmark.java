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
import org.supercuts.feature.ColorPositionFeatures;
import org.supercuts.graph.GaussianAffinity;
import org.supercuts.image.PlanarImage;
import org.supercuts.refine.GuidedFilter;
import org.supercuts.spectral.NCut;
import org.supercuts.spectral.ObjectSelectors;
import org.supercuts.superpixel.Slic;

/**
 * {@link Pipeline#segment} end to end on one ECSSD-sized (400x300) image: SLIC (K = 400) -> region graph -> mean-colour
 * features -> Gaussian affinity of adjacent regions -> NCut bipartition (automatic eigensolver) -> border-prior object
 * selection -> guided-filter refinement (r = 8). The pipeline is assembled with {@link Pipeline#builder()} from these
 * parts (the library's default pipeline factory was not on main when this benchmark was written).
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
        Slic slic = Slic.segments(400);
        if (t > 1) {
            pool = Executors.newFixedThreadPool(t);
            slic = slic.threads(t).executor(pool);
        }
        pipeline = embedded(slic);
    }

    /** The benchmarked pipeline around the given SLIC spec (shared with {@link PipelineStageTimings}). */
    static Pipeline embedded(Slic slic) {
        return Pipeline.builder()
                .superpixels(slic)
                .features(ColorPositionFeatures.color())
                .affinity(GaussianAffinity.adjacent())
                .partition(NCut.bipartition())
                .selection(ObjectSelectors.borderPrior())
                .refine(GuidedFilter.radius(8))
                .build();
    }

    @TearDown
    public void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Benchmark
    public Segmentation segment() {
        return pipeline.segment(image);
    }
}
