package org.supercuts.refine;

import org.supercuts.image.PlanarImage;

/**
 * One algorithm family: refinement of a soft foreground map at full resolution, guided by the image (e.g. the guided
 * filter), applied before thresholding.
 *
 * <p>Contract: returns a new row-major map of the image's size with values in [0, 1]; does not modify its input.
 *
 * <p>Thread safety: implementations are immutable and safe to call concurrently.
 */
public interface MaskRefiner {
    /** The refined soft map of {@code image} (row-major, values in [0, 1]); {@code soft} is not modified. */
    float[] refine(PlanarImage image, float[] soft);

    /** A short description of the spec, for provenance. */
    String describe();
}
