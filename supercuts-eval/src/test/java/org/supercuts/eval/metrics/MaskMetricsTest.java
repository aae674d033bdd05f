package org.supercuts.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.supercuts.image.BoundingBox;

class MaskMetricsTest {
    private static final double TOL = 1e-12;

    @Test
    void confusionCountsByHand() {
        byte[] pred = {1, 1, 0, 0, 1, 0};
        byte[] gt = {1, 0, 1, 0, 1, 0};
        ConfusionCounts c = ConfusionCounts.of(pred, gt);
        assertThat(c).isEqualTo(new ConfusionCounts(2, 1, 1, 2));
        assertThat(c.iou()).isCloseTo(2.0 / 4, within(TOL));
        assertThat(c.accuracy()).isCloseTo(4.0 / 6, within(TOL));
        assertThat(c.precision()).isCloseTo(2.0 / 3, within(TOL));
        assertThat(c.recall()).isCloseTo(2.0 / 3, within(TOL));
    }

    @Test
    void emptyCasesFollowTheDocumentedConventions() {
        ConfusionCounts nothing = ConfusionCounts.of(new byte[4], new byte[4]);
        assertThat(nothing.iou()).isEqualTo(1.0);
        assertThat(nothing.precision()).isEqualTo(0.0);
        assertThat(nothing.recall()).isEqualTo(0.0);
        ConfusionCounts missed = ConfusionCounts.of(new byte[4], new byte[] {1, 0, 0, 0});
        assertThat(missed.iou()).isEqualTo(0.0);
        assertThatThrownBy(() -> ConfusionCounts.of(new byte[3], new byte[4])).hasMessageContaining("predicted has length 3");
    }

    @Test
    void groundTruthIsBinarisedAt128() {
        assertThat(GroundTruthMasks.binarise(new int[] {0, 127, 128, 255})).containsExactly(0, 0, 1, 1);
        assertThat(GroundTruthMasks.binarise(new float[] {0f, 127 / 255f, 128 / 255f, 1f})).containsExactly(0, 0, 1, 1);
    }

    @Test
    void maeAndAdaptiveThresholdByHand() {
        float[] soft = {1.0f, 0.6f, 0.2f, 0.0f};
        byte[] gt = {1, 0, 1, 0};
        // |1-1| + |0.6-0| + |0.2-1| + |0-0| = 1.4, over 4 pixels.
        assertThat(SoftMapMetrics.meanAbsoluteError(soft, gt)).isCloseTo(0.35, within(1e-7));
        // mean 0.45 -> T = 0.9 -> only pixel 0 predicted: IoU 1/2.
        assertThat(SoftMapMetrics.adaptiveThreshold(soft)).isCloseTo(0.9, within(1e-7));
        assertThat(SoftMapMetrics.atAdaptiveThreshold(soft, gt).iou()).isCloseTo(0.5, within(TOL));
        // At 0.5: pixels 0, 1 predicted: TP 1, FP 1, FN 1.
        assertThat(ConfusionCounts.ofSoft(soft, 0.5, gt).iou()).isCloseTo(1.0 / 3, within(TOL));
        // A dim map: 2 * mean exceeds 1 is capped.
        assertThat(SoftMapMetrics.adaptiveThreshold(new float[] {0.9f, 0.8f})).isEqualTo(1.0);
        assertThatThrownBy(() -> SoftMapMetrics.meanAbsoluteError(new float[] {Float.NaN}, new byte[1]))
                .hasMessageContaining("soft[0] is NaN");
    }

    @Test
    void precisionRecallCurveByHand() {
        // Levels 255, 153, 51, 0.
        PrecisionRecallCurve c = PrecisionRecallCurve.of(new float[] {1.0f, 0.6f, 0.2f, 0.0f}, new byte[] {1, 0, 1, 0});
        double[] p = c.precision();
        double[] r = c.recall();
        assertThat(p).hasSize(255);
        // k = 1..51: pixels 0,1,2 predicted.
        assertThat(p[0]).isCloseTo(2.0 / 3, within(TOL));
        assertThat(r[0]).isEqualTo(1.0);
        assertThat(p[50]).isCloseTo(2.0 / 3, within(TOL));
        // k = 52..153: pixels 0,1.
        assertThat(p[51]).isEqualTo(0.5);
        assertThat(r[152]).isEqualTo(0.5);
        // k = 154..255: pixel 0 only.
        assertThat(p[153]).isEqualTo(1.0);
        assertThat(p[254]).isEqualTo(1.0);
        assertThat(r[254]).isEqualTo(0.5);
        // F(1, 0.5) = 1.3 * 0.5 / (0.3 + 0.5) = 0.8125 is the best of 0.7222, 0.5, 0.8125.
        assertThat(c.maxFBeta(0.3)).isCloseTo(0.8125, within(TOL));
    }

