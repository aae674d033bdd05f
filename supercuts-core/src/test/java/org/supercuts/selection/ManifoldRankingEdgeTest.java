package org.supercuts.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/** The intervening-edge cue of {@link ManifoldRanking#edgeWeight(double)}. */
class ManifoldRankingEdgeTest {
    private static final int CELLS = 6;
    private static final int CELL = 10;
    private static final float GREY = 0.5f;
    private static final float DARK = 0.1f;

    /**
     * A 60x60 grey image tiled into 6x6 cells of 10x10 pixels, one region per cell. Every cell holds exactly 19 dark and 81
     * grey pixels, so all regions have the same mean colour and mean colour alone cannot tell them apart. The object is the
     * 2x2 block of cells at columns and rows 1-2 (off the image centre): in its cells the dark pixels form the row and the
     * column facing the background, so the object is outlined by a dark contour; in the background cells they sit in the
     * cell's interior, away from every boundary. Hence the only boundaries with contrast are the object's outline.
     */
    static RegionGraph outlinedObject() {
        int size = CELLS * CELL;
        float[] grey = new float[size * size];
        int[] labels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int bx = x / CELL;
                int by = y / CELL;
                int lx = x % CELL;
                int ly = y % CELL;
                boolean dark;
                if (isObject(bx, by)) {
                    int row = by == 1 ? 0 : CELL - 1;
                    int col = bx == 1 ? 0 : CELL - 1;
                    dark = ly == row || lx == col;
                } else {
                    // The first 19 pixels, in raster order, of the cell's 6x6 interior (local 2..7).
                    dark = lx >= 2 && lx <= 7 && ly >= 2 && ly <= 7 && (ly - 2) * 6 + (lx - 2) < 19;
                }
                grey[y * size + x] = dark ? DARK : GREY;
                labels[y * size + x] = by * CELLS + bx;
            }
        }
        PlanarImage img = PlanarImage.wrap(size, size, grey, grey.clone(), grey.clone());
        return RegionGraph.build(img, LabelMap.of(size, size, labels));
    }

    private static boolean isObject(int bx, int by) {
        return bx >= 1 && bx <= 2 && by >= 1 && by <= 2;
    }

    private static boolean isObject(int region) {
        return isObject(region % CELLS, region / CELLS);
    }

    private static double[] rank(ManifoldRanking mr, RegionGraph g) {
        return mr.foreground(new ObjectSelector.Input(g, null, null, null));
    }

    @Test
    void theSyntheticImageHasEqualMeansAndContrastOnlyOnTheOutline() {
        RegionGraph g = outlinedObject();
        for (int r = 1; r < g.regionCount(); r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(g.meanLab(r, c)).isEqualTo(g.meanLab(0, c));
            }
        }
        for (int r = 0; r < g.regionCount(); r++) {
            for (int k = g.neighbourStart(r); k < g.neighbourStart(r + 1); k++) {
                boolean outline = isObject(r) != isObject(g.neighbour(k));
                if (outline) {
                    assertThat(g.boundaryContrast(k)).as("outline %d-%d", r, g.neighbour(k)).isGreaterThan(20);
                } else {
                    assertThat(g.boundaryContrast(k)).as("%d-%d", r, g.neighbour(k)).isZero();
                }
            }
        }
    }

    @Test
    void edgeCostsAreDirectForNeighboursAndMinimaxOverTwoHopPaths() {
        RegionGraph g = outlinedObject();
        int n = g.regionCount();
        double[] cost = ManifoldRanking.edgeCosts(g);
        int objectCell = 1 * CELLS + 1;
        int above = 0 * CELLS + 1;
        int left = 1 * CELLS + 0;
        int corner = 0;
        // Across the outline: the largest contrast of the image, normalised to 1.
        assertThat(cost[objectCell * n + above]).isCloseTo(1, within(1e-9));
        // Two hops from the object to the corner cell: both paths (via 'above' or 'left') cross the outline.
        assertThat(cost[objectCell * n + corner]).isCloseTo(1, within(1e-9));
        // 'above' to 'left': via the corner the path crosses nothing, via the object cell it crosses the outline twice.
        assertThat(cost[above * n + left]).isZero();
        assertThat(cost[left * n + above]).isZero();
        // Inside the object and between adjacent background cells: no edge.
        assertThat(cost[objectCell * n + objectCell + 1]).isZero();
        assertThat(cost[corner * n + 1]).isZero();
        // Regions more than two hops apart get no edge term.
        assertThat(cost[corner * n + n - 1]).isEqualTo(-1);
    }

    @Test
    void theEdgeCueStopsRankingFromFlowingAcrossTheOutline() {
        RegionGraph g = outlinedObject();
        double[] plain = rank(ManifoldRanking.defaults(), g);
        double[] edge = rank(ManifoldRanking.defaults().edgeWeight(0.3), g);
        // Without the cue every link weighs the same, so the ranking only sees graph distance to the border: the cells at
        // the image centre (not the object) come out on top.
        assertThat(minObject(plain)).isLessThan(maxBackground(plain));
        // With it, the outline cuts the object off from the border queries: every object cell beats every background cell,
        // and the object is exactly the foreground at 0.5.
        assertThat(minObject(edge)).isGreaterThan(maxBackground(edge) + 0.3);
        for (int r = 0; r < edge.length; r++) {
            assertThat(edge[r] >= 0.5).as("region %d score %.3f", r, edge[r]).isEqualTo(isObject(r));
        }
    }

    @Test
    void zeroEdgeWeightIsTheDefault() {
        RegionGraph g = SaliencySelectorsTest.blocks();
        assertThat(rank(ManifoldRanking.defaults().edgeWeight(0), g)).containsExactly(rank(ManifoldRanking.defaults(), g));
        assertThat(ManifoldRanking.defaults().edgeWeight()).isZero();
        assertThat(ManifoldRanking.defaults().describe()).doesNotContain("edge");
        assertThat(ManifoldRanking.defaults().edgeWeight(0.3).describe()).contains("edgeWeight=0.3");
    }

    @Test
    void aModerateEdgeWeightKeepsTheColourObject() {
        // The colour-contrast scene of SaliencySelectorsTest, where the object's outline is also a colour edge.
        RegionGraph g = SaliencySelectorsTest.blocks();
        double[] s = rank(ManifoldRanking.defaults().edgeWeight(0.3), g);
        for (int r = 0; r < s.length; r++) {
            assertThat(s[r] >= 0.5).as("region %d score %.3f", r, s[r]).isEqualTo(SaliencySelectorsTest.isObject(r));
        }
    }

    @Test
    void rejectsInvalidEdgeWeights() {
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> ManifoldRanking.defaults().edgeWeight(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("edgeWeight")
                    .hasMessageContaining(String.valueOf(bad));
        }
    }

    private static double minObject(double[] s) {
        double m = Double.POSITIVE_INFINITY;
        for (int r = 0; r < s.length; r++) {
            if (isObject(r)) {
                m = Math.min(m, s[r]);
            }
        }
        return m;
    }

    private static double maxBackground(double[] s) {
        double m = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < s.length; r++) {
            if (!isObject(r)) {
                m = Math.max(m, s[r]);
            }
        }
        return m;
    }
}
