package org.supercuts.onnx.ssn;

import java.util.stream.IntStream;

/**
 * The differentiable-SLIC step of SSN (Jampani et al., "Superpixel Sampling Networks", ECCV 2018, Algorithm 1), run on
 * pixel features already computed by the network: a regular grid of initial superpixels, then {@code iterations} rounds
 * of soft association of every pixel to the 9 superpixels around its initial grid cell (weights
 * {@code softmax_j(-||f_p - c_j||^2)}) and association-weighted centre updates. The hard label of a pixel is the
 * superpixel with the largest association in the last round.
 *
 * <p>Grid: {@code gridW = floor(sqrt(K * W / H))}, {@code gridH = floor(sqrt(K * H / W))}; the initial centres are the
 * feature means over adaptive-average-pooling bins, and a pixel's initial cell is its nearest-neighbour cell (both as the
 * reference implementation). Rows are processed in fixed bands whose partial sums are reduced in band order, so results
 * do not depend on the number of threads.
 *
 * <p>Deviations from the paper / reference code: grid sizes are clamped to {@code [1, W]} and {@code [1, H]} so tiny images
 * and small K work; a superpixel whose total association is zero keeps its previous centre (the reference sets it to 0);
 * sums are accumulated in double precision.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class SsnSoftClustering {
    private static final int BAND_ROWS = 8;

    private SsnSoftClustering() {
    }

    /** Initial grid width (cells per row) for K superpixels on a {@code width x height} image. */
    public static int gridWidth(int superpixels, int width, int height) {
        return clamp((int) Math.sqrt(superpixels * (double) width / height), width);
    }

    /** Initial grid height (cells per column) for K superpixels on a {@code width x height} image. */
    public static int gridHeight(int superpixels, int width, int height) {
        return clamp((int) Math.sqrt(superpixels * (double) height / width), height);
    }

    private static int clamp(int v, int max) {
        return Math.max(1, Math.min(max, v));
    }

    /**
     * Clusters pixel-major features into superpixels.
     *
     * @param features    {@code features[p * channels + c]} for pixel {@code p = y * width + x}
     * @param superpixels requested K
     * @param iterations  soft-association rounds (>= 1)
     * @param parallel    whether row bands run on the common fork-join pool
     * @return hard labels (grid cell index {@code row * gridWidth + col}) per pixel, not yet made connected or compact
     */
    public static int[] cluster(float[] features, int channels, int width, int height, int superpixels, int iterations,
            boolean parallel) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be at least 1x1, got width=" + width + ", height=" + height);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        if ((long) width * height * channels != features.length) {
            throw new IllegalArgumentException("features has length " + features.length + ", expected width*height*channels="
                    + (long) width * height * channels);
        }
        if (superpixels < 1) {
            throw new IllegalArgumentException("superpixels must be >= 1, got " + superpixels);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        return new Run(features, channels, width, height, superpixels).iterate(iterations, parallel);
    }

    /** Mutable state of one clustering; confined to the calling method. */
    private static final class Run {
        final float[] f;
        final int c;
        final int w;
        final int h;
        final int gw;
        final int gh;
        final int[] cellRow;
        final int[] cellCol;
        final float[] centres;
        final int[] labels;
        final int bands;
        final double[][] bandWeight;
        final double[][] bandSum;
        final int[] bandFirstCell;

        Run(float[] features, int channels, int width, int height, int superpixels) {
            f = features;
            c = channels;
            w = width;
            h = height;
            gw = gridWidth(superpixels, width, height);
            gh = gridHeight(superpixels, width, height);
            cellRow = nearestCells(height, gh);
            cellCol = nearestCells(width, gw);
            centres = initialCentres();
            labels = new int[width * height];
            bands = (height + BAND_ROWS - 1) / BAND_ROWS;
            bandWeight = new double[bands][];
            bandSum = new double[bands][];
            bandFirstCell = new int[bands];
            for (int b = 0; b < bands; b++) {
                int y0 = b * BAND_ROWS;
                int y1 = Math.min(height, y0 + BAND_ROWS) - 1;
                // A band only reaches the grid rows next to the initial cells of its pixel rows.
                int rowLo = Math.max(0, cellRow[y0] - 1);
                int rowHi = Math.min(gh - 1, cellRow[y1] + 1);
                int cells = (rowHi - rowLo + 1) * gw;
                bandFirstCell[b] = rowLo * gw;
                bandWeight[b] = new double[cells];
                bandSum[b] = new double[cells * channels];
            }
        }

        /** Nearest-neighbour upsampling of {@code cells} to {@code size} positions, with float arithmetic as PyTorch's. */
        private static int[] nearestCells(int size, int cells) {
            int[] out = new int[size];
            float scale = (float) cells / size;
            for (int i = 0; i < size; i++) {
                out[i] = cells == size ? i : Math.min((int) Math.floor(i * scale), cells - 1);
            }
            return out;
        }

        /** Feature means over adaptive-average-pooling bins {@code [floor(i*S/n), ceil((i+1)*S/n))}. */
        private float[] initialCentres() {
            float[] out = new float[gw * gh * c];
            double[] sum = new double[c];
            for (int gy = 0; gy < gh; gy++) {
                int y0 = (int) ((long) gy * h / gh);
                int y1 = (int) (((long) (gy + 1) * h + gh - 1) / gh);
                for (int gx = 0; gx < gw; gx++) {
                    int x0 = (int) ((long) gx * w / gw);
                    int x1 = (int) (((long) (gx + 1) * w + gw - 1) / gw);
                    java.util.Arrays.fill(sum, 0);
                    for (int y = y0; y < y1; y++) {
                        for (int x = x0; x < x1; x++) {
                            int o = (y * w + x) * c;
                            for (int k = 0; k < c; k++) {
                                sum[k] += f[o + k];
                            }
                        }
                    }
                    int count = (y1 - y0) * (x1 - x0);
                    int o = (gy * gw + gx) * c;
                    for (int k = 0; k < c; k++) {
                        out[o + k] = (float) (sum[k] / count);
                    }
                }
            }
            return out;
        }

        int[] iterate(int iterations, boolean parallel) {
            for (int it = 0; it < iterations; it++) {
                boolean last = it == iterations - 1;
                IntStream range = IntStream.range(0, bands);
                (parallel ? range.parallel() : range).forEach(b -> associate(b, last));
                if (!last) {
                    updateCentres();
                }
            }
            return labels;
        }

        /** One round for the rows of band {@code b}: soft association, then either partial sums or the hard labels. */
        private void associate(int b, boolean last) {
            double[] weight = bandWeight[b];
            double[] sum = bandSum[b];
            int base = bandFirstCell[b];
            if (!last) {
                java.util.Arrays.fill(weight, 0);
                java.util.Arrays.fill(sum, 0);
            }
            int[] cell = new int[9];
            double[] dist = new double[9];
            int y0 = b * BAND_ROWS;
            int y1 = Math.min(h, y0 + BAND_ROWS);
            for (int y = y0; y < y1; y++) {
                int cy = cellRow[y];
                for (int x = 0; x < w; x++) {
                    int cx = cellCol[x];
                    int p = y * w + x;
                    int o = p * c;
                    int n = 0;
                    double best = Double.POSITIVE_INFINITY;
                    int bestCell = -1;
                    for (int dy = -1; dy <= 1; dy++) {
                        int ny = cy + dy;
                        if (ny < 0 || ny >= gh) {
                            continue;
                        }
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = cx + dx;
                            if (nx < 0 || nx >= gw) {
                                continue;
                            }
                            int s = ny * gw + nx;
                            int co = s * c;
                            float d = 0;
                            for (int k = 0; k < c; k++) {
                                float diff = f[o + k] - centres[co + k];
                                d += diff * diff;
                            }
                            if (d < best) {
                                best = d;
                                bestCell = s;
                            }
                            cell[n] = s;
                            dist[n++] = d;
                        }
                    }
                    if (last) {
                        labels[p] = bestCell;
                        continue;
                    }
                    // softmax(-d), shifted by the smallest distance so exp cannot underflow for every neighbour
                    double total = 0;
                    for (int j = 0; j < n; j++) {
                        dist[j] = Math.exp(best - dist[j]);
                        total += dist[j];
                    }
                    for (int j = 0; j < n; j++) {
                        double a = dist[j] / total;
                        int local = cell[j] - base;
                        weight[local] += a;
                        int so = local * c;
                        for (int k = 0; k < c; k++) {
                            sum[so + k] += a * f[o + k];
                        }
                    }
                }
            }
        }

        private void updateCentres() {
            int cells = gw * gh;
            double[] weight = new double[cells];
            double[] sum = new double[cells * c];
            for (int b = 0; b < bands; b++) {
                int base = bandFirstCell[b];
                double[] bw = bandWeight[b];
                double[] bs = bandSum[b];
                for (int i = 0; i < bw.length; i++) {
                    weight[base + i] += bw[i];
                }
                int so = base * c;
                for (int i = 0; i < bs.length; i++) {
                    sum[so + i] += bs[i];
                }
            }
            for (int s = 0; s < cells; s++) {
                if (weight[s] > 0) {
                    double inv = 1.0 / (weight[s] + 1e-16);
                    for (int k = 0; k < c; k++) {
                        centres[s * c + k] = (float) (sum[s * c + k] * inv);
                    }
                }
            }
        }
    }
}