    @Test
    void nothingPredictedGivesZeroPrecision() {
        PrecisionRecallCurve c = PrecisionRecallCurve.of(new float[] {0f, 0f}, new byte[] {1, 0});
        for (double v : c.precision()) {
            assertThat(v).isEqualTo(0.0);
        }
        assertThat(c.maxFBeta(0.3)).isEqualTo(0.0);
    }

    @Test
    void bothMaxFBetaConventionsByHand() {
        MaxFBetaAccumulator acc = new MaxFBetaAccumulator();
        acc.add(PrecisionRecallCurve.of(new float[] {1.0f, 0.6f, 0.2f, 0.0f}, new byte[] {1, 0, 1, 0}));
        // Second image: level round(127.5) = 128; k <= 128 predicts both pixels (P 0.5, R 1), k > 128 nothing (P = R = 0).
        acc.add(PrecisionRecallCurve.of(new float[] {0.5f, 0.5f}, new byte[] {1, 0}));
        double f = 1.3 * 0.5 / (0.3 * 0.5 + 1);
        assertThat(acc.meanOfPerImageMaxFBeta()).isCloseTo((0.8125 + f) / 2, within(TOL));
        // Mean curve: k 1..51 P = (2/3 + 1/2)/2, R = 1; k 52..128 P = .5, R = .75; k 129..153 P = R = .25;
        // k 154..255 P = .5, R = .25. The best is the first band.
        double pBar = (2.0 / 3 + 0.5) / 2;
        double expected = 1.3 * pBar / (0.3 * pBar + 1);
        assertThat(acc.maxFBetaOfMeanCurve()).isCloseTo(expected, within(TOL));
        assertThat(acc.meanRecall()[128]).isCloseTo(0.25, within(TOL));
        assertThat(acc.images()).isEqualTo(2);
        assertThat(new MaxFBetaAccumulator().maxFBetaOfMeanCurve()).isNaN();
    }

    @Test
    void corLocByHand() {
        List<BoundingBox> gts = List.of(new BoundingBox(20, 20, 30, 30), new BoundingBox(1, 1, 11, 11));
        // IoU with the second box: 81 / (100 + 100 - 81) = 0.68.
        assertThat(CorLoc.hit(new BoundingBox(0, 0, 10, 10), gts)).isTrue();
        // IoU exactly 0.5 is not a hit (the rule is IoU > 0.5).
        assertThat(CorLoc.hit(new BoundingBox(0, 0, 10, 10), List.of(new BoundingBox(0, 0, 10, 20)))).isFalse();
        assertThat(CorLoc.hit(null, gts)).isFalse();
        CorLoc acc = new CorLoc();
        acc.add(true);
        acc.add(false);
        acc.add(false);
        assertThat(acc.percent()).isCloseTo(100.0 / 3, within(TOL));
    }

    @Test
    void curveFromLevelCountsIsThePixelCurve() {
        // Levels: 1.0 -> 255, 0.6 -> 153, 0.2 -> 51, 0.0 -> 0; foreground at 255 and 51, background at 153 and 0.
        long[] fg = new long[256];
        long[] bg = new long[256];
        fg[255] = 1;
        fg[51] = 1;
        bg[153] = 1;
        bg[0] = 1;
        PrecisionRecallCurve counted = PrecisionRecallCurve.ofLevelCounts(fg, bg);
        PrecisionRecallCurve pixels = PrecisionRecallCurve.of(new float[] {1.0f, 0.6f, 0.2f, 0.0f}, new byte[] {1, 0, 1, 0});
        assertThat(counted.precision()).containsExactly(pixels.precision());
        assertThat(counted.recall()).containsExactly(pixels.recall());
        assertThatThrownBy(() -> PrecisionRecallCurve.ofLevelCounts(new long[255], bg)).hasMessageContaining("256 entries each, got 255");
    }
}
