/**
 * Pixels in and out: float planar images with copy-free wrapping of arrays, {@code BufferedImage}s and ImgLib2
 * images, decoding of image files as users have them ({@link org.supercuts.image.ImageDecoder}), label maps, binary
 * masks and their COCO run-length encoding, boxes, CIELAB conversion, and PNG writing (atomic to a path, or to a
 * stream, {@link org.supercuts.image.SafeFiles}). The bottom of the house: everything else builds on it. It may use only
 * {@code org.supercuts.concurrent} (row bands on a few threads).
 */
package org.supercuts.image;
