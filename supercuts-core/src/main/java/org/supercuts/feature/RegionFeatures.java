package org.supercuts.feature;

import java.util.Objects;

/**
 * One feature vector per region (superpixel or patch): an {@code n x d} row-major matrix of doubles.
 *
 * <p>Thread safety: immutable (the array handed to {@link #wrap} must not be modified afterwards).
 */
public final class RegionFeatures {
    private final int regions;
    private final int dimension;
    private final double[] data;

    private RegionFeatures(int regions, int dimension, double[] data) {
        this.regions = regions;
        this.dimension = dimension;
        this.data = data;
    }

    /**
     * Wraps row-major data without copying.
     *
     * @throws IllegalArgumentException if sizes disagree or a value is NaN or infinite (naming the region and dimension)
     */
    public static RegionFeatures wrap(int regions, int dimension, double[] data) {
        Objects.requireNonNull(data, "data");
        if (regions < 1 || dimension < 1) {
            throw new IllegalArgumentException("features need regions >= 1 and dimension >= 1, got regions=" + regions
                    + ", dimension=" + dimension);
        }
        if ((long) regions * dimension != data.length) {
            throw new IllegalArgumentException("feature data has length " + data.length + ", expected regions*dimension="
                    + ((long) regions * dimension));
        }
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("feature of region " + (i / dimension) + ", dimension " + (i % dimension)
                        + " is " + data[i] + "; features must be finite");
            }
        }
        return new RegionFeatures(regions, dimension, data);
    }

    /** Concatenates feature blocks of the same regions side by side, each block multiplied by its weight. */
    public static RegionFeatures concat(RegionFeatures[] blocks, double[] weights) {
        if (blocks.length == 0 || blocks.length != weights.length) {
            throw new IllegalArgumentException("concat needs one weight per block and at least one block, got " + blocks.length
                    + " blocks and " + weights.length + " weights");
        }
        int n = blocks[0].regions;
        int d = 0;
        for (RegionFeatures b : blocks) {
            if (b.regions != n) {
                throw new IllegalArgumentException("feature blocks disagree on region count: " + n + " vs " + b.regions);
            }
            d += b.dimension;
        }
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int k = 0; k < blocks.length; k++) {
                RegionFeatures b = blocks[k];
                for (int j = 0; j < b.dimension; j++) {
                    out[o++] = weights[k] * b.data[i * b.dimension + j];
                }
            }
        }
        return new RegionFeatures(n, d, out);
    }

    /** Number of regions (rows). */
    public int regions() {
        return regions;
    }

    /** Feature dimension (columns). */
    public int dimension() {
        return dimension;
    }

    /** Feature {@code dim} of {@code region}. */
    public double get(int region, int dim) {
        return data[region * dimension + dim];
    }

    /** A copy of one region's vector. */
    public double[] row(int region) {
        double[] r = new double[dimension];
        System.arraycopy(data, region * dimension, r, 0, dimension);
        return r;
    }

    /** The backing row-major array (not a copy; do not modify). */
    public double[] backingArray() {
        return data;
    }
}
