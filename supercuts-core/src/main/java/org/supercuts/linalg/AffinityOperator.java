package org.supercuts.linalg;

import java.util.Objects;

import org.supercuts.linalg.AffinityMatrix;

/**
 * A symmetric non-negative affinity W seen only through what the spectral solvers need: its size, its rows (for degrees,
 * connected components and cut values) and the product {@code y = W x}. Implemented over a dense {@link AffinityMatrix} and
 * over a compressed-row {@link SparseAffinity}; the iterative eigensolver never forms a matrix from it.
 *
 * <p>Thread safety: implementations are immutable and safe to share.
 */
public interface AffinityOperator {
    /** Receives the stored entries of one row. Thread safety: called on the caller's thread, in row order. */
    @FunctionalInterface
    interface EntryVisitor {
        /** Receives the entry of {@code column} with {@code weight}. */
        void accept(int column, double weight);
    }

    /** Number of nodes n. */
    int size();

    /** Row sums {@code d_i = sum_j W_ij} (the diagonal included), a fresh array. */
    double[] rowSums();

    /** The diagonal entry {@code W_ii} (a self-loop; it never counts in a cut). */
    double selfLoop(int i);

    /** Visits the non-zero entries {@code W_ij} of row {@code i} (the diagonal included), in ascending column order. */
    void forEachInRow(int i, EntryVisitor visitor);

    /** Number of stored non-zero entries (both triangles and the diagonal). */
    long nonZeros();

    /** {@code y = W x}; {@code x} and {@code y} have length n and must not be the same array. */
    void multiply(double[] x, double[] y);

    /**
     * {@code ys[c] = W xs[c]} for every c; implementations may read W once for all vectors (the default multiplies them
     * one by one).
     */
    default void multiplyAll(double[][] xs, double[][] ys) {
        for (int c = 0; c < xs.length; c++) {
            multiply(xs[c], ys[c]);
        }
    }

    /** The operator restricted to the given nodes (ascending, distinct): entry (a, b) is {@code W[nodes[a]][nodes[b]]}. */
    AffinityOperator subgraph(int[] nodes);

    /**
     * Wraps a dense affinity matrix, switching to compressed rows when at most a quarter of its entries are non-zero (then
     * products cost O(non-zeros) instead of O(n^2)).
     */
    static AffinityOperator of(AffinityMatrix affinity) {
        Objects.requireNonNull(affinity, "affinity");
        int n = affinity.size();
        double[] w = affinity.backingArray();
        // Row pointers of the non-zeros, counted once and reused by the conversion (the matrix is scanned twice, not three times).
        int[] rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = i * n, end = j + n; j < end; j++) {
                if (w[j] != 0) {
                    count++;
                }
            }
            rowStart[i + 1] = rowStart[i] + count;
        }
        if ((long) rowStart[n] * 4 <= (long) n * n) {
            return SparseAffinity.fromDense(affinity, rowStart);
        }
        return dense(affinity);
    }

    /** Wraps a dense affinity matrix without converting it (products cost O(n^2)). */
    static AffinityOperator dense(AffinityMatrix affinity) {
        Objects.requireNonNull(affinity, "affinity");
        return new DenseAffinityOperator(affinity.size(), affinity.backingArray());
    }
}
