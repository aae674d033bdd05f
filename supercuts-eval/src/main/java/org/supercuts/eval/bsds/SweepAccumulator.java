package org.supercuts.eval.bsds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dataset aggregates of a region and boundary sweep, as the BSDS500 code's {@code collect_eval_reg} and
 * {@code collect_eval_bdry} compute them:
 * <ul>
 *   <li>covering ODS: the covering counts pooled over all images at one scale, best scale; OIS: each image at its best
 *       scale (the last of equal ones), counts pooled;</li>
 *   <li>PRI and VoI ODS: the best dataset mean at one scale (highest PRI, lowest VoI); OIS: the mean of each image's best;</li>
 *   <li>boundary F ODS: precision and recall pooled over images per scale, F maximised along the curve with linear
 *       interpolation between neighbouring scales; OIS: each image at its best-F scale, counts pooled; AP: precision
 *       interpolated at recall 0, 0.01, ..., 1 (0 outside the curve), times 0.01, summed.</li>
 * </ul>
 *
 * <p>Thread safety: not thread-safe; the runner adds under a lock.
 */
public final class SweepAccumulator {
    private final int scales;
    private final double[] cover;
    private double coverTotal;
    private double coverBestCount;
    private double coverBestTotal;
    private final double[] ri;
    private final double[] voi;
    private double riBest;
    private double voiBest;
    private final double[] bMatchedHuman;
    private final double[] bHuman;
    private final double[] bMatchedMachine;
    private final double[] bMachine;
    private final double[] bBest = new double[4];
    private final double[] segments;
    private int images;
    private int boundaryImages;

    /** An empty accumulator for a sweep of {@code scales} scales. */
    public SweepAccumulator(int scales) {
        if (scales < 1) {
            throw new IllegalArgumentException("scales must be >= 1, got " + scales);
        }
        this.scales = scales;
        cover = new double[scales];
        ri = new double[scales];
        voi = new double[scales];
        bMatchedHuman = new double[scales];
        bHuman = new double[scales];
        bMatchedMachine = new double[scales];
        bMachine = new double[scales];
        segments = new double[scales];
    }

    /** Adds one image ({@code boundary} may be null when the boundary benchmark is off). */
    public void add(RegionScores r, BoundaryScores boundary) {
        if (r.scales() != scales) {
            throw new IllegalArgumentException("image has " + r.scales() + " scales, the sweep " + scales);
        }
        images++;
        int bestCover = 0;
        double bestRi = Double.NEGATIVE_INFINITY;
        double bestVoi = Double.POSITIVE_INFINITY;
        for (int s = 0; s < scales; s++) {
            cover[s] += r.coverCount()[s];
            ri[s] += r.randIndex()[s];
            voi[s] += r.voi()[s];
            segments[s] += r.segments()[s];
            if (r.covering(s) >= r.covering(bestCover)) {
                bestCover = s;
            }
            bestRi = Math.max(bestRi, r.randIndex()[s]);
            bestVoi = Math.min(bestVoi, r.voi()[s]);
        }
        coverTotal += r.coverTotal();
        coverBestCount += r.coverCount()[bestCover];
        coverBestTotal += r.coverTotal();
        riBest += bestRi;
        voiBest += bestVoi;
        if (boundary != null) {
            boundaryImages++;
            int best = 0;
            double bestF = -1;
            for (int s = 0; s < scales; s++) {
                bMatchedHuman[s] += boundary.matchedHuman()[s];
                bHuman[s] += boundary.humanTotal()[s];
                bMatchedMachine[s] += boundary.matchedMachine()[s];
                bMachine[s] += boundary.machineTotal()[s];
                double f = f(ratio(boundary.matchedHuman()[s], boundary.humanTotal()[s]),
                        ratio(boundary.matchedMachine()[s], boundary.machineTotal()[s]));
                if (f >= bestF) {
                    bestF = f;
                    best = s;
                }
            }
            bBest[0] += boundary.matchedHuman()[best];
            bBest[1] += boundary.humanTotal()[best];
            bBest[2] += boundary.matchedMachine()[best];
            bBest[3] += boundary.machineTotal()[best];
        }
    }

    /** Number of images added. */
    public int images() {
        return images;
    }

    /** Dataset covering at scale s. */
    public double covering(int s) {
        return ratio(cover[s], coverTotal);
    }

    /** Dataset mean Rand index (PRI) at scale s. */
    public double pri(int s) {
        return images == 0 ? Double.NaN : ri[s] / images;
    }

    /** Dataset mean variation of information (bits) at scale s. */
    public double voi(int s) {
        return images == 0 ? Double.NaN : voi[s] / images;
    }

    /** Mean segment count at scale s. */
    public double meanSegments(int s) {
        return images == 0 ? Double.NaN : segments[s] / images;
    }

    /** The scale of the best dataset covering (the first of equal ones). */
    public int coveringOdsScale() {
        return argBest(this::covering, true);
    }

