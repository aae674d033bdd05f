package org.supercuts.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.supercuts.affinity.GaussianAffinity;
import org.supercuts.feature.ColorPositionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.spectral.NCut;

/**
 * The {@link HierarchyBuilder} contract as tests; every builder's test class extends it and supplies {@link #create()}.
 * The fixture is exact: a 24 x 16 image of 4 x 4 superpixels (a grid of 6 x 4 cells), left half dark red, right half light
 * green, with a faint vertical ramp inside each half, so the only strong contour is the vertical line at x = 12.
 *
 * <p>Thread safety: JUnit creates one instance per test.
 */
public abstract class HierarchyBuilderContract {
    protected abstract HierarchyBuilder create();

    static final int W = 24;
    static final int H = 16;

    static PlanarImage twoHalves() {
        float[][] p = new float[3][W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                float ramp = 0.01f * y / H;
                if (x < W / 2) {
                    p[0][i] = 0.6f + ramp;
                    p[1][i] = 0.1f;
                    p[2][i] = 0.1f;
                } else {
                    p[0][i] = 0.3f;
                    p[1][i] = 0.8f + ramp;
                    p[2][i] = 0.4f;
                }
            }
        }
        return PlanarImage.wrap(W, H, p);
    }

    static LabelMap grid() {
        int[] l = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                l[y * W + x] = (y / 4) * (W / 4) + x / 4;
            }
        }
        return LabelMap.of(W, H, l);
    }

    /** The input a pipeline would give: graph, CIELAB and the recursive normalized-cut tree. */
    static HierarchyInput input(PlanarImage image, LabelMap sp) {
        RegionGraph g = RegionGraph.build(image, sp);
        HierarchyInput in = HierarchyInput.of(image, sp, g);
        if (sp.count() >= 2) {
            var f = ColorPositionFeatures.color().extract(image, sp, g);
            var w = GaussianAffinity.adjacent().hops(2).sigmaFeature(0.1).build(g, f);
            in = in.withPartition(NCut.recursive().maxSegments(24).partition(w).tree());
        }
        return in;
    }

    @Test
    void oneLeafPerSuperpixelAndHeightsNonDecreasingInTheUnitInterval() {
        MergeTree t = create().build(input(twoHalves(), grid()));
        assertThat(t.regionCount()).isEqualTo(24);
        assertThat(t.minSegments()).isEqualTo(1);
        for (int i = 0; i < t.mergeCount(); i++) {
            assertThat(t.height(i)).isBetween(0.0, 1.0);
            if (i > 0) {
                assertThat(t.height(i)).isGreaterThanOrEqualTo(t.height(i - 1));
            }
        }
    }

    @Test
    void theTwoSegmentLevelSeparatesTheHalvesExactly() {
        Hierarchy h = Hierarchy.of(grid(), create().build(input(twoHalves(), grid())));
        Level two = h.atSegments(2);
        assertThat(two.segments()).isEqualTo(2);
        assertThat(two.clamped()).isFalse();
        LabelMap l = two.labels();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertThat(l.label(x, y)).as("pixel (%d, %d)", x, y).isEqualTo(x < W / 2 ? l.label(0, 0) : l.label(W - 1, 0));
            }
        }
        assertThat(l.label(0, 0)).isNotEqualTo(l.label(W - 1, 0));
    }

    @Test
    void levelsAreNestedAndTheContourMapThresholdsToEachLevelsBoundaries() {
        Hierarchy h = Hierarchy.of(grid(), create().build(input(twoHalves(), grid())));
        List<Level> levels = h.levels(5);
        assertThat(levels).isNotEmpty();
        for (int k = 1; k < levels.size(); k++) {
            LabelMap coarse = levels.get(k - 1).labels();
            LabelMap fine = levels.get(k).labels();
            assertThat(fine.count()).isGreaterThan(coarse.count());
            int[] parent = new int[fine.count()];
            java.util.Arrays.fill(parent, -1);
            for (int i = 0; i < W * H; i++) {
                int f = fine.labelAt(i);
                if (parent[f] < 0) {
                    parent[f] = coarse.labelAt(i);
                }
                assertThat(parent[f]).as("fine segment %d lies in one coarse segment", f).isEqualTo(coarse.labelAt(i));
            }
        }
        Ucm ucm = h.ucm();
        for (Level level : levels) {
            byte[] b = ucm.boundaries(level.threshold());
            int[] lbl = level.labels().backingArray();
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int i = y * W + x;
                    boolean edge = (x + 1 < W && lbl[i + 1] != lbl[i]) || (y + 1 < H && lbl[i + W] != lbl[i]);
                    assertThat(b[i] != 0).as("boundary at (%d, %d), threshold %s", x, y, level.threshold()).isEqualTo(edge);
                }
            }
        }
    }

    @Test
    void pureFunctionOfTheInputAcrossCallsAndThreads() throws Exception {
        HierarchyBuilder b = create();
        HierarchyInput in = input(twoHalves(), grid());
        MergeTree first = b.build(in);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<MergeTree>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> b.build(input(twoHalves(), grid()))));
            }
            for (Future<MergeTree> f : futures) {
                MergeTree t = f.get();
                assertThat(t.mergeCount()).isEqualTo(first.mergeCount());
                for (int i = 0; i < t.mergeCount(); i++) {
                    assertThat(t.left(i)).isEqualTo(first.left(i));
                    assertThat(t.right(i)).isEqualTo(first.right(i));
                    assertThat(t.height(i)).isEqualTo(first.height(i));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aSingleSuperpixelGivesATreeWithoutMerges() {
        PlanarImage img = twoHalves();
        LabelMap one = LabelMap.of(W, H, new int[W * H]);
        HierarchyInput in = HierarchyInput.of(img, one, RegionGraph.build(img, one))
                .withPartition(org.supercuts.spectral.PartitionTree.builder(1).build());
        MergeTree t = create().build(in);
        assertThat(t.regionCount()).isEqualTo(1);
        assertThat(t.mergeCount()).isZero();
        Hierarchy h = Hierarchy.of(one, t);
        assertThat(h.atThreshold(0.5).segments()).isEqualTo(1);
        assertThat(h.atSegments(3).clamped()).isTrue();
        assertThat(h.ucm().boundaries(0)).containsOnly((byte) 0);
    }

    @Test
    void describesItsSpec() {
        assertThat(create().describe()).isNotBlank();
    }
}
