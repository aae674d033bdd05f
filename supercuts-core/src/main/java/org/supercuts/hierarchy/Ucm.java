package org.supercuts.hierarchy;

import java.util.Arrays;
import java.util.Objects;

import org.supercuts.image.LabelMap;

/**
 * An ultrametric contour map (Arbeláez et al., "Contour Detection and Hierarchical Image Segmentation", TPAMI 2011): the
 * boundary strength of every pixel, the height at which the two superpixels on either side of it join in the hierarchy.
 * Thresholding it at {@code t} ({@code value > t}) gives the boundaries of the level at {@code t}.
 *
 * <p>Image-size map: a pixel is on a boundary when its right or lower neighbour lies in another superpixel (one side of
 * each label change, as the superpixel metrics count it); its value is the larger of the two heights. {@link #doubleSize()}
 * gives the BSDS {@code ucm2} layout, (2H+1) x (2W+1) with pixels at odd coordinates and the boundaries between them,
 * in which the 4-connected components of the sites {@code <= t} are exactly the level's segments when every segment is
 * connected (as with agglomerative builders).
 *
 * <p>Deviations from the paper: the map is built from a merge tree over superpixels, not by the oriented watershed of a
 * pixel contour signal; the doubled layout's corner sites take the largest of their four edges.
 *
 * <p>Thread safety: immutable; accessors return copies.
 */
public final class Ucm {
    private final int width;
    private final int height;
    private final float[] values;
    private final float[] horizontal;
    private final float[] vertical;

    private Ucm(int width, int height, float[] values, float[] horizontal, float[] vertical) {
        this.width = width;
        this.height = height;
        this.values = values;
        this.horizontal = horizontal;
        this.vertical = vertical;
    }

    /** The contour map of {@code tree} over {@code superpixels}. */
    public static Ucm of(LabelMap superpixels, MergeTree tree) {
        Objects.requireNonNull(superpixels, "superpixels");
        Objects.requireNonNull(tree, "tree");
        int w = superpixels.width();
        int h = superpixels.height();
        int n = superpixels.count();
        int[] lbl = superpixels.backingArray();
        // Unique adjacent pairs, then one ultrametric look-up per pair; consecutive pixel pairs mostly repeat the last one.
        int pairsFound = 0;
        for (int i = 0; i < lbl.length; i++) {
            if ((i % w + 1 < w && lbl[i + 1] != lbl[i]) || (i + w < lbl.length && lbl[i + w] != lbl[i])) {
                pairsFound += 2;
            }
        }
        long[] keys = new long[pairsFound];
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (x + 1 < w && lbl[i + 1] != lbl[i]) {
                    keys[k++] = key(lbl[i], lbl[i + 1], n);
                }
                if (y + 1 < h && lbl[i + w] != lbl[i]) {
                    keys[k++] = key(lbl[i], lbl[i + w], n);
                }
            }
        }
        long[] pairs = Arrays.copyOf(keys, k);
        Arrays.sort(pairs);
        int u = 0;
        for (int i = 0; i < pairs.length; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                pairs[u++] = pairs[i];
            }
        }
        pairs = Arrays.copyOf(pairs, u);
        int[] a = new int[u];
        int[] b = new int[u];
        for (int i = 0; i < u; i++) {
            a[i] = (int) (pairs[i] / n);
            b[i] = (int) (pairs[i] % n);
        }
        double[] d = tree.distances(a, b);
        float[] values = new float[w * h];
        float[] hor = new float[w * h];
        float[] ver = new float[w * h];
        long lastKey = -1;
        float lastValue = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float v = 0;
                if (x + 1 < w && lbl[i + 1] != lbl[i]) {
                    long key = key(lbl[i], lbl[i + 1], n);
                    if (key != lastKey) {
                        lastKey = key;
                        lastValue = (float) finite(d[Arrays.binarySearch(pairs, key)]);
                    }
                    hor[i] = lastValue;
                    v = lastValue;
                }
                if (y + 1 < h && lbl[i + w] != lbl[i]) {
                    long key = key(lbl[i], lbl[i + w], n);
                    if (key != lastKey) {
                        lastKey = key;
                        lastValue = (float) finite(d[Arrays.binarySearch(pairs, key)]);
                    }
                    ver[i] = lastValue;
                    v = Math.max(v, lastValue);
                }
                values[i] = v;
            }
        }
        return new Ucm(w, h, values, hor, ver);
    }

    private static double finite(double d) {
        // Regions a forest never joins are separated by the strongest possible contour.
        return Double.isInfinite(d) ? Hierarchy.MAX_THRESHOLD : d;
    }

    private static long key(int a, int b, int n) {
        return a < b ? (long) a * n + b : (long) b * n + a;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The strength of pixel (x, y): 0 inside a superpixel. */
    public float value(int x, int y) {
        return values[y * width + x];
    }

    /** All values, row-major (a copy). */
    public float[] values() {
        return values.clone();
    }

    /** The backing array (not a copy; do not modify). */
    public float[] backingArray() {
        return values;
    }

    /** The boundary pixels of the level at threshold {@code t}: 1 where the value is {@code > t}. */
    public byte[] boundaries(double t) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] > t ? (byte) 1 : 0;
        }
        return out;
    }

    /** The values scaled to 16 bits ({@code round(65535 v)}, v clamped to [0, 1]), row-major, as unsigned shorts. */
    public short[] toUnsigned16() {
        short[] out = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = Math.max(0, Math.min(1, values[i]));
            out[i] = (short) Math.round(v * 65535);
        }
        return out;
    }

    /**
     * The BSDS {@code ucm2} layout: (2H+1) rows of (2W+1) values, row-major; pixel (x, y) at (2x+1, 2y+1) with value 0, the
     * boundary between (x, y) and (x+1, y) at (2x+2, 2y+1), between (x, y) and (x, y+1) at (2x+1, 2y+2), corners the
     * largest of their edges, the outer frame 0.
     */
    public float[] doubleSize() {
        int w2 = 2 * width + 1;
        int h2 = 2 * height + 1;
        float[] out = new float[w2 * h2];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (x + 1 < width) {
                    out[(2 * y + 1) * w2 + 2 * x + 2] = horizontal[i];
                }
                if (y + 1 < height) {
                    out[(2 * y + 2) * w2 + 2 * x + 1] = vertical[i];
                }
            }
        }
        for (int y = 2; y < h2 - 1; y += 2) {
            for (int x = 2; x < w2 - 1; x += 2) {
                int c = y * w2 + x;
                out[c] = Math.max(Math.max(out[c - 1], out[c + 1]), Math.max(out[c - w2], out[c + w2]));
            }
        }
        return out;
    }
}
