package org.supercuts.spectral;

import java.util.List;
import java.util.Objects;

/**
 * Combines several object selectors by a weighted mean of their per-region scores, then optionally stretches the result
 * to [0, 1]. This is how the normalized-cut split (an oriented Fiedler vector) is fused with the classical saliency cues
 * ({@link BoundaryConnectivity}, {@link ManifoldRanking}): each is a soft score per region, and their errors are only
 * partly correlated, so the mean is more reliable than any one of them.
 *
 * <p>Thread safety: immutable, safe to call concurrently (given thread-safe parts).
 */
public final class SaliencyFusion implements ObjectSelector {
    private final List<ObjectSelector> parts;
    private final double[] weights;
    private final boolean stretch;
    private final boolean calibrate;
    private final double sharpness;

    private SaliencyFusion(List<ObjectSelector> parts, double[] weights, boolean stretch, boolean calibrate, double sharpness) {
        Objects.requireNonNull(parts, "parts");
        Objects.requireNonNull(weights, "weights");
        if (parts.isEmpty() || parts.size() != weights.length) {
            throw new IllegalArgumentException("fusion needs one weight per selector and at least one selector, got "
                    + parts.size() + " selectors and " + weights.length + " weights");
        }
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0) || !Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("weights[" + k + "] = " + weights[k] + "; weights must be finite and >= 0");
            }
            sum += weights[k];
        }
        if (sum == 0) {
            throw new IllegalArgumentException("fusion weights are all 0; at least one must be > 0");
        }
        this.parts = List.copyOf(parts);
        this.weights = weights.clone();
        for (int k = 0; k < weights.length; k++) {
            this.weights[k] /= sum;
        }
        this.stretch = stretch;
        this.calibrate = calibrate;
        if (!(sharpness >= 0) || !Double.isFinite(sharpness)) {
            throw new IllegalArgumentException("sharpness must be finite and >= 0, got " + sharpness);
        }
        this.sharpness = sharpness;
    }

    /** Weighted mean of the selectors' scores (weights are normalised to sum to 1). */
    public static SaliencyFusion of(List<ObjectSelector> parts, double... weights) {
        return new SaliencyFusion(parts, weights, false, false, 0);
    }

    /** Rescale the fused score to [0, 1] (min to 0, max to 1) before thresholding. */
    public SaliencyFusion stretched(boolean s) {
        return new SaliencyFusion(parts, weights, s, calibrate, sharpness);
    }

    /**
     * Calibrate the fused score so that the adaptive threshold of the saliency literature (twice the pixel-weighted mean,
     * at most 1) maps to 0.5, after stretching.
     */
    public SaliencyFusion calibrated(boolean c) {
        return new SaliencyFusion(parts, weights, stretch, c, sharpness);
    }

    /**
     * Sharpens the final score with a logistic curve about 0.5, {@code g(x) = sigma(k (x - 0.5))} rescaled so that
     * g(0) = 0 and g(1) = 1 (0 = off). It leaves the mask at 0.5 and every threshold ranking unchanged (so max-F-beta too)
     * and moves confident scores towards 0 and 1, which is what MAE rewards.
     */
    public SaliencyFusion sharpness(double k) {
        return new SaliencyFusion(parts, weights, stretch, calibrate, k);
    }

    @Override
    public double[] foreground(Input input) {
        double[] out = null;
        for (int k = 0; k < parts.size(); k++) {
            if (weights[k] == 0) {
                continue;
            }
            double[] s = parts.get(k).foreground(input);
            if (out == null) {
                out = new double[s.length];
            }
            for (int i = 0; i < s.length; i++) {
                out[i] += weights[k] * s[i];
            }
        }
        double[] fused = stretch ? GraphSolvers.normalise(out) : out;
        double[] result = calibrate ? GraphSolvers.calibrate(fused, input.graph()) : fused;
        return sharpness > 0 ? sharpen(result, sharpness) : result;
    }

    static double[] sharpen(double[] x, double k) {
        double lo = 1 / (1 + Math.exp(k / 2));
        double hi = 1 / (1 + Math.exp(-k / 2));
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = 1 / (1 + Math.exp(-k * (x[i] - 0.5)));
            out[i] = Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
        }
        return out;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("fusion(");
        for (int k = 0; k < parts.size(); k++) {
            s.append(k == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.3f", weights[k])).append('*')
                    .append(parts.get(k).describe());
        }
        return s.append(stretch ? ",stretched" : "").append(calibrate ? ",calibrated" : "")
                .append(sharpness > 0 ? ",sharpness=" + sharpness + ")" : ")").toString();
    }
}
