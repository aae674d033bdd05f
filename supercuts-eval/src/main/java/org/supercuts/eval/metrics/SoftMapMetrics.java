package org.supercuts.eval.metrics;

import java.util.Objects;

/**
 * Metrics of a soft foreground map {@code s} (values in [0, 1]) against a binary ground truth {@code g}.
 *
 * <ul>
 *   <li>MAE = (1/N) Σ_i |s_i − g_i|, with g_i ∈ {0, 1} (Perazzi et al., CVPR 2012, as used by all saliency benchmarks);</li>
 *   <li>adaptive threshold T = min(2 · mean(s), 1) (Achanta et al., CVPR 2009), prediction {@code s_i >= T}; note that
 *       an all-zero map gives T = 0 and so predicts everything.</li>
 * </ul>
 *
 * <p>Values outside [0, 1] are clamped before use, NaN is rejected.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class SoftMapMetrics {
    private SoftMapMetrics() {
    }

    /** Mean absolute error (1/N) Σ |clamp(s_i) − g_i|. */
    public static double meanAbsoluteError(float[] soft, byte[] groundTruth) {
        Objects.requireNonNull(soft, "soft");
        Objects.requireNonNull(groundTruth, "groundTruth");
        ConfusionCounts.checkLength("soft", soft.length, groundTruth.length);
        if (soft.length == 0) {
            throw new IllegalArgumentException("soft is empty; MAE needs at least one pixel");
        }
        double sum = 0;
        for (int i = 0; i < soft.length; i++) {
            double s = clamp(soft[i], i);
            sum += groundTruth[i] != 0 ? 1.0 - s : s;
        }
        return sum / soft.length;
    }

    /** The adaptive threshold min(2 · mean(s), 1). */
    public static double adaptiveThreshold(float[] soft) {
        Objects.requireNonNull(soft, "soft");
        if (soft.length == 0) {
            throw new IllegalArgumentException("soft is empty; the adaptive threshold needs at least one pixel");
        }
        double sum = 0;
        for (int i = 0; i < soft.length; i++) {
            sum += clamp(soft[i], i);
        }
        return Math.min(2 * sum / soft.length, 1.0);
    }

    /** Confusion counts of {@code s_i >= min(2 · mean(s), 1)} against the ground truth. */
    public static ConfusionCounts atAdaptiveThreshold(float[] soft, byte[] groundTruth) {
        return ConfusionCounts.ofSoft(soft, adaptiveThreshold(soft), groundTruth);
    }

    static double clamp(float v, int index) {
        if (Float.isNaN(v)) {
            throw new IllegalArgumentException("soft[" + index + "] is NaN; soft maps must be numbers in [0, 1]");
        }
        return v < 0f ? 0.0 : (v > 1f ? 1.0 : v);
    }
}
