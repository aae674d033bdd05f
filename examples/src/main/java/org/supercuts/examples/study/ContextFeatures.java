package org.supercuts.examples.study;

import java.util.List;
import java.util.Objects;

import org.supercuts.Segmentation;
import org.supercuts.graph.RegionGraph;
import org.supercuts.retrieval.SegmentEmbedder;
import org.supercuts.selection.AbsorbingMarkovChain;
import org.supercuts.selection.BackgroundClusterContrast;
import org.supercuts.selection.BoundaryConnectivity;
import org.supercuts.selection.ColourDistribution;
import org.supercuts.selection.ManifoldRanking;
import org.supercuts.selection.ObjectSelector;

/**
 * Context features of each segment that mean the same thing in every image (after DRFI, Jiang, Wang, Yuan, Wu, Zheng
 * &amp; Li, "Salient Object Detection: A Discriminative Regional Feature Integration Approach", CVPR 2013): how the segment
 * stands out against its neighbours, the image border and the whole image, where it lies, how much of it touches the
 * border, how the unsupervised saliency cues score it, and the same for the regions that contain it at two levels of the
 * pipeline's normalized-cut hierarchy. Raw appearance (a colour, a texture) does not tell an object from background
 * across images; these values do, so the nearest annotated segments in this space vote usefully.
 *
 * <p>{@link #values} gives {@link #FEATURES} numbers per segment, each in [0, 1]: the pipeline's final soft score and its
 * area rank; five cues, each stretched to [0, 1] in its image (manifold ranking, absorbing Markov chain, colour
 * distribution, boundary connectivity, background-cluster contrast); the area ranks of the CIELAB distance to the
 * adjacent segments (boundary-weighted), to the mean colour of the border segments and to the image's mean colour; the
 * horizontal distance from the centre, the vertical position, the share of the perimeter on the image border, the size
 * (log-scaled against the mean segment); and for the regions of the 16- and 8-segment hierarchy levels the mean soft
 * score, the share of area in border-touching segments and (16 only) the size. {@link #embedding} turns them into unit
 * vectors whose cosine is the weighted mean of one Gaussian kernel per feature, as the saliency block of
 * {@link SegmentEmbedder} does. Measured in {@link ContextTransferStudy}: as the embedding of the kNN vote they do
 * not beat the descriptor with the saliency block (docs/retrieval.md), so they stay in the study.
 *
 * <p>Deviations from the paper: DRFI learns a random forest on 93 regional features over a 15-level segmentation
 * hierarchy; here 19 features over two levels feed the kNN vote of {@code LabelTransfer}, and the cues are this
 * library's own selectors with the default pipeline's settings.
 *
 * <p>Thread safety: stateless; every method may run concurrently.
 */
public final class ContextFeatures {
    /** Values per segment. */
    public static final int FEATURES = 19;
    /** Feature groups, in order, for weighting: name and number of features. */
    public static final List<String> GROUPS = List.of("saliency", "cues", "contrast", "position", "hierarchy");
    private static final int[] GROUP_SIZES = {2, 5, 3, 4, 5};
    private static final int BUMPS = 6;
    private static final double BUMP_SIGMA = 0.2;
    private static final List<ObjectSelector> CUES = List.of(ManifoldRanking.defaults().edgeWeight(0.3),
            AbsorbingMarkovChain.defaults().sigmaSquared(0.05), ColourDistribution.defaults().sigma(0.07),
            BoundaryConnectivity.defaults(), BackgroundClusterContrast.defaults());

    private ContextFeatures() {
    }

    /** The number of features in group {@code g} (a position in {@link #GROUPS}). */
    public static int groupSize(int g) {
        return GROUP_SIZES[g];
    }

    /**
     * The {@link #FEATURES} context values of every segment of {@code s}, row-major, each in [0, 1].
     *
     * @param s a segmentation with its intermediates kept (the cues read the region features and the affinity)
     * @throws IllegalStateException when the intermediates were dropped
     */
    public static double[] values(Segmentation s) {
        Objects.requireNonNull(s, "segmentation");
        RegionGraph g = s.regionGraph();
        int n = g.regionCount();
        double[] out = new double[n * FEATURES];
        double[] soft = s.regionForeground();
        double[] areas = new double[n];
        double total = 0;
        for (int r = 0; r < n; r++) {
            areas[r] = g.size(r);
            total += areas[r];
        }
        put(out, 0, soft);
        put(out, 1, rank(soft, areas));
        ObjectSelector.Input input = new ObjectSelector.Input(g, s.features(), s.affinity(), s.partition());
        for (int c = 0; c < CUES.size(); c++) {
            put(out, 2 + c, stretch(CUES.get(c).foreground(input)));
        }
        put(out, 7, rank(neighbourContrast(g), areas));
        double[] border = meanLab(g, r -> g.borderPixels(r) > 0);
        double[] image = meanLab(g, r -> true);
        double[] toBorder = new double[n];
        double[] toImage = new double[n];
        for (int r = 0; r < n; r++) {
            toBorder[r] = labDistance(g, r, border);
            toImage[r] = labDistance(g, r, image);
        }
        put(out, 8, rank(toBorder, areas));
        put(out, 9, rank(toImage, areas));
        double[] borderShare = new double[n];
        for (int r = 0; r < n; r++) {
            int perimeter = g.borderPixels(r);
            for (int k = g.neighbourStart(r); k < g.neighbourStart(r) + g.degree(r); k++) {
                perimeter += g.boundaryLength(k);
            }
            borderShare[r] = perimeter > 0 ? g.borderPixels(r) / (double) perimeter : 0;
            out[r * FEATURES + 10] = Math.min(1, 2 * Math.abs(g.centroidX(r) / g.width() - 0.5));
            out[r * FEATURES + 11] = Math.min(1, g.centroidY(r) / g.height());
            out[r * FEATURES + 12] = borderShare[r];
            out[r * FEATURES + 13] = clamp(0.5 + Math.log(areas[r] * n / total) / 4);
        }
        int f = 14;
        for (int segments : new int[] {16, 8}) {
            int[] level = s.partition().tree().labelsWithSegments(segments);
            int m = 0;
            for (int v : level) {
                m = Math.max(m, v + 1);
            }
            double[] area = new double[m];
            double[] score = new double[m];
            double[] touching = new double[m];
            for (int r = 0; r < n; r++) {
                area[level[r]] += areas[r];
                score[level[r]] += areas[r] * soft[r];
                touching[level[r]] += g.borderPixels(r) > 0 ? areas[r] : 0;
            }
            for (int r = 0; r < n; r++) {
                int l = level[r];
                out[r * FEATURES + f] = score[l] / area[l];
                out[r * FEATURES + f + 1] = touching[l] / area[l];
                if (segments == 16) {
                    out[r * FEATURES + f + 2] = Math.sqrt(area[l] / total);
                }
            }
            f += segments == 16 ? 3 : 2;
        }
        return out;
    }

