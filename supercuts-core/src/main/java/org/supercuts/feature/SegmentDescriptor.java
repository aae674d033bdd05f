package org.supercuts.feature;

import java.util.Locale;

import org.supercuts.graph.RegionGraph;
import org.supercuts.image.Cielab;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * A colour, texture and position descriptor of each region, made for comparing segments across images by cosine
 * similarity (segment retrieval, label transfer, cross-image clustering). Seven blocks, each normalised to unit length
 * and scaled by the square root of its weight, so that the cosine of two descriptors is the weighted mean of the seven
 * block cosines:
 *
 * <ol>
 * <li>{@code colour}: mean L*, a*, b* (divided by 100);</li>
 * <li>{@code spread}: standard deviation of L*, a*, b* (divided by 50);</li>
 * <li>{@code histogram}: marginal histograms of L* (0..100), a* and b* (-60..60), 6 bins each, as square roots of the
 * bin shares (their cosine is the Bhattacharyya coefficient);</li>
 * <li>{@code gradient}: mean and standard deviation of the Sobel gradient magnitude of L* (divided by 100);</li>
 * <li>{@code orientation}: gradient direction in 8 sectors of 45°, weighted by magnitude, square-rooted shares;</li>
 * <li>{@code lbp}: local binary patterns of L* over the 8 neighbours (a neighbour counts when brighter by more than 2 L*
 * units): the number of brighter neighbours for uniform patterns (at most 2 transitions, bins 0..8) and one bin for the
 * others, square-rooted shares;</li>
 * <li>{@code position}: centroid (x / width − ½, y / height − ½), square root of the area share and the share of the
 * region's pixels on the image border.</li>
 * </ol>
 *
 * <p>Blocks of raw values (colour, spread, gradient, position) get an extra constant component of 1 before they are
 * normalised ("anchored"), so their cosine falls smoothly with the Euclidean distance of the values
 * (1 − cos ≈ |u − v|² / 2 for small values) instead of only comparing directions. The result has 3 + 3 + 18 + 2 + 8 + 10 +
 * 4 values plus one anchor per raw block (4), 52 in all when every weight is positive; blocks of weight 0 are left out.
 *
 * <p>Deviations from the usual descriptors (SegSort uses learned pixel embeddings; Felzenszwalb-style region
 * descriptors use full joint colour histograms): marginal instead of joint colour histograms and 8-sector orientation
 * histograms, to keep the vector short (about 50 values) and the cost to one pass over the pixels.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class SegmentDescriptor implements FeatureExtractor {
    /** The block names, in vector order. */
    public static final String[] BLOCKS = {"colour", "spread", "histogram", "gradient", "orientation", "lbp", "position"};
    private static final int HIST_BINS = 6;
    private static final int ORIENTATIONS = 8;
    private static final int LBP_BINS = 10;
    private static final float LBP_THRESHOLD = 2f;
    private static final int[] BLOCK_SIZES = {4, 4, 3 * HIST_BINS, 3, ORIENTATIONS, LBP_BINS, 5};

    private final double[] weights;

    private SegmentDescriptor(double[] weights) {
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weight of descriptor block '" + BLOCKS[i] + "' must be finite and >= 0, got "
                        + weights[i]);
            }
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("every descriptor block weight is 0; at least one must be > 0");
        }
        this.weights = weights;
    }

    /** The default weights: colour 1, spread 0.5, histogram 1, gradient 0.5, orientation 0.5, lbp 0.5, position 1. */
    public static SegmentDescriptor defaults() {
        return new SegmentDescriptor(new double[] {1, 0.5, 1, 0.5, 0.5, 0.5, 1});
    }

    /**
     * This descriptor with block {@code block} (one of {@link #BLOCKS}) weighted by {@code weight} (0 leaves it out).
     *
     * @throws IllegalArgumentException for an unknown block name or a negative weight
     */
    public SegmentDescriptor weight(String block, double weight) {
        double[] w = weights.clone();
        w[blockIndex(block)] = weight;
        return new SegmentDescriptor(w);
    }

    /** The weight of block {@code block}. */
    public double weight(String block) {
        return weights[blockIndex(block)];
    }

    private static int blockIndex(String block) {
        for (int i = 0; i < BLOCKS.length; i++) {
            if (BLOCKS[i].equals(block)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown descriptor block '" + block + "'; blocks are " + String.join(", ", BLOCKS));
    }

    @Override
    public RegionFeatures extract(PlanarImage image, LabelMap labels, RegionGraph graph) {
        int w = labels.width();
        int h = labels.height();
        int n = labels.count();
        if (image.width() != w || image.height() != h) {
            throw new IllegalArgumentException("image is " + image.width() + "x" + image.height() + " but labels are " + w + "x" + h
                    + "; they must have the same size");
        }
        int[] lbl = labels.backingArray();
        float[][] lab = Cielab.planes(image);
        float[] pl = lab[0];
        float[] pa = lab[1];
        float[] pb = lab[2];
        double[] sq = new double[3 * n];
        int[] hist = new int[3 * HIST_BINS * n];
        double[] grad = new double[2 * n];
        double[] orient = new double[ORIENTATIONS * n];
        int[] lbp = new int[LBP_BINS * n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int r = lbl[i];
                float l = pl[i];
                float a = pa[i];
                float b = pb[i];
                // Raw second moments; the variance is E[x²] − mean² with the graph's means (no per-pixel look-up).
                sq[3 * r] += l * l;
                sq[3 * r + 1] += a * a;
                sq[3 * r + 2] += b * b;
                int hb = 3 * HIST_BINS * r;
                hist[hb + bin(l, 0, 100)]++;
                hist[hb + HIST_BINS + bin(a, -60, 60)]++;
                hist[hb + 2 * HIST_BINS + bin(b, -60, 60)]++;
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    continue;
                }
                // Sobel on L* and the 8-neighbour pattern, interior pixels only.
                float nw = pl[i - w - 1];
                float nn = pl[i - w];
                float ne = pl[i - w + 1];
                float ww = pl[i - 1];
                float ee = pl[i + 1];
                float sw = pl[i + w - 1];
                float ss = pl[i + w];
                float se = pl[i + w + 1];
                float gx = (ne + 2 * ee + se) - (nw + 2 * ww + sw);
                float gy = (sw + 2 * ss + se) - (nw + 2 * nn + ne);
                double mag = Math.sqrt(gx * gx + gy * gy) / 8.0;
                grad[2 * r] += mag;
                grad[2 * r + 1] += mag * mag;
                orient[ORIENTATIONS * r + sector(gx, gy)] += mag;
                float t = l + LBP_THRESHOLD;
                int code = (nw > t ? 1 : 0) | (nn > t ? 2 : 0) | (ne > t ? 4 : 0) | (ee > t ? 8 : 0) | (se > t ? 16 : 0)
                        | (ss > t ? 32 : 0) | (sw > t ? 64 : 0) | (ww > t ? 128 : 0);
                int rotated = ((code << 1) | (code >>> 7)) & 0xff;
                int transitions = Integer.bitCount(code ^ rotated);
                lbp[LBP_BINS * r + (transitions <= 2 ? Integer.bitCount(code) : LBP_BINS - 1)]++;
            }
        }
        int d = dimension();
        double[] out = new double[n * d];
        double[] block = new double[20];
        for (int r = 0; r < n; r++) {
            int size = graph.size(r);
            int o = r * d;
            if (weights[0] > 0) {
                for (int c = 0; c < 3; c++) {
                    block[c] = graph.meanLab(r, c) / 100.0;
                }
                o = put(out, o, block, 3, true, weights[0]);
            }
            if (weights[1] > 0) {
                for (int c = 0; c < 3; c++) {
                    double mean = graph.meanLab(r, c);
                    block[c] = Math.sqrt(Math.max(0, sq[3 * r + c] / size - mean * mean)) / 50.0;
                }
                o = put(out, o, block, 3, true, weights[1]);
            }
            if (weights[2] > 0) {
                for (int k = 0; k < 3 * HIST_BINS; k++) {
                    block[k] = Math.sqrt(hist[3 * HIST_BINS * r + k] / (double) size);
                }
                o = put(out, o, block, 3 * HIST_BINS, false, weights[2]);
            }
            int interior = 0;
            for (int k = 0; k < LBP_BINS; k++) {
                interior += lbp[LBP_BINS * r + k];
            }
            if (weights[3] > 0) {
                double mean = interior == 0 ? 0 : grad[2 * r] / interior;
                double var = interior == 0 ? 0 : Math.max(0, grad[2 * r + 1] / interior - mean * mean);
                block[0] = mean / 100.0 * 8;
                block[1] = Math.sqrt(var) / 100.0 * 8;
                o = put(out, o, block, 2, true, weights[3]);
            }
            if (weights[4] > 0) {
                double total = 0;
                for (int k = 0; k < ORIENTATIONS; k++) {
                    total += orient[ORIENTATIONS * r + k];
                }
                for (int k = 0; k < ORIENTATIONS; k++) {
                    // A flat region has no direction: equal shares.
                    block[k] = total == 0 ? Math.sqrt(1.0 / ORIENTATIONS) : Math.sqrt(orient[ORIENTATIONS * r + k] / total);
                }
                o = put(out, o, block, ORIENTATIONS, false, weights[4]);
            }
            if (weights[5] > 0) {
                for (int k = 0; k < LBP_BINS; k++) {
                    block[k] = interior == 0 ? (k == 0 ? 1 : 0) : Math.sqrt(lbp[LBP_BINS * r + k] / (double) interior);
                }
                o = put(out, o, block, LBP_BINS, false, weights[5]);
            }
            if (weights[6] > 0) {
                block[0] = graph.centroidX(r) / w - 0.5;
                block[1] = graph.centroidY(r) / h - 0.5;
                block[2] = Math.sqrt(size / (double) (w * h));
                block[3] = graph.borderPixels(r) / (double) size;
                put(out, o, block, 4, true, weights[6]);
            }
        }
        return RegionFeatures.wrap(n, d, out);
    }

    /** Writes one block, normalised to length sqrt(weight) (anchored blocks get a constant 1 appended first). */
    private static int put(double[] out, int o, double[] block, int len, boolean anchored, double weight) {
        double norm = anchored ? 1 : 0;
        for (int k = 0; k < len; k++) {
            norm += block[k] * block[k];
        }
        double scale = norm == 0 ? 0 : Math.sqrt(weight / norm);
        for (int k = 0; k < len; k++) {
            out[o++] = block[k] * scale;
        }
        if (anchored) {
            out[o++] = scale;
        }
        return o;
    }

    private static int bin(float v, float lo, float hi) {
        int b = (int) ((v - lo) / (hi - lo) * HIST_BINS);
        return b < 0 ? 0 : b >= HIST_BINS ? HIST_BINS - 1 : b;
    }

    /** One of 8 sectors of 45° of the direction (gx, gy), by comparisons only. */
    private static int sector(float gx, float gy) {
        float ax = Math.abs(gx);
        float ay = Math.abs(gy);
        int s = ax >= ay ? 0 : 1;
        if (gx < 0) {
            s = 3 - s;
        }
        return gy < 0 ? 7 - s : s;
    }

    /** The number of values per region. */
    public int dimension() {
        int d = 0;
        for (int i = 0; i < BLOCK_SIZES.length; i++) {
            d += weights[i] > 0 ? BLOCK_SIZES[i] : 0;
        }
        return d;
    }

    /** The number of values block {@code block} contributes (anchor included) when its weight is positive. */
    public static int blockSize(String block) {
        return BLOCK_SIZES[blockIndex(block)];
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("segment-descriptor(");
        for (int i = 0; i < BLOCKS.length; i++) {
            b.append(i == 0 ? "" : ",").append(BLOCKS[i]).append('=').append(String.format(Locale.ROOT, "%.3g", weights[i]));
        }
        return b.append(')').toString();
    }
}
