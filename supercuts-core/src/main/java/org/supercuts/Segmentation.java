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
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.spectral.SpectralPartition;

/**
 * The result of {@link Pipeline#segment}: superpixels, the region graph and its spectral partition, the soft and binary
 * foreground masks at full resolution, the object box, the hierarchy levels, per-stage timings and provenance.
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

    Segmentation(LabelMap superpixels, RegionGraph graph, RegionFeatures features, AffinityMatrix affinity, SpectralPartition partition, double[] regionForeground, float[] soft,
            byte[] mask, BoundingBox box, List<LabelMap> levels, Map<String, Double> timings, Provenance provenance,
            java.util.function.Supplier<Hierarchy> hierarchyBuilder) {
        this.hierarchyBuilder = hierarchyBuilder;
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

    public int width() {
        return superpixels.width();
    }

    public int height() {
        return superpixels.height();
    }

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

    /** Hierarchy levels from coarse to fine, each a labelling of the image. */
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

    /** Wall-clock milliseconds per stage, in pipeline order, plus {@code "total"}. */
    public Map<String, Double> timingsMillis() {
        return timings;
    }

    public Provenance provenance() {
        return provenance;
    }
}
