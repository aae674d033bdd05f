package org.supercuts.selection;

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
 * <p>Optional edge cue ({@link #edgeWeight(double)}, off by default): mean colour alone links two regions of similar
 * colour even when a strong image edge separates them. Following the intervening-contour cue of Leung &amp; Malik
 * ("Contour continuity in region based image segmentation", ECCV 1998) and Malik, Belongie, Leung &amp; Shi ("Contour and
 * Texture Analysis for Image Segmentation", IJCV 2001), where the affinity of two pixels falls with the strongest edge on
 * the line between them, the distance of two linked regions gets an added term {@code lambda * e / e_max}: for adjacent
 * regions {@code e} is the contrast of their shared boundary ({@link RegionGraph#boundaryContrast(int)}); for regions two
 * hops apart, the smallest over the intermediate regions of the larger of the two boundary contrasts crossed (the weakest
 * path's strongest edge); links that exist only because both regions touch the image border get no edge term;
 * {@code e_max} is the image's largest boundary contrast. Measured on ECSSD's odd half (500 images) in the default
 * pipeline of the time (manifold ranking alone): lambda = 0.3 raised IoU from .535 to .544 and max-F-beta from .740 to .747, for about 0.5 ms more in the
 * ranking (the boundary contrasts themselves cost the graph stage under a millisecond).
 *
 * <p>Deviations from the paper: the ranking is solved by conjugate gradients on the sparse system instead of forming the
 * inverse, so the diagonal of the ranking matrix is not zeroed (each query also ranks itself; this shifts every query's
 * own score but not the order of the others). The graph uses this pipeline's superpixels and CIELAB means. The edge cue
 * is not in the paper; the intervening-contour papers use oriented filter energy along the straight line between two
 * pixels, this uses the mean colour step across superpixel boundaries along graph paths.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class ManifoldRanking implements ObjectSelector {
    private final double alpha;
    private final double sigmaSquared;
    private final double edgeWeight;

    private ManifoldRanking(double alpha, double sigmaSquared, double edgeWeight) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(sigmaSquared > 0) || !Double.isFinite(sigmaSquared)) {
            throw new IllegalArgumentException("sigmaSquared must be finite and > 0, got " + sigmaSquared);
        }
        if (!(edgeWeight >= 0) || !Double.isFinite(edgeWeight)) {
            throw new IllegalArgumentException("edgeWeight must be finite and >= 0, got " + edgeWeight);
        }
        this.alpha = alpha;
        this.sigmaSquared = sigmaSquared;
        this.edgeWeight = edgeWeight;
    }

    /** The paper's settings, without the edge cue. */
    public static ManifoldRanking defaults() {
        return new ManifoldRanking(0.99, 0.1, 0);
    }

    /** The ranking's alpha, in (0, 1). */
    public ManifoldRanking alpha(double a) {
        return new ManifoldRanking(a, sigmaSquared, edgeWeight);
    }

    /** Width of the colour kernel on normalised distances (> 0). */
    public ManifoldRanking sigmaSquared(double s) {
        return new ManifoldRanking(alpha, s, edgeWeight);
    }

    /**
     * Weight lambda of the intervening-edge term added to the normalised colour distance of linked regions (see the class
     * comment); 0 (the default) turns the cue off, 0.3 measured best on ECSSD's odd half (0.6 and more hurt).
     *
     * @throws IllegalArgumentException when {@code w} is negative, NaN or infinite
     */
    public ManifoldRanking edgeWeight(double w) {
        return new ManifoldRanking(alpha, sigmaSquared, w);
    }

    /** The weight of the intervening-edge term (0 = off). */
    public double edgeWeight() {
        return edgeWeight;
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
        // Colour distances of linked pairs only (a few dozen per region, not all n^2 pairs).
        double[] edge = edgeWeight > 0 ? edgeCosts(g) : null;
        double maxD = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (link[i * n + j]) {
                    maxD = Math.max(maxD, BoundaryConnectivity.colourDistance(g, i, j));
                }
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
                    double d = maxD > 0 ? BoundaryConnectivity.colourDistance(g, i, j) / maxD : 0;
                    if (edge != null && edge[i * n + j] >= 0) {
                        d += edgeWeight * edge[i * n + j];
                    }
                    nb[o] = j;
                    w[o] = Math.exp(-d / sigmaSquared);
                    degree[i] += w[o];
                    o++;
                }
            }
        }
        return new Csr(start, nb, w, degree);
    }

    /**
     * The edge term per region pair (row-major n x n), boundary contrasts divided by the image's largest: the shared
     * boundary's for adjacent regions, the minimum over intermediate regions of the larger of the two crossed for regions
     * two hops apart, -1 (no term) for the rest.
     */
    static double[] edgeCosts(RegionGraph g) {
        int n = g.regionCount();
        double max = 0;
        for (int k = 0; k < g.neighbourStart(n); k++) {
            max = Math.max(max, g.boundaryContrast(k));
        }
        double inv = max > 0 ? 1 / max : 0;
        double[] cost = new double[n * n];
        Arrays.fill(cost, -1);
        for (int i = 0; i < n; i++) {
            for (int k = g.neighbourStart(i); k < g.neighbourStart(i + 1); k++) {
                cost[i * n + g.neighbour(k)] = g.boundaryContrast(k) * inv;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = g.neighbourStart(i); k < g.neighbourStart(i + 1); k++) {
                int j = g.neighbour(k);
                double first = g.boundaryContrast(k) * inv;
                for (int k2 = g.neighbourStart(j); k2 < g.neighbourStart(j + 1); k2++) {
                    int m = g.neighbour(k2);
                    if (m == i || g.adjacent(i, m)) {
                        continue;
                    }
                    double path = Math.max(first, g.boundaryContrast(k2) * inv);
                    int im = i * n + m;
                    if (cost[im] < 0 || path < cost[im]) {
                        cost[im] = path;
                    }
                }
            }
        }
        return cost;
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
        return "manifold-ranking(alpha=" + alpha + ",sigma2=" + sigmaSquared + (edgeWeight > 0 ? ",edgeWeight=" + edgeWeight : "")
                + ")";
    }
}
