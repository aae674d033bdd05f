package org.supercuts.selection;

import org.supercuts.refine.MaskRefiner;

/**
 * Calibrates a soft saliency map at pixel level so that 0.5 means "object": the map is stretched to [0, 1], a per-image
 * threshold t ({@link ThresholdRule}; by default the adaptive threshold of the saliency literature, {@code t = min(2 *
 * mean, 1)}, Achanta et al., CVPR 2009) is mapped to 0.5 with [0, t] and [t, 1] stretched linearly onto [0, 0.5) and
 * [0.5, 1]; then an optional logistic sharpening about 0.5 (rescaled to keep 0 and 1) moves confident pixels towards 0
 * and 1. Used after multi-scale averaging, where per-scale calibration no longer holds.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class SaliencyCalibration implements MaskRefiner {
    private final double sharpness;
    private final ThresholdRule rule;

    private SaliencyCalibration(double sharpness, ThresholdRule rule) {
        if (!(sharpness >= 0) || !Double.isFinite(sharpness)) {
            throw new IllegalArgumentException("sharpness must be finite and >= 0, got " + sharpness);
        }
        this.sharpness = sharpness;
        this.rule = java.util.Objects.requireNonNull(rule, "rule");
    }

    /** Calibration to the adaptive threshold, without sharpening. */
    public static SaliencyCalibration adaptive() {
        return new SaliencyCalibration(0, ThresholdRule.ADAPTIVE);
    }

    /** Sharpness k of the sigmoid applied after calibration (> 0). */
    public SaliencyCalibration sharpness(double k) {
        return new SaliencyCalibration(k, rule);
    }

    /** The per-image threshold that is mapped to 0.5. */
    public SaliencyCalibration rule(ThresholdRule r) {
        return new SaliencyCalibration(sharpness, r);
    }

    @Override
    public float[] refine(org.supercuts.image.PlanarImage image, float[] soft) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : soft) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float[] out = new float[soft.length];
        if (!(hi > lo)) {
            return out;
        }
        double range = hi - lo;
        for (int i = 0; i < soft.length; i++) {
            out[i] = (float) ((soft[i] - lo) / range);
        }
        double t = rule.threshold(out);
        for (int i = 0; i < soft.length; i++) {
            double c = calibrate(out[i], t);
            out[i] = (float) (sharpness > 0 ? sharpen(c, sharpness) : c);
        }
        return out;
    }

    /** The adaptive threshold of a saliency map in [0, 1] with the given mean: {@code min(2 * mean, 1)}. */
    public static double adaptiveThreshold(double mean) {
        return Math.min(2 * mean, 1.0);
    }

    /**
     * Maps a score {@code x} in [0, 1] so that the threshold {@code t} goes to 0.5: [0, t) linearly onto [0, 0.5) and
     * [t, 1] onto [0.5, 1]. With {@code t <= 0} (an all-zero map) every score maps to 0.
     */
    public static double calibrate(double x, double t) {
        if (t <= 0) {
            return 0;
        }
        if (x >= t) {
            return t >= 1 ? 1 : 0.5 + 0.5 * (x - t) / (1 - t);
        }
        return 0.499 * x / t;
    }

    /**
     * Logistic sharpening about 0.5, {@code sigma(k (x - 0.5))} rescaled so 0 and 1 stay fixed: keeps 0.5 and every
     * ranking, moves confident scores towards 0 and 1.
     */
    public static double sharpen(double x, double k) {
        double lo = 1 / (1 + Math.exp(k / 2));
        double hi = 1 / (1 + Math.exp(-k / 2));
        double v = 1 / (1 + Math.exp(-k * (x - 0.5)));
        return Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
    }

    @Override
    public String describe() {
        return "saliency-calibration(" + rule.name().toLowerCase(java.util.Locale.ROOT) + (sharpness > 0 ? ",sharpness=" + sharpness : "") + ")";
    }
}
