package org.supercuts.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.supercuts.image.LabelMap;

class SuperpixelMetricsTest {
    private static final double TOL = 1e-12;

    /** An 8x2 labelling whose column x gets label {@code x < split ? 0 : 1}. */
    private static LabelMap columns(int split) {
        int[] l = new int[16];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 8; x++) {
                l[y * 8 + x] = x < split ? 0 : 1;
            }
        }
        return LabelMap.of(8, 2, l);
    }

    @Test
    void scoresByHandAveragedOverAnnotators() {
        LabelMap sp = columns(4); // boundary pixels at x = 3
        LabelMap a = columns(2); // boundary at x = 1: Chebyshev distance 2 -> recalled
        LabelMap b = columns(7); // boundary at x = 6: distance 3 -> missed
        assertThat(SuperpixelMetrics.boundaryRecall(sp, a)).isEqualTo(1.0);
        assertThat(SuperpixelMetrics.boundaryRecall(sp, b)).isEqualTo(0.0);
        // A: g0 = cols 0-1 (4 px) lies in s0 (8 px): min(4, 4); g1 = cols 2-7: s0 part min(4, 4), s1 part min(8, 0). 8/16.
        assertThat(SuperpixelMetrics.undersegmentationError(sp, a)).isCloseTo(0.5, within(TOL));
        // B: g0 = cols 0-6: s0 min(8, 0), s1 min(6, 2); g1 = col 7: s1 min(2, 6). 4/16.
        assertThat(SuperpixelMetrics.undersegmentationError(sp, b)).isCloseTo(0.25, within(TOL));
        // ASA: A: s0 best 4, s1 best 8 -> 12/16; B: s0 8, s1 6 -> 14/16.
        assertThat(SuperpixelMetrics.achievableSegmentationAccuracy(sp, a)).isCloseTo(0.75, within(TOL));
        assertThat(SuperpixelMetrics.achievableSegmentationAccuracy(sp, b)).isCloseTo(0.875, within(TOL));
        SuperpixelScores s = SuperpixelMetrics.evaluate(sp, List.of(a, b));
        assertThat(s.boundaryRecall()).isCloseTo(0.5, within(TOL));
        assertThat(s.undersegmentationError()).isCloseTo(0.375, within(TOL));
        assertThat(s.achievableSegmentationAccuracy()).isCloseTo(0.8125, within(TOL));
        assertThat(s.superpixels()).isEqualTo(2);

        SuperpixelAccumulator acc = new SuperpixelAccumulator();
        acc.add(s);
        acc.add(new SuperpixelScores(1.0, 0.125, 1.0, 4));
        assertThat(acc.mean().boundaryRecall()).isCloseTo(0.75, within(TOL));
        assertThat(acc.mean().superpixels()).isEqualTo(3.0);
    }

    @Test
    void perfectSuperpixelsScorePerfectly() {
        LabelMap gt = columns(5);
        SuperpixelScores s = SuperpixelMetrics.evaluate(gt, List.of(gt));
        assertThat(s.boundaryRecall()).isEqualTo(1.0);
        assertThat(s.undersegmentationError()).isEqualTo(0.0);
        assertThat(s.achievableSegmentationAccuracy()).isEqualTo(1.0);
    }

    @Test
    void sparseTablePathAgreesWithDense() {
        java.util.Random rnd = new java.util.Random(4);
        int w = 37;
        int h = 29;
        int[] sp = new int[w * h];
        int[] gt = new int[w * h];
        for (int i = 0; i < sp.length; i++) {
            sp[i] = (i / w) / 4 * 10 + (i % w) / 4 + (rnd.nextInt(10) == 0 ? 1 : 0);
            gt[i] = (i / w) / 7 * 6 + (i % w) / 7;
        }
        LabelMap s = LabelMap.compact(w, h, sp);
        LabelMap g = LabelMap.compact(w, h, gt);
        double[] sparse = SuperpixelMetrics.undersegmentationAndAsa(s, g, 0);
        double[] dense = SuperpixelMetrics.undersegmentationAndAsa(s, g, Long.MAX_VALUE);
        assertThat(sparse[0]).isCloseTo(dense[0], within(TOL)).isGreaterThan(0);
        assertThat(sparse[1]).isCloseTo(dense[1], within(TOL)).isLessThan(1);
        assertThat(dense[0]).isEqualTo(SuperpixelMetrics.undersegmentationError(s, g));
    }

    @Test
    void rejectsMismatchedSizes() {
        LabelMap sp = columns(4);
        LabelMap other = LabelMap.of(2, 2, new int[] {0, 1, 0, 1});
        assertThatThrownBy(() -> SuperpixelMetrics.evaluate(sp, List.of(other))).hasMessageContaining("annotation 0 is 2x2");
        assertThatThrownBy(() -> SuperpixelMetrics.evaluate(sp, List.of())).hasMessageContaining("annotations is empty");
    }
}
