/**
 * Spectral partitioning: the smallest generalized eigenpairs of {@code (D - W) x = lambda D x} ({@link
 * org.supercuts.spectral.SpectralEmbedding}), normalized cuts on them ({@link org.supercuts.spectral.NCut}: two-way,
 * flat k-way by k-means, recursive) and their results ({@link org.supercuts.spectral.SpectralPartition}, {@link
 * org.supercuts.spectral.PartitionTree}). It may use {@code org.supercuts.linalg}.
 *
 * <p>Typical use from a program that reads a matrix:
 * <pre>{@code
 * AffinityMatrix w = AffinityMatrix.wrap(n, values);                  // row-major n x n
 * SpectralEmbedding e = SpectralEmbedding.smallest(w, 4);             // automatic solver
 * SpectralPartition p = NCut.bipartition().partition(w);              // Fiedler split, best NCut threshold
 * }</pre>
 */
package org.supercuts.spectral;
