package org.supercuts.examples.bench;

import java.nio.file.Path;
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
import org.supercuts.Presets;
import org.supercuts.graph.RegionGraph;
import org.supercuts.hierarchy.ContourMerging;
import org.supercuts.hierarchy.Hierarchy;
import org.supercuts.hierarchy.HierarchyInput;
import org.supercuts.hierarchy.MergeTree;
import org.supercuts.hierarchy.Ucm;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.superpixel.Slic;

/**
 * The hierarchy on top of the superpixels, one core: the default {@link ContourMerging} merge tree (contour cues included)
 * and the ultrametric contour map, on BSDS500 test image 100007 (481 x 321) with the default 400 SLIC superpixels (a
 * synthetic 481 x 321 image when ../shared is absent). The budget: at most 25 ms for both together.
 *
 * <p>Run: {@code java -cp examples/target/supercuts.jar org.openjdk.jmh.Main HierarchyBenchmark -f 1 -wi 3 -i 5}.
 *
 * <p>Thread safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HierarchyBenchmark {
    private HierarchyInput input;
    private LabelMap superpixels;
    private MergeTree tree;
    private final ContourMerging builder = ContourMerging.defaults();

    @Setup
    public void setUp() {
        Path p = BenchImages.findShared("datasets/BSDS500/data/images/test/100007.jpg");
        PlanarImage image = p != null ? PlanarImage.read(p).toRgb() : BenchImages.synthetic(481, 321, 3);
        superpixels = Slic.segments(Presets.SUPERPIXELS).compactness(Presets.COMPACTNESS).segment(image);
        input = HierarchyInput.of(image, superpixels, RegionGraph.build(image, superpixels));
        tree = builder.build(input);
    }

    /** The merge tree alone (CIELAB planes, contour cues, agglomeration). */
    @Benchmark
    public MergeTree mergeTree() {
        return builder.build(HierarchyInput.of(input.image(), superpixels, input.graph()));
    }

    /** The contour map of a built tree. */
    @Benchmark
    public Ucm ucm() {
        return Ucm.of(superpixels, tree);
    }

    /** Both: what {@code Segmentation.hierarchy().ucm()} adds to the superpixel stage (the graph is already built). */
    @Benchmark
    public Ucm hierarchyAndUcm() {
        return Hierarchy.of(superpixels, builder.build(HierarchyInput.of(input.image(), superpixels, input.graph()))).ucm();
    }
}
