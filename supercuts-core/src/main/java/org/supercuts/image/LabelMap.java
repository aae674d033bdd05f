package org.supercuts.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.util.Arrays;
import java.util.Objects;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.integer.IntType;

/**
 * A dense labelling of an image: every pixel carries a label in {@code 0..count-1}, with no gaps and every label non-empty.
 *
 * <p>Use {@link #of} to validate an array you produced, or {@link #compact} to renumber an arbitrary labelling (labels in
 * order of first appearance in raster order).
 *
 * <p>Thread safety: immutable, safe to share. {@link #labels()} returns a copy; {@link #label(int, int)} and
 * {@link #asImg()} read the backing array.
 */
public final class LabelMap {
    private final int width;
    private final int height;
    private final int count;
    private final int[] labels;

    private LabelMap(int width, int height, int count, int[] labels) {
        this.width = width;
        this.height = height;
        this.count = count;
        this.labels = labels;
    }

    /**
     * Validates and wraps (without copying) a labelling whose labels are already {@code 0..K-1} with every label used.
     *
     * @throws IllegalArgumentException naming the rule that is broken
     */
    public static LabelMap of(int width, int height, int[] labels) {
        checkSize(width, height, labels);
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l < 0) {
                throw new IllegalArgumentException("labels[" + i + "] = " + l + "; labels must be >= 0");
            }
            max = Math.max(max, l);
        }
        boolean[] used = new boolean[max + 1];
        for (int l : labels) {
            used[l] = true;
        }
        for (int l = 0; l <= max; l++) {
            if (!used[l]) {
                throw new IllegalArgumentException("label " + l + " is unused but " + max
                        + " is used; labels must be 0..K-1 with no gaps (use LabelMap.compact)");
            }
        }
        return new LabelMap(width, height, max + 1, labels);
    }

    /** Renumbers any non-negative labelling into {@code 0..K-1} in order of first appearance (raster order); copies. */
    public static LabelMap compact(int width, int height, int[] labels) {
        checkSize(width, height, labels);
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + "; labels must be >= 0");
            }
            max = Math.max(max, labels[i]);
        }
        int[] map = new int[max + 1];
        Arrays.fill(map, -1);
        int[] out = new int[labels.length];
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (map[l] < 0) {
                map[l] = next++;
            }
            out[i] = map[l];
        }
        return new LabelMap(width, height, next, out);
    }

    /**
     * This labelling enlarged to {@code width x height} by pixel replication: pixel (x, y) gets the label of (x / factor,
     * y / factor), the inverse of an area reduction by {@code factor} whose output was ceil(width / factor) x ceil(height
     * / factor) (this map's size). Labels and count are unchanged.
     *
     * @throws IllegalArgumentException when the sizes do not fit that rule
     */
    public LabelMap upsample(int factor, int width, int height) {
        if (factor < 1 || (width + factor - 1) / factor != this.width || (height + factor - 1) / factor != this.height) {
            throw new IllegalArgumentException("cannot enlarge a " + this.width + "x" + this.height + " labelling by factor "
                    + factor + " to " + width + "x" + height + "; the target must be factor times the size (the last row"
                    + " and column may be cut)");
        }
        if (factor == 1) {
            return this;
        }
        int[] out = new int[Math.multiplyExact(width, height)];
        for (int y = 0; y < height; y++) {
            int src = (y / factor) * this.width;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = labels[src + x / factor];
            }
        }
        return new LabelMap(width, height, count, out);
    }

    /** Maps each region of this labelling to a group: pixel p gets {@code groupOfRegion[label(p)]}, then compacts. */
    public LabelMap mapRegions(int[] groupOfRegion) {
        Objects.requireNonNull(groupOfRegion, "groupOfRegion");
        if (groupOfRegion.length != count) {
            throw new IllegalArgumentException("groupOfRegion has length " + groupOfRegion.length + ", expected the region count "
                    + count);
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = groupOfRegion[labels[i]];
        }
        return compact(width, height, out);
    }

    private static void checkSize(int width, int height, int[] labels) {
        Objects.requireNonNull(labels, "labels");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("label map size must be at least 1x1, got width=" + width + ", height=" + height);
        }
        if ((long) width * height != labels.length) {
            throw new IllegalArgumentException("labels has length " + labels.length + ", expected width*height="
                    + ((long) width * height));
        }
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The number of labels K (labels are 0..K-1). */
    public int count() {
        return count;
    }

    /** The label of pixel (x, y). */
    public int label(int x, int y) {
        return labels[y * width + x];
    }

    /** The label of the pixel at row-major index {@code index}. */
    public int labelAt(int index) {
        return labels[index];
    }

    /** A copy of the labels, row-major. */
    public int[] labels() {
        return labels.clone();
    }

    /** The backing array (not a copy; do not modify). Hot loops use this to avoid a copy. */
    public int[] backingArray() {
        return labels;
    }

    /** Pixel count of each label. */
    public int[] sizes() {
        int[] sizes = new int[count];
        for (int l : labels) {
            sizes[l]++;
        }
        return sizes;
    }

    /** A copy-free ImgLib2 view (X, Y) of the labels. */
    public ArrayImg<IntType, IntArray> asImg() {
        return ArrayImgs.ints(labels, width, height);
    }

    /**
     * The labels as a 16-bit grey picture (pixel value = label), the format of {@code STEM-objects.png} and of BSDS-style
     * segmentation files.
     *
     * @throws IllegalStateException when there are more than 65 536 labels
     */
    public BufferedImage toBufferedImage() {
        if (count > 65536) {
            throw new IllegalStateException("a 16-bit picture holds at most 65536 labels, this map has " + count);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((DataBufferUShort) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < labels.length; i++) {
            data[i] = (short) labels[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMap other && width == other.width && height == other.height && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabelMap[" + width + "x" + height + ", " + count + " labels]";
    }
}
