/**
 * The linear algebra under the spectral stage, with no notion of images: affinity matrices (dense, compressed-row)
 * seen through one {@link org.supercuts.linalg.AffinityOperator}, connected components, and the eigensolvers of the
 * normalized Laplacian ({@link org.supercuts.linalg.EigenSolver}: dense, thick-restart Lanczos, shift-invert Lanczos
 * on the grounded Laplacian) with their static kernels. It uses no other SuperCuts package.
 */
package org.supercuts.linalg;
