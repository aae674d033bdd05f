package org.supercuts.eval.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Optimal linear assignment by the Hungarian (Kuhn-Munkres) method, in the O(n³) shortest-augmenting-path form with dual
 * potentials (Kuhn 1955; Munkres 1957; the potentials formulation of Edmonds &amp; Karp 1972 / Tomizawa 1971).
 *
 * <p>Written here because none of the libraries this project keeps (EJML, ImgLib2, and the other entries of the root pom)
 * offers linear assignment; commons-math3 has none either, and a general LP solver would be slower and less exact.
 *
 * <p>Rectangular problems are padded with zero-weight dummy rows or columns; rows left on a dummy column are reported as
 * unassigned ({@code -1}).
 *
 * <p>Deviations: none in the result (an optimum); ties between equal-weight assignments are broken by the iteration order.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class LinearAssignment {
    private LinearAssignment() {
    }

    /**
     * The assignment of rows to distinct columns that maximises the total weight.
     *
     * @param weights an r × c matrix of finite weights (r, c &gt;= 1, rows of equal length)
     * @return {@code columnOf[row]}, the column of each row, or -1 for rows left unassigned when r &gt; c
     */
    public static int[] maximise(double[][] weights) {
        double max = Double.NEGATIVE_INFINITY;
        check(weights);
        for (double[] row : weights) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        double[][] cost = new double[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            cost[i] = new double[weights[i].length];
            for (int j = 0; j < cost[i].length; j++) {
                cost[i][j] = max - weights[i][j];
            }
        }
        return minimise(cost);
    }

    /**
     * The assignment of rows to distinct columns that minimises the total cost.
     *
     * @param cost an r × c matrix of finite costs (r, c &gt;= 1, rows of equal length)
     * @return {@code columnOf[row]}, the column of each row, or -1 for rows left unassigned when r &gt; c
     */
    public static int[] minimise(double[][] cost) {
        check(cost);
        int rows = cost.length;
        int cols = cost[0].length;
        int n = Math.max(rows, cols);
        // 1-based square problem; dummy cells cost 0 so they never change which real cells are chosen.
        double[][] a = new double[n + 1][n + 1];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(cost[i], 0, a[i + 1], 1, cols);
        }
        double[] rowPotential = new double[n + 1];
        double[] colPotential = new double[n + 1];
        int[] rowOfCol = new int[n + 1];
        int[] previousCol = new int[n + 1];
        double[] slack = new double[n + 1];
        boolean[] visited = new boolean[n + 1];
        for (int row = 1; row <= n; row++) {
            // Grow an alternating tree from the free row until it reaches a free column (Dijkstra on reduced costs).
            rowOfCol[0] = row;
            int col = 0;
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            do {
                visited[col] = true;
                int treeRow = rowOfCol[col];
                double delta = Double.POSITIVE_INFINITY;
                int nextCol = -1;
                for (int j = 1; j <= n; j++) {
                    if (visited[j]) {
                        continue;
                    }
                    double reduced = a[treeRow][j] - rowPotential[treeRow] - colPotential[j];
                    if (reduced < slack[j]) {
                        slack[j] = reduced;
                        previousCol[j] = col;
                    }
                    if (slack[j] < delta) {
                        delta = slack[j];
                        nextCol = j;
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (visited[j]) {
                        rowPotential[rowOfCol[j]] += delta;
                        colPotential[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                col = nextCol;
            } while (rowOfCol[col] != 0);
            // Flip the augmenting path back to the root.
            do {
                int prev = previousCol[col];
                rowOfCol[col] = rowOfCol[prev];
                col = prev;
            } while (col != 0);
        }
        int[] columnOf = new int[rows];
        Arrays.fill(columnOf, -1);
        for (int j = 1; j <= n; j++) {
            int i = rowOfCol[j];
            if (i >= 1 && i <= rows && j <= cols) {
                columnOf[i - 1] = j - 1;
            }
        }
        return columnOf;
    }

    private static void check(double[][] m) {
        Objects.requireNonNull(m, "matrix");
        if (m.length == 0 || m[0] == null || m[0].length == 0) {
            throw new IllegalArgumentException("matrix must be at least 1x1, got " + m.length + " rows");
        }
        int cols = m[0].length;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length != cols) {
                throw new IllegalArgumentException("matrix row " + i + " has " + (m[i] == null ? "no" : m[i].length)
                        + " columns, expected " + cols);
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException("matrix[" + i + "][" + j + "] = " + m[i][j] + "; entries must be finite");
                }
            }
        }
    }
}
