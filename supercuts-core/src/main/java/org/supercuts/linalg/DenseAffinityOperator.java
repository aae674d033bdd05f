package org.supercuts.linalg;



/**
 * {@link AffinityOperator} over a dense row-major symmetric array.
 *
 * <p>Thread safety: immutable (the array is never written; the cached non-zero count is idempotent).
 */
final class DenseAffinityOperator implements AffinityOperator {
    private final int n;
    private final double[] w;
    /** Cached count of non-zeros, -1 until first asked (a benign race: every thread computes the same value). */
    private volatile long nonZeros = -1;

    DenseAffinityOperator(int n, double[] w) {
        this.n = n;
        this.w = w;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double[] rowSums() {
        // Sum columns instead of rows (W is symmetric): the inner loop is then a vectorisable add over a contiguous row.
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            int row = j * n;
            for (int i = 0; i < n; i++) {
                d[i] += w[row + i];
            }
        }
        return d;
    }

    @Override
    public double selfLoop(int i) {
        return w[i * n + i];
    }

    @Override
    public void forEachInRow(int i, EntryVisitor visitor) {
        int row = i * n;
        for (int j = 0; j < n; j++) {
            double v = w[row + j];
            if (v != 0) {
                visitor.accept(j, v);
            }
        }
    }

    @Override
    public long nonZeros() {
        long c = nonZeros;
        if (c < 0) {
            c = 0;
            for (double v : w) {
                if (v != 0) {
                    c++;
                }
            }
            nonZeros = c;
        }
        return c;
    }

    @Override
    public void multiply(double[] x, double[] y) {
        // y = sum_j x_j * W[:, j] = sum_j x_j * W[j, :] (symmetry). Four rows at a time: the inner loop is an axpy that the
        // JIT vectorises, and y is loaded/stored once per four rows rather than once per row.
        java.util.Arrays.fill(y, 0, n, 0.0);
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double x0 = x[j];
            double x1 = x[j + 1];
            double x2 = x[j + 2];
            double x3 = x[j + 3];
            int r0 = j * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            for (int i = 0; i < n; i++) {
                y[i] += x0 * w[r0 + i] + x1 * w[r1 + i] + x2 * w[r2 + i] + x3 * w[r3 + i];
            }
        }
        for (; j < n; j++) {
            double xj = x[j];
            int r = j * n;
            for (int i = 0; i < n; i++) {
                y[i] += xj * w[r + i];
            }
        }
    }

    @Override
    public void multiplyAll(double[][] xs, double[][] ys) {
        // One pass over W for all vectors: the matrix streams from memory once, the vectors stay in cache.
        for (double[] y : ys) {
            java.util.Arrays.fill(y, 0, n, 0.0);
        }
        int j = 0;
        for (; j + 1 < n; j += 2) {
            int r0 = j * n;
            int r1 = r0 + n;
            for (int c = 0; c < xs.length; c++) {
                double x0 = xs[c][j];
                double x1 = xs[c][j + 1];
                double[] y = ys[c];
                for (int i = 0; i < n; i++) {
                    y[i] += x0 * w[r0 + i] + x1 * w[r1 + i];
                }
            }
        }
        for (; j < n; j++) {
            int r = j * n;
            for (int c = 0; c < xs.length; c++) {
                double xj = xs[c][j];
                double[] y = ys[c];
                for (int i = 0; i < n; i++) {
                    y[i] += xj * w[r + i];
                }
            }
        }
    }

    @Override
    public AffinityOperator subgraph(int[] nodes) {
        Nodes.checkSubset(nodes, n);
        int m = nodes.length;
        double[] s = new double[m * m];
        for (int a = 0; a < m; a++) {
            int src = nodes[a] * n;
            int dst = a * m;
            for (int b = 0; b < m; b++) {
                s[dst + b] = w[src + nodes[b]];
            }
        }
        return new DenseAffinityOperator(m, s);
    }

    /** The backing row-major array (not a copy). */
    double[] array() {
        return w;
    }
}
