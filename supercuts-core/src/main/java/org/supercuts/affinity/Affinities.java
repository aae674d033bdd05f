package org.supercuts.affinity;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.linalg.AffinityMatrix;

/**
 * Factories and helpers for affinity builders: the weighted sum of several builders, and the kNN sparsification they share.
 *
 * <p>Thread safety: stateless static methods; the builders returned are immutable.
 */
public final class Affinities {
    private Affinities() {
    }

    /** {@code W = sum_k weight_k * W_k}: e.g. a feature affinity plus a colour affinity, as Deep Spectral Methods does. */
    public static AffinityBuilder sum(List<AffinityBuilder> builders, double[] weights) {
        Objects.requireNonNull(builders, "builders");
        Objects.requireNonNull(weights, "weights");
        if (builders.isEmpty() || builders.size() != weights.length) {
            throw new IllegalArgumentException("sum needs one weight per builder and at least one builder, got " + builders.size()
                    + " builders and " + weights.length + " weights");
        }
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0) || !Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("weights[" + k + "] = " + weights[k] + "; weights must be finite and >= 0");
            }
        }
        List<AffinityBuilder> parts = List.copyOf(builders);
        double[] ws = weights.clone();
        return new AffinityBuilder() {
            @Override
            public AffinityMatrix build(RegionGraph graph, RegionFeatures features) {
                int n = features.regions();
                double[] out = new double[n * n];
                for (int k = 0; k < parts.size(); k++) {
                    if (ws[k] == 0) {
                        continue;
                    }
                    double[] w = parts.get(k).build(graph, features).backingArray();
                    for (int i = 0; i < out.length; i++) {
                        out[i] += ws[k] * w[i];
                    }
                }
                return AffinityMatrix.wrap(n, out);
            }

            @Override
            public String describe() {
                StringBuilder s = new StringBuilder("sum(");
                for (int k = 0; k < parts.size(); k++) {
                    s.append(k == 0 ? "" : ",").append(ws[k]).append('*').append(parts.get(k).describe());
                }
                return s.append(')').toString();
            }
        };
    }

    static void checkRegions(RegionGraph graph, RegionFeatures features) {
        if (graph.regionCount() != features.regions()) {
            throw new IllegalArgumentException("features have " + features.regions() + " rows but the graph has "
                    + graph.regionCount() + " regions; they must match");
        }
    }

    /**
     * Keeps entry (i, j) when j is among the k largest entries of row i or i among the k largest of row j; zeroes the rest.
     * Ties are broken by the lower index so the result is deterministic.
     */
    static double[] keepNearest(double[] w, int n, int k) {
        boolean[] keep = new boolean[n * n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            final int row = i;
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> {
                if (a == row) {
                    return 1;
                }
                if (b == row) {
                    return -1;
                }
                int c = Double.compare(w[row * n + b], w[row * n + a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int t = 0; t < k; t++) {
                keep[i * n + order[t]] = true;
                keep[order[t] * n + i] = true;
            }
        }
        double[] out = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            out[i] = keep[i] ? w[i] : 0;
        }
        return out;
    }
}
