package org.supercuts.onnx.dino;

import java.util.Arrays;
import java.util.Objects;

import org.supercuts.onnx.runtime.ModelOptions;

/**
 * How {@link DinoFeatures} prepares images and reads a ViT graph. Immutable; start from {@link #defaults()} and derive
 * with the {@code with...} methods, each of which validates its argument.
 *
 * <p>Defaults: {@link ResizePolicy#RESIZE_KEEP_ASPECT}, no target size (the graph's fixed size, or for a dynamic graph
 * the image's own size rounded to multiples of the patch), {@link FeatureKind#KEYS}, no CLS attention, ImageNet
 * mean/std, patch size taken from the graph's metadata, {@link ModelOptions#defaults()} (CPU).
 *
 * <p>Thread safety: immutable value, safe to share.
 */
public final class DinoOptions {
    /** ImageNet channel means (RGB), the normalisation DINO and DINOv2 were trained with. */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    /** ImageNet channel standard deviations (RGB). */
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    private static final DinoOptions DEFAULTS = new DinoOptions(ResizePolicy.RESIZE_KEEP_ASPECT, 0, 0, FeatureKind.KEYS,
            false, IMAGENET_MEAN, IMAGENET_STD, 0, ModelOptions.defaults());

    private final ResizePolicy resizePolicy;
    private final int targetWidth;
    private final int targetHeight;
    private final FeatureKind feature;
    private final boolean clsAttention;
    private final float[] mean;
    private final float[] std;
    private final int patchSize;
    private final ModelOptions modelOptions;

    private DinoOptions(ResizePolicy resizePolicy, int targetWidth, int targetHeight, FeatureKind feature,
            boolean clsAttention, float[] mean, float[] std, int patchSize, ModelOptions modelOptions) {
        this.resizePolicy = resizePolicy;
        this.targetWidth = targetWidth;
        this.targetHeight = targetHeight;
        this.feature = feature;
        this.clsAttention = clsAttention;
        this.mean = mean.clone();
        this.std = std.clone();
        this.patchSize = patchSize;
        this.modelOptions = modelOptions;
    }

    /** Keys, resize keeping the aspect, ImageNet normalisation, no CLS attention, the default model options. */
    public static DinoOptions defaults() {
        return DEFAULTS;
    }

    /** How images are brought to the network's input size. */
    public DinoOptions withResizePolicy(ResizePolicy policy) {
        return new DinoOptions(Objects.requireNonNull(policy, "policy"), targetWidth, targetHeight, feature, clsAttention,
                mean, std, patchSize, modelOptions);
    }

    /**
     * The network input size for dynamic-size graphs (for fixed-size graphs it must be the graph's size); both must be
     * multiples of the patch size (checked when the model is loaded); {@code 0, 0} removes the target.
     */
    public DinoOptions withTargetSize(int width, int height) {
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("target size must be both positive, or both 0 (no target), got width=" + width
                    + ", height=" + height);
        }
        return new DinoOptions(resizePolicy, width, height, feature, clsAttention, mean, std, patchSize, modelOptions);
    }

    /** Which output is the feature: keys (default) or tokens. */
    public DinoOptions withFeature(FeatureKind kind) {
        return new DinoOptions(resizePolicy, targetWidth, targetHeight, Objects.requireNonNull(kind, "kind"), clsAttention,
                mean, std, patchSize, modelOptions);
    }

    /** Whether to read the {@code cls_attention} output too (the graph must then have it). */
    public DinoOptions withClsAttention(boolean include) {
        return new DinoOptions(resizePolicy, targetWidth, targetHeight, feature, include, mean, std, patchSize, modelOptions);
    }

    /** Per-channel (RGB) normalisation applied to samples in [0, 1]: {@code (v - mean) / std}. */
    public DinoOptions withNormalization(float[] mean, float[] std) {
        checkTriple(mean, "mean", false);
        checkTriple(std, "std", true);
        return new DinoOptions(resizePolicy, targetWidth, targetHeight, feature, clsAttention, mean, std, patchSize,
                modelOptions);
    }

    /**
     * The patch size the caller expects; the graph's {@code patch_size} metadata must agree, and a graph without that
     * metadata is accepted with this value. 0 (default) takes it from the metadata.
     */
    public DinoOptions withPatchSize(int patch) {
        if (patch < 0) {
            throw new IllegalArgumentException("patchSize must be >= 1, or 0 to read it from the graph, got " + patch);
        }
        return new DinoOptions(resizePolicy, targetWidth, targetHeight, feature, clsAttention, mean, std, patch, modelOptions);
    }

    /** Device and threads of the ONNX session. */
    public DinoOptions withModelOptions(ModelOptions options) {
        return new DinoOptions(resizePolicy, targetWidth, targetHeight, feature, clsAttention, mean, std, patchSize,
                Objects.requireNonNull(options, "options"));
    }

    static void checkTriple(float[] v, String name, boolean positive) {
        Objects.requireNonNull(v, name);
        if (v.length != 3) {
            throw new IllegalArgumentException(name + " must have 3 values (R, G, B), got " + v.length);
        }
        for (int i = 0; i < 3; i++) {
            if (!Float.isFinite(v[i]) || (positive && !(v[i] > 0))) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + v[i] + "; it must be finite"
                        + (positive ? " and > 0" : ""));
            }
        }
    }

    /** How images are brought to the network's input size. */
    public ResizePolicy resizePolicy() {
        return resizePolicy;
    }

    /** 0 when no target is set. */
    public int targetWidth() {
        return targetWidth;
    }

    /** Target input height for a dynamic graph (0 = none). */
    public int targetHeight() {
        return targetHeight;
    }

    /** Which output is the feature. */
    public FeatureKind feature() {
        return feature;
    }

    /** Whether the CLS attention output is read too. */
    public boolean clsAttention() {
        return clsAttention;
    }

    /** Per-channel normalisation mean (a copy). */
    public float[] mean() {
        return mean.clone();
    }

    /** Per-channel normalisation standard deviation (a copy). */
    public float[] std() {
        return std.clone();
    }

    /** 0 when the patch size is read from the graph. */
    public int patchSize() {
        return patchSize;
    }

    /** Device and threads of the ONNX session. */
    public ModelOptions modelOptions() {
        return modelOptions;
    }

    @Override
    public String toString() {
        return "DinoOptions[" + resizePolicy + (targetWidth > 0 ? " " + targetWidth + "x" + targetHeight : "") + ", " + feature
                + (clsAttention ? ", cls_attention" : "") + ", mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std)
                + (patchSize > 0 ? ", patch " + patchSize : "") + ", " + modelOptions + "]";
    }
}
