package org.supercuts.retrieval;

import java.util.Locale;

import org.supercuts.graph.RegionGraph;

/**
 * How a {@link TransferResult} becomes a soft map and a mask: the foreground vote share, fused with the default
 * pipeline's saliency ({@code a · share + (1 − a) · saliency}), smoothed over the region graph, and mapped so that the
 * mask threshold t becomes 0.5 (as {@code segment} writes masks: foreground where the soft map is ≥ 0.5).
 *
 * <p>The smoothing is the manifold-ranking propagation of Zhou et al. ("Learning with Local and Global Consistency",
 * NIPS 2003; used for saliency by Yang et al., CVPR 2013): the fixed point of {@code f = (1 − β) y + β P f}, where P
 * averages a segment's neighbours weighted by shared boundary length times {@code exp(−ΔE² / 200)} of their CIELAB
 * means. It spreads each segment's vote along regions of similar colour, so that isolated wrong votes inside an object
 * or in the background are outvoted. The threshold corrects the votes' bias towards background (most annotated segments
 * are background, so an object segment's share is often below 0.5); the map is piecewise linear, [0, t] onto [0, 0.5]
 * and [t, 1] onto [0.5, 1], so the order of the values, and max-Fβ, do not change.
 *
 * <p>Deviations from the papers: the propagation runs on this library's superpixel adjacency graph with boundary-length
 * weights and is solved by 60 Jacobi iterations (error below β^60 of the start) instead of a matrix inverse.
 *
 * <p>Thread safety: immutable, safe to use from many threads.
 */
public final class TransferSoftMap {
    /** Default fusion weight a of the vote share (the rest is the default pipeline's saliency). */
    public static final double DEFAULT_FUSION = 1;
    /** Default smoothing β. */
    public static final double DEFAULT_SMOOTHING = 0.9;
    /** Default mask threshold on the fused, smoothed share. */
    public static final double DEFAULT_THRESHOLD = 0.3;
    private static final int ITERATIONS = 60;
    /** 2σ² of the colour kernel, in squared CIELAB units (σ = 10). */
    private static final double COLOUR_KERNEL = 200;

    private final double fusion;
    private final double smoothing;
    private final double threshold;

