package org.supercuts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.spectral.SpectralPartition;

/**
 * The result of {@link Pipeline#segment}: superpixels, the region graph and its spectral partition, the soft and binary
 * foreground masks at full resolution, the object box, the hierarchy levels, per-stage timings and provenance.
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
    private final int width;
    private final int height;
    private final int workingFactor;
    private final PlanarImage workingImage;

    Segmentation(LabelMap superpixels, RegionGraph graph, RegionFeatures features, AffinityMatrix affinity, SpectralPartition partition, double[] regionForeground, float[] soft,
            byte[] mask, BoundingBox box, List<LabelMap> levels, Map<String, Double> timings, Provenance provenance) {
        this(superpixels, graph, features, affinity, partition, regionForeground, soft, mask, box, levels, timings, provenance,
                superpixels.width(), superpixels.height(), 1, null);
    }

    Segmentation(LabelMap superpixels, RegionGraph graph, RegionFeatures features, AffinityMatrix affinity, SpectralPartition partition, double[] regionForeground, float[] soft,
            byte[] mask, BoundingBox box, List<LabelMap> levels, Map<String, Double> timings, Provenance provenance, int width,
            int height, int workingFactor, PlanarImage workingImage) {
        this.workingImage = workingImage;
        this.width = width;
        this.height = height;
        this.workingFactor = workingFactor;
        this.superpixels = superpixels;
        this.graph = graph;
        this.features = features;
        this.affinity = affinity;
        this.partition = partition;
        this.regionForeground = regionForeground;
        this.soft = soft;
        this.mask = mask;
        this.box = box;
        this.levels = List.copyOf(levels);
        this.timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        this.provenance = provenance;
    }

    /** Width of the image, of the soft map and of the mask. */
    public int width() {
        return width;
    }

    /** Height of the image, of the soft map and of the mask. */
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
     * The reduced image the stages ran on, present only when the image was above the working resolution (then pictures of
     * the superpixels and levels are best drawn on it).
     */
    public Optional<PlanarImage> workingImage() {
        return Optional.ofNullable(workingImage);
    }

    /** The superpixels, at the working resolution (see {@link #workingFactor()}). */
    public LabelMap superpixels() {
        return superpixels;
    }

    public RegionGraph regionGraph() {
        return graph;
    }

    /** The region features the affinity was built from (one row per superpixel). */
    public RegionFeatures features() {
        return features;
    }

    /** The affinity matrix over the superpixels that was partitioned. */
    public AffinityMatrix affinity() {
        return affinity;
    }

    public SpectralPartition partition() {
        return partition;
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

    public boolean isForeground(int x, int y) {
        return mask[y * width() + x] != 0;
    }

    /** The box of the largest connected component of the mask; empty only when the mask is empty. */
    public Optional<BoundingBox> box() {
        return Optional.ofNullable(box);
    }

    /** Hierarchy levels from coarse to fine, each a labelling of the image at the working resolution. */
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

    /** The coarsest partition of the hierarchy with at least {@code k} segments, as a labelling of the image. */
    public LabelMap withSegments(int k) {
        return superpixels.mapRegions(partition.tree().labelsWithSegments(k));
    }

    /** Wall-clock milliseconds per stage, in pipeline order, plus {@code "total"}. */
    public Map<String, Double> timingsMillis() {
        return timings;
    }

    public Provenance provenance() {
        return provenance;
    }
}