    /**
     * Unit embedding rows from {@link #values} rows: each value becomes {@value #BUMPS} Gaussian bumps (σ 0.2) of unit
     * length, scaled by √ of its group's weight, and the row is normalised, so that the cosine of two rows is the
     * group-weighted mean of the per-feature kernels.
     *
     * @param values       {@code n x FEATURES}, row-major
     * @param groupWeights one weight per {@link #GROUPS} entry, >= 0, not all 0
     */
    public static double[] embedding(double[] values, int n, double[] groupWeights) {
        if (groupWeights.length != GROUPS.size()) {
            throw new IllegalArgumentException("groupWeights needs " + GROUPS.size() + " values " + GROUPS + ", got "
                    + groupWeights.length);
        }
        double[] perFeature = new double[FEATURES];
        double sum = 0;
        int f = 0;
        for (int g = 0; g < GROUP_SIZES.length; g++) {
            if (!(groupWeights[g] >= 0) || !Double.isFinite(groupWeights[g])) {
                throw new IllegalArgumentException("group weight " + GROUPS.get(g) + " must be finite and >= 0, got "
                        + groupWeights[g]);
            }
            for (int j = 0; j < GROUP_SIZES[g]; j++) {
                perFeature[f++] = groupWeights[g];
                sum += groupWeights[g];
            }
        }
        if (sum == 0) {
            throw new IllegalArgumentException("at least one group weight must be > 0, got all 0");
        }
        int d = dimension();
        double[] out = new double[n * d];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < FEATURES; j++) {
                double scale = Math.sqrt(perFeature[j] / sum);
                bumps(values[s * FEATURES + j], scale, out, s * d + j * BUMPS);
            }
        }
        return out;
    }

    /** The length of an {@link #embedding} row. */
    public static int dimension() {
        return FEATURES * BUMPS;
    }

    private static void put(double[] out, int feature, double[] v) {
        for (int r = 0; r < v.length; r++) {
            out[r * FEATURES + feature] = clamp(v[r]);
        }
    }

    private static double clamp(double v) {
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
    }

    private static double[] stretch(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = hi > lo ? (v[i] - lo) / (hi - lo) : 0;
        }
        return out;
    }

    private static double[] rank(double[] v, double[] areas) {
        int[] a = new int[areas.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (int) areas[i];
        }
        return SegmentEmbedder.areaRank(v, a);
    }

    private static double[] neighbourContrast(RegionGraph g) {
        int n = g.regionCount();
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            double sum = 0;
            double len = 0;
            for (int k = g.neighbourStart(r); k < g.neighbourStart(r) + g.degree(r); k++) {
                int q = g.neighbour(k);
                double d2 = 0;
                for (int c = 0; c < 3; c++) {
                    double dl = g.meanLab(r, c) - g.meanLab(q, c);
                    d2 += dl * dl;
                }
                sum += g.boundaryLength(k) * Math.sqrt(d2);
                len += g.boundaryLength(k);
            }
            out[r] = len > 0 ? sum / len : 0;
        }
        return out;
    }

    private static double[] meanLab(RegionGraph g, java.util.function.IntPredicate include) {
        double[] m = new double[3];
        double area = 0;
        for (int r = 0; r < g.regionCount(); r++) {
            if (include.test(r)) {
                for (int c = 0; c < 3; c++) {
                    m[c] += g.size(r) * g.meanLab(r, c);
                }
                area += g.size(r);
            }
        }
        for (int c = 0; c < 3; c++) {
            m[c] = area > 0 ? m[c] / area : 0;
        }
        return m;
    }

    private static double labDistance(RegionGraph g, int r, double[] lab) {
        double d2 = 0;
        for (int c = 0; c < 3; c++) {
            double dl = g.meanLab(r, c) - lab[c];
            d2 += dl * dl;
        }
        return Math.sqrt(d2);
    }

    private static void bumps(double v, double scale, double[] out, int o) {
        double norm = 0;
        for (int b = 0; b < BUMPS; b++) {
            double c = b / (double) (BUMPS - 1);
            double e = Math.exp(-(v - c) * (v - c) / (2 * BUMP_SIGMA * BUMP_SIGMA));
            out[o + b] = e;
            norm += e * e;
        }
        double inv = scale / Math.sqrt(norm);
        for (int b = 0; b < BUMPS; b++) {
            out[o + b] *= inv;
        }
    }
}
