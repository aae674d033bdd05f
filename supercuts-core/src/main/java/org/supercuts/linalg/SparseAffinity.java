package org.supercuts.linalg;

import java.util.Arrays;
import java.util.Objects;

import org.supercuts.linalg.AffinityMatrix;

/**
 * A symmetric non-negative affinity in compressed-row (CSR) form: the entries of row {@code i} are
 * {@code (column(k), weight(k))} for {@code k} in {@code [rowStart(i), rowStart(i + 1))}, columns strictly ascending, no
 * stored zeros. Used for region-adjacency graphs and k-nearest-neighbour patch graphs, where products cost O(non-zeros).
 *
 * <p>Validated at construction: row pointers monotone, columns in range and strictly ascending per row, weights finite and
 * positive, and the pattern and values symmetric (to a relative 1e-9).
 *
 * <p>Thread safety: immutable (the arrays given to {@link #of} are copied).
 */
public final class SparseAffinity implements AffinityOperator {
    private final int n;
    private final int[] start;
    private final int[] columns;
    private final double[] weights;

    private SparseAffinity(int n, int[] start, int[] columns, double[] weights) {
        this.n = n;
        this.start = start;
        this.columns = columns;
        this.weights = weights;
    }

    /**
     * A CSR affinity from its three arrays (copied, then checked).
     *
     * @throws IllegalArgumentException naming the entry that breaks a rule
     */
    public static SparseAffinity of(int n, int[] rowStart, int[] columns, double[] weights) {
        Objects.requireNonNull(rowStart, "rowStart");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(weights, "weights");
        if (n < 1) {
            throw new IllegalArgumentException("sparse affinity needs n >= 1 nodes, got " + n);
        }
        if (rowStart.length != n + 1) {
            throw new IllegalArgumentException("rowStart has length " + rowStart.length + ", expected n+1=" + (n + 1));
        }
        if (rowStart[0] != 0 || rowStart[n] != columns.length || columns.length != weights.length) {
            throw new IllegalArgumentException("rowStart[0]=" + rowStart[0] + ", rowStart[n]=" + rowStart[n] + ", columns.length="
                    + columns.length + ", weights.length=" + weights.length + "; need rowStart[0]=0 and rowStart[n]=columns.length"
                    + "=weights.length");
        }
        int[] s = rowStart.clone();
        int[] c = columns.clone();
        double[] w = weights.clone();
        for (int i = 0; i < n; i++) {
            if (s[i + 1] < s[i]) {
                throw new IllegalArgumentException("rowStart must be non-decreasing, but rowStart[" + (i + 1) + "]=" + s[i + 1]
                        + " < rowStart[" + i + "]=" + s[i]);
            }
            for (int k = s[i]; k < s[i + 1]; k++) {
                if (c[k] < 0 || c[k] >= n) {
                    throw new IllegalArgumentException("column " + c[k] + " in row " + i + " is outside [0, " + n + ")");
                }
                if (k > s[i] && c[k] <= c[k - 1]) {
                    throw new IllegalArgumentException("columns of row " + i + " must be strictly ascending, got " + c[k - 1]
                            + " then " + c[k]);
                }
                if (!Double.isFinite(w[k]) || w[k] <= 0) {
                    throw new IllegalArgumentException("affinity W[" + i + "][" + c[k] + "] = " + w[k]
                            + "; stored weights must be finite and > 0");
                }
            }
        }
        SparseAffinity a = new SparseAffinity(n, s, c, w);
        for (int i = 0; i < n; i++) {
            for (int k = s[i]; k < s[i + 1]; k++) {
                double back = a.get(c[k], i);
                if (Math.abs(back - w[k]) > 1e-9 * Math.max(1.0, Math.max(w[k], back))) {
                    throw new IllegalArgumentException("sparse affinity is not symmetric: W[" + i + "][" + c[k] + "] = " + w[k]
                            + " but W[" + c[k] + "][" + i + "] = " + back);
                }
            }
        }
        return a;
    }

