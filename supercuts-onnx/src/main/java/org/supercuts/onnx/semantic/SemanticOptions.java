package org.supercuts.onnx.semantic;

import java.util.Arrays;
import java.util.Objects;

import org.supercuts.onnx.runtime.ModelOptions;

/**
 * How {@link OnnxSemanticSegmenter} feeds a segmentation network. Immutable; start from {@link #defaults()} and derive
 * with the validating {@code with...} methods.
 *
 * <p>Defaults: input size = the graph's fixed size (a dynamic-size graph gets the image's own size), samples in [0, 1]
 * ({@code inputScale = 1}) normalised with the ImageNet mean/std, the graph's only output (or the one named
 * {@code logits}), CPU.
 *
 * <p>Thread safety: immutable value, safe to share.
 */
public final class SemanticOptions {
    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
    private static final SemanticOptions DEFAULTS = new SemanticOptions(0, 0, IMAGENET_MEAN, IMAGENET_STD, 1f, null,
            ModelOptions.defaults());

    private final int inputWidth;
    private final int inputHeight;
    private final float[] mean;
    private final float[] std;
    private final float inputScale;
    private final String outputName;
    private final ModelOptions modelOptions;

    private SemanticOptions(int inputWidth, int inputHeight, float[] mean, float[] std, float inputScale, String outputName,
            ModelOptions modelOptions) {
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.mean = mean.clone();
        this.std = std.clone();
        this.inputScale = inputScale;
        this.outputName = outputName;
        this.modelOptions = modelOptions;
    }

    /** ImageNet normalisation, the graph's own input size, the default model options. */
    public static SemanticOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The size images are resized to (each axis independently) before the network, for dynamic-size graphs; for a
     * fixed-size graph it must equal the graph's size. {@code 0, 0} = the graph's size, or the image's own size.
     */
    public SemanticOptions withInputSize(int width, int height) {
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("input size must be both positive, or both 0 (automatic), got width=" + width
                    + ", height=" + height);
        }
        return new SemanticOptions(width, height, mean, std, inputScale, outputName, modelOptions);
    }

    /** Per-channel (RGB) normalisation {@code (v * inputScale - mean) / std}. */
    public SemanticOptions withNormalization(float[] mean, float[] std) {
        check(mean, "mean", false);
        check(std, "std", true);
        return new SemanticOptions(inputWidth, inputHeight, mean, std, inputScale, outputName, modelOptions);
    }

    /** Multiplies [0, 1] samples before normalisation: 1 (default) or 255 for networks trained on 8-bit values. */
    public SemanticOptions withInputScale(float scale) {
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException("inputScale must be finite and > 0, got " + scale);
        }
        return new SemanticOptions(inputWidth, inputHeight, mean, std, scale, outputName, modelOptions);
    }

    /** The logits output to read; {@code null} = the graph's only output, or the one named {@code logits}. */
    public SemanticOptions withOutputName(String name) {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("outputName must be null or non-blank, got '" + name + "'");
        }
        return new SemanticOptions(inputWidth, inputHeight, mean, std, inputScale, name, modelOptions);
    }

    /** Device and threads of the ONNX session. */
    public SemanticOptions withModelOptions(ModelOptions options) {
        return new SemanticOptions(inputWidth, inputHeight, mean, std, inputScale, outputName,
                Objects.requireNonNull(options, "options"));
    }

    private static void check(float[] v, String name, boolean positive) {
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

    /** Network input width (0 = the graph's). */
    public int inputWidth() {
        return inputWidth;
    }

    /** Network input height (0 = the graph's). */
    public int inputHeight() {
        return inputHeight;
    }

    /** Per-channel normalisation mean (a copy). */
    public float[] mean() {
        return mean.clone();
    }

    /** Per-channel normalisation standard deviation (a copy). */
    public float[] std() {
        return std.clone();
    }

    /** Factor applied to [0, 1] samples before normalisation. */
    public float inputScale() {
        return inputScale;
    }

    /** Null when chosen automatically. */
    public String outputName() {
        return outputName;
    }

    /** Device and threads of the ONNX session. */
    public ModelOptions modelOptions() {
        return modelOptions;
    }

    @Override
    public String toString() {
        return "SemanticOptions[" + (inputWidth > 0 ? inputWidth + "x" + inputHeight : "auto size") + ", mean "
                + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ", scale " + inputScale + ", output "
                + (outputName == null ? "auto" : outputName) + ", " + modelOptions + "]";
    }
}
