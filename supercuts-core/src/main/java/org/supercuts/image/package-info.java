/**
 * Pixels in and out: float planar images with copy-free wrapping of arrays, {@code BufferedImage}s and ImgLib2
 * images, label maps, binary masks, boxes, CIELAB conversion and atomic PNG writing. The bottom of the house:
 * everything else builds on it. It uses no other SuperCuts package.
 */
package org.supercuts.image;
