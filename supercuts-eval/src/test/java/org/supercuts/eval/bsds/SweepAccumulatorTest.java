package org.supercuts.eval.bsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SweepAccumulatorTest {
    @Test
    void odsPoolsOneScaleAndOisTakesEachImagesBest() {
        SweepAccumulator a = new SweepAccumulator(2);
        a.add(new RegionScores(new double[] {2, 3}, 4, new double[] {0.6, 0.7}, new double[] {2, 1}, new int[] {5, 3}), null);
        a.add(new RegionScores(new double[] {4, 1}, 4, new double[] {0.9, 0.5}, new double[] {0.5, 1.5}, new int[] {7, 1}), null);
        assertThat(a.coveringOds()).isCloseTo(0.75, within(1e-12));
        assertThat(a.coveringOdsScale()).isZero();
        assertThat(a.coveringOis()).isCloseTo(7.0 / 8, within(1e-12));
        assertThat(a.priOds()).isCloseTo(0.75, within(1e-12));
        assertThat(a.priOis()).isCloseTo(0.8, within(1e-12));
        assertThat(a.voiOds()).isCloseTo(1.25, within(1e-12));
        assertThat(a.voiOis()).isCloseTo(0.75, within(1e-12));
        assertThat(a.meanSegments(0)).isEqualTo(6.0);
        assertThat(a.hasBoundaries()).isFalse();
    }

    @Test
    void boundaryFIsInterpolatedAlongThePooledCurveAndApIntegratesIt() {
        SweepAccumulator a = new SweepAccumulator(2);
        RegionScores r = new RegionScores(new double[] {1, 1}, 1, new double[] {1, 1}, new double[] {0, 0}, new int[] {1, 1});
        // Scale 0: R = 1, P = 0.5; scale 1: R = 0.5, P = 1.
        a.add(r, new BoundaryScores(new double[] {10, 5}, new double[] {10, 10}, new double[] {5, 5}, new double[] {10, 5}));
        double[] ods = a.boundaryOds();
        // Halfway between the two points: R = P = 0.75, F = 0.75, above both ends (2/3).
        assertThat(ods[0]).isCloseTo(0.75, within(1e-3));
        assertThat(a.boundaryOis()).isCloseTo(2.0 / 3, within(1e-12));
        // Precision on the segment from (R .5, P 1) to (R 1, P .5): sum at R = .50 ... 1.00 of (1.5 - R), times 0.01.
        double expected = 0;
        for (int k = 50; k <= 100; k++) {
            expected += 1.5 - k / 100.0;
        }
        assertThat(a.boundaryAp()).isCloseTo(expected * 0.01, within(1e-9));
    }
}
