package org.supercuts.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Segments of many images as embeddings: one L2-normalised float32 vector per segment, with the image it came from, its
 * segment id in that image's segmentation, its label (a class id, or {@link #UNLABELLED}) and its area in pixels. The
 * similarity of two segments is the cosine of their vectors, i.e. their dot product.
 *
 * <p>Storage is flat primitive arrays (no object per segment): 4·d bytes per segment for the vector plus 16 bytes of
 * metadata, so a million 64-d segments take 272 MB. Vectors are kept in tiles of {@link #TILE} segments, dimension-major
 * inside a tile (value j of segment i is at {@code tile(i)·TILE·d + j·TILE + i mod TILE}), the layout the exact search
 * streams through with vectorisable loops.
 *
 * <p>{@link #features()} names the extractor that produced the vectors; searches refuse queries from another one.
 *
 * <p>Build one with {@link #builder(int, String)}, or load one with {@link SegmentIndexFile}; append with
 * {@link #toBuilder()}.
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class SegmentIndex {
    /** Segments per storage tile. */
    public static final int TILE = 256;
    /** The label of a segment without annotation (or whose pixels are mostly marked ignore). */
    public static final int UNLABELLED = -1;

    private final int dimension;
    private final String features;
    private final List<String> imageIds;
    private final int size;
    private final float[] vectors;
    private final int[] image;
    private final int[] segment;
    private final int[] label;
    private final int[] area;

    SegmentIndex(int dimension, String features, List<String> imageIds, int size, float[] vectors, int[] image, int[] segment,
            int[] label, int[] area) {
        this.dimension = dimension;
        this.features = features;
        this.imageIds = Collections.unmodifiableList(new ArrayList<>(imageIds));
        this.size = size;
        this.vectors = vectors;
        this.image = image;
        this.segment = segment;
        this.label = label;
        this.area = area;
    }

    /**
     * An empty builder.
     *
     * @param dimension the vector length, at least 1
     * @param features  the description of the feature extractor ({@code FeatureExtractor.describe()} or
     *                  {@link SegmentEmbedder#describe()}), non-empty
     */
    public static Builder builder(int dimension, String features) {
        return new Builder(dimension, features);
    }

    /** A builder holding this index's segments, to append more. */
    public Builder toBuilder() {
        Builder b = new Builder(dimension, features);
        b.append(this);
        return b;
    }

    /** The number of segment entries. */
    public int size() {
        return size;
    }

    /** Whether the index holds no segment. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The vector length d. */
    public int dimension() {
        return dimension;
    }

    /** What produced the vectors. */
    public String features() {
        return features;
    }

    /** The image ids, in the order they were added; {@link #imageIndex(int)} points into it. */
    public List<String> imageIds() {
        return imageIds;
    }

    /** Position in {@link #imageIds()} of the image of segment entry {@code i}. */
    public int imageIndex(int i) {
        check(i);
        return image[i];
    }

    /** The id of the image of entry {@code i}. */
    public String imageId(int i) {
        check(i);
        return imageIds.get(image[i]);
    }

    /** The segment's id in its image's segmentation. */
    public int segmentId(int i) {
        check(i);
        return segment[i];
    }

    /** The segment's label, or {@link #UNLABELLED}. */
    public int label(int i) {
        check(i);
        return label[i];
    }

    /** The area of entry {@code i} in pixels. */
    public int area(int i) {
        check(i);
        return area[i];
    }

    /** Number of entries with a label. */
    public int labelledCount() {
        int c = 0;
        for (int i = 0; i < size; i++) {
            c += label[i] != UNLABELLED ? 1 : 0;
        }
        return c;
    }

    /** A copy of entry {@code i}'s vector. */
    public float[] vector(int i) {
        check(i);
        float[] v = new float[dimension];
        int base = (i / TILE) * TILE * dimension + (i % TILE);
        for (int j = 0; j < dimension; j++) {
            v[j] = vectors[base + j * TILE];
        }
        return v;
    }

    /** The tiled vector storage (not a copy; do not modify). */
    float[] tiles() {
        return vectors;
    }

    int[] labels() {
        return label;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("segment entry " + i + " is outside the index of " + size + " segments");
        }
    }

    @Override
    public String toString() {
        return "SegmentIndex[" + size + " segments of " + imageIds.size() + " images, d=" + dimension + ", " + features + "]";
    }

    /**
     * Collects segments; {@link #build()} returns the immutable index. Vectors are L2-normalised as they are added.
     *
     * <p>Thread safety: not thread-safe.
     */
    public static final class Builder {
        private final int dimension;
        private final String features;
        private final List<String> imageIds = new ArrayList<>();
        private final Map<String, Integer> imagePosition = new HashMap<>();
        private int size;
        private float[] vectors;
        private int[] image;
        private int[] segment;
        private int[] label;
        private int[] area;
        /** True once {@link #build()} handed the arrays to an index: the next write copies them first. */
        private boolean shared;

        private Builder(int dimension, String features) {
            if (dimension < 1) {
                throw new IllegalArgumentException("index dimension must be >= 1, got " + dimension);
            }
            if (features == null || features.isBlank()) {
                throw new IllegalArgumentException("index features description must be non-empty");
            }
            this.dimension = dimension;
            this.features = features;
            vectors = new float[TILE * dimension];
            image = new int[TILE];
            segment = new int[TILE];
            label = new int[TILE];
            area = new int[TILE];
        }

        /** The number of segments added so far. */
        public int size() {
            return size;
        }

        /**
         * Adds the segments of one image.
         *
         * @param imageId  the image's id (e.g. its file stem); adding the same id twice is refused
         * @param vectors  {@code count x dimension} row-major values; each row is L2-normalised here
         * @param segments the segment id of each row
         * @param labels   the label of each row ({@link #UNLABELLED} for none), or null for all unlabelled
         * @param areas    the area of each row in pixels
         * @throws IllegalArgumentException for lengths that disagree, a repeated image id, a zero or non-finite vector
         */
        public Builder addImage(String imageId, double[] vectors, int[] segments, int[] labels, int[] areas) {
            Objects.requireNonNull(imageId, "imageId");
            Objects.requireNonNull(vectors, "vectors");
            Objects.requireNonNull(segments, "segments");
            Objects.requireNonNull(areas, "areas");
            int count = segments.length;
            if (vectors.length != (long) count * dimension || areas.length != count || (labels != null && labels.length != count)) {
                throw new IllegalArgumentException("image " + imageId + ": " + count + " segments need " + ((long) count * dimension)
                        + " vector values (d=" + dimension + ") and " + count + " areas and labels, got " + vectors.length + " values, "
                        + areas.length + " areas and " + (labels == null ? "no" : labels.length) + " labels");
            }
            if (imagePosition.containsKey(imageId)) {
                throw new IllegalArgumentException("image id '" + imageId + "' is already in the index; ids must be unique");
            }
            float[] row = new float[dimension];
            int img = imageIds.size();
            for (int s = 0; s < count; s++) {
                double norm = 0;
                for (int j = 0; j < dimension; j++) {
                    double v = vectors[s * dimension + j];
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("image " + imageId + ", segment " + segments[s] + ": vector value " + j
                                + " is " + v + "; values must be finite");
                    }
                    norm += v * v;
                }
                if (norm == 0) {
                    throw new IllegalArgumentException("image " + imageId + ", segment " + segments[s]
                            + " has an all-zero vector, which has no direction; cosine similarity is undefined");
                }
                double inv = 1 / Math.sqrt(norm);
                for (int j = 0; j < dimension; j++) {
                    row[j] = (float) (vectors[s * dimension + j] * inv);
                }
                put(row, img, segments[s], labels == null ? UNLABELLED : labels[s], areas[s]);
            }
            imageIds.add(imageId);
            imagePosition.put(imageId, img);
            return this;
        }

        /**
         * Appends every segment of {@code other}.
         *
         * @throws IllegalArgumentException when {@code other} has another dimension or features, or shares an image id
         */
        public Builder append(SegmentIndex other) {
            Objects.requireNonNull(other, "other");
            if (other.dimension != dimension || !other.features.equals(features)) {
                throw new IllegalArgumentException("cannot append an index of d=" + other.dimension + " built with '" + other.features
                        + "' to one of d=" + dimension + " built with '" + features + "'; both must use the same features");
            }
            int offset = imageIds.size();
            for (String id : other.imageIds) {
                if (imagePosition.containsKey(id)) {
                    throw new IllegalArgumentException("image id '" + id + "' is in both indexes; ids must be unique");
                }
            }
            for (String id : other.imageIds) {
                imagePosition.put(id, imageIds.size());
                imageIds.add(id);
            }
            for (int i = 0; i < other.size; i++) {
                put(other.vector(i), offset + other.image[i], other.segment[i], other.label[i], other.area[i]);
            }
            return this;
        }

        /** Adds one entry whose vector is already normalised (used by the file reader). */
        void put(float[] row, int img, int seg, int lbl, int ar) {
            if (size == image.length || shared) {
                int cap = size == image.length ? image.length * 2 : image.length;
                shared = false;
                vectors = Arrays.copyOf(vectors, cap * dimension);
                image = Arrays.copyOf(image, cap);
                segment = Arrays.copyOf(segment, cap);
                label = Arrays.copyOf(label, cap);
                area = Arrays.copyOf(area, cap);
            }
            int base = (size / TILE) * TILE * dimension + (size % TILE);
            for (int j = 0; j < dimension; j++) {
                vectors[base + j * TILE] = row[j];
            }
            image[size] = img;
            segment[size] = seg;
            label[size] = lbl;
            area[size] = ar;
            size++;
        }

        /** Registers an image id without segments (used by the file reader). */
        void addImageId(String id) {
            if (imagePosition.putIfAbsent(id, imageIds.size()) != null) {
                throw new IllegalArgumentException("image id '" + id + "' appears twice; ids must be unique");
            }
            imageIds.add(id);
        }

        int imageCount() {
            return imageIds.size();
        }

        /**
         * The index of everything added, sharing the builder's arrays (no copy, so a large index needs no second buffer); the
         * builder may go on, and copies them before its next write.
         */
        public SegmentIndex build() {
            shared = true;
            return new SegmentIndex(dimension, features, imageIds, size, vectors, image, segment, label, area);
        }

        /** Reserves room for {@code count} segments in all (avoids regrowing when the final size is known). */
        public Builder reserve(int count) {
            if (count > image.length) {
                int cap = (count + TILE - 1) / TILE * TILE;
                vectors = Arrays.copyOf(vectors, cap * dimension);
                image = Arrays.copyOf(image, cap);
                segment = Arrays.copyOf(segment, cap);
                label = Arrays.copyOf(label, cap);
                area = Arrays.copyOf(area, cap);
                shared = false;
            }
            return this;
        }
    }
}
