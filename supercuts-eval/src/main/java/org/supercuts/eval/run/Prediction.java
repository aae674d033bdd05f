package org.supercuts.eval.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.supercuts.Segmentation;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
import org.supercuts.image.Masks;
import org.supercuts.objects.DiscoveredObject;

/**
 * What a segmenter predicts for one image: a soft foreground map in [0, 1], the binary mask, the object box, and, for
 * superpixel evaluation, the superpixel labelling, and, for object evaluation, the objects' masks. Any of box,
 * superpixels and objects may be absent.
 *
 * <p>When only a binary mask is known (e.g. scored from files), the soft map is that mask as 0/1 values, so the soft-map
 * metrics (max-F-beta, MAE) still apply. The box, when not given, is that of the largest 4-connected foreground component
 * of the mask ({@link Masks#largestComponentBox}).
 *
 * <p>Thread safety: immutable by contract (arrays are not copied; neither the caller nor the runner modifies them).
 */
public final class Prediction {
    private final int width;
    private final int height;
    private final float[] soft;
    private final byte[] mask;
    private final BoundingBox box;
    private final LabelMap superpixels;
    private final Map<String, Double> timings;
    /** The objects' masks, or null when the segmenter finds no objects. */
    private final List<byte[]> objects;

    private Prediction(int width, int height, float[] soft, byte[] mask, BoundingBox box, LabelMap superpixels,
            Map<String, Double> timings) {
        this(width, height, soft, mask, box, superpixels, timings, null);
    }

    private Prediction(int width, int height, float[] soft, byte[] mask, BoundingBox box, LabelMap superpixels,
            Map<String, Double> timings, List<byte[]> objects) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("prediction size must be at least 1x1, got " + width + "x" + height);
        }
        int n = width * height;
        if (soft != null && soft.length != n) {
            throw new IllegalArgumentException("soft has length " + soft.length + ", expected width*height=" + n);
        }
        if (mask.length != n) {
            throw new IllegalArgumentException("mask has length " + mask.length + ", expected width*height=" + n);
        }
        if (superpixels != null && (superpixels.width() != width || superpixels.height() != height)) {
            throw new IllegalArgumentException("superpixels are " + superpixels.width() + "x" + superpixels.height()
                    + ", expected the prediction's size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.mask = mask;
        if (soft == null) {
            soft = new float[n];
            for (int i = 0; i < n; i++) {
                soft[i] = mask[i] != 0 ? 1f : 0f;
            }
        }
        this.soft = soft;
        this.box = box != null ? box : Masks.largestComponentBox(mask, width, height).orElse(null);
        this.superpixels = superpixels;
        this.timings = timings == null ? Map.of() : Map.copyOf(timings);
        if (objects != null) {
            for (byte[] m : objects) {
                if (m.length != n) {
                    throw new IllegalArgumentException("object mask has length " + m.length + ", expected width*height=" + n);
                }
            }
        }
        this.objects = objects == null ? null : List.copyOf(objects);
    }

    /** The pipeline's result: its soft map, mask, box, superpixels and stage timings. */
    public static Prediction of(Segmentation s) {
        Objects.requireNonNull(s, "segmentation");
        Prediction p = new Prediction(s.width(), s.height(), s.softMask(), s.mask(), s.box().orElse(null), s.superpixels(),
                s.timingsMillis());
        if (s.hasObjects()) {
            p = p.withObjects(s.objects().stream().map(DiscoveredObject::mask).toList());
        }
        return p;
    }

    /** A soft map thresholded at {@code threshold} ({@code soft >= threshold} is foreground). */
    public static Prediction ofSoft(int width, int height, float[] soft, double threshold) {
        Objects.requireNonNull(soft, "soft");
        return new Prediction(width, height, soft, Masks.threshold(soft, threshold), null, null, null);
    }

    /** A soft map and its binary mask given separately. */
    public static Prediction ofSoftAndMask(int width, int height, float[] soft, byte[] mask) {
        return new Prediction(width, height, Objects.requireNonNull(soft, "soft"), Objects.requireNonNull(mask, "mask"), null, null,
                null);
    }

    /** A binary mask only (non-zero = foreground). */
    public static Prediction ofMask(int width, int height, byte[] mask) {
        return new Prediction(width, height, null, Objects.requireNonNull(mask, "mask"), null, null, null);
    }

    /** A superpixel labelling only (for BSDS500 superpixel metrics); the mask is empty. */
    public static Prediction ofSuperpixels(LabelMap superpixels) {
        Objects.requireNonNull(superpixels, "superpixels");
        return new Prediction(superpixels.width(), superpixels.height(), null, new byte[superpixels.width() * superpixels.height()],
                null, superpixels, null);
    }

    /** This prediction with a superpixel labelling attached. */
    public Prediction withSuperpixels(LabelMap sp) {
        return new Prediction(width, height, soft, mask, box, sp, timings, objects);
    }

    /**
     * This prediction with object masks attached (row-major, non-zero = the object, one per object, in descending score;
     * an empty list is the answer "no object").
     */
    public Prediction withObjects(List<byte[]> objectMasks) {
        Objects.requireNonNull(objectMasks, "objectMasks");
        return new Prediction(width, height, soft, mask, box, superpixels, timings, objectMasks);
    }

    /** The objects' masks, or null when the segmenter finds no objects (not the same as finding zero). */
    public List<byte[]> objects() {
        return objects;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The soft map (not a copy; do not modify). */
    public float[] soft() {
        return soft;
    }

    /** The binary mask (not a copy; do not modify). */
    public byte[] mask() {
        return mask;
    }

    /** The object box, or null when the mask is empty. */
    public BoundingBox box() {
        return box;
    }

    /** The superpixels, or null. */
    public LabelMap superpixels() {
        return superpixels;
    }

    /** Milliseconds per stage, as the segmenter reported them. */
    public Map<String, Double> timings() {
        return timings;
    }
}
