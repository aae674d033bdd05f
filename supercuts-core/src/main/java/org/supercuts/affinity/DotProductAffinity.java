package org.supercuts.affinity;

import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.linalg.AffinityMatrix;

/**
 * The feature affinity of Deep Spectral Methods (Melas-Kyriazi et al., "Deep Spectral Methods: A Surprisingly Strong
 * Baseline for Unsupervised Semantic Segmentation and Localization", CVPR 2022): the dot products of the
 * feature vectors clipped at zero and divided by their maximum, {@code W = max(0, F F^T) / max(max(0, F F^T))}, the
 * diagonal kept. By default ({@link #normalized()}) every feature vector is first scaled to unit length, as the paper's
 * code does by default, which makes W the clipped cosine with unit self-loops and the scaling a no-op; {@link #raw()} uses
 * the vectors as they are.
 *
 * <p>Compared with {@link CosineAffinity}: the same off-diagonal values on unit vectors, but the diagonal is kept (1 for
 * every non-zero vector), which adds 1 to every degree of {@code (D - W) x = lambda D x}.
 *
 * <p>Deviations from the paper: none in the rule. The paper optionally adds a colour (KNN matting) affinity, off by
 * default in its code; {@link Affinities#sum} combines this builder with a colour affinity if wanted. A matrix that is zero
 * everywhere (all dot products &lt;= 0) stays zero instead of dividing by 0.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class DotProductAffinity implements AffinityBuilder {
    private final boolean normalize;

    private DotProductAffinity(boolean normalize) {
        this.normalize = normalize;
    }

    /** Unit-length feature vectors first (the paper's default). */
    public static DotProductAffinity normalized() {
        return new DotProductAffinity(true);
    }

    /** The feature vectors as given. */
    public static DotProductAffinity raw() {
        return new DotProductAffinity(false);
    }

    /** Whether the feature vectors are scaled to unit length before the dot products. */
    public boolean normalizes() {
        return normalize;
    }

    @Override
    public AffinityMatrix build(RegionGraph graph, RegionFeatures features) {
        Affinities.checkRegions(graph, features);
        int n = features.regions();
        int d = features.dimension();
        double[] f = normalize ? CosineAffinity.unitRows(features) : features.backingArray();
        double[] w = new double[n * n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += f[i * d + k] * f[j * d + k];
                }
                s = Math.max(0, s);
                w[i * n + j] = s;
                w[j * n + i] = s;
                max = Math.max(max, s);
            }
        }
        if (max > 0) {
            for (int i = 0; i < w.length; i++) {
                w[i] /= max;
            }
        }
        return AffinityMatrix.wrap(n, w);
    }

    @Override
    public String describe() {
        return "dot(clip=0,scale=max,selfLoops,normalized=" + normalize + ")";
    }
}
