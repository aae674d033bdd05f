package org.supercuts.selection;

import org.supercuts.graph.RegionGraph;
import org.supercuts.spectral.KMeans;

/**
 * The background-based map of BSCA (Qin, Lu, Xu &amp; Wang, "Saliency Detection via Cellular Automata", CVPR 2015, sec.
 * 3.1): the regions touching the image border are the background seeds; they are grouped into a few clusters by k-means
 * on their CIELAB means, and a region is salient in proportion to its colour distinctness from each cluster, each
 * cluster's contribution weighted by the region's spatial closeness to that cluster's seeds. Per cluster k with seeds
 * {@code B_k}:
 *
 * <pre>
 *   contrast_k(i) = mean over j in B_k of 1 / (exp(-d_c(i, j)^2 / (2 sigmaColor^2)) + beta)
 *   closeness_k(i) = mean over j in B_k of exp(-d_s(i, j)^2 / (2 sigmaSpace^2))
 *   saliency(i) = sum over k of closeness_k(i) * contrast_k(i)
 * </pre>
 *
 * where {@code d_c} is the CIELAB distance divided by the largest distance between any two regions of the image and
 * {@code d_s} the distance between centroids with x and y each scaled to [0, 1]. Using several clusters instead of one
 * border model keeps a border that has an object's colour on one side from dominating the whole map.
 *
 * <p>Defaults follow the paper: 3 clusters, sigmaColor = 0.2, beta = 10, sigmaSpace = 1.3.
 *
 * <p>Deviations from the paper: colour distances are normalised per image by their maximum (the paper normalises CIELAB
 * to [0, 1] globally); k-means uses k-means++ seeding with a fixed seed, so the map is deterministic. The map is meant
 * as a prior for {@link CellularAutomata}; alone it is a coarse saliency map rescaled to [0, 1].
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class BackgroundClusterContrast implements ObjectSelector {
    private static final long SEED = 17;
    private static final int RESTARTS = 3;

    private final int clusters;
    private final double sigmaColor;
    private final double beta;
    private final double sigmaSpace;

    private BackgroundClusterContrast(int clusters, double sigmaColor, double beta, double sigmaSpace) {
        if (clusters < 1) {
            throw new IllegalArgumentException("clusters must be >= 1, got " + clusters);
        }
        positive("sigmaColor", sigmaColor);
        positive("beta", beta);
        positive("sigmaSpace", sigmaSpace);
        this.clusters = clusters;
        this.sigmaColor = sigmaColor;
        this.beta = beta;
        this.sigmaSpace = sigmaSpace;
    }

    static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    /** The paper's parameters: 3 clusters, sigmaColor 0.2, beta 10, sigmaSpace 1.3. */
    public static BackgroundClusterContrast defaults() {
        return new BackgroundClusterContrast(3, 0.2, 10, 1.3);
    }

    /** Number of k-means clusters of the border regions (at least 1; fewer are used when there are fewer seeds). */
    public BackgroundClusterContrast clusters(int k) {
        return new BackgroundClusterContrast(k, sigmaColor, beta, sigmaSpace);
    }

    /** Width of the colour kernel, in units of the image's largest colour distance. */
    public BackgroundClusterContrast sigmaColor(double s) {
        return new BackgroundClusterContrast(clusters, s, beta, sigmaSpace);
    }

    /** Offset in the contrast's denominator: larger values flatten the contrast. */
    public BackgroundClusterContrast beta(double b) {
        return new BackgroundClusterContrast(clusters, sigmaColor, b, sigmaSpace);
    }

    /** Width of the spatial weighting, in units of the image's width and height. */
    public BackgroundClusterContrast sigmaSpace(double s) {
        return new BackgroundClusterContrast(clusters, sigmaColor, beta, s);
    }

    @Override
    public double[] foreground(Input input) {
        RegionGraph g = input.graph();
        int n = g.regionCount();
        int[] border = ManifoldRanking.borderRegions(g);
        if (border.length == 0) {
            return new double[n];
        }
        double[][] lab = new double[border.length][3];
        for (int b = 0; b < border.length; b++) {
            for (int c = 0; c < 3; c++) {
                lab[b][c] = g.meanLab(border[b], c);
            }
        }
        int k = Math.min(clusters, border.length);
        int[] label = KMeans.cluster(lab, k, SEED, RESTARTS);
        double maxD = maxColourDistance(g);
        double colourScale = maxD > 0 ? 1 / (maxD * maxD * 2 * sigmaColor * sigmaColor) : 0;
        double spaceScale = 1 / (2 * sigmaSpace * sigmaSpace);
        double[] sal = new double[n];
        double[] contrast = new double[k];
        double[] closeness = new double[k];
        int[] count = new int[k];
        for (int l : label) {
            count[l]++;
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(contrast, 0);
            java.util.Arrays.fill(closeness, 0);
            double xi = g.centroidX(i) / g.width();
            double yi = g.centroidY(i) / g.height();
            for (int b = 0; b < border.length; b++) {
                int j = border[b];
                double dc = 0;
                for (int c = 0; c < 3; c++) {
                    double t = g.meanLab(i, c) - g.meanLab(j, c);
                    dc += t * t;
                }
                double dx = xi - g.centroidX(j) / g.width();
                double dy = yi - g.centroidY(j) / g.height();
                contrast[label[b]] += 1 / (Math.exp(-dc * colourScale) + beta);
                closeness[label[b]] += Math.exp(-(dx * dx + dy * dy) * spaceScale);
            }
            double s = 0;
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    s += contrast[c] / count[c] * closeness[c] / count[c];
                }
            }
            sal[i] = s;
        }
        return GraphSolvers.normalise(sal);
    }

    static double maxColourDistance(RegionGraph g) {
        int n = g.regionCount();
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int c = 0; c < 3; c++) {
                    double t = g.meanLab(i, c) - g.meanLab(j, c);
                    s += t * t;
                }
                max = Math.max(max, s);
            }
        }
        return Math.sqrt(max);
    }

    @Override
    public boolean usesPartition() {
        return false;
    }

    @Override
    public String describe() {
        return "background-cluster-contrast(k=" + clusters + ",sigmaClr=" + sigmaColor + ",beta=" + beta + ",sigmaSpa="
                + sigmaSpace + ")";
    }
}
