package org.supercuts.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LinearAssignmentTest {

    @Test
    void smallCaseByHand() {
        // Diagonal gives 1 + 1 = 2, anti-diagonal 2 + 3 = 5.
        assertThat(LinearAssignment.maximise(new double[][] {{1, 2}, {3, 1}})).containsExactly(1, 0);
        assertThat(LinearAssignment.minimise(new double[][] {{1, 2}, {3, 1}})).containsExactly(0, 1);
    }

    @Test
    void matchesBruteForceOnRandomSquareAndRectangularProblems() {
        Random rnd = new Random(17);
        int[][] shapes = {{1, 1}, {3, 3}, {5, 5}, {6, 6}, {4, 6}, {6, 4}, {2, 5}, {5, 2}};
        for (int trial = 0; trial < 40; trial++) {
            int[] shape = shapes[trial % shapes.length];
            double[][] w = new double[shape[0]][shape[1]];
            for (double[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = rnd.nextInt(20) - 5 + rnd.nextDouble();
                }
            }
            int[] got = LinearAssignment.maximise(w);
            assertThat(distinctAssigned(got, Math.min(shape[0], shape[1]))).isTrue();
            assertThat(total(w, got)).isCloseTo(bruteForceMax(w), within(1e-9));
        }
    }

    @Test
    void rejectsBadMatrices() {
        assertThatThrownBy(() -> LinearAssignment.maximise(new double[0][0])).hasMessageContaining("at least 1x1");
        assertThatThrownBy(() -> LinearAssignment.maximise(new double[][] {{1, 2}, {3}})).hasMessageContaining("row 1 has 1");
        assertThatThrownBy(() -> LinearAssignment.minimise(new double[][] {{Double.NaN}})).hasMessageContaining("finite");
    }

    private static boolean distinctAssigned(int[] colOf, int expected) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int c : colOf) {
            if (c >= 0 && !seen.add(c)) {
                return false;
            }
        }
        return seen.size() == expected;
    }

    private static double total(double[][] w, int[] colOf) {
        double s = 0;
        for (int i = 0; i < colOf.length; i++) {
            if (colOf[i] >= 0) {
                s += w[i][colOf[i]];
            }
        }
        return s;
    }

    private static double bruteForceMax(double[][] w) {
        int rows = w.length;
        int cols = w[0].length;
        if (rows <= cols) {
            return best(w, 0, new boolean[cols], false);
        }
        // Transpose so that every row gets a column.
        double[][] t = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j][i] = w[i][j];
            }
        }
        return best(t, 0, new boolean[rows], false);
    }

    private static double best(double[][] w, int row, boolean[] used, boolean unused) {
        if (row == w.length) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.max(best, w[row][j] + best(w, row + 1, used, unused));
                used[j] = false;
            }
        }
        return best;
    }
}
