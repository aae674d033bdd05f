package org.supercuts.spectral;

import java.util.Objects;

/**
 * The result of a {@link SpectralPartitioner}: the smallest generalized eigenpairs of {@code (D - W) x = lambda D x} that
 * were computed (ascending eigenvalues; eigenvectors D-orthonormal, sign fixed so that the entry of largest magnitude is
 * positive, ties broken by the lowest index), the threshold that split the Fiedler vector at the root, and the partition
 * tree.
 *
 * <p>Thread safety: immutable (arrays are not exposed for writing: accessors return copies).
 */
public final class SpectralPartition {
    private final double[] eigenvalues;
    private final double[][] eigenvectors;
    private final double fiedlerThreshold;
    private final PartitionTree tree;

    /**
     * @param eigenvalues      ascending, at least 2
     * @param eigenvectors     {@code eigenvectors[k]} belongs to {@code eigenvalues[k]}, each of length n
     * @param fiedlerThreshold the value that splits {@code eigenvectors[1]} into the root's two sides ({@code >= t} is one side)
     * @param tree             the partition tree
     */
    public SpectralPartition(double[] eigenvalues, double[][] eigenvectors, double fiedlerThreshold, PartitionTree tree) {
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        Objects.requireNonNull(eigenvectors, "eigenvectors");
        Objects.requireNonNull(tree, "tree");
        if (eigenvalues.length < 2 || eigenvectors.length != eigenvalues.length) {
            throw new IllegalArgumentException("need at least 2 eigenpairs with one vector each, got " + eigenvalues.length
                    + " values and " + eigenvectors.length + " vectors");
        }
        for (double[] v : eigenvectors) {
            if (v.length != tree.graphNodeCount()) {
                throw new IllegalArgumentException("eigenvector length " + v.length + " differs from the graph size "
                        + tree.graphNodeCount());
            }
        }
        this.eigenvalues = eigenvalues.clone();
        this.eigenvectors = new double[eigenvectors.length][];
        for (int k = 0; k < eigenvectors.length; k++) {
            this.eigenvectors[k] = eigenvectors[k].clone();
        }
        this.fiedlerThreshold = fiedlerThreshold;
        this.tree = tree;
    }

    /** Number of graph nodes. */
    public int nodeCount() {
        return tree.graphNodeCount();
    }

    /** Number of eigenpairs held. */
    public int eigenpairCount() {
        return eigenvalues.length;
    }

    /** The {@code k}-th smallest generalized eigenvalue. */
    public double eigenvalue(int k) {
        return eigenvalues[k];
    }

    /** All eigenvalues held, ascending (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The eigenvector of eigenvalue {@code k} (a copy). */
    public double[] eigenvector(int k) {
        return eigenvectors[k].clone();
    }

    /** The second generalized eigenvector (the relaxed normalized-cut indicator). */
    public double[] fiedler() {
        return eigenvector(1);
    }

    /**
     * The threshold that split the Fiedler vector at the root ({@code >=} is one side); NaN when the root was not
     * split.
     */
    public double fiedlerThreshold() {
        return fiedlerThreshold;
    }

    /** The partition tree. */
    public PartitionTree tree() {
        return tree;
    }
}
