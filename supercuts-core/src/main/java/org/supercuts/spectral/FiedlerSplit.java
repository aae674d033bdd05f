package org.supercuts.spectral;

import org.supercuts.linalg.AffinityOperator;
import org.supercuts.linalg.SparseAffinity;

/**
 * Splits a node set in two by thresholding its Fiedler vector, under one {@link NCut.SplitRule}, and measures the
 * normalized cut of the result.
 *
 * <p>Thread safety: stateless; the result record is immutable by convention (its arrays are not shared).
 */
final class FiedlerSplit {
    /**
     * A two-way split.
     *
     * @param threshold {@code fiedler >= threshold} is group 0, the rest group 1
     * @param groups    the group (0 or 1) of each node
     * @param ncut      {@code cut(A,B)/vol(A) + cut(A,B)/vol(B)}
     */
    record Split(double threshold, int[] groups, double ncut) {
    }

    private FiedlerSplit() {
    }

    /**
     * The split of {@code w}'s nodes by {@code fiedler} under {@code rule}, both sides having at least {@code minSide}
     * nodes; null if no threshold gives such a split.
     *
     * @param volumeDegree the degrees used for volumes (an isolated node counted as 1)
     */
    static Split split(AffinityOperator w, double[] volumeDegree, double[] fiedler, NCut.SplitRule rule, int minSide) {
        int n = w.size();
        if (n < 2 || 2 * minSide > n) {
            return null;
        }
        return switch (rule) {
            case BEST_NCUT -> sweep(w, volumeDegree, fiedler, minSide);
            case ZERO -> fixed(w, volumeDegree, fiedler, 0.0, minSide);
            case MEAN -> {
                double s = 0;
                for (double v : fiedler) {
                    s += v;
                }
                yield fixed(w, volumeDegree, fiedler, s / n, minSide);
            }
        };
    }

    private static Split fixed(AffinityOperator w, double[] volumeDegree, double[] fiedler, double threshold, int minSide) {
        int n = fiedler.length;
        int[] groups = new int[n];
        int upper = 0;
        for (int i = 0; i < n; i++) {
            if (fiedler[i] >= threshold) {
                upper++;
            } else {
                groups[i] = 1;
            }
        }
        if (upper < minSide || n - upper < minSide || upper == 0 || upper == n) {
            return null;
        }
        return new Split(threshold, groups, value(w, volumeDegree, groups, 2));
    }

    /** Shi &amp; Malik's splitting point: the threshold over the sorted Fiedler values with the least NCut. */
    private static Split sweep(AffinityOperator w, double[] volumeDegree, double[] fiedler, int minSide) {
        int n = fiedler.length;
        int[] order = orderDescending(fiedler);
        double[] rowSum = w.rowSums();
        double total = 0;
        for (double d : volumeDegree) {
            total += d;
        }
        boolean[] inUpper = new boolean[n];
        double cut = 0;
        double volUpper = 0;
        double best = Double.POSITIVE_INFINITY;
        int bestPos = -1;
        double[] towardUpper = new double[1];
        SparseAffinity sparse = w instanceof SparseAffinity sa ? sa : null;
        for (int pos = 0; pos < n - 1; pos++) {
            int v = order[pos];
            double selfLoop;
            if (sparse != null) {
                // Same sum in the same order as the visitor below, without a call per entry.
                double toward = 0;
                selfLoop = 0;
                for (int e = sparse.rowStart(v), end = sparse.rowStart(v + 1); e < end; e++) {
                    int u = sparse.column(e);
                    if (u == v) {
                        selfLoop = sparse.weight(e);
                    } else if (inUpper[u]) {
                        toward += sparse.weight(e);
                    }
                }
                towardUpper[0] = toward;
            } else {
                towardUpper[0] = 0;
                w.forEachInRow(v, (u, x) -> {
                    if (inUpper[u] && u != v) {
                        towardUpper[0] += x;
                    }
                });
                selfLoop = w.selfLoop(v);
            }
            double offDiagonal = rowSum[v] - selfLoop;
            // Moving v up: its edges to the upper side stop being cut, its other edges start being cut.
            cut += offDiagonal - 2 * towardUpper[0];
            inUpper[v] = true;
            volUpper += volumeDegree[v];
            int size = pos + 1;
            if (fiedler[order[pos]] == fiedler[order[pos + 1]] || size < minSide || n - size < minSide) {
                continue;
            }
            double c = Math.max(cut, 0);
            double value = c / volUpper + c / (total - volUpper);
            if (value < best) {
                best = value;
                bestPos = pos;
            }
        }
        if (bestPos < 0) {
            return null;
        }
        double hi = fiedler[order[bestPos]];
        double lo = fiedler[order[bestPos + 1]];
        double threshold = lo + 0.5 * (hi - lo);
        if (!(threshold > lo)) {
            threshold = hi;
        }
        int[] groups = new int[n];
        for (int pos = bestPos + 1; pos < n; pos++) {
            groups[order[pos]] = 1;
        }
        // Recompute exactly: the running sum accumulates rounding.
        return new Split(threshold, groups, value(w, volumeDegree, groups, 2));
    }

    /**
     * Node indices sorted by {@code values} descending ({@link Double#compare} order), ties by ascending index: a stable
     * bottom-up merge sort of the identity permutation (primitive arrays; boxing the indices cost more than the sweep).
     */
    static int[] orderDescending(double[] values) {
        int n = values.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    // The right element goes first only when strictly larger: stability keeps ties in index order.
                    b[k++] = Double.compare(values[a[j]], values[a[i]]) > 0 ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * The k-way normalized cut {@code sum_c cut(S_c, V \ S_c) / vol(S_c)} of a labelling with labels 0..k-1 (for k = 2
     * this is Shi &amp; Malik's NCut). Self-loops never count in a cut.
     */
    static double value(AffinityOperator w, double[] volumeDegree, int[] labels, int k) {
        double[] cut = new double[k];
        double[] vol = new double[k];
        int n = labels.length;
        SparseAffinity sparse = w instanceof SparseAffinity sa ? sa : null;
        for (int i = 0; i < n; i++) {
            final int li = labels[i];
            vol[li] += volumeDegree[i];
            if (sparse != null) {
                // Same sum in the same order as the visitor below, without a call per entry.
                double acc = 0;
                for (int e = sparse.rowStart(i), end = sparse.rowStart(i + 1); e < end; e++) {
                    if (labels[sparse.column(e)] != li) {
                        acc += sparse.weight(e);
                    }
                }
                cut[li] += acc;
                continue;
            }
            double[] acc = new double[1];
            w.forEachInRow(i, (j, x) -> {
                if (labels[j] != li) {
                    acc[0] += x;
                }
            });
            cut[li] += acc[0];
        }
        double s = 0;
        for (int c = 0; c < k; c++) {
            if (vol[c] > 0) {
                s += cut[c] / vol[c];
            }
        }
        return s;
    }

    /** Degrees for volumes: row sums, an isolated node counted as 1 (its implicit self-loop). */
    static double[] volumeDegrees(AffinityOperator w) {
        double[] d = w.rowSums();
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] > 0)) {
                d[i] = 1.0;
            }
        }
        return d;
    }
}
