package org.supercuts.hierarchy;

import java.util.Objects;

import org.supercuts.graph.RegionGraph;
import org.supercuts.image.Cielab;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.spectral.PartitionTree;

/**
 * What a {@link HierarchyBuilder} may read: the image, its superpixels and their region graph, optionally the
 * normalized-cut partition tree already computed over the same superpixels and extra per-pixel feature planes (e.g. a
 * network's embedding), and the CIELAB planes of the image (computed on demand when not given).
 *
 * <p>Thread safety: immutable by contract (arrays are shared, not copied; nobody modifies them); the lazily computed CIELAB
 * planes are computed at most once per thread race and are equal whichever wins.
 */
public final class HierarchyInput {
    private final PlanarImage image;
    private final LabelMap superpixels;
    private final RegionGraph graph;
    private final PartitionTree partition;
    private final float[][] pixelFeatures;
    private volatile float[][] lab;

    private HierarchyInput(PlanarImage image, LabelMap superpixels, RegionGraph graph, PartitionTree partition,
            float[][] pixelFeatures, float[][] lab) {
        this.image = Objects.requireNonNull(image, "image");
        this.superpixels = Objects.requireNonNull(superpixels, "superpixels");
        this.graph = Objects.requireNonNull(graph, "graph");
        if (image.width() != superpixels.width() || image.height() != superpixels.height()) {
            throw new IllegalArgumentException("image is " + image.width() + "x" + image.height() + " but superpixels are "
                    + superpixels.width() + "x" + superpixels.height() + "; they must have the same size");
        }
        if (graph.regionCount() != superpixels.count()) {
            throw new IllegalArgumentException("graph has " + graph.regionCount() + " regions but the superpixels "
                    + superpixels.count() + "; build the graph from these superpixels");
        }
        if (partition != null && partition.graphNodeCount() != superpixels.count()) {
            throw new IllegalArgumentException("partition tree covers " + partition.graphNodeCount() + " nodes but there are "
                    + superpixels.count() + " superpixels");
        }
        if (pixelFeatures != null) {
            for (int c = 0; c < pixelFeatures.length; c++) {
                if (pixelFeatures[c].length != image.pixelCount()) {
                    throw new IllegalArgumentException("pixel feature plane " + c + " has " + pixelFeatures[c].length
                            + " values, expected one per pixel (" + image.pixelCount() + ")");
                }
            }
        }
        this.partition = partition;
        this.pixelFeatures = pixelFeatures;
        this.lab = lab;
    }

    /** The image, its superpixels and their graph; no partition tree, no extra features. */
    public static HierarchyInput of(PlanarImage image, LabelMap superpixels, RegionGraph graph) {
        return new HierarchyInput(image, superpixels, graph, null, null, null);
    }

    /** This input with the normalized-cut partition tree over the same superpixels (null for none). */
    public HierarchyInput withPartition(PartitionTree tree) {
        return new HierarchyInput(image, superpixels, graph, tree, pixelFeatures, lab);
    }

    /** This input with per-pixel feature planes, one value per pixel each (null for none). */
    public HierarchyInput withPixelFeatures(float[][] planes) {
        return new HierarchyInput(image, superpixels, graph, partition, planes, lab);
    }

    /** This input with the image's CIELAB planes already computed ({@link Cielab#planes}). */
    public HierarchyInput withLab(float[][] planes) {
        return new HierarchyInput(image, superpixels, graph, partition, pixelFeatures, Objects.requireNonNull(planes, "planes"));
    }

    /** The image. */
    public PlanarImage image() {
        return image;
    }

    /** The superpixels the hierarchy is built over. */
    public LabelMap superpixels() {
        return superpixels;
    }

    /** The region graph of the superpixels. */
    public RegionGraph graph() {
        return graph;
    }

    /** The normalized-cut partition tree over the superpixels, or null. */
    public PartitionTree partition() {
        return partition;
    }

    /** Extra per-pixel feature planes, or null. */
    public float[][] pixelFeatures() {
        return pixelFeatures;
    }

    /** The CIELAB planes {L*, a*, b*} of the image (computed on first use). */
    public float[][] lab() {
        float[][] l = lab;
        if (l == null) {
            l = Cielab.planes(image);
            lab = l;
        }
        return l;
    }
}
