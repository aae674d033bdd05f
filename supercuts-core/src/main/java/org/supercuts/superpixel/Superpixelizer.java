package org.supercuts.superpixel;

import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * One algorithm family: over-segmentation of an image into superpixels.
 *
 * <p>Contract (checked by {@code SuperpixelizerContract} in the core test jar, which every implementation's tests extend):
 * every pixel is labelled; labels are {@code 0..K-1} with no gaps; every superpixel is 4-connected; the result is a pure
 * function of the image and the spec (repeated calls and calls from several threads give identical results); any image
 * size from 1x1 up is accepted, and images of different sizes may follow each other.
 *
 * <p>Thread safety: implementations are immutable and safe to call concurrently.
 */
public interface Superpixelizer {
    /** Over-segments {@code image} (grey or RGB). */
    LabelMap segment(PlanarImage image);

    /** A short human-readable description of the spec, for provenance (e.g. {@code "slic(k=400,m=20.0,iter=10,...)"}). */
    String describe();
}
