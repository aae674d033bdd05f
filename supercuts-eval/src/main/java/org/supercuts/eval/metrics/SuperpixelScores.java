package org.supercuts.eval.metrics;

/**
 * Superpixel scores of one image (each averaged over its annotators) or of a dataset (mean over images): boundary recall,
 * undersegmentation error (Neubert-Protzel), achievable segmentation accuracy and superpixel count. See
 * {@link SuperpixelMetrics} for the formulas.
 *
 * <p>Thread safety: immutable value.
 */
public record SuperpixelScores(double boundaryRecall, double undersegmentationError, double achievableSegmentationAccuracy,
        double superpixels) {
}
