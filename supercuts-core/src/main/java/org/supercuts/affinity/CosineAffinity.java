package org.supercuts.affinity;

import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.linalg.AffinityMatrix;

/**
 * Cosine similarity of region features clipped at 0, the feature affinity of Deep Spectral Methods (Melas-Kyriazi et al.,
 * CVPR 2022): {@code W_ij = max(0, <f_i, f_j> / (|f_i| |f_j|))}, optionally sparsified to each node's k nearest neighbours
 * (kept where either node has the other among its k most similar, so W stays symmetric).
 *
 * <p>Deviations from the paper: Deep Spectral Methods multiplies raw (unnormalised) feature products; we normalise, so the
 * affinity is scale-free for any feature extractor. The diagonal is 0 (no self-loops). A zero feature vector has zero
 * affinity to everything.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class CosineAffinity implements AffinityBuilder {
    private final int nearest;

    private CosineAffinity(int nearest) {
        if (nearest < 0) {
            throw new IllegalArgumentException("nearest must be >= 0 (0 = dense), got " + nearest);
        }
        this.nearest = nearest;
    }

    /** Dense clipped cosine affinity. */
    public static CosineAffinity dense() {
        return new CosineAffinity(0);
    }

    /** Keeps, for each node, its {@code k} most similar nodes (symmetrised by union); 0 = dense. */
    public CosineAffinity nearest(int k) {
        return new CosineAffinity(k);
    }

    /** Row-normalised copy of the features: unit vectors (zero rows stay zero). */
    static double[] unitRows(RegionFeatures f) {
        int n = f.regions();
        int d = f.dimension();
        double[] src = f.backingArray();
        double[] u = new double[n * d];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += src[i * d + j] * src[i * d + j];
            }
            double inv = s > 0 ? 1 / Math.sqrt(s) : 0;
            for (int j = 0; j < d; j++) {
                u[i * d + j] = src[i * d + j] * inv;
            }
        }
        return u;
    }

    /** Cosine similarity matrix (unclipped), diagonal included. */
    static double[] cosine(RegionFeatures f) {
        int n = f.regions();
        int d = f.dimension();
        double[] u = unitRows(f);
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += u[i * d + k] * u[j * d + k];
                }
                c[i * n + j] = s;
                c[j * n + i] = s;
            }
        }
        return c;
    }

    @Override
    public AffinityMatrix build(RegionGraph graph, RegionFeatures features) {
        Affinities.checkRegions(graph, features);
        int n = features.regions();
        double[] w = cosine(features);
        for (int i = 0; i < n * n; i++) {
            w[i] = Math.max(0, w[i]);
        }
        for (int i = 0; i < n; i++) {
            w[i * n + i] = 0;
        }
        if (nearest > 0 && nearest < n - 1) {
            w = Affinities.keepNearest(w, n, nearest);
        }
        return AffinityMatrix.wrap(n, w);
    }

    @Override
    public String describe() {
        return nearest == 0 ? "cosine" : "cosine(knn=" + nearest + ")";
    }
}
