package org.supercuts.spectral;

import org.supercuts.linalg.AffinityMatrix;

/**
 * One algorithm family: spectral partitioning of an affinity graph (normalized cuts and relatives).
 *
 * <p>Every implementation solves the generalized eigenproblem {@code (D - W) x = lambda D x} (through the symmetric
 * normalized Laplacian) and returns the eigenpairs it used together with a {@link PartitionTree}: one split for a
 * bipartition, one flat level for a k-way cut, a full hierarchy for recursive cuts.
 *
 * <p>Thread safety: implementations are immutable and safe to call concurrently.
 */
public interface SpectralPartitioner {
    /** Partitions the graph of {@code affinity}. */
    SpectralPartition partition(AffinityMatrix affinity);

    /** A short description of the spec, for provenance. */
    String describe();
}
