package org.supercuts.superpixel;

import java.util.Arrays;

import org.supercuts.concurrent.BandRunner;
import org.supercuts.image.FastCielab;
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

    /** Per pixel: the squared distance to the nearest centre found so far in this iteration (+infinity: none yet). */
    private final float[] distance;
    /**
     * Per pixel: the nearest centre so far. Centres are visited in increasing index and replace the label only when
     * strictly nearer, so a tie keeps the smaller index: the paper's strict "closer than" test.
     */
    private final int[] label;

    private final double[][] colourSums;
    private final long[][] positionSums;

    private final SlicRowKernel kernel;

    SlicEngine(PlanarImage image, int segments, double compactness, double sigma, BandRunner runner) {
        this(image, segments, compactness, sigma, runner, SlicRowKernel.fastest());
    }

    /** With a given row kernel (tests compare them; every kernel gives the same result). */
    SlicEngine(PlanarImage image, int segments, double compactness, double sigma, BandRunner runner, SlicRowKernel kernel) {
        this.kernel = kernel;
        this.width = image.width();
        this.height = image.height();
        this.pixels = width * height;
        this.runner = runner;
        this.bands = runner.threads() == 1 ? 1 : Math.min(height, runner.threads() * 4);
        float[][] lab = image.cielab();
        float[][] planes = sigma > 0 ? new float[][] {lab[0].clone(), lab[1].clone(), lab[2].clone()} : lab;
        this.lightness = planes[0];
        this.greenRed = planes[1];
        this.blueYellow = planes[2];

        // A grid of at least `segments` cells (where the image has that many pixels per side) that are as square as the
        // image allows; the shorter side is divided first so that 1xN images get all their seeds along the long side.
        // Rounding the other side up, not to the nearest, keeps a 4:3 image at K = 100 from getting 9 x 11 wide cells
        // instead of 9 x 12 square ones (fewer, larger superpixels recall fewer boundaries).
        double step = Math.sqrt((double) pixels / segments);
        int rows;
        int cols;
        if (height <= width) {
            rows = clamp((int) Math.round(height / step), 1, height);
            cols = clamp((int) Math.ceil(segments / (double) rows), 1, width);
        } else {
            cols = clamp((int) Math.round(width / step), 1, width);
            rows = clamp((int) Math.ceil(segments / (double) cols), 1, height);
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
        this.distance = new float[pixels];
        this.label = new int[pixels];
        int workers = runner.threads();
        this.colourSums = new double[workers][3 * seeds];
        this.positionSums = new long[workers][3 * seeds];

        initialLabels();
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
            if (it == 0) {
                runner.run(bands, (band, worker) -> Arrays.fill(distance, bandStart(band) * width, bandStart(band + 1) * width,
                        Float.POSITIVE_INFINITY));
            } else {
                updateCentres(); // also resets the distances, in the same pass over the pixels
            }
            runner.run(bands, (band, worker) -> assign(bandStart(band), bandStart(band + 1)));
        }
        return label;
    }

    int seedCount() {
        return seeds;
    }

    /** Every pixel starts in its grid cell, so a pixel that no centre's window reaches keeps a sensible label. */
    private void initialLabels() {
        int[] colOfX = new int[width];
        for (int x = 0; x < width; x++) {
            colOfX[x] = Math.min(gridCols - 1, (int) (x / stepX));
        }
        runner.run(bands, (band, worker) -> {
            for (int y = bandStart(band); y < bandStart(band + 1); y++) {
                int rowLabel = Math.min(gridRows - 1, (int) (y / stepY)) * gridCols;
                int base = y * width;
                for (int x = 0; x < width; x++) {
                    label[base + x] = rowLabel + colOfX[x];
                }
            }
        });
    }

    private void blur(double sigma) {
        // Three sigmas, but never wider than the image: border clamping makes a longer kernel pointless.
        int radius = (int) Math.max(1, Math.min(Math.ceil(3 * sigma), Math.max(width, height)));
        float[] weights = new float[2 * radius + 1];
        double total = 0;
        for (int t = -radius; t <= radius; t++) {
            double v = Math.exp(-0.5 * t * t / (sigma * sigma));
            weights[t + radius] = (float) v;
            total += v;
        }
        for (int t = 0; t < weights.length; t++) {
            weights[t] = (float) (weights[t] / total);
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
                            s += weights[t + radius] * in[base + clamp(x + t, 0, width - 1)];
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
                            s += weights[t + radius] * in[clamp(y + t, 0, height - 1) * width + x];
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

    /**
     * Assignment for rows [y0, y1): every centre whose 2S x 2S window meets the band, in centre order. Pixels that no
     * window reaches keep their label (their distance stays infinite).
     */
    private void assign(int y0, int y1) {
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
            int count = xe - xs + 1;
            float cl = centreL[k];
            float ca = centreA[k];
            float cb = centreB[k];
            for (int y = ys; y <= ye; y++) {
                float dy = y - cy;
                kernel.assign(lightness, greenRed, blueYellow, distance, label, k, cl, ca, cb, spatialWeight * (dy * dy),
                        columnTerm, y * width + xs, count);
            }
        }
    }

    /** Moves every centre to the mean of its pixels and resets the distances. */
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

    /** Sums colour and position per label over rows [y0, y1) and resets their distances for the next assignment. */
    private void accumulate(int y0, int y1, double[] colour, long[] position) {
        float[] l = lightness;
        float[] a = greenRed;
        float[] b = blueYellow;
        int[] lbl = label;
        float[] dist = distance;
        int w = width;
        // Sums run along stretches of equal label in registers, two pixels at a time (independent accumulators hide the
        // add latency; the sums are exact, so their grouping does not matter); the stores happen once per stretch.
        for (int y = y0; y < y1; y++) {
            int base = y * w;
            int end = base + w;
            int i = base;
            while (i < end) {
                int k = lbl[i];
                int start = i;
                int stop = i + 1;
                while (stop < end && lbl[stop] == k) {
                    stop++;
                }
                double sl0 = 0;
                double sa0 = 0;
                double sb0 = 0;
                double sl1 = 0;
                double sa1 = 0;
                double sb1 = 0;
                int p = start;
                for (; p + 1 < stop; p += 2) {
                    sl0 += l[p];
                    sa0 += a[p];
                    sb0 += b[p];
                    sl1 += l[p + 1];
                    sa1 += a[p + 1];
                    sb1 += b[p + 1];
                }
                if (p < stop) {
                    sl0 += l[p];
                    sa0 += a[p];
                    sb0 += b[p];
                }
                i = stop;
                int j = 3 * k;
                long run = i - start;
                int x0 = start - base;
                colour[j] += sl0 + sl1;
                colour[j + 1] += sa0 + sa1;
                colour[j + 2] += sb0 + sb1;
                position[j] += run * (2L * x0 + run - 1) / 2; // x0 + ... + (x0 + run - 1)
                position[j + 1] += run * y;
                position[j + 2] += run;
            }
            Arrays.fill(dist, base, end, Float.POSITIVE_INFINITY);
        }
    }
}
