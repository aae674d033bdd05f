package org.supercuts.spectral;

import java.util.Arrays;

import org.supercuts.graph.RegionGraph;

/**
 * Saliency by graph-based manifold ranking (Yang, Zhang, Lu, Ruan &amp; Yang, "Saliency Detection via Graph-Based
 * Manifold Ranking", CVPR 2013). Regions are ranked by their relevance to queries, {@code f = (D - alpha W)^-1 y}, on a
 * graph that links each region to its neighbours and its neighbours' neighbours and links all border regions to each
 * other. Stage 1 ranks against each image side's border regions as background queries and multiplies the four
 * complements; stage 2 takes the regions above the mean of stage 1 as foreground queries and ranks again.
 *
 * <p>Defaults follow the paper: alpha = 0.99, sigma^2 = 0.1 on colour distances normalised to [0, 1].
 *
 * <p>Deviations from the paper: the ranking is solved by conjugate gradients on the sparse system instead of forming the
 * inverse, so the diagonal of the ranking matrix is not zeroed (each query also ranks itself; this shifts every query's
 * own score but not the order of the others). The graph uses this pipeline's superpixels and CIELAB means.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class ManifoldRanking implements ObjectSelector {
    private final double alpha;
    private final double sigmaSquared;

    private ManifoldRanking(double alpha, double sigmaSquared) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(sigmaSquared > 0) || !Double.isFinite(sigmaSquared)) {
            throw new IllegalArgumentException("sigmaSquared must be finite and > 0, got " + sigmaSquared);
        }
        this.alpha = alpha;
        this.sigmaSquared = sigmaSquared;
    }

    public static ManifoldRanking defaults() {
        return new ManifoldRanking(0.99, 0.1);
    }

    public ManifoldRanking alpha(double a) {
        return new ManifoldRanking(a, sigmaSquared);
    }

    public ManifoldRanking sigmaSquared(double s) {
        return new ManifoldRanking(alpha, s);
    }

    /**
     * The ranking graph in CSR form: start (n+1), neighbour and weight arrays, and the weighted degree. Shared with the
     * other selectors of the background-prior family ({@link CellularAutomata}, {@link AbsorbingMarkovChain}), which use
     * the same two-hop, border-linked colour graph.
     */
    record Csr(int[] start, int[] nb, double[] w, double[] degree) {
    }

    Csr graph(RegionGraph g) {
        int n = g.regionCount();
        boolean[] link = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = g.neighbourStart(i); k < g.neighbourStart(i + 1); k++) {
                int j = g.neighbour(k);
                link[i * n + j] = true;
                for (int k2 = g.neighbourStart(j); k2 < g.neighbourStart(j + 1); k2++) {
                    int m = g.neighbour(k2);
                    if (m != i) {
                        link[i * n + m] = true;
                        link[m * n + i] = true;
                    }
                }
            }
        }
        int[] border = borderRegions(g);
        for (int a : border) {
            for (int b : border) {
                if (a != b) {
                    link[a * n + b] = true;
                }
            }
        }
        double[] dist = BoundaryConnectivity.colourDistances(g);
        double maxD = 0;
        for (int i = 0; i < n * n; i++) {
            if (link[i]) {
                maxD = Math.max(maxD, dist[i]);
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int j = 0; j < n; j++) {
                c += link[i * n + j] ? 1 : 0;
            }
            start[i + 1] = start[i] + c;
        }
        int[] nb = new int[start[n]];
        double[] w = new double[start[n]];
        double[] degree = new double[n];
        for (int i = 0; i < n; i++) {
            int o = start[i];
            for (int j = 0; j < n; j++) {
                if (link[i * n + j]) {
                    double d = maxD > 0 ? dist[i * n + j] / maxD : 0;
                    nb[o] = j;
                    w[o] = Math.exp(-d / sigmaSquared);
                    degree[i] += w[o];
                    o++;
                }
            }
        }
        return new Csr(start, nb, w, degree);
    }

    static int[] borderRegions(RegionGraph g) {
        return java.util.stream.IntStream.range(0, g.regionCount()).filter(r -> g.borderPixels(r) > 0).toArray();
    }

    /**
     * Solves (D - alpha W) f = y by conjugate gradients with a Jacobi preconditioner (the matrix is SPD: strictly
     * diagonally dominant, and its diagonal is D because W has no self-loops). Stops at a relative residual of 1e-6, ample
     * for a ranking that is rescaled to [0, 1] afterwards; with alpha = 0.99 plain CG needs several times more iterations.
     */
    double[] rank(Csr c, double[] y) {
        return solve(c, alpha, y);
    }

    /** Solves {@code (diag(c.degree) - alpha W) x = y} as {@link #rank} does; SPD whenever the diagonal dominates. */
    static double[] solve(Csr c, double alpha, double[] y) {
        int n = y.length;
        double[] x = new double[n];
        double[] r = y.clone();
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = c.degree[i] > 0 ? r[i] / c.degree[i] : r[i];
        }
        double[] p = z.clone();
        double[] ap = new double[n];
        double bb = GraphSolvers.dot(r, r);
        if (bb == 0) {
            return x;
        }
        double rz = GraphSolvers.dot(r, z);
        double stop = 1e-12 * bb;
        for (int it = 0; it < 4 * n; it++) {
            for (int i = 0; i < n; i++) {
                double s = c.degree[i] * p[i];
                for (int k = c.start[i]; k < c.start[i + 1]; k++) {
                    s -= alpha * c.w[k] * p[c.nb[k]];
                }
                ap[i] = s;
            }
            double a = rz / GraphSolvers.dot(p, ap);
            for (int i = 0; i < n; i++) {
                x[i] += a * p[i];
                r[i] -= a * ap[i];
            }
            if (GraphSolvers.dot(r, r) <= stop) {
                break;
            }
            for (int i = 0; i < n; i++) {
                z[i] = c.degree[i] > 0 ? r[i] / c.degree[i] : r[i];
            }
            double rzNew = GraphSolvers.dot(r, z);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
        }
        return x;
    }

    /** Stage 1: product of the complements of the rankings against each side's border regions. */
    double[] backgroundQueryStage(RegionGraph g, Csr c) {
        int n = g.regionCount();
        double[] sal = new double[n];
        Arrays.fill(sal, 1);
        int w = g.width();
        int h = g.height();
        for (int side = 0; side < 4; side++) {
            double[] y = new double[n];
            boolean any = false;
            for (int r = 0; r < n; r++) {
                var b = g.box(r);
                boolean touches = switch (side) {
                    case 0 -> b.y0() == 0;
                    case 1 -> b.y1() == h;
                    case 2 -> b.x0() == 0;
                    default -> b.x1() == w;
                };
                if (touches) {
                    y[r] = 1;
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            double[] f = GraphSolvers.normalise(rank(c, y));
            for (int r = 0; r < n; r++) {
                sal[r] *= 1 - f[r];
            }
        }
        return GraphSolvers.normalise(sal);
    }

    @Override
    public double[] foreground(Input input) {
        RegionGraph g = input.graph();
        Csr c = graph(g);
        double[] stage1 = backgroundQueryStage(g, c);
        double mean = Arrays.stream(stage1).average().orElse(0);
        double[] y = new double[stage1.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = stage1[i] >= mean ? 1 : 0;
        }
        return GraphSolvers.normalise(rank(c, y));
    }

    @Override
    public boolean usesPartition() {
        return false;
    }

    @Override
    public String describe() {
        return "manifold-ranking(alpha=" + alpha + ",sigma2=" + sigmaSquared + ")";
    }
}
