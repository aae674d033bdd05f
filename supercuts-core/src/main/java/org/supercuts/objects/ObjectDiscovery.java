package org.supercuts.objects;

import java.util.List;
import java.util.Objects;

import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.spectral.SpectralPartition;

/**
 * One algorithm family: finds the objects of an image (none, one or several) on the graph the pipeline built, over
 * superpixels or ViT patches alike. An implementation generates candidate objects (connected sets of regions), scores
 * them by {@link Objectness}, and its {@link DiscoveryRules} select the objects.
 *
 * <p>Contract: {@link #discover} returns objects in descending score with ids 1..n, each a connected set of regions
 * covering at least the rules' minimum area, pairwise disjoint, never covering the whole image together, at most the
 * rules' maximum count, each with at least one part; zero objects comes with a reason. The result depends only on the
 * input (no randomness without a seed in the spec).
 *
 * <p>Thread safety: implementations are immutable and safe to call concurrently.
 */
public interface ObjectDiscovery {
    /**
     * Everything discovery may look at, as the pipeline computed it.
     *
     * @param superpixels the regions (K labels)
     * @param graph       their adjacency graph
     * @param affinity    the K x K affinity the partition was computed from
     * @param partition   the spectral partition and its hierarchy
     * @param saliency    the per-region foreground score in [0, 1] of the pipeline's selection (0.5 = its mask threshold)
     */
    record Input(LabelMap superpixels, RegionGraph graph, AffinityMatrix affinity, SpectralPartition partition,
            double[] saliency) {
        public Input {
            Objects.requireNonNull(superpixels, "superpixels");
            Objects.requireNonNull(graph, "graph");
            Objects.requireNonNull(affinity, "affinity");
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(saliency, "saliency");
            int k = superpixels.count();
            if (graph.regionCount() != k || affinity.size() != k || partition.nodeCount() != k || saliency.length != k) {
                throw new IllegalArgumentException("discovery input sizes disagree: " + k + " superpixels, graph of "
                        + graph.regionCount() + ", affinity of " + affinity.size() + ", partition of " + partition.nodeCount()
                        + ", " + saliency.length + " saliency scores");
            }
            for (int r = 0; r < k; r++) {
                if (!(saliency[r] >= 0 && saliency[r] <= 1)) {
                    throw new IllegalArgumentException("saliency[" + r + "] = " + saliency[r] + "; scores must be in [0, 1]");
                }
            }
        }
    }

    /** The objects of the image. */
    ObjectSet discover(Input input);

    /** Every candidate the generator considered, scored, before the rules selected (for studies and explanations). */
    List<ObjectCandidate> candidates(Input input);

    /** The selection rules in force. */
    DiscoveryRules rules();

    /** A short description of the spec, for provenance. */
    String describe();
}
