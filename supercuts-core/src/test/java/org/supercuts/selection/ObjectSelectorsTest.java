package org.supercuts.selection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.spectral.PartitionTree;
import org.supercuts.spectral.SpectralPartition;

class ObjectSelectorsTest {
    /**
     * 5x5 image: region 1 is the 3x3 centre, region 0 the frame around it. The Fiedler vector gives the frame +1 (the
     * larger |v|) and the centre -0.5, split at 0.
     */
    private static ObjectSelector.Input input(double frame, double centre) {
        int[] labels = new int[25];
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                labels[y * 5 + x] = 1;
            }
        }
        // Labels must start at 0 in raster order: the frame's first pixel (0,0) is 0.
        RegionGraph g = RegionGraph.build(PlanarImage.wrap(5, 5, new float[25]), LabelMap.of(5, 5, labels));
        PartitionTree tree = PartitionTree.flat(new int[] {0, 1}, 0.1);
        SpectralPartition p = new SpectralPartition(new double[] {0, 0.5}, new double[][] {{1, 1}, {frame, centre}}, 0, tree);
        return new ObjectSelector.Input(g, null, null, p);
    }

    @Test
    void borderPriorPicksTheCentre() {
        double[] fg = ObjectSelectors.borderPrior().foreground(input(1, -0.5));
        assertThat(fg[1]).isGreaterThanOrEqualTo(0.5);
        assertThat(fg[0]).isLessThan(0.5);
        double[] flipped = ObjectSelectors.borderPrior().foreground(input(-1, 0.5));
        assertThat(flipped[1]).isGreaterThanOrEqualTo(0.5);
        assertThat(flipped[0]).isLessThan(0.5);
    }

    @Test
    void tokenCutPicksTheSideOfLargestMagnitude() {
        double[] fg = ObjectSelectors.tokenCut().foreground(input(1, -0.5));
        assertThat(fg[0]).isGreaterThanOrEqualTo(0.5);
        assertThat(fg[1]).isLessThan(0.5);
    }

    @Test
    void deepSpectralPicksTheMinorityByArea() {
        // Frame has 16 pixels, centre 9: the centre is the minority.
        double[] fg = ObjectSelectors.deepSpectral().foreground(input(1, -0.5));
        assertThat(fg[1]).isGreaterThanOrEqualTo(0.5);
        assertThat(fg[0]).isLessThan(0.5);
    }

    @Test
    void tokenCutPaperKeepsTheSeedsSideAboveTheMean() {
        // Mean of (-1, 0.5) is -0.25; the seed (largest |v|) is the frame at -1, so the vector is flipped: frame 1, centre
        // -0.5, and the frame is the object.
        double[] fg = ObjectSelectors.tokenCutPaper().foreground(input(-1, 0.5));
        assertThat(fg[0]).isEqualTo(1.0);
        assertThat(fg[1]).isZero();
    }

    /** A 1x5 strip of single-pixel regions (region i adjacent to i - 1 and i + 1) with Fiedler vector {@code v}. */
    private static ObjectSelector.Input strip(double... v) {
        int[] labels = {0, 1, 2, 3, 4};
        RegionGraph g = RegionGraph.build(PlanarImage.wrap(5, 1, new float[5]), LabelMap.of(5, 1, labels));
        SpectralPartition p = new SpectralPartition(new double[] {0, 0.5}, new double[][] {{1, 1, 1, 1, 1}, v}, 0,
                PartitionTree.flat(new int[] {0, 0, 1, 0, 1}, 0.1));
        return new ObjectSelector.Input(g, null, null, p);
    }

    @Test
    void tokenCutPaperKeepsOnlyTheSeedsComponent() {
        // v = (3, 1, -2, 1, -3): mean 0, object side {0, 1, 3}; region 3 is cut off from the seed (region 0) by region 2,
        // so it drops to 0.499.
        double[] fg = ObjectSelectors.tokenCutPaper().foreground(strip(3, 1, -2, 1, -3));
        assertThat(fg[0]).isEqualTo(1.0);
        assertThat(fg[1]).isGreaterThanOrEqualTo(0.5).isLessThan(1.0);
        assertThat(fg[3]).isEqualTo(0.499);
        assertThat(fg[2]).isLessThan(0.499);
        assertThat(fg[4]).isZero();
    }

    @Test
    void deepSpectralPaperFlipsWhenMostEntriesArePositive() {
        // v = (3, 1, -2, 1, -3) after the sign fix (largest |v| = 3 at index 0 vs -3 at index 4: a tie, index 0 wins):
        // 3 of 5 positive, so the object is v < 0.
        double[] fg = ObjectSelectors.deepSpectralPaper().foreground(strip(3, 1, -2, 1, -3));
        assertThat(fg[4]).isEqualTo(1.0);
        assertThat(fg[2]).isGreaterThanOrEqualTo(0.5);
        assertThat(fg[0]).isZero();
        assertThat(fg[1]).isLessThan(0.5);
        // The same vector negated gives the same mask (the sign is fixed first).
        double[] same = ObjectSelectors.deepSpectralPaper().foreground(strip(-3, -1, 2, -1, 3));
        for (int i = 0; i < 5; i++) {
            assertThat(same[i] >= 0.5).isEqualTo(fg[i] >= 0.5);
        }
    }

    @Test
    void orientReproducesTheSplitAndRanksByDistance() {
        double[] v = {-2, -1, 0.5, 1, 3};
        double[] s = ObjectSelectors.orient(v, 0.5, true);
        assertThat(s[0]).isLessThan(s[1]);
        assertThat(s[1]).isLessThan(0.5);
        assertThat(s[2]).isEqualTo(0.5);
        assertThat(s[4]).isEqualTo(1.0);
        double[] r = ObjectSelectors.orient(v, 0.5, false);
        assertThat(r[0]).isEqualTo(1.0);
        assertThat(r[2]).isLessThan(0.5);
        assertThat(r[4]).isZero();
    }
}
