package org.supercuts.onnx.dino;

import java.util.Optional;

/**
 * The per-patch features of one image from a ViT: a {@code gridHeight x gridWidth} grid of {@code dimension}-vectors,
 * the {@link PatchGeometry} that places the grid on the image, and optionally the last block's attention from the CLS
 * token to every patch, per head.
 *
 * <p>Features are stored patch-major: patch {@code (gx, gy)} has index {@code gy * gridWidth + gx} and its vector starts
 * at {@code index * dimension} of {@link #backingArray()}.
 *
 * <p>Thread safety: immutable (accessors that return arrays return copies, except {@link #backingArray()}).
 */
public final class PatchFeatures {
    private final PatchGeometry geometry;
    private final FeatureKind kind;
    private final int dimension;
    private final float[] features;
    private final int heads;
    private final float[] clsAttention;

    PatchFeatures(PatchGeometry geometry, FeatureKind kind, int dimension, float[] features, int heads, float[] clsAttention) {
        if (features.length != geometry.patchCount() * dimension) {
            throw new IllegalStateException("features hold " + features.length + " values for " + geometry.patchCount()
                    + " patches of dimension " + dimension);
        }
        this.geometry = geometry;
        this.kind = kind;
        this.dimension = dimension;
        this.features = features;
        this.heads = heads;
        this.clsAttention = clsAttention;
    }

    /** Where the patches lie in the image. */
    public PatchGeometry geometry() {
        return geometry;
    }

    /** Which graph output the features came from. */
    public FeatureKind kind() {
        return kind;
    }

    /** Patch-grid width. */
    public int gridWidth() {
        return geometry.gridWidth();
    }

    /** Patch-grid height. */
    public int gridHeight() {
        return geometry.gridHeight();
    }

    /** Number of patches. */
    public int patchCount() {
        return geometry.patchCount();
    }

    /** Feature dimension C (the ViT's width). */
    public int dimension() {
        return dimension;
    }

    /** Component {@code c} of the feature of patch {@code (gx, gy)}. */
    public float get(int gx, int gy, int c) {
        return features[(gy * gridWidth() + gx) * dimension + c];
    }

    /** A copy of the feature vector of patch {@code (gx, gy)}. */
    public float[] vector(int gx, int gy) {
        float[] v = new float[dimension];
        System.arraycopy(features, (gy * gridWidth() + gx) * dimension, v, 0, dimension);
        return v;
    }

    /** The backing patch-major array (not a copy; do not modify). */
    public float[] backingArray() {
        return features;
    }

    /** Number of attention heads of the CLS attention maps, 0 when they were not requested. */
    public int heads() {
        return heads;
    }

    /**
     * A copy of the CLS attention of head {@code head}: one value per patch (patch index order), each in [0, 1]; the
     * values over all tokens, CLS and registers included, sum to 1, so a map sums to at most 1.
     */
    public Optional<float[]> clsAttention(int head) {
        if (clsAttention == null) {
            return Optional.empty();
        }
        if (head < 0 || head >= heads) {
            throw new IllegalArgumentException("head must be in [0, " + (heads - 1) + "], got " + head);
        }
        float[] a = new float[patchCount()];
        System.arraycopy(clsAttention, head * patchCount(), a, 0, a.length);
        return Optional.of(a);
    }

    /** The CLS attention averaged over heads, one value per patch, or empty when not requested. */
    public Optional<float[]> meanClsAttention() {
        if (clsAttention == null) {
            return Optional.empty();
        }
        int n = patchCount();
        float[] a = new float[n];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < n; i++) {
                a[i] += clsAttention[h * n + i] / heads;
            }
        }
        return Optional.of(a);
    }

    @Override
    public String toString() {
        return "PatchFeatures[" + kind + ", grid " + gridWidth() + "x" + gridHeight() + "x" + dimension + ", heads " + heads
                + "]";
    }
}
