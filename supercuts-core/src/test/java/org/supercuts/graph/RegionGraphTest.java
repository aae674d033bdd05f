package org.supercuts.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.supercuts.image.Cielab;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

class RegionGraphTest {
    // 4x3 labels:
    // 0 0 1 1
    // 0 2 2 1
    // 3 3 3 3
    private static final int[] LABELS = {0, 0, 1, 1, 0, 2, 2, 1, 3, 3, 3, 3};

    private static RegionGraph graph() {
        float[] r = new float[12];
        for (int i = 0; i < 12; i++) {
            r[i] = LABELS[i] == 1 ? 1f : 0f;
        }
        PlanarImage img = PlanarImage.wrap(4, 3, r, new float[12], new float[12]);
        return RegionGraph.build(img, LabelMap.of(4, 3, LABELS));
    }

    @Test
    void statisticsMatchHandCounts() {
        RegionGraph g = graph();
        assertThat(g.regionCount()).isEqualTo(4);
        assertThat(g.size(0)).isEqualTo(3);
        assertThat(g.size(3)).isEqualTo(4);
        assertThat(g.centroidX(0)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(g.centroidY(0)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(g.box(2).toArray()).containsExactly(1, 1, 3, 2);
        assertThat(g.meanRgb(1, 0)).isEqualTo(1.0);
        assertThat(g.meanRgb(0, 0)).isEqualTo(0.0);
        // Region 2 is the only one not on the border.
        assertThat(g.borderPixels(2)).isZero();
        assertThat(g.borderPixels(3)).isEqualTo(4);
        assertThat(g.borderPixels(0)).isEqualTo(3);
    }

    @Test
    void boundaryContrastIsTheMeanLabStepAcrossTheBoundary() {
        RegionGraph g = graph();
        double[] red = new double[3];
        double[] black = new double[3];
        Cielab.fromSrgb(1, 0, 0, red);
        Cielab.fromSrgb(0, 0, 0, black);
        double step = Math.sqrt(Math.pow(red[0] - black[0], 2) + Math.pow(red[1] - black[1], 2) + Math.pow(red[2] - black[2], 2));
        // Region 1 is the only red one, so every pixel pair across its boundaries is a red/black step, all others are 0.
        for (int[] redEdge : new int[][] {{0, 1}, {1, 2}, {1, 3}}) {
            assertThat(g.boundaryContrast(redEdge[0], redEdge[1])).isCloseTo(step, within(1e-3));
            assertThat(g.boundaryContrast(redEdge[1], redEdge[0])).isCloseTo(step, within(1e-3));
        }
        assertThat(g.boundaryContrast(0, 2)).isZero();
        assertThat(g.boundaryContrast(0, 3)).isZero();
        assertThat(g.boundaryContrast(2, 3)).isZero();
        for (int k = g.neighbourStart(0); k < g.neighbourStart(1); k++) {
            assertThat(g.boundaryContrast(k)).isEqualTo(g.boundaryContrast(0, g.neighbour(k)));
        }
    }

    @Test
    void boundaryContrastAveragesOverThePixelPairs() {
        // Two regions split by a vertical line between columns 1 and 2; only the top row's pair crosses a colour step.
        int[] labels = {0, 0, 1, 1, 0, 0, 1, 1};
        float[] grey = new float[8];
        Arrays.fill(grey, 0.5f);
        grey[2] = 1f;
        RegionGraph g = RegionGraph.build(PlanarImage.wrap(4, 2, grey), LabelMap.of(4, 2, labels));
        double[] a = new double[3];
        double[] b = new double[3];
        Cielab.fromSrgb(0.5, 0.5, 0.5, a);
        Cielab.fromSrgb(1, 1, 1, b);
        double step = Math.sqrt(Math.pow(b[0] - a[0], 2) + Math.pow(b[1] - a[1], 2) + Math.pow(b[2] - a[2], 2));
        assertThat(g.boundaryLength(0, 1)).isEqualTo(2);
        assertThat(g.boundaryContrast(0, 1)).isCloseTo(step / 2, within(1e-3));
    }

    @Test
    void boundaryLengthsCountPixelPairs() {
        RegionGraph g = graph();
        // 0-1: (1,0)|(2,0) -> 1. 0-2: (0,1)|(1,1) and (1,0)/(1,1) -> 2. 0-3: (0,1)/(0,2) -> 1.
        assertThat(g.boundaryLength(0, 1)).isEqualTo(1);
        assertThat(g.boundaryLength(0, 2)).isEqualTo(2);
        assertThat(g.boundaryLength(0, 3)).isEqualTo(1);
        // 1-2: (2,0)/(2,1) and (2,1)|(3,1) -> 2. 1-3: (3,1)/(3,2) -> 1. 2-3: two vertical pairs -> 2.
        assertThat(g.boundaryLength(1, 2)).isEqualTo(2);
        assertThat(g.boundaryLength(2, 1)).isEqualTo(2);
        assertThat(g.boundaryLength(1, 3)).isEqualTo(1);
        assertThat(g.boundaryLength(2, 3)).isEqualTo(2);
        assertThat(g.edgeCount()).isEqualTo(6);
        for (int r = 0; r < 4; r++) {
            for (int k = g.neighbourStart(r) + 1; k < g.neighbourStart(r + 1); k++) {
                assertThat(g.neighbour(k)).isGreaterThan(g.neighbour(k - 1));
            }
        }
    }

    @Test
    void sizeMismatchIsRejected() {
        PlanarImage img = PlanarImage.wrap(2, 2, new float[4]);
        assertThatThrownBy(() -> RegionGraph.build(img, LabelMap.of(4, 1, new int[] {0, 0, 1, 1})))
                .hasMessageContaining("same size");
    }
}
