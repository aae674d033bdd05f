package org.supercuts.selection;

import java.util.List;
import java.util.Objects;

import org.supercuts.selection.SaliencyCalibration;
import org.supercuts.selection.ThresholdRule;

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
    /** The threshold mapped to 0.5, or null = no calibration. */
    private final ThresholdRule calibrate;
    private final double sharpness;
    private final double centerSigma;
    private final double treeWeight;
    private final int[] treeSegments;
    private final double minContrast;

    private SaliencyFusion(List<ObjectSelector> parts, double[] weights, boolean stretch, ThresholdRule calibrate, double sharpness,
            double centerSigma, double treeWeight, int[] treeSegments, double minContrast) {
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
        if (!(centerSigma > 0)) {
            throw new IllegalArgumentException("centerSigma must be > 0 (infinite = no centre bias), got " + centerSigma);
        }
        this.centerSigma = centerSigma;
        if (!(treeWeight >= 0 && treeWeight <= 1)) {
            throw new IllegalArgumentException("treeWeight must be in [0, 1], got " + treeWeight);
        }
        if (treeSegments.length == 0) {
            throw new IllegalArgumentException("treeSegments must name at least one level, got none");
        }
        for (int k : treeSegments) {
            if (k < 2) {
                throw new IllegalArgumentException("treeSegments must be >= 2, got " + k);
            }
        }
        this.treeWeight = treeWeight;
        this.treeSegments = treeSegments.clone();
        if (!(minContrast >= 0) || !Double.isFinite(minContrast)) {
            throw new IllegalArgumentException("minContrast must be finite and >= 0 (CIELAB Delta E), got " + minContrast);
        }
        this.minContrast = minContrast;
    }

    /** Weighted mean of the selectors' scores (weights are normalised to sum to 1). */
    public static SaliencyFusion of(List<ObjectSelector> parts, double... weights) {
        return new SaliencyFusion(parts, weights, false, null, 0, Double.POSITIVE_INFINITY, 0, new int[] {16}, 0);
    }

    /** Rescale the fused score to [0, 1] (min to 0, max to 1) before thresholding. */
    public SaliencyFusion stretched(boolean s) {
        return new SaliencyFusion(parts, weights, s, calibrate, sharpness, centerSigma, treeWeight, treeSegments, minContrast);
    }

    /**
     * Calibrate the fused score so that the adaptive threshold of the saliency literature (twice the pixel-weighted mean,
     * at most 1) maps to 0.5, after stretching; same as {@code calibrated(ThresholdRule.ADAPTIVE)} or off.
     */
    public SaliencyFusion calibrated(boolean c) {
        return calibrated(c ? ThresholdRule.ADAPTIVE : null);
    }

    /**
     * Calibrate the fused score so that the rule's per-image threshold (regions weighted by area) maps to 0.5, after
     * stretching; null = no calibration.
     */
    public SaliencyFusion calibrated(ThresholdRule rule) {
        return new SaliencyFusion(parts, weights, stretch, rule, sharpness, centerSigma, treeWeight, treeSegments, minContrast);
    }

    /**
     * Sharpens the final score with a logistic curve about 0.5, {@code g(x) = sigma(k (x - 0.5))} rescaled so that
     * g(0) = 0 and g(1) = 1 (0 = off). It leaves the mask at 0.5 and every threshold ranking unchanged (so max-F-beta too)
     * and moves confident scores towards 0 and 1, which is what MAE rewards.
     */
    public SaliencyFusion sharpness(double k) {
        return new SaliencyFusion(parts, weights, stretch, calibrate, k, centerSigma, treeWeight, treeSegments, minContrast);
    }

    /**
     * Multiplies the fused score by a centre bias {@code exp(-r^2 / (2 sigma^2))}, where r is the distance of the region's
     * centroid from the image centre with x and y each scaled to [-0.5, 0.5] (the photographer's centre bias, a standard
     * saliency prior, e.g. Judd et al., ICCV 2009); infinite sigma = off.
     */
    public SaliencyFusion centerBias(double sigma) {
        return new SaliencyFusion(parts, weights, stretch, calibrate, sharpness, sigma, treeWeight, treeSegments, minContrast);
    }

    /**
     * Snaps the score to the normalized-cut hierarchy: each region's score becomes {@code (1 - w) s + w m}, where m is the
     * area-weighted mean score of the region's segment in the partition with {@code segments} segments (the coarsest cut of
     * the partition tree with at least that many). Regions that the spectral cut groups together then agree, as in
     * hierarchical saliency (Yan, Xu, Shi &amp; Jia, CVPR 2013), with the hierarchy from normalized cuts instead of
     * scale-space merging. {@code w = 0} is off.
     */
    public SaliencyFusion treeSmoothing(double w, int... segments) {
        return new SaliencyFusion(parts, weights, stretch, calibrate, sharpness, centerSigma, w, segments, minContrast);
    }

    /**
     * Below this colour contrast (CIELAB Delta E between the extreme region colours, per channel range) the image has no
     * visible structure and every score is 0 (no object), instead of the centre or border priors inventing one. 2.3 is the
     * just-noticeable difference of CIELAB (Sharma &amp; Trussell, "Digital Color Imaging", 1997); 0 = off.
     */
    public SaliencyFusion minContrast(double deltaE) {
        return new SaliencyFusion(parts, weights, stretch, calibrate, sharpness, centerSigma, treeWeight, treeSegments,
                deltaE);
    }

    /** The CIELAB length of the per-channel ranges of the region colours. */
    private static double colourContrast(org.supercuts.graph.RegionGraph g) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < g.regionCount(); r++) {
                lo = Math.min(lo, g.meanLab(r, c));
                hi = Math.max(hi, g.meanLab(r, c));
            }
            sum += (hi - lo) * (hi - lo);
        }
        return Math.sqrt(sum);
    }

    @Override
    public double[] foreground(Input input) {
        if (minContrast > 0 && colourContrast(input.graph()) < minContrast) {
            return new double[input.graph().regionCount()];
        }
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
        if (Double.isFinite(centerSigma)) {
            var g = input.graph();
            for (int i = 0; i < out.length; i++) {
                double dx = g.centroidX(i) / g.width() - 0.5;
                double dy = g.centroidY(i) / g.height() - 0.5;
                out[i] *= Math.exp(-(dx * dx + dy * dy) / (2 * centerSigma * centerSigma));
            }
        }
        if (treeWeight > 0 && input.partition() != null) {
            out = smoothOverTree(out, input);
        }
        double[] fused = stretch ? GraphSolvers.normalise(out) : out;
        double[] result = calibrate != null ? GraphSolvers.calibrate(fused, input.graph(), calibrate) : fused;
        return sharpness > 0 ? sharpen(result, sharpness) : result;
    }

    private double[] smoothOverTree(double[] s, Input input) {
        double[] levelMean = new double[s.length];
        for (int segments : treeSegments) {
            int[] segment = input.partition().tree().labelsWithSegments(segments);
            int m = 0;
            for (int v : segment) {
                m = Math.max(m, v + 1);
            }
            double[] sum = new double[m];
            double[] area = new double[m];
            for (int i = 0; i < s.length; i++) {
                double a = input.graph().size(i);
                sum[segment[i]] += a * s[i];
                area[segment[i]] += a;
            }
            for (int i = 0; i < s.length; i++) {
                levelMean[i] += sum[segment[i]] / area[segment[i]] / treeSegments.length;
            }
        }
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (1 - treeWeight) * s[i] + treeWeight * levelMean[i];
        }
        return out;
    }

    static double[] sharpen(double[] x, double k) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = SaliencyCalibration.sharpen(x[i], k);
        }
        return out;
    }

    @Override
    public boolean usesPartition() {
        return treeWeight > 0 || parts.stream().anyMatch(ObjectSelector::usesPartition);
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("fusion(");
        for (int k = 0; k < parts.size(); k++) {
            s.append(k == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.3f", weights[k])).append('*')
                    .append(parts.get(k).describe());
        }
        String calibration = calibrate != null ? ",calibrated=" + calibrate.name().toLowerCase(java.util.Locale.ROOT) : "";
        return s.append(stretch ? ",stretched" : "").append(calibration)
                .append(sharpness > 0 ? ",sharpness=" + sharpness : "")
                .append(Double.isFinite(centerSigma) ? ",centerSigma=" + centerSigma : "")
                .append(minContrast > 0 ? ",minContrast=" + minContrast : "")
                .append(treeWeight > 0 ? ",tree=" + treeWeight + "@" + java.util.Arrays.toString(treeSegments) + ")" : ")").toString();
    }
}
