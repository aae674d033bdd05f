package org.supercuts.eval.bsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BoundaryScoresTest {
    private static final int N = 12;

    private static byte[] columns(int... xs) {
        byte[] m = new byte[N * N];
        for (int x : xs) {
            for (int y = 0; y < N; y++) {
                m[y * N + x] = 1;
            }
        }
        return m;
    }

    private static BoundaryScores one(byte[] machine, List<byte[]> humans, double tolerance) {
        return BoundaryScores.of(N, N, 1, s -> machine, machine, humans, tolerance);
    }

    @Test
    void aLineWithinTheToleranceMatchesAndOneBeyondDoesNot() {
        BoundaryScores near = one(columns(5), List.of(columns(3)), 2.5);
        assertThat(near.matchedHuman()[0]).isEqualTo(12.0);
        assertThat(near.matchedMachine()[0]).isEqualTo(12.0);
        BoundaryScores far = one(columns(5), List.of(columns(3)), 1.5);
        assertThat(far.matchedHuman()[0]).isZero();
        assertThat(far.machineTotal()[0]).isEqualTo(12.0);
        assertThat(far.humanTotal()[0]).isEqualTo(12.0);
    }

    @Test
    void matchingIsOneToOneSoADoubledLineCountsOnce() {
        BoundaryScores r = one(columns(3, 4), List.of(columns(3)), 2);
        assertThat(r.matchedHuman()[0]).isEqualTo(12.0);
        assertThat(r.matchedMachine()[0]).isEqualTo(12.0);
        assertThat(r.machineTotal()[0]).isEqualTo(24.0);
    }

    @Test
    void machinePixelsMatchAnyAnnotatorAndRecallSumsOverAnnotators() {
        BoundaryScores r = one(columns(2, 9), List.of(columns(2), columns(9)), 1);
        assertThat(r.humanTotal()[0]).isEqualTo(24.0);
        assertThat(r.matchedHuman()[0]).isEqualTo(24.0);
        assertThat(r.matchedMachine()[0]).isEqualTo(24.0);
    }

    @Test
    void aWarmStartedSweepGivesTheCountsOfColdMatchings() {
        // Shrinking machine maps (nested), matched in sequence, against two annotators; compare with each scale alone.
        byte[][] maps = {columns(1, 3, 5, 7, 9), columns(3, 5, 7, 9), columns(5, 9), columns(9)};
        byte[] union = maps[0];
        List<byte[]> humans = List.of(columns(4, 8), columns(2, 6, 10));
        BoundaryScores sweep = BoundaryScores.of(N, N, maps.length, s -> maps[s], union, humans, 1.5);
        for (int s = 0; s < maps.length; s++) {
            BoundaryScores cold = one(maps[s], humans, 1.5);
            assertThat(sweep.matchedHuman()[s]).as("scale %d", s).isEqualTo(cold.matchedHuman()[0]);
            assertThat(sweep.matchedMachine()[s]).isEqualTo(cold.matchedMachine()[0]);
        }
        // Scale 0: columns 1,3,5,7,9 against 4,8 (within 1.5: 3 or 5 for 4, 7 or 9 for 8) and 2,6,10.
        assertThat(sweep.matchedHuman()[0]).isEqualTo(24.0 + 36.0);
    }

    @Test
    void theOfficialToleranceIsThreeQuartersOfAPercentOfTheDiagonal() {
        assertThat(BoundaryScores.tolerance(481, 321)).isBetween(4.33, 4.34);
    }

    @Test
    void labelBoundariesAreOneSided() {
        byte[] b = BoundaryScores.labelBoundaries(new int[] {0, 0, 1, 0, 0, 1}, 3, 2);
        assertThat(b).containsExactly(0, 1, 0, 0, 1, 0);
    }
}
