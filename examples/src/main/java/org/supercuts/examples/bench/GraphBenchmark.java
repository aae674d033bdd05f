package org.supercuts.examples.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.supercuts.affinity.CosineAffinity;
import org.supercuts.affinity.GaussianAffinity;
import org.supercuts.feature.ColorPositionFeatures;
import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.superpixel.Slic;

/**
 * The graph stages between superpixels and the eigensolver, at K = 400 SLIC superpixels on a 400x300 image (ECSSD image
 * 0001 resized, or a synthetic image when ../shared is absent): {@link RegionGraph#build} (adjacency, boundary lengths,
 * region statistics), mean-colour features, and the Gaussian (adjacent regions) and dense clipped-cosine affinities.
 * These stages have no thread option, so there is only the single-thread variant.
 *
 * <p>Run: {@code java -cp examples/target/supercuts.jar org.openjdk.jmh.Main GraphBenchmark -f 1 -wi 2 -i 3}.
 *
 * <p>Thread safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GraphBenchmark {
    private PlanarImage image;
    private LabelMap labels;
    private RegionGraph graph;
    private RegionFeatures features;
    private final ColorPositionFeatures colour = ColorPositionFeatures.color();
    private final GaussianAffinity gaussian = GaussianAffinity.adjacent();
    private final CosineAffinity cosine = CosineAffinity.dense();

    @Setup
    public void setUp() {
        image = BenchImages.ecssdOrSynthetic(400, 300);
        labels = Slic.segments(400).compactness(10).segment(image); // m = 10: the setting the documented timings used
        graph = RegionGraph.build(image, labels);
        features = colour.extract(image, labels, graph);
    }

    @Benchmark
    public RegionGraph regionGraph() {
        return RegionGraph.build(image, labels);
    }

    @Benchmark
    public RegionFeatures colourFeatures() {
        return colour.extract(image, labels, graph);
    }

    @Benchmark
    public AffinityMatrix gaussianAdjacent() {
        return gaussian.build(graph, features);
    }

    @Benchmark
    public AffinityMatrix cosineDense() {
        return cosine.build(graph, features);
    }
}
