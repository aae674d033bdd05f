package org.supercuts.affinity;

import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.linalg.AffinityMatrix;

/**
 * One algorithm family: the affinity matrix W of a region graph from its region features.
 *
 * <p>Contract: the result is symmetric, finite and non-negative (checked by {@link AffinityMatrix#wrap}), has one row per
 * region, and depends only on the inputs and the spec.
 *
 * <p>Thread safety: implementations are immutable and safe to call concurrently.
 */
public interface AffinityBuilder {
    /** Builds W for the regions of {@code graph} described by {@code features} (one row per region). */
    AffinityMatrix build(RegionGraph graph, RegionFeatures features);

    /** A short description of the spec, for provenance. */
    String describe();
}
