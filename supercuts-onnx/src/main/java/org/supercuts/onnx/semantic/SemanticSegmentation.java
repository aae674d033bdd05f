package org.supercuts.onnx.semantic;

import org.supercuts.image.LabelMap;

/**
 * The output of {@link OnnxSemanticSegmenter}: per-pixel class probabilities (softmax over the classes) and the
 * arg-max class map, at the input image's size.
 *
 * <p>Thread safety: immutable; array accessors return copies.
 */
public final class SemanticSegmentation {
    private final int width;
    private final int height;
    private final int[] classes;
    private final float[][] probabilities;

    SemanticSegmentation(int width, int height, int[] classes, float[][] probabilities) {
        this.width = width;
        this.height = height;
        this.classes = classes;
        this.probabilities = probabilities;
    }

    /** Image width in pixels. */
    public int width() {
        return width;
    }

    /** Image height in pixels. */
    public int height() {
        return height;
    }

    /** Number of classes C of the network. */
    public int classCount() {
        return probabilities.length;
    }

    /** The most probable class at a pixel (the lowest index on ties). */
    public int classAt(int x, int y) {
        return classes[y * width + x];
    }

    /** A copy of the class map, row-major, values in {@code 0..C-1}. */
    public int[] classMap() {
        return classes.clone();
    }

    /** A copy of the probability map of class {@code c}, row-major. */
    public float[] probabilities(int c) {
        checkClass(c);
        return probabilities[c].clone();
    }

    /** Probability of class {@code c} at (x, y). */
    public float probability(int c, int x, int y) {
        checkClass(c);
        return probabilities[c][y * width + x];
    }

    /** The class map as a {@link LabelMap} (classes renumbered in raster order of first appearance, absent ones dropped). */
    public LabelMap toLabelMap() {
        return LabelMap.compact(width, height, classes);
    }

    private void checkClass(int c) {
        if (c < 0 || c >= probabilities.length) {
            throw new IllegalArgumentException("class must be in [0, " + (probabilities.length - 1) + "], got " + c);
        }
    }

    @Override
    public String toString() {
        return "SemanticSegmentation[" + width + "x" + height + ", " + probabilities.length + " classes]";
    }
}
