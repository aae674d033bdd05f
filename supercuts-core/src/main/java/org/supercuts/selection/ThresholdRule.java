package org.supercuts.selection;

import java.util.Objects;

/**
 * How a per-image threshold is chosen on a saliency map with values in [0, 1]; the calibration ({@link SaliencyCalibration},
 * {@code SaliencyFusion.calibrated}) maps that threshold to 0.5, so it decides the binary mask.
 *
 * <ul>
 *   <li>{@link #ADAPTIVE} — {@code min(2 * mean, 1)}, the adaptive threshold of the saliency literature (Achanta, Hemami,
 *       Estrada &amp; Süsstrunk, CVPR 2009).</li>
 *   <li>{@link #OTSU} — the threshold maximising the between-class variance of the value histogram (Otsu, IEEE SMC 1979),
 *       on 128 bins.</li>
 *   <li>{@link #BALANCED} — the mean of the two. On ECSSD's odd half (500 images, 2026-11-22) the mask IoU is .535 /
 *       .552 / .556 for ADAPTIVE / OTSU / BALANCED, and the calibrated map's max-F-beta .740 / .737 / .744: the adaptive
 *       threshold is too high on images with large objects (the mean is high), Otsu too low on cluttered maps, and their
 *       errors partly cancel. See docs/pipeline-defaults.md.</li>
 * </ul>
 *
 * <p>Values are weighted (e.g. by region area, so a region map gives the same threshold as its pixel map).
 *
 * <p>Thread safety: an enum; stateless.
 */
public enum ThresholdRule {
    /** {@code min(2 * mean, 1)}, the adaptive threshold. */
    ADAPTIVE,
    /** Otsu's threshold on 128 bins. */
    OTSU,
    /** The mean of the adaptive and Otsu thresholds (the default). */
    BALANCED;

    /** Histogram resolution of the Otsu threshold. */
    static final int BINS = 128;

    /** The threshold of values in [0, 1] weighted by {@code weights} (null = all 1). */
    public double threshold(double[] values, double[] weights) {
        double[] histogram = histogram(values, weights, BINS);
        double sum = 0;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            double w = weights == null ? 1 : weights[i];
            sum += w * values[i];
            total += w;
        }
        return threshold(histogram, total > 0 ? sum / total : 0);
    }

    /**
     * Otsu's threshold of weighted values in [0, 1] on a histogram of {@code bins} bins (see {@link #OTSU}); for callers
     * that need another resolution than the rules' 128 bins.
     */
    public static double otsu(double[] values, double[] weights, int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be >= 2, got " + bins);
        }
        return otsu(histogram(values, weights, bins));
    }

    private static double[] histogram(double[] values, double[] weights, int bins) {
        Objects.requireNonNull(values, "values");
        if (weights != null && weights.length != values.length) {
            throw new IllegalArgumentException("weights.length must equal values.length (" + values.length + "), got "
                    + weights.length);
        }
        double[] histogram = new double[bins];
        for (int i = 0; i < values.length; i++) {
            histogram[Math.max(0, Math.min(bins - 1, (int) (values[i] * bins)))] += weights == null ? 1 : weights[i];
        }
        return histogram;
    }

    /** The threshold of a pixel map with values in [0, 1]. */
    public double threshold(float[] values) {
        Objects.requireNonNull(values, "values");
        double[] histogram = new double[BINS];
        double sum = 0;
        for (float v : values) {
            histogram[bin(v)]++;
            sum += v;
        }
        return threshold(histogram, values.length > 0 ? sum / values.length : 0);
    }

    private static int bin(double v) {
        return Math.max(0, Math.min(BINS - 1, (int) (v * BINS)));
    }

    private double threshold(double[] histogram, double mean) {
        return switch (this) {
            case ADAPTIVE -> SaliencyCalibration.adaptiveThreshold(mean);
            case OTSU -> otsu(histogram);
            case BALANCED -> 0.5 * (otsu(histogram) + SaliencyCalibration.adaptiveThreshold(mean));
        };
    }

    /**
     * Otsu's threshold of a histogram over [0, 1]: the upper edge of the last background bin of the split with the largest
     * between-class variance; 0.5 when no split separates two non-empty classes (a constant map).
     */
    static double otsu(double[] histogram) {
        int bins = histogram.length;
        double total = 0;
        double moment = 0;
        for (int i = 0; i < bins; i++) {
            total += histogram[i];
            moment += (i + 0.5) * histogram[i];
        }
        double weightBelow = 0;
        double momentBelow = 0;
        double best = -1;
        int bestBin = -1;
        for (int i = 0; i < bins - 1; i++) {
            weightBelow += histogram[i];
            momentBelow += (i + 0.5) * histogram[i];
            double weightAbove = total - weightBelow;
            if (weightBelow <= 0 || weightAbove <= 0) {
                continue;
            }
            double meanBelow = momentBelow / weightBelow;
            double meanAbove = (moment - momentBelow) / weightAbove;
            double between = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                bestBin = i;
            }
        }
        return bestBin < 0 ? 0.5 : (bestBin + 1.0) / bins;
    }
}
