package org.supercuts.hierarchy;

import java.util.Arrays;

import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;

/**
 * Contour cues on the shared boundaries of adjacent superpixels: for each adjacency entry of a {@link RegionGraph}, the sum
 * over the boundary's 4-neighbour pixel pairs of a pixel-pair strength. The strength of a pair (p, q) at scale
 * (blur {@code b}, offset {@code o}) is the Euclidean distance between the box-blurred (radius b) feature vectors at the
 * points {@code o} pixels beyond p and beyond q across the boundary (clamped to the image): a colour gradient measured
 * over a baseline of {@code 2o + 1} pixels, the cheap counterpart of the half-disc differences of Pb (Martin et al., TPAMI
 * 2004). Scale (0, 0) is the plain difference of the two pixels.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class BoundaryCues {
    private BoundaryCues() {
    }

    /**
     * Sums, per adjacency entry of {@code graph} (both directions of an edge hold the same sum), of the pair strengths of
     * {@code planes} at each scale, weighted by {@code weights[s]} and divided by {@code norm}.
     *
     * @param planes  feature planes, one value per pixel each (e.g. CIELAB)
     * @param blurs   box-blur radius of each scale
     * @param offsets offset of each scale
     * @param weights weight of each scale
     */
    public static double[] boundarySums(float[][] planes, LabelMap superpixels, RegionGraph graph, int[] blurs, int[] offsets,
            double[] weights, double norm) {
        int w = superpixels.width();
        int h = superpixels.height();
        int[] lbl = superpixels.backingArray();
        int entries = graph.neighbourStart(graph.regionCount());
        double[] sum = new double[entries];
        for (int s = 0; s < blurs.length; s++) {
            if (weights[s] == 0) {
                continue;
            }
            float[][] blurred = new float[planes.length][];
            for (int c = 0; c < planes.length; c++) {
                blurred[c] = blurs[s] > 0 ? boxBlur(planes[c], w, h, blurs[s]) : planes[c];
            }
            accumulate(blurred, lbl, w, h, graph, offsets[s], weights[s] / norm, sum);
        }
        // Sums went to the entry of the smaller label; mirror them.
        int n = graph.regionCount();
        for (int r = 0; r < n; r++) {
            for (int k = graph.neighbourStart(r); k < graph.neighbourStart(r + 1); k++) {
                int o = graph.neighbour(k);
                if (o > r) {
                    sum[entry(graph, o, r)] = sum[k];
                }
            }
        }
        return sum;
    }

    private static void accumulate(float[][] f, int[] lbl, int w, int h, RegionGraph graph, int o, double weight, double[] sum) {
        int c = f.length;
        long lastKey = -1;
        int lastEntry = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = row + x;
                int l = lbl[i];
                if (x + 1 < w && lbl[i + 1] != l) {
                    int m = lbl[i + 1];
                    long key = ((long) Math.min(l, m) << 32) | Math.max(l, m);
                    if (key != lastKey) {
                        lastKey = key;
                        lastEntry = entry(graph, Math.min(l, m), Math.max(l, m));
                    }
                    int p = row + Math.max(0, x - o);
                    int q = row + Math.min(w - 1, x + 1 + o);
                    sum[lastEntry] += weight * distance(f, c, p, q);
                }
                if (y + 1 < h && lbl[i + w] != l) {
                    int m = lbl[i + w];
                    long key = ((long) Math.min(l, m) << 32) | Math.max(l, m);
                    if (key != lastKey) {
                        lastKey = key;
                        lastEntry = entry(graph, Math.min(l, m), Math.max(l, m));
                    }
                    int p = Math.max(0, y - o) * w + x;
                    int q = Math.min(h - 1, y + 1 + o) * w + x;
                    sum[lastEntry] += weight * distance(f, c, p, q);
                }
            }
        }
    }

    private static double distance(float[][] f, int c, int p, int q) {
        double s = 0;
        for (int k = 0; k < c; k++) {
            double d = f[k][p] - f[k][q];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    static int entry(RegionGraph g, int from, int to) {
        int lo = g.neighbourStart(from);
        int hi = g.neighbourStart(from + 1) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = g.neighbour(mid);
            if (v < to) {
                lo = mid + 1;
            } else if (v > to) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("regions " + from + " and " + to + " touch in the labels but not in the graph");
    }

    /** Box blur of radius r (separable running sums, borders clamped). */
    static float[] boxBlur(float[] in, int w, int h, int r) {
        float[] tmp = new float[in.length];
        float[] out = new float[in.length];
        float inv = 1f / (2 * r + 1);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            double acc = 0;
            for (int d = -r; d <= r; d++) {
                acc += in[row + clamp(d, w)];
            }
            for (int x = 0; x < w; x++) {
                tmp[row + x] = (float) (acc * inv);
                acc += in[row + clamp(x + r + 1, w)] - in[row + clamp(x - r, w)];
            }
        }
        for (int x = 0; x < w; x++) {
            double acc = 0;
            for (int d = -r; d <= r; d++) {
                acc += tmp[clamp(d, h) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = (float) (acc * inv);
                acc += tmp[clamp(y + r + 1, h) * w + x] - tmp[clamp(y - r, h) * w + x];
            }
        }
        return out;
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : v >= n ? n - 1 : v;
    }

    /** The boundary length (pixel pairs) of each adjacency entry, as doubles. */
    static double[] lengths(RegionGraph g) {
        int entries = g.neighbourStart(g.regionCount());
        double[] len = new double[entries];
        for (int k = 0; k < entries; k++) {
            len[k] = g.boundaryLength(k);
        }
        return len;
    }

    static double[] copy(double[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
