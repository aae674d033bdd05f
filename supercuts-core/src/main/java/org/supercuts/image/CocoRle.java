package org.supercuts.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * A binary mask in the run-length encoding of the COCO API (pycocotools' {@code mask.encode}): runs counted over the
 * pixels in column-major order (down the first column, then the next), alternating background and foreground and always
 * starting with a background run (which may be 0). {@link #compressedCounts()} is the string form pycocotools writes
 * into JSON as {@code {"size": [height, width], "counts": "..."}}: each run, after the first two, is stored as the
 * difference to the run two before it, in little-endian groups of 5 bits with a continuation bit, each group offset
 * by 48 into printable ASCII.
 *
 * <p>Thread safety: immutable; {@link #counts()} returns a copy.
 */
public final class CocoRle {
    private final int height;
    private final int width;
    private final int[] counts;

    private CocoRle(int height, int width, int[] counts) {
        this.height = height;
        this.width = width;
        this.counts = counts;
    }

    /** Encodes a row-major mask (non-zero = foreground) of the given size. */
    public static CocoRle encode(byte[] mask, int width, int height) {
        Objects.requireNonNull(mask, "mask");
        checkSize(width, height);
        if (mask.length != (long) width * height) {
            throw new IllegalArgumentException("mask has length " + mask.length + ", expected width*height=" + (long) width * height);
        }
        int[] runs = new int[16];
        int n = 0;
        boolean current = false;
        int run = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean fg = mask[y * width + x] != 0;
                if (fg != current) {
                    if (n == runs.length) {
                        runs = Arrays.copyOf(runs, 2 * n);
                    }
                    runs[n++] = run;
                    run = 0;
                    current = fg;
                }
                run++;
            }
        }
        if (n == runs.length) {
            runs = Arrays.copyOf(runs, n + 1);
        }
        runs[n++] = run;
        return new CocoRle(height, width, Arrays.copyOf(runs, n));
    }

    /**
     * Reads the string form of {@link #compressedCounts()}.
     *
     * @throws IllegalArgumentException if the string is malformed or its runs do not add up to {@code height * width}
     */
    public static CocoRle fromCompressed(int height, int width, String compressed) {
        Objects.requireNonNull(compressed, "compressed");
        checkSize(width, height);
        int[] runs = new int[16];
        int n = 0;
        int p = 0;
        while (p < compressed.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= compressed.length()) {
                    throw new IllegalArgumentException("COCO RLE counts end inside a number at character " + p);
                }
                int c = compressed.charAt(p) - 48;
                if (c < 0 || c > 63) {
                    throw new IllegalArgumentException("COCO RLE counts hold '" + compressed.charAt(p) + "' at character " + p
                            + "; only characters '0'..'o' are valid");
                }
                p++;
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k); // sign extension
                }
                if (k > 7) {
                    throw new IllegalArgumentException("COCO RLE count too long at character " + p);
                }
            }
            if (n > 2) {
                x += runs[n - 2];
            }
            if (x < 0 || x > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("COCO RLE run " + n + " is " + x + "; runs must be >= 0");
            }
            if (n == runs.length) {
                runs = Arrays.copyOf(runs, 2 * n);
            }
            runs[n++] = (int) x;
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += runs[i];
        }
        if (total != (long) height * width) {
            throw new IllegalArgumentException("COCO RLE runs add up to " + total + " pixels, expected height*width="
                    + (long) height * width);
        }
        return new CocoRle(height, width, Arrays.copyOf(runs, n));
    }

    /** The counts as pycocotools' compressed string. */
    public String compressedCounts() {
        StringBuilder sb = new StringBuilder(counts.length * 2);
        for (int i = 0; i < counts.length; i++) {
            long x = counts[i];
            if (i > 2) {
                x -= counts[i - 2];
            }
            boolean more = true;
            while (more) {
                int c = (int) (x & 0x1f);
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                sb.append((char) (c + 48));
            }
        }
        return sb.toString();
    }

    /** The mask again, row-major, 1 = foreground. */
    public byte[] decode() {
        byte[] mask = new byte[height * width];
        int pos = 0;
        for (int r = 0; r < counts.length; r++) {
            if ((r & 1) == 1) {
                for (int k = pos; k < pos + counts[r]; k++) {
                    int x = k / height;
                    int y = k % height;
                    mask[y * width + x] = 1;
                }
            }
            pos += counts[r];
        }
        return mask;
    }

    /** Number of foreground pixels. */
    public long area() {
        long a = 0;
        for (int r = 1; r < counts.length; r += 2) {
            a += counts[r];
        }
        return a;
    }

    /** Mask height. */
    public int height() {
        return height;
    }

    /** Mask width. */
    public int width() {
        return width;
    }

    /** The uncompressed runs, starting with a background run (a copy). */
    public int[] counts() {
        return counts.clone();
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("mask size must be at least 1x1, got " + width + "x" + height);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CocoRle r && r.height == height && r.width == width && Arrays.equals(r.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "CocoRle[" + height + "x" + width + ", area " + area() + ", counts " + compressedCounts() + "]";
    }
}
