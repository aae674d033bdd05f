package org.supercuts.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdRuleTest {
    @Test
    void otsuSplitsTwoModesBetweenThem() {
        // 30% of the mass at 0.1, 70% at 0.7: any cut between the modes separates them perfectly.
        double t = ThresholdRule.OTSU.threshold(new double[] {0.1, 0.7}, new double[] {3, 7});
        assertThat(t).isGreaterThan(0.1).isLessThanOrEqualTo(0.7);
    }

    @Test
    void adaptiveIsTwiceTheWeightedMeanCappedAtOne() {
        assertThat(ThresholdRule.ADAPTIVE.threshold(new double[] {0.1, 0.7}, new double[] {3, 1}))
                .isCloseTo(2 * (0.3 + 0.7) / 4, within(1e-12));
        assertThat(ThresholdRule.ADAPTIVE.threshold(new double[] {0.9, 0.7}, null)).isEqualTo(1.0);
    }

    @Test
    void balancedIsTheMeanOfOtsuAndAdaptive() {
        double[] v = {0.05, 0.2, 0.3, 0.9, 0.95};
        double[] w = {10, 5, 2, 1, 3};
        assertThat(ThresholdRule.BALANCED.threshold(v, w)).isCloseTo(
                0.5 * (ThresholdRule.OTSU.threshold(v, w) + ThresholdRule.ADAPTIVE.threshold(v, w)), within(1e-12));
    }

    @Test
    void regionWeightsGiveThePixelMapsThreshold() {
        double[] regions = {0.05, 0.33, 0.6, 0.97};
        int[] sizes = {40, 7, 13, 9};
        float[] pixels = new float[69];
        double[] weights = new double[regions.length];
        int p = 0;
        for (int r = 0; r < regions.length; r++) {
            weights[r] = sizes[r];
            for (int k = 0; k < sizes[r]; k++) {
                pixels[p++] = (float) regions[r];
            }
        }
        for (ThresholdRule rule : ThresholdRule.values()) {
            assertThat(rule.threshold(pixels)).as(rule.name()).isCloseTo(rule.threshold(regions, weights), within(1e-6));
        }
    }

    @Test
    void constantMapHasOtsuAtOneHalf() {
        assertThat(ThresholdRule.OTSU.threshold(new float[] {0.3f, 0.3f, 0.3f})).isEqualTo(0.5);
    }

    @Test
    void mismatchedWeightsAreRejectedByName() {
        assertThatThrownBy(() -> ThresholdRule.OTSU.threshold(new double[] {0.1, 0.2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights.length");
    }
}
