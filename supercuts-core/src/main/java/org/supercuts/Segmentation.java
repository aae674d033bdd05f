package org.supercuts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.hierarchy.Hierarchy;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.objects.DiscoveredObject;
import org.supercuts.objects.ObjectSet;
import org.supercuts.spectral.PartitionTree;
import org.supercuts.spectral.SpectralPartition;

/**
 * The result of {@link Pipeline#segment}: superpixels, the region graph and its spectral partition, the soft and binary
 * foreground masks at full resolution, the object box, the hierarchy levels, per-stage timings and provenance.
 *
 * <p>A pipeline built with {@link Pipeline.Builder#keepIntermediates(boolean) keepIntermediates(false)} drops the heavy
 * per-image intermediates (the affinity matrix, the region features and the eigenvectors): {@link #affinity()},
 * {@link #features()} and {@link #partition()} then throw, everything else (masks, box, superpixels, region graph, levels,
 * {@link #withSegments}) is there as usual.
 *
 * <p>Images above the pipeline's working resolution are segmented at 1/{@link #workingFactor()} of their size in each
 * axis: the superpixels, the graph, the partition and the hierarchy levels are at that working resolution, while the
 * soft map, the mask and the box are at the image's full resolution ({@link #width()} x {@link #height()}).
 *
 * <p>Thread safety: immutable; array accessors return copies.
 */
public final class Segmentation {
    private final LabelMap superpixels;
    private final RegionGraph graph;
    private final RegionFeatures features;
    private final AffinityMatrix affinity;
    private final SpectralPartition partition;
    private final double[] regionForeground;
    private final float[] soft;
    private final byte[] mask;
    private final BoundingBox box;
    private final List<LabelMap> levels;
    private final Map<String, Double> timings;
    private final Provenance provenance;
    /** Builds the hierarchy on first use; null when the pipeline has no hierarchy builder. */
    private final java.util.function.Supplier<Hierarchy> hierarchyBuilder;
    private volatile Hierarchy hierarchy;
    private final PartitionTree tree;
    private final ObjectSet objects;
    private final List<String> notes;
    private final int width;
    private final int height;
    private final int workingFactor;
    private final PlanarImage workingImage;

    /**
     * A partition of the image taken from the normalized-cut hierarchy, with the segment count that was asked for.
     *
     * <p>Thread safety: immutable.
     *
     * @param labels    the partition, one label per pixel
     * @param requested the segment count asked for
     */
    public record Segments(LabelMap labels, int requested) {
        /** The number of segments returned ({@code labels().count()}). */
        public int count() {
            return labels.count();
        }

        /** True when the hierarchy has fewer segments than requested, so its finest partition was returned. */
        public boolean clamped() {
            return labels.count() < requested;
        }

        /** Empty, or what was clamped and to what. */
        public String note() {
            return clamped() ? "asked for " + requested + " segments; the hierarchy's finest partition has " + labels.count()
                    + ", returned that" : "";
        }
    }

    Segmentation(LabelMap superpixels, RegionGraph graph, RegionFeatures features, AffinityMatrix affinity, SpectralPartition partition, double[] regionForeground, float[] soft,
            byte[] mask, BoundingBox box, List<LabelMap> levels, Map<String, Double> timings, Provenance provenance,
            PartitionTree tree, List<String> notes, java.util.function.Supplier<Hierarchy> hierarchyBuilder,
            ObjectSet objects) {
        this(superpixels, graph, features, affinity, partition, regionForeground, soft, mask, box, levels, timings, provenance,
                tree, notes, hierarchyBuilder, objects, superpixels.width(), superpixels.height(), 1, null);
    }

    Segmentation(LabelMap superpixels, RegionGraph graph, RegionFeatures features, AffinityMatrix affinity, SpectralPartition partition, double[] regionForeground, float[] soft,
            byte[] mask, BoundingBox box, List<LabelMap> levels, Map<String, Double> timings, Provenance provenance,
            PartitionTree tree, List<String> notes, java.util.function.Supplier<Hierarchy> hierarchyBuilder,
            ObjectSet objects, int width, int height, int workingFactor, PlanarImage workingImage) {
        this.hierarchyBuilder = hierarchyBuilder;
        this.objects = objects;
        this.width = width;
        this.height = height;
        this.workingFactor = workingFactor;
        this.workingImage = workingImage;
        this.superpixels = superpixels;
        this.graph = graph;
        this.features = features;
        this.affinity = affinity;
        this.partition = partition;
        this.tree = tree;
        this.notes = List.copyOf(notes);
        this.regionForeground = regionForeground;
        this.soft = soft;
        this.mask = mask;
        this.box = box;
        this.levels = List.copyOf(levels);
        this.timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        this.provenance = provenance;
    }

    /** Image width in pixels: the width of the soft map and of the mask. */
    public int width() {
        return width;
    }

    /** Image height in pixels: the height of the soft map and of the mask. */
    public int height() {
        return height;
    }

    /**
     * The factor by which the image was reduced for segmentation (1: segmented at full resolution): the superpixels and
     * levels are ceil(width / factor) x ceil(height / factor).
     */
    public int workingFactor() {
        return workingFactor;
    }

    /**
     * The reduced image the stages ran on, present only when the image was above the working resolution (pictures of the
     * superpixels and levels are drawn on it).
     */
    public Optional<PlanarImage> workingImage() {
        return Optional.ofNullable(workingImage);
    }

    /** The superpixels the graph was built on, at the working resolution (see {@link #workingFactor()}). */
    public LabelMap superpixels() {
        return superpixels;
    }

