package org.supercuts.examples.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.supercuts.Pipeline;
import org.supercuts.Presets;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.PlanarImage;
import org.supercuts.objects.ObjectDiscovery;

/**
 * What {@code --objects} costs: the default pipeline on one core over the eight fixed ECSSD images of the overlay
 * sheets (0298 0184 0001 0100 0600 0900 0582 0747, synthetic images when ../shared is absent), without ({@code plain})
 * and with ({@code objects}) the default object discovery and its parts; {@code discoveryOnly} times the discovery alone
 * on the same images' pipeline results. Scores are milliseconds per pass over the eight images.
 *
 * <p>{@code java -cp examples/target/supercuts.jar org.openjdk.jmh.Main ObjectsBenchmark -f 1 -wi 3 -i 5}
 *
 * <p>Thread safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ObjectsBenchmark {
    static final String[] IMAGES = {"0298", "0184", "0001", "0100", "0600", "0900", "0582", "0747"};

    @Param({"plain", "objects"})
    public String mode;

    private final List<PlanarImage> images = new ArrayList<>();
    private final List<ObjectDiscovery.Input> inputs = new ArrayList<>();
    private Pipeline pipeline;
    private ObjectDiscovery discovery;

    @Setup
    public void setUp() {
        Path dir = BenchImages.findShared("datasets/ECSSD/images");
        for (int i = 0; i < IMAGES.length; i++) {
            images.add(dir != null ? PlanarImage.read(dir.resolve(IMAGES[i] + ".jpg")).toRgb() : BenchImages.synthetic(400, 300, i));
        }
        discovery = Presets.objectDiscovery();
        Pipeline plain = SuperCuts.pipeline().build();
        pipeline = mode.equals("objects") ? plain.toBuilder().objects(discovery).build() : plain;
        for (PlanarImage image : images) {
            Segmentation s = plain.segment(image);
            inputs.add(new ObjectDiscovery.Input(s.superpixels(), s.regionGraph(), s.affinity(), s.partition(),
                    s.regionForeground()));
        }
    }

    @Benchmark
    public void segment(Blackhole bh) {
        for (PlanarImage image : images) {
            bh.consume(pipeline.segment(image));
        }
    }

    @Benchmark
    public void discoveryOnly(Blackhole bh) {
        for (ObjectDiscovery.Input in : inputs) {
            bh.consume(discovery.discover(in));
        }
    }
}
