package org.supercuts.eval.bsds;

import java.util.List;
import java.util.Objects;

import org.supercuts.image.LabelMap;

/**
 * The region benchmark of one image at every scale (Arbeláez et al., TPAMI 2011; the BSDS500 code's
 * {@code evaluation_reg_image}): per scale, the segmentation covering counts (each human region's area times its best
 * intersection-over-union with a machine region, summed over all annotators' regions, and the total area of those
 * regions), and the Rand index and variation of information averaged over the annotators.
 *
 * <p>The machine segmentation of scale {@code s} is given as a grouping of the regions of a base labelling (the
 * superpixels of a hierarchy, or the level's own label map): the contingency table of the base with each annotator is
 * built once per image and regrouped per scale, which makes a 99-scale sweep cheap.
 *
 * <p>Thread safety: immutable value; {@link #of} is a pure function.
 *
 * @param coverCount covering numerator per scale: sum over annotators and their regions of |R| * max IoU
 * @param coverTotal covering denominator: sum over annotators of the image area (the same at every scale)
 * @param randIndex  Rand index per scale, mean over annotators
 * @param voi        variation of information in bits per scale, mean over annotators
 * @param segments   machine segment count per scale
 */
public record RegionScores(double[] coverCount, double coverTotal, double[] randIndex, double[] voi, int[] segments) {
    private static final double LOG2 = Math.log(2);

    /** Number of scales of the sweep. */
    public int scales() {
        return randIndex.length;
    }

    /** Covering of this image at scale s. */
    public double covering(int s) {
        return coverTotal > 0 ? coverCount[s] / coverTotal : 0;
    }

    /**
     * Scores every scale.
     *
     * @param base          the base labelling
     * @param groupOfRegion per scale, the segment ({@code 0..segments[s]-1}) of each base region
     * @param segments      per scale, the segment count
     * @param humans        the annotators' segmentations, each of the base's size
     * @throws IllegalArgumentException when a human segmentation has another size than the base
     */
    public static RegionScores of(LabelMap base, int[][] groupOfRegion, int[] segments, List<LabelMap> humans) {
        Objects.requireNonNull(base, "base");
        int scales = groupOfRegion.length;
        int n = base.count();
        int[] baseSizes = base.sizes();
        double[] cover = new double[scales];
        double[] ri = new double[scales];
        double[] voi = new double[scales];
        double total = 0;
        int maxSegments = 0;
        for (int s = 0; s < scales; s++) {
            if (groupOfRegion[s].length != n) {
                throw new IllegalArgumentException("scale " + s + " groups " + groupOfRegion[s].length + " regions, the base has " + n);
            }
            maxSegments = Math.max(maxSegments, segments[s]);
        }
        int[] lbl = base.backingArray();
        double pixels = lbl.length;
        for (LabelMap human : humans) {
            if (human.width() != base.width() || human.height() != base.height()) {
                throw new IllegalArgumentException("human segmentation is " + human.width() + "x" + human.height()
                        + " but the machine segmentation is " + base.width() + "x" + base.height());
            }
            int g = human.count();
            int[] gSizes = human.sizes();
            total += pixels;
            // Base x human contingency, kept as (region, human label, count) triples.
            int[][] triples = contingency(lbl, n, human.backingArray(), g);
            int[] tr = triples[0];
            int[] tg = triples[1];
            int[] tc = triples[2];
            double sumG2 = 0;
            double hG = 0;
            for (int j = 0; j < g; j++) {
                sumG2 += (double) gSizes[j] * gSizes[j];
                if (gSizes[j] > 0) {
                    double p = gSizes[j] / pixels;
                    hG -= p * Math.log(p);
                }
            }
            int[] cell = new int[maxSegments * g];
            int[] touched = new int[tr.length];
            double[] segSize = new double[maxSegments];
            double[] best = new double[g];
            for (int s = 0; s < scales; s++) {
                int[] map = groupOfRegion[s];
                int k = segments[s];
                java.util.Arrays.fill(segSize, 0, k, 0);
                for (int r = 0; r < n; r++) {
                    segSize[map[r]] += baseSizes[r];
                }
                int t = 0;
                for (int e = 0; e < tr.length; e++) {
                    int idx = map[tr[e]] * g + tg[e];
                    if (cell[idx] == 0) {
                        touched[t++] = idx;
                    }
                    cell[idx] += tc[e];
                }
                double sumN2 = 0;
                double mi = 0;
                java.util.Arrays.fill(best, 0);
                for (int q = 0; q < t; q++) {
                    int idx = touched[q];
                    double c = cell[idx];
                    cell[idx] = 0;
                    int i = idx / g;
                    int j = idx % g;
                    sumN2 += c * c;
                    mi += c / pixels * Math.log(c * pixels / (segSize[i] * gSizes[j]));
                    double iou = c / (segSize[i] + gSizes[j] - c);
                    if (iou > best[j]) {
                        best[j] = iou;
                    }
                }
                double sumS2 = 0;
                double hS = 0;
                for (int i = 0; i < k; i++) {
                    sumS2 += segSize[i] * segSize[i];
                    if (segSize[i] > 0) {
                        double p = segSize[i] / pixels;
                        hS -= p * Math.log(p);
                    }
                }
                double pairs = pixels * (pixels - 1) / 2;
                ri[s] += 1 - (sumS2 / 2 + sumG2 / 2 - sumN2) / pairs;
                voi[s] += (hS + hG - 2 * mi) / LOG2;
                double c = 0;
                for (int j = 0; j < g; j++) {
                    c += gSizes[j] * best[j];
                }
                cover[s] += c;
            }
        }
        int a = humans.size();
        for (int s = 0; s < scales; s++) {
            ri[s] /= a;
            voi[s] /= a;
        }
        return new RegionScores(cover, total, ri, voi, segments.clone());
    }

    /** The non-zero cells of the contingency table of two labellings, as (label a, label b, count) columns. */
    static int[][] contingency(int[] a, int na, int[] b, int nb) {
        long cells = (long) na * nb;
        int[] count;
        if (cells <= 8_000_000) {
            count = new int[(int) cells];
            int nonZero = 0;
            for (int i = 0; i < a.length; i++) {
                if (count[a[i] * nb + b[i]]++ == 0) {
                    nonZero++;
                }
            }
            int[][] out = new int[3][nonZero];
            int k = 0;
            for (int idx = 0; idx < count.length; idx++) {
                if (count[idx] > 0) {
                    out[0][k] = idx / nb;
                    out[1][k] = idx % nb;
                    out[2][k] = count[idx];
                    k++;
                }
            }
            return out;
        }
        long[] keys = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            keys[i] = (long) a[i] * nb + b[i];
        }
        java.util.Arrays.sort(keys);
        int distinct = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                distinct++;
            }
        }
        int[][] out = new int[3][distinct];
        int k = -1;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                k++;
                out[0][k] = (int) (keys[i] / nb);
                out[1][k] = (int) (keys[i] % nb);
            }
            out[2][k]++;
        }
        return out;
    }
}
