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
 * @param width    width in pixels
 * @param height   height in pixels
 * @param pixels   0/1 values, length width * height
 * @param zeroOne  whether the file stored 0/1 values instead of 0/255 (read as binary, 1 = foreground)
 */
public record BinaryMask(int width, int height, byte[] pixels, boolean zeroOne) {
    /** Below 1.5 / 255 the largest value of a mask is level 1: a 0/1 mask. */
    private static final float ZERO_ONE_LIMIT = 1.5f / 255f;

    public BinaryMask {
        Objects.requireNonNull(pixels, "pixels");
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("pixels has length " + pixels.length + ", expected width*height=" + (long) width * height);
        }
    }

    /** A mask that was not read from a 0/1 file. */
    public BinaryMask(int width, int height, byte[] pixels) {
        this(width, height, pixels, false);
    }

    /**
     * Reads a mask image: grey as it is, colour as the mean of its channels; binarised at 8-bit level 128
     * ({@link GroundTruthMasks}). A mask whose largest value is 1 (of 255, or of 65535 for 16 bit), the common 0/1 format,
     * is read as binary with every non-zero pixel foreground, and says so ({@link #zeroOne()}) so that callers can warn.
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
        float max = 0f;
        for (float x : v) {
            max = Math.max(max, x);
        }
        if (max > 0f && max < ZERO_ONE_LIMIT) {
            byte[] pixels = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                pixels[i] = v[i] > 0f ? (byte) 1 : 0;
            }
            return new BinaryMask(img.width(), img.height(), pixels, true);
        }
        return new BinaryMask(img.width(), img.height(), GroundTruthMasks.binarise(v), false);
    }
}
