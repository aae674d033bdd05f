package org.supercuts.eval.metrics;

import java.util.Objects;

/**
 * Mean IoU of an unsupervised multi-class segmentation after Hungarian matching of predicted clusters to ground-truth
 * classes (the protocol of IIC, PiCIE and STEGO).
 *
 * <p>One confusion matrix C[p][g] (pixels of cluster p with class g) is accumulated over the whole dataset, ignoring
 * pixels whose ground-truth label is the ignore label (255 by default) or outside 0..classes−1. The clusters are then
 * matched one-to-one to classes by the assignment π maximising Σ_p C[p][π(p)] ({@link LinearAssignment}). With the
 * clusters relabelled by π, IoU_g = C_gg / (Σ_p C_pg + Σ_g' C_gg' − C_gg) and mIoU = (1/|classes|) Σ_g IoU_g, every
 * class counting (a class matched to no cluster has IoU 0; a class absent from the ground truth and never predicted has
 * IoU 0 too, so pass the class count actually present). Pixel accuracy = Σ_p C[p][π(p)] / Σ C.
 *
 * <p>Thread safety: not thread-safe; add from one thread or synchronise externally.
 */
public final class UnsupervisedMiou {
    /** The ground-truth label that marks pixels to ignore (as in PASCAL VOC and COCO-Stuff). */
    public static final int DEFAULT_IGNORE = 255;

    private final int clusters;
    private final int classes;
    private final int ignoreLabel;
    private final long[][] confusion;

    /**
     * @param clusters number of predicted clusters (labels 0..clusters−1), {@code >= 1}
     * @param classes  number of ground-truth classes (labels 0..classes−1), {@code >= 1}
     */
    public UnsupervisedMiou(int clusters, int classes) {
        this(clusters, classes, DEFAULT_IGNORE);
    }

    /** As {@link #UnsupervisedMiou(int, int)}, with ground-truth pixels labelled {@code ignoreLabel} left out. */
    public UnsupervisedMiou(int clusters, int classes, int ignoreLabel) {
        if (clusters < 1) {
            throw new IllegalArgumentException("clusters must be >= 1, got " + clusters);
        }
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        this.clusters = clusters;
        this.classes = classes;
        this.ignoreLabel = ignoreLabel;
        this.confusion = new long[clusters][classes];
    }

    /**
     * Adds one image.
     *
     * @throws IllegalArgumentException on a length mismatch or a predicted label outside 0..clusters−1
     */
    public void add(int[] predicted, int[] groundTruth) {
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(groundTruth, "groundTruth");
        if (predicted.length != groundTruth.length) {
            throw new IllegalArgumentException("predicted has length " + predicted.length + ", expected the ground truth's length "
                    + groundTruth.length);
        }
        for (int i = 0; i < predicted.length; i++) {
            int g = groundTruth[i];
            if (g == ignoreLabel || g < 0 || g >= classes) {
                continue;
            }
            int p = predicted[i];
            if (p < 0 || p >= clusters) {
                throw new IllegalArgumentException("predicted[" + i + "] = " + p + "; cluster labels must be in 0.." + (clusters - 1));
            }
            confusion[p][g]++;
        }
    }

    /** The matching and scores of everything added so far. */
    public Result result() {
        double[][] weights = new double[clusters][classes];
        for (int p = 0; p < clusters; p++) {
            for (int g = 0; g < classes; g++) {
                weights[p][g] = confusion[p][g];
            }
        }
        return score(LinearAssignment.maximise(weights));
    }

    private Result score(int[] classOfCluster) {
        long[] predictedAs = new long[classes];
        long[] inClass = new long[classes];
        long[] matched = new long[classes];
        long total = 0;
        for (int p = 0; p < clusters; p++) {
            int mapped = classOfCluster[p];
            for (int g = 0; g < classes; g++) {
                long c = confusion[p][g];
                total += c;
                inClass[g] += c;
                if (mapped >= 0) {
                    predictedAs[mapped] += c;
                    if (mapped == g) {
                        matched[g] += c;
                    }
                }
            }
        }
        double[] iou = new double[classes];
        double sumIou = 0;
        long correct = 0;
        for (int g = 0; g < classes; g++) {
            long union = predictedAs[g] + inClass[g] - matched[g];
            iou[g] = union == 0 ? 0.0 : matched[g] / (double) union;
            sumIou += iou[g];
            correct += matched[g];
        }
        return new Result(sumIou / classes, iou, total == 0 ? Double.NaN : correct / (double) total, classOfCluster);
    }

    /**
     * The scores with many-to-one matching instead: every cluster is mapped to the class most of its pixels carry
     * (majority vote, the protocol of MaskContrast's and Deep Spectral Methods' over-clustering results; ties go to the
     * lower class), so several clusters may share a class. IoU and accuracy are then computed as in {@link #result()}.
     * {@link Result#classOfCluster()} holds the vote (-1 for a cluster with no counted pixel).
     */
    public Result majorityVote() {
        int[] classOfCluster = new int[clusters];
        for (int p = 0; p < clusters; p++) {
            int best = -1;
            long bestCount = 0;
            for (int g = 0; g < classes; g++) {
                if (confusion[p][g] > bestCount) {
                    best = g;
                    bestCount = confusion[p][g];
                }
            }
            classOfCluster[p] = best;
        }
        return score(classOfCluster);
    }

    /**
     * Scores after matching.
     *
     * <p>Thread safety: immutable value (arrays are copies handed over at construction; do not modify).
     *
     * @param meanIou        mean over classes of the per-class IoU
     * @param classIou       IoU of each class
     * @param pixelAccuracy  matched pixels over all counted pixels
     * @param classOfCluster the class each cluster is matched to, -1 when unmatched (more clusters than classes)
     */
    public record Result(double meanIou, double[] classIou, double pixelAccuracy, int[] classOfCluster) {
    }
}
