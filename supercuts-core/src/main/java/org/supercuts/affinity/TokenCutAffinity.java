package org.supercuts.affinity;

import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.linalg.AffinityMatrix;

/**
 * TokenCut's thresholded graph (Wang et al., "Self-Supervised Transformers for Unsupervised Object Discovery using
 * Normalized Cut", CVPR 2022): {@code W_ij = 1} when the cosine similarity of the two nodes' features is strictly
 * greater than {@code tau}, else {@code epsilon} (a small weight that keeps the graph connected). The diagonal follows the
 * same rule, so a node with a non-zero feature has a self-loop of weight 1, as in the paper's code (which thresholds the
 * whole similarity matrix). Defaults {@code tau = 0.2}, {@code epsilon = 1e-5} as in the paper.
 *
 * <p>Self-loops leave {@code D - W} unchanged but add 1 to every degree in the mass matrix {@code D} of
 * {@code (D - W) x = lambda D x}, which moves the eigenvectors; {@link #selfLoops(boolean) selfLoops(false)} zeroes the
 * diagonal (this library's earlier variant).
 *
 * <p>Deviations from the paper: none in the rule; TokenCut builds it over ViT patches, we build it over any regions. A
 * zero feature vector has cosine 0 with everything (the paper's {@code F.normalize} leaves it zero too).
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class TokenCutAffinity implements AffinityBuilder {
    private final double tau;
    private final double epsilon;
    private final boolean selfLoops;

    private TokenCutAffinity(double tau, double epsilon, boolean selfLoops) {
        if (!(tau >= -1 && tau <= 1)) {
            throw new IllegalArgumentException("tau must be in [-1, 1] (a cosine similarity), got " + tau);
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1), got " + epsilon);
        }
        this.tau = tau;
        this.epsilon = epsilon;
        this.selfLoops = selfLoops;
    }

    /** The paper's graph: tau 0.2, epsilon 1e-5, self-loops kept. */
    public static TokenCutAffinity defaults() {
        return new TokenCutAffinity(0.2, 1e-5, true);
    }

    /** This rule with another threshold on the cosine similarity, in [-1, 1]. */
    public TokenCutAffinity tau(double t) {
        return new TokenCutAffinity(t, epsilon, selfLoops);
    }

    /** This rule with another weight for dissimilar pairs, in (0, 1). */
    public TokenCutAffinity epsilon(double e) {
        return new TokenCutAffinity(tau, e, selfLoops);
    }

    /** Whether the diagonal follows the rule (true, the paper) or is zero (false). */
    public TokenCutAffinity selfLoops(boolean keep) {
        return new TokenCutAffinity(tau, epsilon, keep);
    }

    /** The threshold tau on the cosine similarity. */
    public double tauValue() {
        return tau;
    }

    /** The weight epsilon of pairs whose cosine is not above tau. */
    public double epsilonValue() {
        return epsilon;
    }

    /** Whether the diagonal follows the rule (the paper) rather than being zero. */
    public boolean keepsSelfLoops() {
        return selfLoops;
    }

    @Override
    public AffinityMatrix build(RegionGraph graph, RegionFeatures features) {
        Affinities.checkRegions(graph, features);
        int n = features.regions();
        double[] w = CosineAffinity.cosine(features);
        for (int i = 0; i < n * n; i++) {
            w[i] = w[i] > tau ? 1.0 : epsilon;
        }
        if (!selfLoops) {
            for (int i = 0; i < n; i++) {
                w[i * n + i] = 0;
            }
        }
        return AffinityMatrix.wrap(n, w);
    }

    @Override
    public String describe() {
        return "tokencut(tau=" + tau + ",eps=" + epsilon + (selfLoops ? "" : ",noSelfLoops") + ")";
    }
}
