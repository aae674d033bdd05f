package org.supercuts.image;

/**
 * The eight EXIF orientations (TIFF tag 274): how the stored pixels must be turned to be seen upright. Phones store the
 * sensor's rows and record the way the camera was held here instead of rotating the pixels.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum ExifOrientation {
    /** 1: stored upright. */
    NORMAL(1, "upright"),
    /** 2: mirrored left to right. */
    FLIP_HORIZONTAL(2, "mirrored left-right"),
    /** 3: upside down. */
    ROTATE_180(3, "rotated 180 degrees"),
    /** 4: mirrored top to bottom. */
    FLIP_VERTICAL(4, "mirrored top-bottom"),
    /** 5: mirrored over the main diagonal. */
    TRANSPOSE(5, "transposed"),
    /** 6: to be turned 90 degrees clockwise (a phone held upright). */
    ROTATE_90_CW(6, "rotated 90 degrees clockwise"),
    /** 7: mirrored over the anti-diagonal. */
    TRANSVERSE(7, "transversed"),
    /** 8: to be turned 90 degrees counter-clockwise. */
    ROTATE_90_CCW(8, "rotated 90 degrees counter-clockwise");

    private final int tag;
    private final String words;

    ExifOrientation(int tag, String words) {
        this.tag = tag;
        this.words = words;
    }

    /** The EXIF value, 1..8. */
    public int tag() {
        return tag;
    }

    /** What applying it does, in words. */
    public String words() {
        return words;
    }

    /** Whether applying it swaps width and height. */
    public boolean swapsAxes() {
        return tag >= 5;
    }

    /** The orientation of EXIF value {@code tag}; values outside 1..8 (seen in broken files) mean {@link #NORMAL}. */
    public static ExifOrientation of(int tag) {
        for (ExifOrientation o : values()) {
            if (o.tag == tag) {
                return o;
            }
        }
        return NORMAL;
    }

    /** {@code image} turned upright: the stored pixels transformed as the tag says. */
    public PlanarImage apply(PlanarImage image) {
        if (this == NORMAL) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        int outW = swapsAxes() ? h : w;
        int outH = swapsAxes() ? w : h;
        float[][] planes = new float[image.channels()][];
        for (int c = 0; c < planes.length; c++) {
            float[] in = image.plane(c);
            float[] out = new float[in.length];
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    out[y * outW + x] = in[sourceY(x, y, w, h) * w + sourceX(x, y, w, h)];
                }
            }
            planes[c] = out;
        }
        return PlanarImage.wrap(outW, outH, planes);
    }

    /** The stored column shown at upright position (x, y); {@code w}, {@code h} are the stored size. */
    private int sourceX(int x, int y, int w, int h) {
        return switch (this) {
            case NORMAL, FLIP_VERTICAL -> x;
            case FLIP_HORIZONTAL, ROTATE_180 -> w - 1 - x;
            case TRANSPOSE, ROTATE_90_CW -> y;
            case TRANSVERSE, ROTATE_90_CCW -> w - 1 - y;
        };
    }

    private int sourceY(int x, int y, int w, int h) {
        return switch (this) {
            case NORMAL, FLIP_HORIZONTAL -> y;
            case ROTATE_180, FLIP_VERTICAL -> h - 1 - y;
            case TRANSPOSE, ROTATE_90_CCW -> x;
            case ROTATE_90_CW, TRANSVERSE -> h - 1 - x;
        };
    }
}