    private TransferSoftMap(double fusion, double smoothing, double threshold) {
        if (!(fusion >= 0 && fusion <= 1)) {
            throw new IllegalArgumentException("fusion weight must be in [0, 1], got " + fusion);
        }
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1), got " + smoothing);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
        this.fusion = fusion;
        this.smoothing = smoothing;
        this.threshold = threshold;
    }

    /** The settings chosen on ECSSD's odd half (docs/retrieval.md). */
    public static TransferSoftMap defaults() {
        return new TransferSoftMap(DEFAULT_FUSION, DEFAULT_SMOOTHING, DEFAULT_THRESHOLD);
    }

    /** The vote share alone, no smoothing, threshold 0.5: the plain kNN transfer. */
    public static TransferSoftMap plain() {
        return new TransferSoftMap(1, 0, 0.5);
    }

    /** This spec with fusion weight {@code a} in [0, 1] (1 = the vote share alone). */
    public TransferSoftMap fusion(double a) {
        return new TransferSoftMap(a, smoothing, threshold);
    }

    /** This spec with smoothing {@code beta} in [0, 1) (0 = none). */
    public TransferSoftMap smoothing(double beta) {
        return new TransferSoftMap(fusion, beta, threshold);
    }

    /** This spec with mask threshold {@code t} in (0, 1). */
    public TransferSoftMap threshold(double t) {
        return new TransferSoftMap(fusion, smoothing, t);
    }

    /** The fusion weight a. */
    public double fusion() {
        return fusion;
    }

    /** The smoothing β. */
    public double smoothing() {
        return smoothing;
    }

    /** The mask threshold t. */
    public double threshold() {
        return threshold;
    }

    /**
     * The soft value of every segment of {@code t.query()}, in [0, 1], foreground where ≥ 0.5.
     *
     * @throws IllegalArgumentException when the fusion or the smoothing needs what the query lacks: fusion {@code a < 1}
     *                                  needs its saliency, smoothing {@code β > 0} its region graph (both come with an
     *                                  embedder of saliency weight > 0)
     */
    public double[] segmentValues(TransferResult t) {
        ImageSegments q = t.query();
        double[] share = t.segmentShares(TransferResult.FOREGROUND);
        double[] y = share;
        if (fusion < 1) {
            if (q.saliency() == null) {
                throw new IllegalArgumentException("fusion weight " + fusion + " mixes in the saliency, but the query segments have"
                        + " none; embed them with a saliency weight > 0 or use fusion 1");
            }
            y = new double[share.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = fusion * share[i] + (1 - fusion) * q.saliency()[i];
            }
        }
        if (smoothing > 0) {
            if (q.segmentation() == null) {
                throw new IllegalArgumentException("smoothing " + smoothing + " needs the query's region graph, which only an"
                        + " embedder with a saliency weight > 0 keeps; use smoothing 0");
            }
            y = smooth(q.segmentation().regionGraph(), y, smoothing);
        }
        return rescale(y, threshold);
    }

    /** {@link #segmentValues} painted onto the pixels of the query's segments, row-major. */
    public float[] softMap(TransferResult t) {
        double[] v = segmentValues(t);
        int[] lbl = t.query().segments().backingArray();
        float[] soft = new float[lbl.length];
        for (int i = 0; i < lbl.length; i++) {
            soft[i] = (float) v[lbl[i]];
        }
        return soft;
    }

    /**
     * Per-region scores smoothed over {@code g}: the fixed point of {@code f = (1 − β) y + β P f} (see the class
     * comment); β = 0 returns a copy of {@code y}.
     *
     * @param y    one score per region of {@code g}
     * @param beta in [0, 1)
     */
    public static double[] smooth(RegionGraph g, double[] y, double beta) {
        int n = g.regionCount();
        if (y.length != n) {
            throw new IllegalArgumentException("scores: one per region needed (" + n + "), got " + y.length);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1), got " + beta);
        }
        if (beta == 0 || n == 0) {
            return y.clone();
        }
        double[] w = new double[g.neighbourStart(n - 1) + g.degree(n - 1)];
        double[] degree = new double[n];
        for (int r = 0; r < n; r++) {
            for (int k = g.neighbourStart(r); k < g.neighbourStart(r) + g.degree(r); k++) {
                int q = g.neighbour(k);
                double d2 = 0;
                for (int c = 0; c < 3; c++) {
                    double dl = g.meanLab(r, c) - g.meanLab(q, c);
                    d2 += dl * dl;
                }
                w[k] = g.boundaryLength(k) * Math.exp(-d2 / COLOUR_KERNEL);
                degree[r] += w[k];
            }
        }
        double[] f = y.clone();
        double[] next = new double[n];
        for (int it = 0; it < ITERATIONS; it++) {
            for (int r = 0; r < n; r++) {
                double acc = 0;
                for (int k = g.neighbourStart(r); k < g.neighbourStart(r) + g.degree(r); k++) {
                    acc += w[k] * f[g.neighbour(k)];
                }
                next[r] = degree[r] > 0 ? (1 - beta) * y[r] + beta * acc / degree[r] : y[r];
            }
            double[] swap = f;
            f = next;
            next = swap;
        }
        return f;
    }

    /**
     * Values clamped to [0, 1] and mapped piecewise linearly, [0, t] onto [0, 0.5] and [t, 1] onto [0.5, 1], so that a
     * mask at 0.5 of the result is the mask at {@code t} of the input.
     */
    public static double[] rescale(double[] p, double t) {
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double v = Math.max(0, Math.min(1, p[i]));
            q[i] = v < t ? 0.5 * v / t : 0.5 + 0.5 * (v - t) / (1 - t);
        }
        return q;
    }

    /** A short description for provenance and the command's summary. */
    public String describe() {
        return String.format(Locale.ROOT, "fusion %.2f, smoothing %.2f, threshold %.2f", fusion, smoothing, threshold);
    }
}
