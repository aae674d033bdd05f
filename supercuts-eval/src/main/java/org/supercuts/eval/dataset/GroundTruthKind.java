package org.supercuts.eval.dataset;

/**
 * The kinds of ground truth a dataset provides, which decide the metrics the runner computes.
 *
 * <p>Thread safety: immutable enum.
 */
public enum GroundTruthKind {
    /** A binary foreground mask per image (saliency datasets, CUB). */
    MASK,
    /** Object boxes per image (VOC, CUB), for CorLoc. */
    BOXES,
    /** Several human label maps per image (BSDS500), for superpixel metrics. */
    SEGMENTATIONS
}
