package org.supercuts.onnx.ssn;

import java.nio.file.Path;
import java.util.Objects;

import org.supercuts.onnx.runtime.ModelOptions;

/**
 * Parameters of {@link SsnSuperpixelizer}: the requested superpixel count, soft-clustering iterations, the input scalings
 * the network was trained with, the connectivity threshold, and where/how to load the pixel-feature network.
 *
 * <p>Defaults follow the SSN reference inference: {@code superpixels = 200}, {@code iterations = 5},
 * {@code colorScale = 0.26}, {@code positionScale = 2.5}, {@code minSizeFraction = 0.06} (superpixels smaller than
 * {@code 0.06 * pixels / superpixels} are merged into a neighbour), {@code maxSizeFraction = 3.0} (larger connected
 * pieces are cut into chunks of at most {@code 3 * pixels / superpixels}), clustering parallel over row bands.
 *
 * <p>Immutable; derive variants with the {@code with...} methods, which validate their argument.
 *
 * <p>Thread safety: immutable value, safe to share.
 */
public final class SsnSpec {
    /** Largest accepted {@link #iterations()}. */
    public static final int MAX_ITERATIONS = 100;
    /** Largest accepted {@link #superpixels()}. */
    public static final int MAX_SUPERPIXELS = 1 << 20;

    private final Path modelPath;
    private final ModelOptions modelOptions;
    private final int superpixels;
    private final int iterations;
    private final double colorScale;
    private final double positionScale;
    private final double minSizeFraction;
    private final double maxSizeFraction;
    private final boolean parallel;

    private SsnSpec(Path modelPath, ModelOptions modelOptions, int superpixels, int iterations, double colorScale,
            double positionScale, double minSizeFraction, double maxSizeFraction, boolean parallel) {
        if (modelPath == null) {
            throw new IllegalArgumentException("modelPath must not be null (the SSN pixel-feature ONNX file)");
        }
        if (modelOptions == null) {
            throw new IllegalArgumentException("modelOptions must not be null (use ModelOptions.defaults())");
        }
        if (superpixels < 1 || superpixels > MAX_SUPERPIXELS) {
            throw new IllegalArgumentException("superpixels must be in [1, " + MAX_SUPERPIXELS + "], got " + superpixels);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be in [1, " + MAX_ITERATIONS + "], got " + iterations);
        }
        if (!(colorScale > 0) || Double.isInfinite(colorScale)) {
            throw new IllegalArgumentException("colorScale must be finite and > 0, got " + colorScale);
        }
        if (!(positionScale > 0) || Double.isInfinite(positionScale)) {
            throw new IllegalArgumentException("positionScale must be finite and > 0, got " + positionScale);
        }
        if (!(minSizeFraction >= 0 && minSizeFraction <= 1)) {
            throw new IllegalArgumentException("minSizeFraction must be in [0, 1], got " + minSizeFraction);
        }
        if (!(maxSizeFraction >= 1)) {
            throw new IllegalArgumentException("maxSizeFraction must be >= 1 (or infinite for no bound), got " + maxSizeFraction);
        }
        this.modelPath = modelPath;
        this.modelOptions = modelOptions;
        this.superpixels = superpixels;
        this.iterations = iterations;
        this.colorScale = colorScale;
        this.positionScale = positionScale;
        this.minSizeFraction = minSizeFraction;
        this.maxSizeFraction = maxSizeFraction;
        this.parallel = parallel;
    }

    /** The reference defaults with the given model file and {@link ModelOptions#defaults()}. */
    public static SsnSpec defaults(Path modelPath) {
        return new SsnSpec(modelPath, ModelOptions.defaults(), 200, 5, 0.26, 2.5, 0.06, 3.0, true);
    }

    /** The spec with another network file. */
    public SsnSpec withModelPath(Path modelPath) {
        return new SsnSpec(modelPath, modelOptions, superpixels, iterations, colorScale, positionScale, minSizeFraction, maxSizeFraction, parallel);
    }

    /** The spec with another device and thread count for the network. */
    public SsnSpec withModelOptions(ModelOptions modelOptions) {
        return new SsnSpec(modelPath, modelOptions, superpixels, iterations, colorScale, positionScale, minSizeFraction, maxSizeFraction, parallel);
    }

