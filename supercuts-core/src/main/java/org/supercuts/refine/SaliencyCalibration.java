package org.supercuts.refine;

/**
 * Calibrates a soft saliency map at pixel level so that 0.5 means "object": the adaptive threshold of the saliency
 * literature, {@code t = min(2 * mean, 1)} (Achanta et al., CVPR 2009), is mapped to 0.5 with [0, t] and [t, 1] stretched
 * linearly onto [0, 0.5) and [0.5, 1]; then an optional logistic sharpening about 0.5 (rescaled to keep 0 and 1) moves
 * confident pixels towards 0 and 1. Used after multi-scale averaging, where per-scale calibration no longer holds.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class SaliencyCalibration implements MaskRefiner {
    private final double sharpness;

    private SaliencyCalibration(double sharpness) {
        if (!(sharpness >= 0) || !Double.isFinite(sharpness)) {
            throw new IllegalArgumentException("sharpness must be finite and >= 0, got " + sharpness);
        }
        this.sharpness = sharpness;
    }

    /** Calibration without sharpening. */
    public static SaliencyCalibration adaptive() {
        return new SaliencyCalibration(0);
    }

    public SaliencyCalibration sharpness(double k) {
        return new SaliencyCalibration(k);
    }

    @Override
    public float[] refine(org.supercuts.image.PlanarImage image, float[] soft) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float v : soft) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            sum += v;
        }
        float[] out = new float[soft.length];
        if (!(hi > lo)) {
            return out;
        }
        double range = hi - lo;
        double mean = (sum / soft.length - lo) / range;
        double t = Math.min(2 * mean, 1.0);
        double sLo = 1 / (1 + Math.exp(sharpness / 2));
        double sHi = 1 / (1 + Math.exp(-sharpness / 2));
        for (int i = 0; i < soft.length; i++) {
            double x = (soft[i] - lo) / range;
            double c;
            if (x >= t) {
                c = t >= 1 ? 1 : 0.5 + 0.5 * (x - t) / (1 - t);
            } else {
                c = 0.499 * x / t;
            }
            if (sharpness > 0) {
                double v = 1 / (1 + Math.exp(-sharpness * (c - 0.5)));
                c = (v - sLo) / (sHi - sLo);
            }
            out[i] = (float) Math.min(1, Math.max(0, c));
        }
        return out;
    }

    @Override
    public String describe() {
        return "saliency-calibration(adaptive" + (sharpness > 0 ? ",sharpness=" + sharpness : "") + ")";
    }
}
