package org.supercuts.eval.dataset;

import java.nio.file.Path;
import java.util.Objects;

import org.supercuts.eval.metrics.GroundTruthMasks;
import org.supercuts.image.PlanarImage;

/**
 * A binary ground-truth mask, row-major, 1 = foreground.
 *
 * <p>Thread safety: immutable by contract (the array is not copied; do not modify it).
 *
 * @param width  width in pixels
 * @param height height in pixels
 * @param pixels 0/1 values, length width * height
 */
public record BinaryMask(int width, int height, byte[] pixels) {
    public BinaryMask {
        Objects.requireNonNull(pixels, "pixels");
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("pixels has length " + pixels.length + ", expected width*height=" + (long) width * height);
        }
    }

    /**
     * Reads a mask image: grey as it is, colour as the mean of its channels; binarised at 8-bit level 128
     * ({@link GroundTruthMasks}).
     *
     * @throws org.supercuts.image.ImageReadException naming the file when it cannot be read
     */
    public static BinaryMask read(Path file) {
        PlanarImage img = PlanarImage.read(file);
        float[] v;
        if (img.channels() == 1) {
            v = img.plane(0);
        } else {
            float[] r = img.plane(0);
            float[] g = img.plane(1);
            float[] b = img.plane(2);
            v = new float[r.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = (r[i] + g[i] + b[i]) / 3f;
            }
        }
        return new BinaryMask(img.width(), img.height(), GroundTruthMasks.binarise(v));
    }
}
