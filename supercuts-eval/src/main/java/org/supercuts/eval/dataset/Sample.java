package org.supercuts.eval.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * One image of a dataset and its ground truth, as file references: nothing is decoded until a {@code load} method is
 * called, so a dataset of descriptors costs a few hundred bytes per image.
 *
 * <p>Thread safety: immutable; the load methods read files on every call and may run concurrently.
 */
public final class Sample {
    /**
     * Produces ground-truth values from files on demand.
     *
     * <p>Thread safety: implementations must be safe to call concurrently.
     */
    @FunctionalInterface
    public interface Loader<T> {
        /** Reads the values from their files. */
        T load();
    }

    private final String id;
    private final Path image;
    private final Path mask;
    private final Path groundTruthFile;
    private final Loader<List<BoundingBox>> boxes;
    private final Loader<List<LabelMap>> segmentations;

    private Sample(String id, Path image, Path mask, Path groundTruthFile, Loader<List<BoundingBox>> boxes,
            Loader<List<LabelMap>> segmentations) {
        if (id == null || id.isEmpty() || id.contains("/") || id.contains("\\")) {
            throw new IllegalArgumentException("sample id must be a non-empty file stem without separators, got '" + id + "'");
        }
        this.id = id;
        this.image = Objects.requireNonNull(image, "image");
        this.mask = mask;
        this.groundTruthFile = groundTruthFile;
        this.boxes = boxes;
        this.segmentations = segmentations;
    }

    /** A sample with a mask file (may be null for none). */
    public static Sample withMask(String id, Path image, Path mask) {
        return new Sample(id, image, mask, mask, null, null);
    }

    /** A sample with boxes read by {@code boxes} from {@code boxFile} (the file named in errors), and an optional mask. */
    public static Sample withBoxes(String id, Path image, Path mask, Path boxFile, Loader<List<BoundingBox>> boxes) {
        return new Sample(id, image, mask, boxFile, Objects.requireNonNull(boxes, "boxes"), null);
    }

    /** A sample with human segmentations read by {@code segmentations} from {@code file}. */
    public static Sample withSegmentations(String id, Path image, Path file, Loader<List<LabelMap>> segmentations) {
        return new Sample(id, image, null, file, null, Objects.requireNonNull(segmentations, "segmentations"));
    }

    /** The file stem, unique within the dataset; output files are named after it. */
    public String id() {
        return id;
    }

    /** The image file. */
    public Path imagePath() {
        return image;
    }

    /** The ground-truth file (mask, annotation XML, .mat), or null when the sample has none. */
    public Path groundTruthPath() {
        return groundTruthFile;
    }

    /** Reads the image. */
    public PlanarImage loadImage() {
        return PlanarImage.read(image);
    }

    /** Whether a foreground mask is known. */
    public boolean hasMask() {
        return mask != null;
    }

    /** Whether object boxes are known. */
    public boolean hasBoxes() {
        return boxes != null;
    }

    /** Whether human segmentations are known. */
    public boolean hasSegmentations() {
        return segmentations != null;
    }

    /** The binarised ground-truth mask; {@link IllegalStateException} when the sample has none. */
    public BinaryMask loadMask() {
        if (mask == null) {
            throw new IllegalStateException("sample " + id + " has no ground-truth mask");
        }
        return BinaryMask.read(mask);
    }

    /** The ground-truth boxes; {@link IllegalStateException} when the sample has none. */
    public List<BoundingBox> loadBoxes() {
        if (boxes == null) {
            throw new IllegalStateException("sample " + id + " has no ground-truth boxes");
        }
        return boxes.load();
    }

    /** The human segmentations; {@link IllegalStateException} when the sample has none. */
    public List<LabelMap> loadSegmentations() {
        if (segmentations == null) {
            throw new IllegalStateException("sample " + id + " has no ground-truth segmentations");
        }
        return segmentations.load();
    }

    @Override
    public String toString() {
        return "Sample[" + id + ", " + image + "]";
    }
}
