package org.supercuts.superpixel;

import org.supercuts.image.FastCielab;
import java.util.Arrays;

import org.supercuts.image.PlanarImage;

/**
 * The state of one SLIC run on one image (see {@link Slic} for the algorithm and its deviations from the paper).
 *
 * <p>Work is split into row bands. Every step is independent of the band partition and of which worker runs a band:
 * conversion, blur and assignment write disjoint pixels with per-pixel arithmetic that does not depend on the band; the
 * centre update sums {@link FastCielab}-quantized values, whose {@code double} sums are exact, so the per-worker partial
 * sums reduce to the same totals in any grouping.
 *
 * <p>Thread safety: confined to one {@link Slic#segment} call; its bands run on the call's workers.
 */
final class SlicEngine {
    private final int width;
    private final int height;
    private final int pixels;
    private final BandRunner runner;
    private final int bands;

    private final float[] lightness;
    private final float[] greenRed;
    private final float[] blueYellow;

    private final int gridRows;
    private final int gridCols;
    private final int seeds;
    private final double stepX;
    private final double stepY;
    private final float spatialWeight;

    private final float[] centreL;
    private final float[] centreA;
    private final float[] centreB;
    private final float[] centreX;
    private final float[] centreY;

    /**
     * Per pixel: the bits of the best squared distance so far (a non-negative float, whose bit pattern orders like its
     * value) in the high half and the label in the low half. One {@code Math.min} then keeps the nearer centre, and on a
     * tie the smaller label, which is the centre visited first: the paper's strict "closer than" test, without branches.
     */
    private final long[] best;

    private final double[][] colourSums;
    private final long[][] positionSums;

