package org.supercuts.affinity;

import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.linalg.AffinityMatrix;

/**
 * TokenCut's thresholded graph (Wang et al., CVPR 2022): {@code W_ij = 1} when the cosine similarity of the two nodes'
 * features is at least {@code tau}, else {@code epsilon} (a small weight that keeps the graph connected). Defaults
 * {@code tau = 0.2}, {@code epsilon = 1e-5} as in the paper.
 *
 * <p>Deviations from the paper: none in the rule; TokenCut builds it over ViT patches, we build it over any regions.
 * The diagonal is 0.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class TokenCutAffinity implements AffinityBuilder {
    private final double tau;
    private final double epsilon;

    private TokenCutAffinity(double tau, double epsilon) {
        if (!(tau >= -1 && tau <= 1)) {
            throw new IllegalArgumentException("tau must be in [-1, 1] (a cosine similarity), got " + tau);
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1), got " + epsilon);
        }
        this.tau = tau;
        this.epsilon = epsilon;
    }

    /** TokenCut's settings: threshold tau = 0.2, weight epsilon = 1e-5 below it. */
    public static TokenCutAffinity defaults() {
        return new TokenCutAffinity(0.2, 1e-5);
    }

    /** The cosine-similarity threshold tau, in [-1, 1]. */
    public TokenCutAffinity tau(double t) {
        return new TokenCutAffinity(t, epsilon);
    }

    /** The weight of pairs at or below tau, in (0, 1). */
    public TokenCutAffinity epsilon(double e) {
        return new TokenCutAffinity(tau, e);
    }

    @Override
    public AffinityMatrix build(RegionGraph graph, RegionFeatures features) {
        Affinities.checkRegions(graph, features);
        int n = features.regions();
        double[] w = CosineAffinity.cosine(features);
        for (int i = 0; i < n * n; i++) {
            w[i] = w[i] >= tau ? 1.0 : epsilon;
        }
        for (int i = 0; i < n; i++) {
            w[i * n + i] = 0;
        }
        return AffinityMatrix.wrap(n, w);
    }

    @Override
    public String describe() {
        return "tokencut(tau=" + tau + ",eps=" + epsilon + ")";
    }
}
