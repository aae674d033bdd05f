package org.supercuts.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/** Fusion, smoothing and threshold of transferred shares on tiny graphs whose fixed points are known exactly. */
class TransferSoftMapTest {
    /** A 1-row image of {@code columns} regions, 2 pixels each, with the given grey levels in [0, 1]. */
    private static RegionGraph row(float... grey) {
        int w = 2 * grey.length;
        float[] plane = new float[w];
        int[] labels = new int[w];
        for (int x = 0; x < w; x++) {
            plane[x] = grey[x / 2];
            labels[x] = x / 2;
        }
        return RegionGraph.build(PlanarImage.wrap(w, 1, plane, plane, plane), LabelMap.of(w, 1, labels));
    }

    @Test
    void twoRegionsSmoothToTheClosedFormFixedPoint() {
        // Each region's only neighbour is the other: f1 = (1-b) y1 + b f2, f2 = (1-b) y2 + b f1, so f1 = (y1 + b y2) / (1 + b).
        double beta = 0.5;
        double[] f = TransferSoftMap.smooth(row(0.2f, 0.2f), new double[] {1, 0}, beta);
        assertThat(f[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(f[1]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(TransferSoftMap.smooth(row(0.2f, 0.2f), new double[] {1, 0}, 0)).containsExactly(1, 0);
    }

    @Test
    void smoothingFollowsSimilarColoursNotAcrossEdges() {
        // A and B grey 0.2, C white: B's vote follows A's, C's does not reach B.
        RegionGraph g = row(0.2f, 0.2f, 1f);
        double[] fromC = TransferSoftMap.smooth(g, new double[] {0, 0, 1}, 0.9);
        assertThat(fromC[1]).isLessThan(1e-3);
        double[] fromA = TransferSoftMap.smooth(g, new double[] {1, 0, 0}, 0.9);
        assertThat(fromA[1]).isGreaterThan(0.4);
    }

    @Test
    void thresholdBecomesOneHalfAndTheOrderStays() {
        double[] q = TransferSoftMap.rescale(new double[] {0, 0.15, 0.3, 0.65, 1, 1.2, -0.1}, 0.3);
        assertThat(q[0]).isZero();
        assertThat(q[1]).isCloseTo(0.25, within(1e-12));
        assertThat(q[2]).isCloseTo(0.5, within(1e-12));
        assertThat(q[3]).isCloseTo(0.75, within(1e-12));
        assertThat(q[4]).isCloseTo(1, within(1e-12));
        assertThat(q[5]).isCloseTo(1, within(1e-12));
        assertThat(q[6]).isZero();
    }

    @Test
    void plainSpecIsTheVoteShare() {
        SegmentIndex index = SegmentIndex.builder(2, "f").addImage("a", new double[] {1, 0, 0, 1}, new int[] {0, 1}, new int[] {1, 0},
                new int[] {1, 1}).build();
        ImageSegments q = new ImageSegments(LabelMap.of(2, 1, new int[] {0, 1}), 2, new double[] {1, 0.1, 0.1, 1}, new int[] {1, 1}, null,
                null);
        TransferResult t = LabelTransfer.nearest(1).transfer(NeighbourSearch.exact(index), "f", q);
        assertThat(TransferSoftMap.plain().softMap(t)).containsExactly(t.softMap());
        assertThatThrownBy(() -> TransferSoftMap.plain().fusion(0.5).segmentValues(t)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fusion weight 0.5 mixes in the saliency");
        assertThatThrownBy(() -> TransferSoftMap.plain().smoothing(0.9).segmentValues(t)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smoothing 0.9 needs the query's region graph");
    }

    @Test
    void badSettingsNameTheRule() {
        assertThatThrownBy(() -> TransferSoftMap.defaults().fusion(1.5)).hasMessageContaining("fusion weight must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> TransferSoftMap.defaults().smoothing(1)).hasMessageContaining("smoothing must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> TransferSoftMap.defaults().threshold(0)).hasMessageContaining("threshold must be in (0, 1), got 0.0");
        assertThat(TransferSoftMap.defaults().threshold(0.4).fusion()).isEqualTo(TransferSoftMap.defaults().fusion());
    }
}
