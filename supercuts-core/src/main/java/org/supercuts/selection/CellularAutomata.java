package org.supercuts.selection;

import java.util.Objects;

import org.supercuts.graph.RegionGraph;

/**
 * Single-layer cellular automata (SCA) saliency propagation (Qin, Lu, Xu &amp; Wang, "Saliency Detection via Cellular
 * Automata", CVPR 2015, sec. 3.2): each region is a cell whose saliency is pulled towards that of similar neighbours,
 * all cells updated synchronously,
 *
 * <pre>
 *   S(t+1) = C S(t) + (I - C) F S(t)
 * </pre>
 *
 * where F is the row-normalised impact factor matrix {@code f_ij = exp(-d_c(i, j) / sigma^2)} over each region's
 * neighbours and neighbours' neighbours, and C the diagonal coherence matrix: a cell whose most similar neighbour is only
 * weakly similar keeps more of its own state, {@code c_i = b + a (1 / max_j f_ij - min) / (max - min)} with the min and
 * max of {@code 1 / max_j f_ij} over all cells. The initial state is any other selector's map (the paper's prior is the
 * {@link BackgroundClusterContrast} map, giving BSCA); the paper reports that the propagation improves the maps of every
 * method it was applied to, because it makes regions of one object agree.
 *
 * <p>Defaults follow the paper: 20 iterations, sigma^2 = 0.1 on colour distances normalised to [0, 1], a = 0.6,
 * b = 0.2 (coherence in [0.2, 0.8]).
 *
 * <p>Deviations from the paper: the neighbourhood graph is {@link ManifoldRanking}'s (two hops on the region adjacency,
 * plus all border regions linked to each other), so the impact factors equal manifold ranking's edge weights and border
 * regions propagate background to one another; colour distances are normalised by the largest linked distance in the
 * image. The result is rescaled to [0, 1].
 *
 * <p>Thread safety: immutable, safe to call concurrently (given a thread-safe prior).
 */
public final class CellularAutomata implements ObjectSelector {
    private final ObjectSelector prior;
    private final int iterations;
    private final double sigmaSquared;
    private final double coherenceSpan;
    private final double coherenceFloor;

    private CellularAutomata(ObjectSelector prior, int iterations, double sigmaSquared, double coherenceSpan,
            double coherenceFloor) {
        Objects.requireNonNull(prior, "prior");
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        BackgroundClusterContrast.positive("sigmaSquared", sigmaSquared);
        if (!(coherenceSpan >= 0) || !(coherenceFloor >= 0) || !(coherenceSpan + coherenceFloor <= 1)) {
            throw new IllegalArgumentException("coherence span a and floor b must be >= 0 with a + b <= 1, got a = "
                    + coherenceSpan + ", b = " + coherenceFloor);
        }
        this.prior = prior;
        this.iterations = iterations;
        this.sigmaSquared = sigmaSquared;
        this.coherenceSpan = coherenceSpan;
        this.coherenceFloor = coherenceFloor;
    }

    /** BSCA: the propagation started from the {@link BackgroundClusterContrast} map, with the paper's parameters. */
    public static CellularAutomata backgroundBased() {
        return of(BackgroundClusterContrast.defaults());
    }

    /** The propagation started from {@code prior}'s map, with the paper's parameters. */
    public static CellularAutomata of(ObjectSelector prior) {
        return new CellularAutomata(prior, 20, 0.1, 0.6, 0.2);
    }

    /** Number of synchronous updates (0 returns the prior rescaled to [0, 1]). */
    public CellularAutomata iterations(int n) {
        return new CellularAutomata(prior, n, sigmaSquared, coherenceSpan, coherenceFloor);
    }

    /** Width of the impact factors' colour kernel (on distances normalised to [0, 1]). */
    public CellularAutomata sigmaSquared(double s) {
        return new CellularAutomata(prior, iterations, s, coherenceSpan, coherenceFloor);
    }

    /** The coherence range: {@code c_i} spans [b, a + b]; needs {@code a, b >= 0} and {@code a + b <= 1}. */
    public CellularAutomata coherence(double a, double b) {
        return new CellularAutomata(prior, iterations, sigmaSquared, a, b);
    }

    @Override
    public double[] foreground(Input input) {
        RegionGraph g = input.graph();
        double[] s = GraphSolvers.normalise(prior.foreground(input));
        if (iterations == 0) {
            return s;
        }
        ManifoldRanking.Csr c = ManifoldRanking.defaults().sigmaSquared(sigmaSquared).graph(g);
        return propagate(c, s, iterations, coherenceSpan, coherenceFloor);
    }

    /** Runs the synchronous updates on the graph {@code c} from state {@code s}; returns the state rescaled to [0, 1]. */
    static double[] propagate(ManifoldRanking.Csr c, double[] s, int iterations, double a, double b) {
        int n = s.length;
        double[] coherence = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double max = 0;
            for (int k = c.start()[i]; k < c.start()[i + 1]; k++) {
                max = Math.max(max, c.w()[k]);
            }
            // An isolated cell has no neighbour to follow: it keeps its state (coherence 1 below).
            coherence[i] = max > 0 ? 1 / max : Double.NaN;
            if (max > 0) {
                lo = Math.min(lo, coherence[i]);
                hi = Math.max(hi, coherence[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(coherence[i])) {
                coherence[i] = 1;
            } else {
                coherence[i] = b + (hi > lo ? a * (coherence[i] - lo) / (hi - lo) : 0);
            }
        }
        double[] cur = s.clone();
        double[] next = new double[n];
        for (int t = 0; t < iterations; t++) {
            for (int i = 0; i < n; i++) {
                double deg = c.degree()[i];
                double pull = 0;
                for (int k = c.start()[i]; k < c.start()[i + 1]; k++) {
                    pull += c.w()[k] * cur[c.nb()[k]];
                }
                next[i] = deg > 0 ? coherence[i] * cur[i] + (1 - coherence[i]) * pull / deg : cur[i];
            }
            double[] swap = cur;
            cur = next;
            next = swap;
        }
        return GraphSolvers.normalise(cur);
    }

    @Override
    public boolean usesPartition() {
        return prior.usesPartition();
    }

    @Override
    public String describe() {
        return "cellular-automata(prior=" + prior.describe() + ",iterations=" + iterations + ",sigma2=" + sigmaSquared
                + ",a=" + coherenceSpan + ",b=" + coherenceFloor + ")";
    }
}