    SlicEngine(PlanarImage image, int segments, double compactness, double sigma, BandRunner runner) {
        this.width = image.width();
        this.height = image.height();
        this.pixels = width * height;
        this.runner = runner;
        this.bands = runner.threads() == 1 ? 1 : Math.min(height, runner.threads() * 4);
        this.lightness = new float[pixels];
        this.greenRed = new float[pixels];
        this.blueYellow = new float[pixels];

        // A grid of about `segments` cells that are as square as the image allows; the shorter side is divided first so
        // that 1xN images get all their seeds along the long side.
        double step = Math.sqrt((double) pixels / segments);
        int rows;
        int cols;
        if (height <= width) {
            rows = clamp((int) Math.round(height / step), 1, height);
            cols = clamp((int) Math.round(segments / (double) rows), 1, width);
        } else {
            cols = clamp((int) Math.round(width / step), 1, width);
            rows = clamp((int) Math.round(segments / (double) cols), 1, height);
        }
        this.gridRows = rows;
        this.gridCols = cols;
        this.seeds = rows * cols;
        this.stepX = width / (double) cols;
        this.stepY = height / (double) rows;
        // D^2 = dc^2 + (ds / S)^2 m^2 with S^2 = N / K (the grid's cell area).
        this.spatialWeight = (float) (compactness * compactness / (stepX * stepY));

        this.centreL = new float[seeds];
        this.centreA = new float[seeds];
        this.centreB = new float[seeds];
        this.centreX = new float[seeds];
        this.centreY = new float[seeds];
        this.best = new long[pixels];
        int workers = runner.threads();
        this.colourSums = new double[workers][3 * seeds];
        this.positionSums = new long[workers][3 * seeds];

        convert(image);
        if (sigma > 0) {
            blur(sigma);
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private int bandStart(int band) {
        return (int) ((long) band * height / bands);
    }

    /** Runs {@code iterations} assignment steps, updating the centres between them; returns the last assignment. */
    int[] cluster(int iterations) {
        placeSeeds();
        for (int it = 0; it < iterations; it++) {
            runner.run(bands, (band, worker) -> assign(bandStart(band), bandStart(band + 1)));
            if (it + 1 < iterations) {
                updateCentres();
            }
        }
        int[] label = new int[pixels];
        runner.run(bands, (band, worker) -> {
            for (int i = bandStart(band) * width; i < bandStart(band + 1) * width; i++) {
                label[i] = (int) best[i];
            }
        });
        return label;
    }

    int seedCount() {
        return seeds;
    }

    private void convert(PlanarImage image) {
        PlanarImage rgb = image.toRgb();
        float[] r = rgb.plane(0);
        float[] g = rgb.plane(1);
        float[] b = rgb.plane(2);
        int[] colOfX = new int[width];
        for (int x = 0; x < width; x++) {
            colOfX[x] = Math.min(gridCols - 1, (int) (x / stepX));
        }
        runner.run(bands, (band, worker) -> {
            int y0 = bandStart(band);
            int y1 = bandStart(band + 1);
            FastCielab.convert(r, g, b, lightness, greenRed, blueYellow, y0 * width, y1 * width);
            // Every pixel starts in its grid cell, so a pixel that no centre's window reaches keeps a sensible label.
            for (int y = y0; y < y1; y++) {
                int rowLabel = Math.min(gridRows - 1, (int) (y / stepY)) * gridCols;
                int base = y * width;
                for (int x = 0; x < width; x++) {
                    best[base + x] = rowLabel + colOfX[x];
                }
            }
        });
    }

    private void blur(double sigma) {
        // Three sigmas, but never wider than the image: border clamping makes a longer kernel pointless.
        int radius = (int) Math.max(1, Math.min(Math.ceil(3 * sigma), Math.max(width, height)));
        float[] kernel = new float[2 * radius + 1];
        double total = 0;
        for (int t = -radius; t <= radius; t++) {
            double v = Math.exp(-0.5 * t * t / (sigma * sigma));
            kernel[t + radius] = (float) v;
            total += v;
        }
        for (int t = 0; t < kernel.length; t++) {
            kernel[t] = (float) (kernel[t] / total);
        }
        float[][] planes = {lightness, greenRed, blueYellow};
        float[][] scratch = {new float[pixels], new float[pixels], new float[pixels]};
        runner.run(bands, (band, worker) -> {
            for (int c = 0; c < 3; c++) {
                float[] in = planes[c];
                float[] out = scratch[c];
                for (int y = bandStart(band); y < bandStart(band + 1); y++) {
                    int base = y * width;
                    for (int x = 0; x < width; x++) {
                        float s = 0;
                        for (int t = -radius; t <= radius; t++) {
                            s += kernel[t + radius] * in[base + clamp(x + t, 0, width - 1)];
                        }
                        out[base + x] = s;
                    }
                }
            }
        });
        runner.run(bands, (band, worker) -> {
            for (int c = 0; c < 3; c++) {
                float[] in = scratch[c];
                float[] out = planes[c];
                for (int y = bandStart(band); y < bandStart(band + 1); y++) {
                    for (int x = 0; x < width; x++) {
                        float s = 0;
                        for (int t = -radius; t <= radius; t++) {
                            s += kernel[t + radius] * in[clamp(y + t, 0, height - 1) * width + x];
                        }
                        out[y * width + x] = FastCielab.quantize(s);
                    }
                }
            }
        });
    }

    /** Squared colour gradient at (x, y) from central differences, clamped at the border (the paper's G(x, y)). */
    private float gradient(int x, int y) {
        int left = y * width + Math.max(0, x - 1);
        int right = y * width + Math.min(width - 1, x + 1);
        int up = Math.max(0, y - 1) * width + x;
        int down = Math.min(height - 1, y + 1) * width + x;
        float dl = lightness[right] - lightness[left];
        float da = greenRed[right] - greenRed[left];
        float db = blueYellow[right] - blueYellow[left];
        float el = lightness[down] - lightness[up];
        float ea = greenRed[down] - greenRed[up];
        float eb = blueYellow[down] - blueYellow[up];
        return dl * dl + da * da + db * db + el * el + ea * ea + eb * eb;
    }

    private void placeSeeds() {
        for (int row = 0; row < gridRows; row++) {
            int y = Math.min(height - 1, (int) ((row + 0.5) * stepY));
            for (int col = 0; col < gridCols; col++) {
                int x = Math.min(width - 1, (int) ((col + 0.5) * stepX));
                // Move to the lowest gradient in the 3x3 neighbourhood; stay put on ties so flat regions keep the grid.
                int bestX = x;
                int bestY = y;
                float best = gradient(x, y);
                for (int ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
                        float g = gradient(nx, ny);
                        if (g < best) {
                            best = g;
                            bestX = nx;
                            bestY = ny;
                        }
                    }
                }
                int k = row * gridCols + col;
                int i = bestY * width + bestX;
                centreL[k] = lightness[i];
                centreA[k] = greenRed[i];
                centreB[k] = blueYellow[i];
                centreX[k] = bestX;
                centreY[k] = bestY;
            }
        }
    }

    /** Assignment for rows [y0, y1): every centre whose 2S x 2S window meets the band, in centre order. */
    private void assign(int y0, int y1) {
        long[] packed = best;
        for (int i = y0 * width; i < y1 * width; i++) {
            packed[i] = UNREACHED | (packed[i] & LABEL_MASK); // unreached pixels keep their label
        }
        int windowWidth = 2 * (int) Math.ceil(stepX) + 1;
        float[] columnTerm = new float[windowWidth];
        for (int k = 0; k < seeds; k++) {
            float cy = centreY[k];
            int ys = Math.max(y0, (int) Math.ceil(cy - stepY));
            int ye = Math.min(y1 - 1, (int) Math.floor(cy + stepY));
            if (ys > ye) {
                continue;
            }
            float cx = centreX[k];
            int xs = Math.max(0, (int) Math.ceil(cx - stepX));
            int xe = Math.min(width - 1, (int) Math.floor(cx + stepX));
            for (int x = xs; x <= xe; x++) {
                float dx = x - cx;
                columnTerm[x - xs] = spatialWeight * (dx * dx);
            }
            assignWindow(k, centreL[k], centreA[k], centreB[k], cy, columnTerm, xs, xe, ys, ye);
        }
    }

    private static final long LABEL_MASK = 0xFFFFFFFFL;
    private static final long UNREACHED = (long) Float.floatToRawIntBits(Float.POSITIVE_INFINITY) << 32;

    private void assignWindow(int k, float cl, float ca, float cb, float cy, float[] columnTerm, int xs, int xe, int ys,
            int ye) {
        float[] l = lightness;
        float[] a = greenRed;
        float[] b = blueYellow;
        long[] packed = best;
        float weight = spatialWeight;
        int w = width;
        int count = xe - xs + 1;
        for (int y = ys; y <= ye; y++) {
            float dy = y - cy;
            float rowTerm = weight * (dy * dy);
            int base = y * w + xs;
            for (int j = 0; j < count; j++) {
                int i = base + j;
                float dl = l[i] - cl;
                float da = a[i] - ca;
                float db = b[i] - cb;
                float d = dl * dl + da * da + db * db + (columnTerm[j] + rowTerm);
                long candidate = ((long) Float.floatToRawIntBits(d) << 32) | k;
                packed[i] = Math.min(packed[i], candidate);
            }
        }
    }

    private void updateCentres() {
        runner.run(bands, (band, worker) -> accumulate(bandStart(band), bandStart(band + 1), colourSums[worker],
                positionSums[worker]));
        double[] colour = colourSums[0];
        long[] position = positionSums[0];
        for (int worker = 1; worker < colourSums.length; worker++) {
            double[] c = colourSums[worker];
            long[] p = positionSums[worker];
            for (int j = 0; j < c.length; j++) {
                colour[j] += c[j]; // exact: quantized values (see FastCielab), so the grouping does not matter
                position[j] += p[j];
            }
            Arrays.fill(c, 0);
            Arrays.fill(p, 0);
        }
        for (int k = 0; k < seeds; k++) {
            long count = position[3 * k + 2];
            if (count == 0) {
                continue; // a centre that lost every pixel stays where it was
            }
            double inv = 1.0 / count;
            centreL[k] = (float) (colour[3 * k] * inv);
            centreA[k] = (float) (colour[3 * k + 1] * inv);
            centreB[k] = (float) (colour[3 * k + 2] * inv);
            centreX[k] = (float) (position[3 * k] * inv);
            centreY[k] = (float) (position[3 * k + 1] * inv);
        }
        Arrays.fill(colour, 0);
        Arrays.fill(position, 0);
    }

    private void accumulate(int y0, int y1, double[] colour, long[] position) {
        float[] l = lightness;
        float[] a = greenRed;
        float[] b = blueYellow;
        long[] packed = best;
        int w = width;
        // Sums run along stretches of equal label in registers; the stores happen once per stretch.
        for (int y = y0; y < y1; y++) {
            int base = y * w;
            int x = 0;
            while (x < w) {
                int k = (int) packed[base + x];
                int start = x;
                double sl = 0;
                double sa = 0;
                double sb = 0;
                do {
                    int i = base + x;
                    sl += l[i];
                    sa += a[i];
                    sb += b[i];
                    x++;
                } while (x < w && (int) packed[base + x] == k);
                int j = 3 * k;
                long run = x - start;
                colour[j] += sl;
                colour[j + 1] += sa;
                colour[j + 2] += sb;
                position[j] += run * (start + x - 1) / 2; // start + ... + (x - 1)
                position[j + 1] += run * y;
                position[j + 2] += run;
            }
        }
    }
}
