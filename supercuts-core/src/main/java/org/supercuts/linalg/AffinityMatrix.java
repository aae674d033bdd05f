package org.supercuts.linalg;

import java.util.Objects;

/**
 * A dense symmetric non-negative affinity matrix W over n nodes (regions or patches), row-major.
 *
 * <p>Validated at construction: square, symmetric (to a relative 1e-9), finite, non-negative. The diagonal is kept as
 * given; builders in this package set it to zero (no self-loops) unless documented otherwise.
 *
 * <p>Thread safety: immutable (the array given to {@link #wrap} must not be modified afterwards).
 */
public final class AffinityMatrix {
    private final int n;
    private final double[] w;

    private AffinityMatrix(int n, double[] w) {
        this.n = n;
        this.w = w;
    }

    /**
     * Wraps a row-major n x n array without copying, after checking it.
     *
     * @throws IllegalArgumentException naming the entry that breaks a rule
     */
    public static AffinityMatrix wrap(int n, double[] w) {
        Objects.requireNonNull(w, "w");
        if (n < 1) {
            throw new IllegalArgumentException("affinity matrix needs n >= 1 nodes, got " + n);
        }
        if ((long) n * n != w.length) {
            throw new IllegalArgumentException("affinity data has length " + w.length + ", expected n*n=" + ((long) n * n));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double a = w[i * n + j];
                double b = w[j * n + i];
                if (!Double.isFinite(a) || a < 0) {
                    throw new IllegalArgumentException("affinity W[" + i + "][" + j + "] = " + a + "; affinities must be finite and >= 0");
                }
                if (Math.abs(a - b) > 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)))) {
                    throw new IllegalArgumentException("affinity is not symmetric: W[" + i + "][" + j + "] = " + a + " but W[" + j
                            + "][" + i + "] = " + b);
                }
            }
        }
        return new AffinityMatrix(n, w);
    }

    /** Number of nodes n (the matrix is n x n). */
    public int size() {
        return n;
    }

    /** The weight W_ij. */
    public double get(int i, int j) {
        return w[i * n + j];
    }

    /** Row sums (degrees) d_i = sum_j W_ij. */
    public double[] degrees() {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += w[row + j];
            }
            d[i] = s;
        }
        return d;
    }

    /** y = W x. */
    public void multiply(double[] x, double[] y) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += w[row + j] * x[j];
            }
            y[i] = s;
        }
    }

    /** The backing row-major array (not a copy; do not modify). */
    public double[] backingArray() {
        return w;
    }
}
