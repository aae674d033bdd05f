package org.supercuts.feature;

import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * One algorithm family: a feature vector for every region of a labelling (colour statistics, texture, pooled deep
 * features, ...).
 *
 * <p>Thread safety: implementations are immutable and safe to call concurrently, unless their Javadoc says otherwise.
 */
public interface FeatureExtractor {
    /**
     * Computes one feature vector per region of {@code labels}.
     *
     * @param image  the image that was over-segmented
     * @param labels its superpixels
     * @param graph  the region graph of {@code labels} (sizes, centroids, mean colours), already computed by the pipeline
     */
    RegionFeatures extract(PlanarImage image, LabelMap labels, RegionGraph graph);

    /** A short description of the spec, for provenance. */
    String describe();
}
