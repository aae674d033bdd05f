package org.supercuts.hierarchy;

import org.supercuts.image.LabelMap;

/**
 * One level of a {@link Hierarchy}: the segmentation as a label map of the image, and the {@link Cut} of the merge tree it
 * comes from (segment count, threshold, whether the requested scale was clamped and how).
 *
 * <p>Thread safety: immutable.
 *
 * @param labels the segmentation, one label per pixel, {@code 0..segments-1}
 * @param cut    the cut of the merge tree over the superpixels
 */
public record Level(LabelMap labels, Cut cut) {
    /** Number of segments of this level. */
    public int segments() {
        return cut.segments();
    }

    /** The threshold of this level on the merge heights. */
    public double threshold() {
        return cut.threshold();
    }

    /** True when the requested scale was outside the range and clamped. */
    public boolean clamped() {
        return cut.clamped();
    }

    /** Empty, or what was clamped and to what. */
    public String note() {
        return cut.note();
    }
}
