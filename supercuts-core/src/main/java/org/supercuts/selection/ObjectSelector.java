package org.supercuts.selection;

import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.spectral.SpectralPartition;

/**
 * One algorithm family: decides which regions belong to the dominant object, as a soft score per region.
 *
 * <p>Contract: returns one value in [0, 1] per region; values {@code >= 0.5} are foreground. Implementations that orient a
 * bipartition map the Fiedler vector so that thresholding at 0.5 reproduces the partition's split exactly.
 *
 * <p>Thread safety: implementations are immutable and safe to call concurrently.
 */
public interface ObjectSelector {
    /** Everything the selection may look at. */
    record Input(RegionGraph graph, RegionFeatures features, AffinityMatrix affinity, SpectralPartition partition) {
    }

    /** Foreground score of each region of {@code input.graph()}, in [0, 1]. */
    double[] foreground(Input input);

    /**
     * Whether {@link #foreground} reads {@code input.partition()}. The pipeline skips the spectral partition of extra
     * scales (see {@code Pipeline.Builder.extraScales}) for selectors that do not.
     */
    default boolean usesPartition() {
        return true;
    }

    /** A short description of the spec, for provenance. */
    String describe();
}