    /** Covering ODS: counts pooled over images at the best scale. */
    public double coveringOds() {
        return covering(coveringOdsScale());
    }

    /** Covering OIS: each image at its best scale, counts pooled. */
    public double coveringOis() {
        return ratio(coverBestCount, coverBestTotal);
    }

    /** The scale of the best dataset-mean PRI. */
    public int priOdsScale() {
        return argBest(this::pri, true);
    }

    /** PRI ODS: the best dataset mean at one scale. */
    public double priOds() {
        return pri(priOdsScale());
    }

    /** PRI OIS: the mean of each image's best Rand index. */
    public double priOis() {
        return images == 0 ? Double.NaN : riBest / images;
    }

    /** The scale of the lowest dataset-mean VoI. */
    public int voiOdsScale() {
        return argBest(this::voi, false);
    }

    /** VoI ODS: the lowest dataset mean at one scale. */
    public double voiOds() {
        return voi(voiOdsScale());
    }

    /** VoI OIS: the mean of each image's lowest VoI. */
    public double voiOis() {
        return images == 0 ? Double.NaN : voiBest / images;
    }

    /** True when some image came with boundary scores. */
    public boolean hasBoundaries() {
        return boundaryImages > 0;
    }

    /** Pooled boundary recall at scale s. */
    public double boundaryRecall(int s) {
        return ratio(bMatchedHuman[s], bHuman[s]);
    }

    /** Pooled boundary precision at scale s. */
    public double boundaryPrecision(int s) {
        return ratio(bMatchedMachine[s], bMachine[s]);
    }

    /**
     * The best F along the pooled curve, interpolating linearly between neighbouring scales (100 steps, as the official
     * {@code maxF}): {F, recall, precision, fractional scale index}.
     */
    public double[] boundaryOds() {
        double bestF = f(boundaryRecall(0), boundaryPrecision(0));
        double[] best = {bestF, boundaryRecall(0), boundaryPrecision(0), 0};
        for (int s = 1; s < scales; s++) {
            for (int k = 0; k < 100; k++) {
                double d = k / 99.0;
                double r = boundaryRecall(s) * d + boundaryRecall(s - 1) * (1 - d);
                double p = boundaryPrecision(s) * d + boundaryPrecision(s - 1) * (1 - d);
                double fv = f(r, p);
                if (fv > best[0]) {
                    best = new double[] {fv, r, p, s - 1 + d};
                }
            }
        }
        return best;
    }

    /** Boundary F OIS: each image at its best-F scale, counts pooled. */
    public double boundaryOis() {
        return f(ratio(bBest[0], bBest[1]), ratio(bBest[2], bBest[3]));
    }

    /** Average precision: the pooled curve's precision interpolated at 101 recall points, 0 outside it. */
    public double boundaryAp() {
        // Distinct recalls ascending, each with the precision of its first scale in that order (MATLAB's unique).
        List<double[]> points = new ArrayList<>();
        for (int s = 0; s < scales; s++) {
            points.add(new double[] {boundaryRecall(s), boundaryPrecision(s)});
        }
        points.sort((x, y) -> Double.compare(x[0], y[0]));
        List<double[]> unique = new ArrayList<>();
        for (double[] p : points) {
            if (unique.isEmpty() || unique.get(unique.size() - 1)[0] != p[0]) {
                unique.add(p);
            } else {
                unique.set(unique.size() - 1, p);
            }
        }
        if (unique.size() < 2) {
            return 0;
        }
        double area = 0;
        for (int k = 0; k <= 100; k++) {
            double r = k / 100.0;
            double first = unique.get(0)[0];
            double last = unique.get(unique.size() - 1)[0];
            if (r < first || r > last) {
                continue;
            }
            for (int i = 1; i < unique.size(); i++) {
                double[] a = unique.get(i - 1);
                double[] b = unique.get(i);
                if (r <= b[0]) {
                    area += a[1] + (b[1] - a[1]) * (r - a[0]) / (b[0] - a[0]);
                    break;
                }
            }
        }
        return area * 0.01;
    }

    private int argBest(java.util.function.IntToDoubleFunction value, boolean max) {
        int best = 0;
        for (int s = 1; s < scales; s++) {
            double v = value.applyAsDouble(s);
            double b = value.applyAsDouble(best);
            if (max ? v > b : v < b) {
                best = s;
            }
        }
        return best;
    }

    static double f(double r, double p) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    @Override
    public String toString() {
        return "SweepAccumulator[" + images + " images, " + scales + " scales, covering ODS " + coveringOds() + "]";
    }

    /** Per-scale rows for inspection: scale index, covering, PRI, VoI, segments, boundary recall and precision. */
    public double[][] curve() {
        double[][] out = new double[scales][];
        for (int s = 0; s < scales; s++) {
            out[s] = new double[] {s, covering(s), pri(s), voi(s), meanSegments(s), boundaryRecall(s), boundaryPrecision(s)};
        }
        return out;
    }

    static double[] copy(double[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