    /** Requested number of superpixels K (the initial grid has about K cells; connectivity may add a few). */
    public SsnSpec withSuperpixels(int superpixels) {
        return new SsnSpec(modelPath, modelOptions, superpixels, iterations, colorScale, positionScale, minSizeFraction, maxSizeFraction, parallel);
    }

    /** Soft-clustering iterations (the network was trained with 5 to 10). */
    public SsnSpec withIterations(int iterations) {
        return new SsnSpec(modelPath, modelOptions, superpixels, iterations, colorScale, positionScale, minSizeFraction, maxSizeFraction, parallel);
    }

    /** Factor applied to CIELAB before the network (0.26 in training). */
    public SsnSpec withColorScale(double colorScale) {
        return new SsnSpec(modelPath, modelOptions, superpixels, iterations, colorScale, positionScale, minSizeFraction, maxSizeFraction, parallel);
    }

    /** Position factor before normalisation by the grid step (2.5 in training; larger gives more compact superpixels). */
    public SsnSpec withPositionScale(double positionScale) {
        return new SsnSpec(modelPath, modelOptions, superpixels, iterations, colorScale, positionScale, minSizeFraction, maxSizeFraction, parallel);
    }

    /** Superpixels below {@code minSizeFraction * pixels / superpixels} pixels are merged into a neighbour (0 = only split). */
    public SsnSpec withMinSizeFraction(double minSizeFraction) {
        return new SsnSpec(modelPath, modelOptions, superpixels, iterations, colorScale, positionScale, minSizeFraction, maxSizeFraction, parallel);
    }

    /**
     * Connected pieces are cut (breadth-first, in raster order) into chunks of at most
     * {@code maxSizeFraction * pixels / superpixels} pixels, as the reference's connectivity step (3.0); use
     * {@link Double#POSITIVE_INFINITY} for no bound.
     */
    public SsnSpec withMaxSizeFraction(double maxSizeFraction) {
        return new SsnSpec(modelPath, modelOptions, superpixels, iterations, colorScale, positionScale, minSizeFraction, maxSizeFraction, parallel);
    }

    /** Whether the clustering runs on the common fork-join pool (results are identical either way). */
    public SsnSpec withParallel(boolean parallel) {
        return new SsnSpec(modelPath, modelOptions, superpixels, iterations, colorScale, positionScale, minSizeFraction, maxSizeFraction, parallel);
    }

    /** The network file. */
    public Path modelPath() {
        return modelPath;
    }

    /** Device and threads of the network. */
    public ModelOptions modelOptions() {
        return modelOptions;
    }

    /** The requested superpixel count K. */
    public int superpixels() {
        return superpixels;
    }

    /** Soft-clustering rounds. */
    public int iterations() {
        return iterations;
    }

    /** Scale of the CIELAB input channels. */
    public double colorScale() {
        return colorScale;
    }

    /** Scale of the position input channels. */
    public double positionScale() {
        return positionScale;
    }

    /** Pieces below this fraction of H*W/K pixels are merged. */
    public double minSizeFraction() {
        return minSizeFraction;
    }

    /** The largest piece, as a fraction of H*W/K pixels (infinite = no bound). */
    public double maxSizeFraction() {
        return maxSizeFraction;
    }

    /** Whether the clustering runs on several threads. */
    public boolean parallel() {
        return parallel;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SsnSpec s && s.modelPath.equals(modelPath) && s.modelOptions.equals(modelOptions)
                && s.superpixels == superpixels && s.iterations == iterations && s.colorScale == colorScale
                && s.positionScale == positionScale && s.minSizeFraction == minSizeFraction
                && s.maxSizeFraction == maxSizeFraction && s.parallel == parallel;
    }

    @Override
    public int hashCode() {
        return Objects.hash(modelPath, modelOptions, superpixels, iterations, colorScale, positionScale, minSizeFraction, maxSizeFraction, parallel);
    }

    @Override
    public String toString() {
        return "ssn(k=" + superpixels + ",iter=" + iterations + ",color=" + colorScale + ",pos=" + positionScale + ",minSize="
                + minSizeFraction + ",maxSize=" + maxSizeFraction + ",model=" + modelPath.getFileName() + ")";
    }
}
