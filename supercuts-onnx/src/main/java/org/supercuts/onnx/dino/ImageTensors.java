package org.supercuts.onnx.dino;

import java.util.Objects;

import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.runtime.FloatTensor;

/**
 * Turns a {@link PlanarImage} into a normalised network input {@code [1, 3, H, W]}: resampling (with crop), scaling and
 * per-channel mean/std normalisation, {@code (v * inputScale - mean[c]) / std[c]}. Grey images are replicated to RGB.
 *
 * <p>Resampling is separable with a triangle (tent) kernel evaluated at pixel centres (half-pixel convention): when
 * enlarging it is bilinear interpolation, identical to torch's {@code interpolate(mode="bilinear",
 * align_corners=False)}; when shrinking the kernel is widened by the inverse scale so every source pixel contributes
 * (anti-aliasing, as PIL and torchvision's {@code antialias=True} do). Samples outside the image repeat the edge.
 *
 * <p>Thread safety: stateless static methods; each call allocates its own buffers.
 */
public final class ImageTensors {
    private ImageTensors() {
    }

    /**
     * Resamples {@code image} to {@code outWidth x outHeight}: output pixel {@code i} samples the image at continuous
     * position {@code (i + 0.5 + cropX) / scaleX} (likewise for rows), then normalises.
     *
     * @param mean       per-channel mean (3 values) subtracted after scaling
     * @param std        per-channel standard deviation (3 positive values)
     * @param inputScale multiplies the [0, 1] samples first (1 for networks trained on [0, 1], 255 for [0, 255])
     */
    public static FloatTensor normalizedTensor(PlanarImage image, int outWidth, int outHeight, double scaleX, double scaleY,
            double cropX, double cropY, float[] mean, float[] std, float inputScale) {
        Objects.requireNonNull(image, "image");
        if (outWidth < 1 || outHeight < 1) {
            throw new IllegalArgumentException("output size must be at least 1x1, got " + outWidth + "x" + outHeight);
        }
        if (!(scaleX > 0) || !(scaleY > 0)) {
            throw new IllegalArgumentException("scales must be > 0, got scaleX=" + scaleX + ", scaleY=" + scaleY);
        }
        PlanarImage rgb = image.toRgb();
        int w = rgb.width();
        int h = rgb.height();
        Taps cols = Taps.of(outWidth, w, scaleX, cropX);
        Taps rows = Taps.of(outHeight, h, scaleY, cropY);
        int plane = outWidth * outHeight;
        float[] out = new float[3 * plane];
        float[] horizontal = new float[h * outWidth];
        for (int c = 0; c < 3; c++) {
            float[] src = rgb.plane(c);
            for (int y = 0; y < h; y++) {
                int row = y * w;
                for (int i = 0; i < outWidth; i++) {
                    int[] idx = cols.index[i];
                    float[] wt = cols.weight[i];
                    float s = 0;
                    for (int k = 0; k < idx.length; k++) {
                        s += wt[k] * src[row + idx[k]];
                    }
                    horizontal[y * outWidth + i] = s;
                }
            }
            float m = mean[c];
            float inv = 1f / std[c];
            int base = c * plane;
            for (int j = 0; j < outHeight; j++) {
                int[] idx = rows.index[j];
                float[] wt = rows.weight[j];
                for (int i = 0; i < outWidth; i++) {
                    float s = 0;
                    for (int k = 0; k < idx.length; k++) {
                        s += wt[k] * horizontal[idx[k] * outWidth + i];
                    }
                    out[base + j * outWidth + i] = (s * inputScale - m) * inv;
                }
            }
        }
        return FloatTensor.copyOf(out, 1, 3, outHeight, outWidth);
    }

    /** Source indices and normalised weights of each output sample along one axis. */
    private static final class Taps {
        final int[][] index;
        final float[][] weight;

        private Taps(int[][] index, float[][] weight) {
            this.index = index;
            this.weight = weight;
        }

        static Taps of(int outSize, int inSize, double scale, double crop) {
            double support = scale < 1 ? 1 / scale : 1;
            int[][] index = new int[outSize][];
            float[][] weight = new float[outSize][];
            for (int i = 0; i < outSize; i++) {
                double centre = (i + 0.5 + crop) / scale;
                int first = (int) Math.floor(centre - support - 0.5);
                int last = (int) Math.ceil(centre + support - 0.5);
                int n = last - first + 1;
                int[] idx = new int[n];
                double[] wt = new double[n];
                double sum = 0;
                int used = 0;
                for (int j = first; j <= last; j++) {
                    double t = 1 - Math.abs(j + 0.5 - centre) / support;
                    if (t <= 0) {
                        continue;
                    }
                    int clamped = j < 0 ? 0 : Math.min(j, inSize - 1);
                    // Repeated edge samples are merged into one tap.
                    if (used > 0 && idx[used - 1] == clamped) {
                        wt[used - 1] += t;
                    } else {
                        idx[used] = clamped;
                        wt[used++] = t;
                    }
                    sum += t;
                }
                index[i] = java.util.Arrays.copyOf(idx, used);
                weight[i] = new float[used];
                for (int k = 0; k < used; k++) {
                    weight[i][k] = (float) (wt[k] / sum);
                }
            }
            return new Taps(index, weight);
        }
    }
}