    /** The non-zero entries of a dense affinity matrix. */
    public static SparseAffinity fromDense(AffinityMatrix affinity) {
        Objects.requireNonNull(affinity, "affinity");
        int n = affinity.size();
        double[] w = affinity.backingArray();
        int[] s = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (w[i * n + j] != 0) {
                    count++;
                }
            }
            s[i + 1] = s[i] + count;
        }
        return fromDense(affinity, s);
    }

    /** The non-zero entries of a dense affinity matrix whose row pointers {@code s} (non-zeros per row) are already counted. */
    static SparseAffinity fromDense(AffinityMatrix affinity, int[] s) {
        int n = affinity.size();
        double[] w = affinity.backingArray();
        int[] c = new int[s[n]];
        double[] v = new double[s[n]];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = w[i * n + j];
                if (x != 0) {
                    c[k] = j;
                    v[k++] = x;
                }
            }
        }
        return new SparseAffinity(n, s, c, v);
    }

    /**
     * The symmetric k-nearest-neighbour sparsification of a dense affinity: {@code W_ij} is kept when j is among the
     * {@code neighbours} largest off-diagonal affinities of row i, or i among those of row j (ties broken by the lower
     * column). The diagonal is dropped.
     *
     * @throws IllegalArgumentException if {@code neighbours < 1}
     */
    public static SparseAffinity nearestNeighbours(AffinityMatrix affinity, int neighbours) {
        Objects.requireNonNull(affinity, "affinity");
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be >= 1, got " + neighbours);
        }
        int n = affinity.size();
        double[] w = affinity.backingArray();
        int kk = Math.min(neighbours, n - 1);
        // Per row, a min-heap of the kk best (weight, column) seen so far; better = larger weight, then lower column.
        long[] pairs = new long[2 * n * Math.max(kk, 0)];
        int pairCount = 0;
        int[] heap = new int[Math.max(kk, 1)];
        for (int i = 0; i < n && kk > 0; i++) {
            int row = i * n;
            int size = 0;
            for (int j = 0; j < n; j++) {
                double v = w[row + j];
                if (j == i || v <= 0) {
                    continue;
                }
                if (size < kk) {
                    heap[size] = j;
                    siftUp(heap, size++, w, row);
                } else if (better(v, j, w[row + heap[0]], heap[0])) {
                    heap[0] = j;
                    siftDown(heap, size, w, row);
                }
            }
            for (int h = 0; h < size; h++) {
                pairs[pairCount++] = (long) i * n + heap[h];
                pairs[pairCount++] = (long) heap[h] * n + i;
            }
        }
        long[] keys = Arrays.copyOf(pairs, pairCount);
        Arrays.sort(keys);
        int distinct = 0;
        for (int p = 0; p < keys.length; p++) {
            if (p == 0 || keys[p] != keys[p - 1]) {
                keys[distinct++] = keys[p];
            }
        }
        int[] s = new int[n + 1];
        int[] c = new int[distinct];
        double[] v = new double[distinct];
        for (int p = 0; p < distinct; p++) {
            int i = (int) (keys[p] / n);
            int j = (int) (keys[p] % n);
            s[i + 1]++;
            c[p] = j;
            v[p] = w[i * n + j];
        }
        for (int i = 0; i < n; i++) {
            s[i + 1] += s[i];
        }
        return new SparseAffinity(n, s, c, v);
    }

    private static boolean better(double wa, int a, double wb, int b) {
        return wa > wb || (wa == wb && a < b);
    }

    private static void siftUp(int[] heap, int pos, double[] w, int row) {
        while (pos > 0) {
            int parent = (pos - 1) / 2;
            // Min-heap on "goodness": the worst kept neighbour sits at the top.
            if (better(w[row + heap[parent]], heap[parent], w[row + heap[pos]], heap[pos])) {
                int t = heap[parent];
                heap[parent] = heap[pos];
                heap[pos] = t;
                pos = parent;
            } else {
                return;
            }
        }
    }

    private static void siftDown(int[] heap, int size, double[] w, int row) {
        int pos = 0;
        while (true) {
            int l = 2 * pos + 1;
            int r = l + 1;
            int worst = pos;
            if (l < size && better(w[row + heap[worst]], heap[worst], w[row + heap[l]], heap[l])) {
                worst = l;
            }
            if (r < size && better(w[row + heap[worst]], heap[worst], w[row + heap[r]], heap[r])) {
                worst = r;
            }
            if (worst == pos) {
                return;
            }
            int t = heap[worst];
            heap[worst] = heap[pos];
            heap[pos] = t;
            pos = worst;
        }
    }

    @Override
    public int size() {
        return n;
    }

    /** The entry {@code W_ij} (0 when not stored); O(log degree). */
    public double get(int i, int j) {
        int k = Arrays.binarySearch(columns, start[i], start[i + 1], j);
        return k >= 0 ? weights[k] : 0.0;
    }

    /** Index of row {@code i}'s first stored entry (row i ends where row i + 1 starts). */
    public int rowStart(int i) {
        return start[i];
    }

    /** The column of stored entry {@code k}. */
    public int column(int k) {
        return columns[k];
    }

    /** The weight of stored entry {@code k}. */
    public double weight(int k) {
        return weights[k];
    }

    @Override
    public double[] rowSums() {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                s += weights[k];
            }
            d[i] = s;
        }
        return d;
    }

    @Override
    public double selfLoop(int i) {
        return get(i, i);
    }

    @Override
    public void forEachInRow(int i, EntryVisitor visitor) {
        for (int k = start[i]; k < start[i + 1]; k++) {
            visitor.accept(columns[k], weights[k]);
        }
    }

    @Override
    public long nonZeros() {
        return columns.length;
    }

    @Override
    public void multiply(double[] x, double[] y) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                s += weights[k] * x[columns[k]];
            }
            y[i] = s;
        }
    }

    @Override
    public SparseAffinity subgraph(int[] nodes) {
        Nodes.checkSubset(nodes, n);
        int m = nodes.length;
        int[] local = new int[n];
        Arrays.fill(local, -1);
        for (int a = 0; a < m; a++) {
            local[nodes[a]] = a;
        }
        int[] s = new int[m + 1];
        for (int a = 0; a < m; a++) {
            int i = nodes[a];
            int count = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                if (local[columns[k]] >= 0) {
                    count++;
                }
            }
            s[a + 1] = s[a] + count;
        }
        int[] c = new int[s[m]];
        double[] v = new double[s[m]];
        int f = 0;
        for (int a = 0; a < m; a++) {
            int i = nodes[a];
            // Local indices keep the global order because nodes is ascending, so columns stay sorted.
            for (int k = start[i]; k < start[i + 1]; k++) {
                int b = local[columns[k]];
                if (b >= 0) {
                    c[f] = b;
                    v[f++] = weights[k];
                }
            }
        }
        return new SparseAffinity(m, s, c, v);
    }

    /** A dense copy. */
    public AffinityMatrix toDense() {
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                w[i * n + columns[k]] = weights[k];
            }
        }
        return AffinityMatrix.wrap(n, w);
    }
}
