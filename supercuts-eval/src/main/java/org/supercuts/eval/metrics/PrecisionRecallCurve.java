package org.supercuts.eval.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Precision and recall of one soft map at the 255 thresholds of the saliency benchmarks.
 *
 * <p>Threshold set: the soft value s ∈ [0, 1] (clamped) is quantised to the 8-bit level {@code q = round(255 s)}
 * (half up), and threshold {@code k ∈ {1, …, 255}} predicts foreground where {@code q >= k}. That is 255 thresholds; the
 * trivial threshold 0 (everything foreground) is left out. Index {@code k − 1} of {@link #precision()} and
 * {@link #recall()} holds threshold k. Soft maps saved as 8-bit PNG give exactly the same curve as the float map.
 *
 * <p>At each threshold P = TP / (TP + FP), defined as 0 when nothing is predicted (TP + FP = 0), and R = TP / (TP + FN),
 * defined as 0 when the ground truth is empty. This matches the reference evaluation code of TokenCut and SelfMask, which
 * divide by the count plus 1e-20.
 *
 * <p>F-beta = (1 + β²) P R / (β² P + R), 0 when P = R = 0; the saliency benchmarks use β² = 0.3.
 *
 * <p>Computed in O(N + 256) from two 256-bin histograms (ground-truth foreground and background pixels per level).
 *
 * <p>Thread safety: immutable; accessors return copies.
 */
public final class PrecisionRecallCurve {
    /** Number of thresholds (k = 1..255). */
    public static final int THRESHOLDS = 255;
    /** β² of the saliency benchmarks (Achanta et al. 2009). */
    public static final double BETA_SQUARED = 0.3;

    private final double[] precision;
    private final double[] recall;

    private PrecisionRecallCurve(double[] precision, double[] recall) {
        this.precision = precision;
        this.recall = recall;
    }

    /** The curve of a soft map against a binary ground truth (non-zero = foreground). */
    public static PrecisionRecallCurve of(float[] soft, byte[] groundTruth) {
        Objects.requireNonNull(soft, "soft");
        Objects.requireNonNull(groundTruth, "groundTruth");
        ConfusionCounts.checkLength("soft", soft.length, groundTruth.length);
        long[] fgAtLevel = new long[256];
        long[] bgAtLevel = new long[256];
        for (int i = 0; i < soft.length; i++) {
            int q = level(soft[i], i);
            if (groundTruth[i] != 0) {
                fgAtLevel[q]++;
            } else {
                bgAtLevel[q]++;
            }
        }
        return ofLevelCounts(fgAtLevel, bgAtLevel);
    }

    /**
     * The curve from the number of foreground and background pixels at each 8-bit level (see {@link #level}), e.g. of a
     * map that is constant on regions, counted per region.
     *
     * @throws IllegalArgumentException unless both arrays have 256 entries
     */
    public static PrecisionRecallCurve ofLevelCounts(long[] fgAtLevel, long[] bgAtLevel) {
        if (fgAtLevel.length != 256 || bgAtLevel.length != 256) {
            throw new IllegalArgumentException("level counts need 256 entries each, got " + fgAtLevel.length + " and "
                    + bgAtLevel.length);
        }
        long positives = 0;
        for (long c : fgAtLevel) {
            positives += c;
        }
        double[] p = new double[THRESHOLDS];
        double[] r = new double[THRESHOLDS];
        long tp = 0;
        long fp = 0;
        // Walk from the highest threshold down, accumulating the pixels at level >= k.
        for (int k = 255; k >= 1; k--) {
            tp += fgAtLevel[k];
            fp += bgAtLevel[k];
            p[k - 1] = tp + fp == 0 ? 0.0 : tp / (double) (tp + fp);
            r[k - 1] = positives == 0 ? 0.0 : tp / (double) positives;
        }
        return new PrecisionRecallCurve(p, r);
    }

    /**
     * Wraps stored values (for resuming from a per-image file).
     *
     * @throws IllegalArgumentException unless both arrays have 255 values in [0, 1]
     */
    public static PrecisionRecallCurve of(double[] precision, double[] recall) {
        check("precision", precision);
        check("recall", recall);
        return new PrecisionRecallCurve(precision.clone(), recall.clone());
    }

    private static void check(String name, double[] v) {
        Objects.requireNonNull(v, name);
        if (v.length != THRESHOLDS) {
            throw new IllegalArgumentException(name + " has " + v.length + " values, expected " + THRESHOLDS);
        }
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] <= 1)) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + v[i] + "; must be in [0, 1]");
            }
        }
    }

    /** The 8-bit level round(255 · clamp(s)) of a soft value. */
    public static int level(float s, int index) {
        double c = SoftMapMetrics.clamp(s, index);
        return (int) Math.floor(c * 255.0 + 0.5);
    }

    /** F-beta from precision and recall: (1 + β²) P R / (β² P + R), 0 when both are 0. */
    public static double fBeta(double precision, double recall, double betaSquared) {
        double den = betaSquared * precision + recall;
        return den == 0 ? 0.0 : (1 + betaSquared) * precision * recall / den;
    }

    /** max over the 255 thresholds of F-beta(P_k, R_k) of this image. */
    public double maxFBeta(double betaSquared) {
        double best = 0;
        for (int k = 0; k < THRESHOLDS; k++) {
            best = Math.max(best, fBeta(precision[k], recall[k], betaSquared));
        }
        return best;
    }

    /** Precision at each threshold (a copy). */
    public double[] precision() {
        return precision.clone();
    }

    /** Recall at each threshold (a copy). */
    public double[] recall() {
        return recall.clone();
    }

    double precisionAt(int index) {
        return precision[index];
    }

    double recallAt(int index) {
        return recall[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrecisionRecallCurve c && Arrays.equals(precision, c.precision) && Arrays.equals(recall, c.recall);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(precision) + Arrays.hashCode(recall);
    }
}