    /** The region adjacency graph of the superpixels. */
    public RegionGraph regionGraph() {
        return graph;
    }

    /**
     * The region features the affinity was built from (one row per superpixel).
     *
     * @throws IllegalStateException when the pipeline dropped the intermediates
     */
    public RegionFeatures features() {
        return kept(features, "region features");
    }

    /**
     * The affinity matrix over the superpixels that was partitioned.
     *
     * @throws IllegalStateException when the pipeline dropped the intermediates
     */
    public AffinityMatrix affinity() {
        return kept(affinity, "affinity matrix");
    }

    /**
     * The spectral partition: eigenpairs, root threshold and partition tree.
     *
     * @throws IllegalStateException when the pipeline dropped the intermediates (the tree is still used by
     *                               {@link #withSegments})
     */
    public SpectralPartition partition() {
        return kept(partition, "spectral partition (eigenvectors)");
    }

    /** Whether the affinity matrix, region features and eigenvectors were kept ({@link Pipeline.Builder#keepIntermediates}). */
    public boolean hasIntermediates() {
        return affinity != null;
    }

    /** The partition tree (kept even without the intermediates), for the pipeline's upsampled results. */
    PartitionTree tree() {
        return tree;
    }

    private static <T> T kept(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("the " + what + " was dropped: the pipeline was built with"
                    + " keepIntermediates(false); build it with keepIntermediates(true) (the default) to keep it");
        }
        return value;
    }

    /** Soft foreground score of each superpixel, in [0, 1]. */
    public double[] regionForeground() {
        return regionForeground.clone();
    }

    /** Soft foreground map, row-major, values in [0, 1] (after refinement, before thresholding). */
    public float[] softMask() {
        return soft.clone();
    }

    /** Binary foreground mask, row-major, 1 = foreground. */
    public byte[] mask() {
        return mask.clone();
    }

    /** Whether pixel (x, y) is in the binary mask. */
    public boolean isForeground(int x, int y) {
        return mask[y * width() + x] != 0;
    }

    /** The box of the largest connected component of the mask; empty only when the mask is empty. */
    public Optional<BoundingBox> box() {
        return Optional.ofNullable(box);
    }

    /**
     * Hierarchy levels from coarse to fine, each a labelling of the image at the working resolution: {@link Pipeline#levelCount()} of them, or fewer
     * when the hierarchy has fewer distinct partitions (then {@link #notes()} says so).
     */
    public List<LabelMap> levels() {
        return levels;
    }

    /** Level {@code i} (0 = coarsest). */
    public LabelMap level(int i) {
        if (i < 0 || i >= levels.size()) {
            throw new IllegalArgumentException("level must be in [0, " + (levels.size() - 1) + "], got " + i);
        }
        return levels.get(i);
    }

    /**
     * The coarsest partition of the hierarchy with at least {@code k} segments, as a labelling of the image. When the
     * hierarchy has fewer than {@code k} segments (the default cut stops at 16, or earlier when no cut is cheap enough)
     * this is the finest partition, and {@link Segments#clamped()} says so.
     *
     * @throws IllegalArgumentException when {@code k < 1}
     */
    public Segments withSegments(int k) {
        return new Segments(superpixels.mapRegions(tree.labelsWithSegments(k)), k);
    }

    /** The number of segments of the hierarchy's finest partition (the most {@link #withSegments} can return). */
    public int finestSegmentCount() {
        return tree.leafCount();
    }

    /** What the pipeline could not do as asked for this image (for example fewer levels than requested); usually empty. */
    public List<String> notes() {
        return notes;
    }

    /**
     * The hierarchy of segmentations over the superpixels, built by the pipeline's hierarchy builder on the first call
     * (later calls return the same object): any scale by segment count or threshold, nested levels, the ultrametric
     * contour map. See {@link org.supercuts.hierarchy}.
     *
     * @throws IllegalStateException when the pipeline was built without a hierarchy builder
     */
    public Hierarchy hierarchy() {
        Hierarchy h = hierarchy;
        if (h == null) {
            if (hierarchyBuilder == null) {
                throw new IllegalStateException("this pipeline has no hierarchy builder; set one with Pipeline.Builder.hierarchy");
            }
            synchronized (this) {
                h = hierarchy;
                if (h == null) {
                    h = hierarchyBuilder.get();
                    hierarchy = h;
                }
            }
        }
        return h;
    }

    /**
     * The objects found, in descending score (ids 1..n); empty when none qualified, with the reason in
     * {@link #objectSet()}.
     *
     * @throws IllegalStateException when the pipeline was built without object discovery
     */
    public List<DiscoveredObject> objects() {
        return objectSet().objects();
    }

    /**
     * The objects with their label maps, parts and the reason the search ended.
     *
     * @throws IllegalStateException when the pipeline was built without object discovery
     */
    public ObjectSet objectSet() {
        if (objects == null) {
            throw new IllegalStateException("this pipeline finds no objects; build it with Pipeline.Builder.objects(...), e.g."
                    + " SuperCuts.pipeline().objects(Presets.objectDiscovery())");
        }
        return objects;
    }

    /** Whether the pipeline found objects (with or without result): {@link #objects()} may be called. */
    public boolean hasObjects() {
        return objects != null;
    }

    /** Wall-clock milliseconds per stage, in pipeline order, plus {@code "total"}. */
    public Map<String, Double> timingsMillis() {
        return timings;
    }

    /** What produced this result: library version, every stage's description, seed and device. */
    public Provenance provenance() {
        return provenance;
    }
}
