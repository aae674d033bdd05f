package org.supercuts.hierarchy;

import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;

/**
 * Contour cues on the shared boundaries of adjacent superpixels: for each adjacency entry of a {@link RegionGraph}, the sum
 * over the boundary's 4-neighbour pixel pairs of a pixel-pair strength. The strength of a pair (p, q) at scale
 * (box {@code b}, offset {@code o}) is the Euclidean distance between the mean feature vectors over boxes of radius b at the
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
     * @param blurs   box radius of each scale (box means are taken from integral images, the box clipped to the image)
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
        boolean anyBlur = false;
        for (int s = 0; s < blurs.length; s++) {
            anyBlur |= weights[s] != 0 && blurs[s] > 0;
        }
        double[][] integral = null;
        if (anyBlur) {
            integral = new double[planes.length][];
            for (int c = 0; c < planes.length; c++) {
                integral[c] = integral(planes[c], w, h);
            }
        }
        int c = planes.length;
        double[] fp = new double[c];
        double[] fq = new double[c];
        long lastKey = -1;
        int lastEntry = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = row + x;
                int l = lbl[i];
                for (int dir = 0; dir < 2; dir++) {
                    int m;
                    if (dir == 0) {
                        if (x + 1 >= w || lbl[i + 1] == l) {
                            continue;
                        }
                        m = lbl[i + 1];
                    } else {
                        if (y + 1 >= h || lbl[i + w] == l) {
                            continue;
                        }
                        m = lbl[i + w];
                    }
                    long key = ((long) Math.min(l, m) << 32) | Math.max(l, m);
                    if (key != lastKey) {
                        lastKey = key;
                        lastEntry = entry(graph, Math.min(l, m), Math.max(l, m));
                    }
                    double strength = 0;
                    for (int s = 0; s < blurs.length; s++) {
                        if (weights[s] == 0) {
                            continue;
                        }
                        int o = offsets[s];
                        int px;
                        int py;
                        int qx;
                        int qy;
                        if (dir == 0) {
                            px = Math.max(0, x - o);
                            qx = Math.min(w - 1, x + 1 + o);
                            py = y;
                            qy = y;
                        } else {
                            px = x;
                            qx = x;
                            py = Math.max(0, y - o);
                            qy = Math.min(h - 1, y + 1 + o);
                        }
                        if (blurs[s] == 0) {
                            for (int k = 0; k < c; k++) {
                                fp[k] = planes[k][py * w + px];
                                fq[k] = planes[k][qy * w + qx];
                            }
                        } else {
                            boxMeans(integral, w, h, px, py, blurs[s], fp);
                            boxMeans(integral, w, h, qx, qy, blurs[s], fq);
                        }
                        double d2 = 0;
                        for (int k = 0; k < c; k++) {
                            double d = fp[k] - fq[k];
                            d2 += d * d;
                        }
                        strength += weights[s] * Math.sqrt(d2);
                    }
                    sum[lastEntry] += strength / norm;
                }
            }
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

    /** Integral image with a zero first row and column: {@code (w + 1) x (h + 1)}. */
    static double[] integral(float[] in, int w, int h) {
        int w1 = w + 1;
        double[] s = new double[w1 * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += in[y * w + x];
                s[(y + 1) * w1 + x + 1] = s[y * w1 + x + 1] + row;
            }
        }
        return s;
    }

    /** Means of the box of radius r around (x, y), clipped to the image, of every plane. */
    private static void boxMeans(double[][] integral, int w, int h, int x, int y, int r, double[] out) {
        int x0 = Math.max(0, x - r);
        int y0 = Math.max(0, y - r);
        int x1 = Math.min(w, x + r + 1);
        int y1 = Math.min(h, y + r + 1);
        int w1 = w + 1;
        double inv = 1.0 / ((x1 - x0) * (y1 - y0));
        for (int k = 0; k < integral.length; k++) {
            double[] s = integral[k];
            out[k] = (s[y1 * w1 + x1] - s[y0 * w1 + x1] - s[y1 * w1 + x0] + s[y0 * w1 + x0]) * inv;
        }
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
}
