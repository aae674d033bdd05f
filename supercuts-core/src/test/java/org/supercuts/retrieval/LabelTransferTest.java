package org.supercuts.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.supercuts.image.LabelMap;

/** Votes on a hand-made index whose similarities are known exactly. */
class LabelTransferTest {
    /**
     * Index in 2-d: label 1 at angle 0° and 10°, label 0 at 60° and 90°, one unlabelled at 5°. A query at angle 0 sees
     * cos 0°, 5°, 10°, 60°, 90° = 1, .9962, .9848, .5, 0.
     */
    private static SegmentIndex index() {
        double[] angles = {0, 10, 60, 90, 5};
        int[] labels = {1, 1, 0, 0, SegmentIndex.UNLABELLED};
        double[] v = new double[10];
        for (int i = 0; i < 5; i++) {
            v[2 * i] = Math.cos(Math.toRadians(angles[i]));
            v[2 * i + 1] = Math.sin(Math.toRadians(angles[i]));
        }
        return SegmentIndex.builder(2, "f").addImage("train", v, new int[] {0, 1, 2, 3, 4}, labels, new int[] {1, 1, 1, 1, 1}).build();
    }

    /** Two query segments: one at 0°, one at 80°, on a 2x1 image. */
    private static ImageSegments query() {
        double[] v = {1, 0, Math.cos(Math.toRadians(80)), Math.sin(Math.toRadians(80))};
        return new ImageSegments(LabelMap.of(2, 1, new int[] {0, 1}), 2, v, new int[] {1, 1}, null, null);
    }

    @Test
    void plainVotesCountNeighboursAndSkipUnlabelledOnes() {
        TransferResult r = LabelTransfer.nearest(4).voting(LabelTransfer.Voting.PLAIN).transfer(NeighbourSearch.exact(index()), "f", query());
        // Query 0: neighbours 0°, 5° (unlabelled), 10°, 60° -> votes 1, 1, 0 -> share 2/3.
        assertThat(r.share(0, 1)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.share(0, 0)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.segmentLabels()).containsExactly(1, 0);
        // Query 1 (80°): neighbours 90°, 60°, 10°, 5° -> label votes 0, 0, 1 -> share of 1 = 1/3.
        assertThat(r.share(1, 1)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.neighbours(1).entries()).containsExactly(3, 2, 1, 4);
        assertThat(r.labels()).containsExactly(0, 1);
        assertThat(r.softMap()).containsExactly((float) (2.0 / 3), (float) (1.0 / 3));
        assertThat(r.labelMap()).containsExactly(1, 0);
    }

    @Test
    void weightedVotesAreVonMisesFisherShares() {
        double kappa = 4;
        TransferResult r = LabelTransfer.nearest(4).concentration(kappa).transfer(NeighbourSearch.exact(index()), "f", query());
        double w0 = 1;
        double w10 = Math.exp(kappa * (Math.cos(Math.toRadians(10)) - 1));
        double w60 = Math.exp(kappa * (Math.cos(Math.toRadians(60)) - 1));
        assertThat(r.share(0, 1)).isCloseTo((w0 + w10) / (w0 + w10 + w60), within(1e-6));
        // Query at 80°: label 0 at 10° and 20° away, label 1 at 70°.
        double a = Math.exp(kappa * (Math.cos(Math.toRadians(10)) - 1));
        double b = Math.exp(kappa * (Math.cos(Math.toRadians(20)) - 1));
        double c = Math.exp(kappa * (Math.cos(Math.toRadians(70)) - 1));
        assertThat(r.share(1, 1)).isCloseTo(c / (a + b + c), within(1e-6));
        // Concentration 0 is the plain vote.
        TransferResult plain = LabelTransfer.nearest(4).concentration(0).transfer(NeighbourSearch.exact(index()), "f", query());
        assertThat(plain.share(0, 1)).isCloseTo(2.0 / 3, within(1e-12));
        assertThatThrownBy(() -> LabelTransfer.nearest(3).concentration(-1)).hasMessageContaining("concentration must be finite and >= 0");
    }

    @Test
    void refusesOtherFeaturesBadKAndIndexesWithoutLabels() {
        NeighbourSearch search = NeighbourSearch.exact(index());
        assertThatThrownBy(() -> LabelTransfer.nearest(1).transfer(search, "g", query()))
                .hasMessageContaining("built with features 'f' (d=2)").hasMessageContaining("the query uses 'g' (d=2)");
        assertThatThrownBy(() -> LabelTransfer.nearest(6).transfer(search, "f", query()))
                .hasMessageContaining("k = 6 is larger than the index, which holds 5 segments");
        assertThatThrownBy(() -> LabelTransfer.nearest(0)).hasMessageContaining("k (neighbours per segment) must be >= 1, got 0");
        SegmentIndex unlabelled = SegmentIndex.builder(2, "f").addImage("u", new double[] {1, 0}, new int[] {0}, null, new int[] {1}).build();
        assertThatThrownBy(() -> LabelTransfer.nearest(1).transfer(NeighbourSearch.exact(unlabelled), "f", query()))
                .hasMessageContaining("no labelled segment");
        SegmentIndex empty = SegmentIndex.builder(2, "f").build();
        assertThatThrownBy(() -> LabelTransfer.nearest(1).transfer(NeighbourSearch.exact(empty), "f", query()))
                .hasMessageContaining("the segment index is empty");
    }
}
