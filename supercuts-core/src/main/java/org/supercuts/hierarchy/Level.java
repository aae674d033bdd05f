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
    public int segments() {
        return cut.segments();
    }

    public double threshold() {
        return cut.threshold();
    }

    public boolean clamped() {
        return cut.clamped();
    }

    /** Empty, or what was clamped and to what. */
    public String note() {
        return cut.note();
    }
}
