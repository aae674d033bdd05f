/**
 * Spectral partitioning: the smallest generalized eigenpairs of {@code (D - W) x = lambda D x}
 * ({@link org.supercuts.spectral.SpectralEmbedding}, solved densely or by thick-restart Lanczos as chosen by an
 * {@link org.supercuts.spectral.EigenSolver}), normalized cuts on top of them ({@link org.supercuts.spectral.NCut}:
 * two-way, flat k-way, recursive), and the result types {@link org.supercuts.spectral.SpectralPartition} and
 * {@link org.supercuts.spectral.PartitionTree}. Affinities are read through {@link org.supercuts.spectral.AffinityOperator},
 * over a dense {@link org.supercuts.graph.AffinityMatrix} or a compressed-row {@link org.supercuts.spectral.SparseAffinity}.
 *
 * <p>Typical use from a program that reads a matrix:
 * <pre>{@code
 * AffinityMatrix w = AffinityMatrix.wrap(n, values);                  // row-major n x n
 * SpectralEmbedding e = SpectralEmbedding.smallest(w, 4);             // automatic solver
 * SpectralPartition p = NCut.bipartition().partition(w);              // Fiedler split, best NCut threshold
 * }</pre>
 */
package org.supercuts.spectral;
