package org.supercuts.eval.metrics;

import java.util.Objects;

/**
 * Pixel counts of a binary prediction against a binary ground truth: true/false positives/negatives.
 *
 * <p>Formulas (P = predicted foreground, G = ground-truth foreground, N = all pixels):
 * <ul>
 *   <li>IoU (Jaccard) = |P ∩ G| / |P ∪ G| = TP / (TP + FP + FN); defined as 1 when P and G are both empty (perfect
 *       agreement on an empty object);</li>
 *   <li>pixel accuracy = (TP + TN) / N;</li>
 *   <li>precision = TP / (TP + FP); defined as 0 when nothing is predicted (TP + FP = 0);</li>
 *   <li>recall = TP / (TP + FN); defined as 0 when the ground truth is empty.</li>
 * </ul>
 *
 * <p>Thread safety: immutable value.
 */
public record ConfusionCounts(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
    public ConfusionCounts {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got tp=" + truePositives + ", fp=" + falsePositives + ", fn="
                    + falseNegatives + ", tn=" + trueNegatives);
        }
    }

    /**
     * Counts a binary prediction against a binary ground truth (both row-major, non-zero = foreground).
     *
     * @throws IllegalArgumentException when the lengths differ
     */
    public static ConfusionCounts of(byte[] predicted, byte[] groundTruth) {
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(groundTruth, "groundTruth");
        checkLength("predicted", predicted.length, groundTruth.length);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < predicted.length; i++) {
            boolean p = predicted[i] != 0;
            boolean g = groundTruth[i] != 0;
            if (p) {
                if (g) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (g) {
                fn++;
            }
        }
        return new ConfusionCounts(tp, fp, fn, predicted.length - tp - fp - fn);
    }

    /** Counts the prediction {@code soft[i] >= threshold} against a binary ground truth. */
    public static ConfusionCounts ofSoft(float[] soft, double threshold, byte[] groundTruth) {
        Objects.requireNonNull(soft, "soft");
        Objects.requireNonNull(groundTruth, "groundTruth");
        checkLength("soft", soft.length, groundTruth.length);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < soft.length; i++) {
            boolean p = soft[i] >= threshold;
            boolean g = groundTruth[i] != 0;
            if (p) {
                if (g) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (g) {
                fn++;
            }
        }
        return new ConfusionCounts(tp, fp, fn, soft.length - tp - fp - fn);
    }

    static void checkLength(String name, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(name + " has length " + length + ", expected the ground truth's length " + expected);
        }
    }

    /** All pixels counted. */
    public long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /** TP / (TP + FP + FN), or 1 when prediction and ground truth are both empty. */
    public double iou() {
        long union = truePositives + falsePositives + falseNegatives;
        return union == 0 ? 1.0 : truePositives / (double) union;
    }

    /** (TP + TN) / N; NaN for an empty image (N = 0). */
    public double accuracy() {
        long n = total();
        return n == 0 ? Double.NaN : (truePositives + trueNegatives) / (double) n;
    }

    /** TP / (TP + FP), or 0 when nothing is predicted. */
    public double precision() {
        long predicted = truePositives + falsePositives;
        return predicted == 0 ? 0.0 : truePositives / (double) predicted;
    }

    /** TP / (TP + FN), or 0 when the ground truth is empty. */
    public double recall() {
        long actual = truePositives + falseNegatives;
        return actual == 0 ? 0.0 : truePositives / (double) actual;
    }

    /** Element-wise sum (for dataset-level pooled counts). */
    public ConfusionCounts plus(ConfusionCounts o) {
        return new ConfusionCounts(truePositives + o.truePositives, falsePositives + o.falsePositives,
                falseNegatives + o.falseNegatives, trueNegatives + o.trueNegatives);
    }
}
