package org.supercuts.selection;

import org.supercuts.graph.RegionGraph;

/**
 * Saliency by robust background detection (Zhu, Liang, Wei &amp; Sun, "Saliency Optimization from Robust Background
 * Detection", CVPR 2014): a region is background in proportion to how strongly it is connected to the image border
 * relative to its size (boundary connectivity over geodesic colour distances on the adjacency graph); foreground evidence
 * is its colour contrast to nearby regions, weighted by their background probability; the two are combined, with a
 * smoothness term over adjacent regions, by minimising a quadratic cost (a sparse SPD system solved by conjugate
 * gradients).
 *
 * <p>Defaults follow the paper: sigma_clr = 10 (CIELAB units), sigma_bndCon = 1, sigma_spa = 0.25 (image diagonal
 * units), mu = 0.1.
 *
 * <p>Deviations from the paper: regions are this pipeline's superpixels (any {@code Superpixelizer}); positions are
 * normalised by the image diagonal rather than per axis; the spectral partition is not used by this selector (see
 * {@link SaliencyFusion} for the combination with the normalized cut). The output is rescaled to [0, 1]; the object is
 * where the optimised saliency is at least 0.5.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class BoundaryConnectivity implements ObjectSelector {
    private final double sigmaColor;
    private final double sigmaBoundary;
    private final double sigmaSpace;
    private final double mu;

    private BoundaryConnectivity(double sigmaColor, double sigmaBoundary, double sigmaSpace, double mu) {
        check("sigmaColor", sigmaColor);
        check("sigmaBoundary", sigmaBoundary);
        check("sigmaSpace", sigmaSpace);
        if (!(mu >= 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite and >= 0, got " + mu);
        }
        this.sigmaColor = sigmaColor;
        this.sigmaBoundary = sigmaBoundary;
        this.sigmaSpace = sigmaSpace;
        this.mu = mu;
    }

    private static void check(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    /** The paper's settings: sigma_clr = 10, sigma_bndcon = 1, sigma_spa = 0.25, mu = 0.1. */
    public static BoundaryConnectivity defaults() {
        return new BoundaryConnectivity(10, 1, 0.25, 0.1);
    }

    /** Colour scale sigma_clr of the geodesic distances (> 0). */
    public BoundaryConnectivity sigmaColor(double s) {
        return new BoundaryConnectivity(s, sigmaBoundary, sigmaSpace, mu);
    }

    /** Spatial scale sigma_spa of the contrast weights (> 0). */
    public BoundaryConnectivity sigmaSpace(double s) {
        return new BoundaryConnectivity(sigmaColor, sigmaBoundary, s, mu);
    }

    /** Per-region background probability w_bg in [0, 1] (eq. 5 of the paper). */
    double[] backgroundProbability(RegionGraph g, double[] colourDist) {
        int n = g.regionCount();
        double[] edge = new double[g.neighbourStart(n)];
        for (int i = 0; i < n; i++) {
            for (int k = g.neighbourStart(i); k < g.neighbourStart(i + 1); k++) {
                edge[k] = colourDist[i * n + g.neighbour(k)];
            }
        }
        double[] geo = GraphSolvers.geodesic(g, edge);
        double inv = 1 / (2 * sigmaColor * sigmaColor);
        double[] wbg = new double[n];
        for (int p = 0; p < n; p++) {
            double area = 0;
            double len = 0;
            for (int i = 0; i < n; i++) {
                double d = geo[p * n + i];
                double s = Double.isInfinite(d) ? 0 : Math.exp(-d * d * inv);
                area += s;
                if (g.borderPixels(i) > 0) {
                    len += s;
                }
            }
            double bndCon = len / Math.sqrt(area);
            wbg[p] = 1 - Math.exp(-bndCon * bndCon / (2 * sigmaBoundary * sigmaBoundary));
        }
        return wbg;
    }

    static double[] colourDistances(RegionGraph g) {
        int n = g.regionCount();
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i * n + j] = colourDistance(g, i, j);
                d[j * n + i] = d[i * n + j];
            }
        }
        return d;
    }

    /** CIELAB distance of two regions' mean colours. */
    static double colourDistance(RegionGraph g, int a, int b) {
        double s = 0;
        for (int c = 0; c < 3; c++) {
            double t = g.meanLab(a, c) - g.meanLab(b, c);
            s += t * t;
        }
        return Math.sqrt(s);
    }

    /** Background-weighted contrast (eq. 6), rescaled to [0, 1]: the foreground evidence. */
    double[] weightedContrast(RegionGraph g, double[] colourDist, double[] wbg) {
        int n = g.regionCount();
        double diag = Math.hypot(g.width(), g.height());
        double inv = 1 / (2 * sigmaSpace * sigmaSpace);
        double[] ctr = new double[n];
        for (int p = 0; p < n; p++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double dx = (g.centroidX(p) - g.centroidX(i)) / diag;
                double dy = (g.centroidY(p) - g.centroidY(i)) / diag;
                s += colourDist[p * n + i] * Math.exp(-(dx * dx + dy * dy) * inv) * wbg[i];
            }
            ctr[p] = s;
        }
        return GraphSolvers.normalise(ctr);
    }

    /** Minimises eq. 7 given background and foreground weights; returns the saliency rescaled to [0, 1]. */
    double[] optimise(RegionGraph g, double[] colourDist, double[] wbg, double[] wfg) {
        int n = g.regionCount();
        double[] w = new double[g.neighbourStart(n)];
        double inv = 1 / (2 * sigmaColor * sigmaColor);
        for (int i = 0; i < n; i++) {
            for (int k = g.neighbourStart(i); k < g.neighbourStart(i + 1); k++) {
                double d = colourDist[i * n + g.neighbour(k)];
                w[k] = Math.exp(-d * d * inv) + mu;
            }
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = wbg[i] + wfg[i] + 1e-9;
        }
        return GraphSolvers.normalise(GraphSolvers.solveLaplacianSystem(g, w, a, wfg));
    }

    @Override
    public double[] foreground(Input input) {
        RegionGraph g = input.graph();
        double[] cd = colourDistances(g);
        double[] wbg = backgroundProbability(g, cd);
        double[] wfg = weightedContrast(g, cd, wbg);
        return optimise(g, cd, wbg, wfg);
    }

    @Override
    public boolean usesPartition() {
        return false;
    }

    @Override
    public String describe() {
        return "boundary-connectivity(sigmaClr=" + sigmaColor + ",sigmaBnd=" + sigmaBoundary + ",sigmaSpa=" + sigmaSpace
                + ",mu=" + mu + ")";
    }
}
