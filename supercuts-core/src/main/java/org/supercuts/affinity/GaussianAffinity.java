package org.supercuts.affinity;

import java.util.Arrays;

import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.linalg.AffinityMatrix;

/**
 * Gaussian affinity of region features and positions, the classic normalized-cuts weight (Shi &amp; Malik, TPAMI 2000,
 * eq. 11): {@code W_ij = exp(-|f_i - f_j|^2 / sigma_f^2) * exp(-|p_i - p_j|^2 / sigma_p^2)} for neighbouring regions and 0
 * otherwise, where p is the region centroid divided by the image diagonal.
 *
 * <p>Neighbourhoods: regions within {@code hops} steps on the region adjacency graph (default 1: adjacent regions),
 * or each region's k nearest regions in feature space ({@link #nearest(int)}, symmetrised by union), or all pairs.
 * The position term is off when {@code sigmaPosition} is infinite (the default).
 *
 * <p>Deviations from the paper: Shi and Malik work on pixels within a radius; we work on superpixels, where adjacency plays
 * the part of the radius. The diagonal is 0.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class GaussianAffinity implements AffinityBuilder {
    private enum Neighbourhood { HOPS, NEAREST, ALL }

    private final Neighbourhood mode;
    private final int reach;
    private final double sigmaFeature;
    private final double sigmaPosition;

    private GaussianAffinity(Neighbourhood mode, int reach, double sigmaFeature, double sigmaPosition) {
        if (mode == Neighbourhood.HOPS && reach < 1) {
            throw new IllegalArgumentException("hops must be >= 1, got " + reach);
        }
        if (mode == Neighbourhood.NEAREST && reach < 1) {
            throw new IllegalArgumentException("nearest must be >= 1, got " + reach);
        }
        if (!(sigmaFeature > 0) || Double.isNaN(sigmaFeature)) {
            throw new IllegalArgumentException("sigmaFeature must be > 0, got " + sigmaFeature);
        }
        if (!(sigmaPosition > 0) || Double.isNaN(sigmaPosition)) {
            throw new IllegalArgumentException("sigmaPosition must be > 0 (infinite = no position term), got " + sigmaPosition);
        }
        this.mode = mode;
        this.reach = reach;
        this.sigmaFeature = sigmaFeature;
        this.sigmaPosition = sigmaPosition;
    }

    /**
     * The default pipeline's affinity: regions within 2 hops, feature scale 0.1, no position term (2 hops measured better
     * than adjacent regions only; docs/pipeline-defaults.md). Withers keep the other settings.
     */
    public static GaussianAffinity defaults() {
        return new GaussianAffinity(Neighbourhood.HOPS, 2, 0.1, Double.POSITIVE_INFINITY);
    }

    /**
     * Adjacent regions only (1 hop), feature scale 0.1, no position term: the classic region-adjacency graph, not the
     * pipeline default ({@link #defaults()} reaches 2 hops).
     */
    public static GaussianAffinity adjacent() {
        return new GaussianAffinity(Neighbourhood.HOPS, 1, 0.1, Double.POSITIVE_INFINITY);
    }

    /** Regions within {@code h} steps on the adjacency graph. */
    public GaussianAffinity hops(int h) {
        return new GaussianAffinity(Neighbourhood.HOPS, h, sigmaFeature, sigmaPosition);
    }

    /** Each region's {@code k} nearest regions in feature space. */
    public GaussianAffinity nearest(int k) {
        return new GaussianAffinity(Neighbourhood.NEAREST, k, sigmaFeature, sigmaPosition);
    }

    /** All pairs of regions. */
    public GaussianAffinity allPairs() {
        return new GaussianAffinity(Neighbourhood.ALL, 0, sigmaFeature, sigmaPosition);
    }

    /** The feature scale sigma_f (> 0). */
    public GaussianAffinity sigmaFeature(double s) {
        return new GaussianAffinity(mode, reach, s, sigmaPosition);
    }

    /** The position scale sigma_p (> 0; infinite = no position term), on centroids divided by the image diagonal. */
    public GaussianAffinity sigmaPosition(double s) {
        return new GaussianAffinity(mode, reach, sigmaFeature, s);
    }

    @Override
    public AffinityMatrix build(RegionGraph graph, RegionFeatures features) {
        Affinities.checkRegions(graph, features);
        int n = features.regions();
        int d = features.dimension();
        double[] f = features.backingArray();
        double diag = Math.hypot(graph.width(), graph.height());
        double invF = 1 / (sigmaFeature * sigmaFeature);
        double invP = Double.isInfinite(sigmaPosition) ? 0 : 1 / (sigmaPosition * sigmaPosition);
        double[] w = new double[n * n];
        boolean[] keep = neighbourhood(graph, features, n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (keep != null && !keep[i * n + j]) {
                    continue;
                }
                double df = 0;
                for (int k = 0; k < d; k++) {
                    double t = f[i * d + k] - f[j * d + k];
                    df += t * t;
                }
                double dp = 0;
                if (invP > 0) {
                    double dx = (graph.centroidX(i) - graph.centroidX(j)) / diag;
                    double dy = (graph.centroidY(i) - graph.centroidY(j)) / diag;
                    dp = dx * dx + dy * dy;
                }
                double v = Math.exp(-df * invF - dp * invP);
                w[i * n + j] = v;
                w[j * n + i] = v;
            }
        }
        return AffinityMatrix.wrap(n, w);
    }

    /** Which pairs are neighbours (symmetric), or null for all pairs. */
    private boolean[] neighbourhood(RegionGraph graph, RegionFeatures features, int n) {
        switch (mode) {
            case ALL:
                return null;
            case NEAREST: {
                double[] sim = new double[n * n];
                int d = features.dimension();
                double[] f = features.backingArray();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int k = 0; k < d; k++) {
                            double t = f[i * d + k] - f[j * d + k];
                            s += t * t;
                        }
                        sim[i * n + j] = i == j ? 0 : 1 / (1 + s);
                    }
                }
                double[] kept = Affinities.keepNearest(sim, n, Math.min(reach, n - 1));
                boolean[] keep = new boolean[n * n];
                for (int i = 0; i < n * n; i++) {
                    keep[i] = kept[i] > 0;
                }
                return keep;
            }
            default: {
                boolean[] keep = new boolean[n * n];
                int[] dist = new int[n];
                int[] queue = new int[n];
                for (int s = 0; s < n; s++) {
                    Arrays.fill(dist, -1);
                    dist[s] = 0;
                    int head = 0;
                    int tail = 0;
                    queue[tail++] = s;
                    while (head < tail) {
                        int r = queue[head++];
                        if (dist[r] == reach) {
                            continue;
                        }
                        for (int k = graph.neighbourStart(r); k < graph.neighbourStart(r + 1); k++) {
                            int q = graph.neighbour(k);
                            if (dist[q] < 0) {
                                dist[q] = dist[r] + 1;
                                queue[tail++] = q;
                                keep[s * n + q] = true;
                            }
                        }
                    }
                }
                return keep;
            }
        }
    }

    @Override
    public String describe() {
        String hood = switch (mode) {
            case HOPS -> "hops=" + reach;
            case NEAREST -> "knn=" + reach;
            case ALL -> "all";
        };
        return "gaussian(" + hood + ",sigmaF=" + sigmaFeature + ",sigmaP=" + sigmaPosition + ")";
    }
}
