package org.supercuts.linalg;



/**
 * Eigenpairs of the symmetric normalized Laplacian of one connected component, as computed by a kernel: eigenvalues
 * ascending, {@code vectors[i]} the unit eigenvector u of {@code values[i]} (not yet mapped to x = D^-1/2 u, sign not yet
 * fixed).
 *
 * <p>Thread safety: not shared; a plain value holder used inside one call.
 */
public record Eigenpairs(double[] values, double[][] vectors, int products, int restarts) {
}
