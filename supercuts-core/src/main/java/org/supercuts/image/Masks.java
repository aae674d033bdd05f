package org.supercuts.image;

import java.awt.image.BufferedImage;
import java.util.Optional;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Binary mask utilities on row-major {@code byte[]} masks (0 = background, non-zero = foreground).
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Masks {
    private Masks() {
    }

    /** Thresholds a soft map: 1 where {@code soft[i] >= threshold}. */
    public static byte[] threshold(float[] soft, double threshold) {
        byte[] mask = new byte[soft.length];
        for (int i = 0; i < soft.length; i++) {
            mask[i] = soft[i] >= threshold ? (byte) 1 : 0;
        }
        return mask;
    }

    /** Number of foreground pixels. */
    public static int count(byte[] mask) {
        int c = 0;
        for (byte b : mask) {
            if (b != 0) {
                c++;
            }
        }
        return c;
    }

    /**
     * The bounding box of the largest 4-connected foreground component (the object box of the CorLoc protocol used by
     * TokenCut and Deep Spectral Methods), or empty when the mask has no foreground.
     */
    public static Optional<BoundingBox> largestComponentBox(byte[] mask, int width, int height) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask has length " + mask.length + ", expected width*height=" + width * height);
        }
        int[] comp = new int[mask.length];
        int[] queue = new int[mask.length];
        int best = 0;
        int[] bestBox = null;
        int id = 0;
        for (int s = 0; s < mask.length; s++) {
            if (mask[s] == 0 || comp[s] != 0) {
                continue;
            }
            id++;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            comp[s] = id;
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = -1;
            int y1 = -1;
            while (head < tail) {
                int p = queue[head++];
                int x = p % width;
                int y = p / width;
                x0 = Math.min(x0, x);
                y0 = Math.min(y0, y);
                x1 = Math.max(x1, x);
                y1 = Math.max(y1, y);
                if (x > 0 && mask[p - 1] != 0 && comp[p - 1] == 0) {
                    comp[p - 1] = id;
                    queue[tail++] = p - 1;
                }
                if (x + 1 < width && mask[p + 1] != 0 && comp[p + 1] == 0) {
                    comp[p + 1] = id;
                    queue[tail++] = p + 1;
                }
                if (y > 0 && mask[p - width] != 0 && comp[p - width] == 0) {
                    comp[p - width] = id;
                    queue[tail++] = p - width;
                }
                if (y + 1 < height && mask[p + width] != 0 && comp[p + width] == 0) {
                    comp[p + width] = id;
                    queue[tail++] = p + width;
                }
            }
            if (tail > best) {
                best = tail;
                bestBox = new int[] {x0, y0, x1 + 1, y1 + 1};
            }
        }
        return bestBox == null ? Optional.empty() : Optional.of(new BoundingBox(bestBox[0], bestBox[1], bestBox[2], bestBox[3]));
    }

    /** A binary mask (non-zero = foreground) as an 8-bit grey picture with values 0 and 255. */
    public static BufferedImage toBufferedImage(byte[] mask, int width, int height) {
        checkLength(mask.length, width, height, "mask");
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] grey = greyPixels(out);
        for (int i = 0; i < grey.length; i++) {
            grey[i] = mask[i] != 0 ? (byte) 255 : 0;
        }
        return out;
    }

    /** A soft map in [0, 1] as an 8-bit grey picture (value * 255, rounded, clamped). */
    public static BufferedImage softToBufferedImage(float[] soft, int width, int height) {
        checkLength(soft.length, width, height, "soft map");
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] grey = greyPixels(out);
        for (int i = 0; i < grey.length; i++) {
            int v = Math.round(soft[i] * 255f);
            grey[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return out;
    }

    /** The sample array of a new TYPE_BYTE_GRAY image: one byte per pixel, row-major, written directly. */
    private static byte[] greyPixels(BufferedImage fresh) {
        return ((java.awt.image.DataBufferByte) fresh.getRaster().getDataBuffer()).getData();
    }

    /**
     * A copy-free ImgLib2 view (X, Y) of a mask: the image reads and writes {@code mask} itself (values as stored, 1 =
     * foreground in the pipeline's masks).
     */
    public static ArrayImg<UnsignedByteType, ByteArray> asImg(byte[] mask, int width, int height) {
        checkLength(mask.length, width, height, "mask");
        return ArrayImgs.unsignedBytes(mask, width, height);
    }

    /** A copy-free ImgLib2 view (X, Y) of a soft map (values in [0, 1]). */
    public static ArrayImg<FloatType, FloatArray> softAsImg(float[] soft, int width, int height) {
        checkLength(soft.length, width, height, "soft map");
        return ArrayImgs.floats(soft, width, height);
    }

    private static void checkLength(int length, int width, int height, String what) {
        if (length != width * height) {
            throw new IllegalArgumentException(what + " has length " + length + ", expected width*height=" + width * height);
        }
    }
}
