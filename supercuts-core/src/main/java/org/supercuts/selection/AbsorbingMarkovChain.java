package org.supercuts.selection;

import org.supercuts.graph.RegionGraph;

/**
 * Saliency by absorbing Markov chain (Jiang, Zhang, Lu, Yang &amp; Yang, "Saliency Detection via Absorbing Markov
 * Chain", ICCV 2013): the border regions are duplicated as absorbing states, every region is a transient state, and a
 * random walk moves along colour-similarity edges; a region's saliency is its expected time to absorption. Background
 * regions resemble some border region and are absorbed quickly; an object is separated from the border by weak edges
 * and takes long. With {@code Q} the transient-to-transient transition matrix the absorbed times are
 * {@code y = (I - Q)^-1 1}, which is solved here as the SPD system {@code (D - W) y = D 1}, D being each transient
 * state's total edge weight including its edges to absorbing copies.
 *
 * <p>Defaults follow the paper: sigma^2 = 0.1 on colour distances normalised to [0, 1].
 *
 * <p>Deviations from the paper: the graph is {@link ManifoldRanking}'s (two hops on the region adjacency, border regions
 * linked to each other); a border region's absorbing copy is linked to the copy's original with weight 1 and to every
 * transient region the original is linked to, with the original's edge weight. The paper's final smoothing step of the
 * absorbed times is left to the pipeline ({@link SaliencyFusion}'s tree smoothing). The result is rescaled to [0, 1].
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class AbsorbingMarkovChain implements ObjectSelector {
    private final double sigmaSquared;
    private final double edgeWeight;

    private AbsorbingMarkovChain(double sigmaSquared, double edgeWeight) {
        BackgroundClusterContrast.positive("sigmaSquared", sigmaSquared);
        this.sigmaSquared = sigmaSquared;
        // Validated (name, value, rule) by ManifoldRanking.edgeWeight, whose graph this chain walks on.
        this.edgeWeight = ManifoldRanking.defaults().edgeWeight(edgeWeight).edgeWeight();
    }

    /** The paper's parameters (sigma^2 = 0.1). */
    public static AbsorbingMarkovChain defaults() {
        return new AbsorbingMarkovChain(0.1, 0);
    }

    /** Width of the edges' colour kernel (on distances normalised to [0, 1]). */
    public AbsorbingMarkovChain sigmaSquared(double s) {
        return new AbsorbingMarkovChain(s, edgeWeight);
    }

    /** The intervening-edge term of the walk's graph, as {@link ManifoldRanking#edgeWeight(double)} (0 = off). */
    public AbsorbingMarkovChain edgeWeight(double w) {
        return new AbsorbingMarkovChain(sigmaSquared, w);
    }

    @Override
    public double[] foreground(Input input) {
        RegionGraph g = input.graph();
        int n = g.regionCount();
        ManifoldRanking.Csr c = ManifoldRanking.defaults().sigmaSquared(sigmaSquared).edgeWeight(edgeWeight).graph(g);
        boolean[] border = new boolean[n];
        for (int b : ManifoldRanking.borderRegions(g)) {
            border[b] = true;
        }
        double[] total = new double[n];
        for (int i = 0; i < n; i++) {
            double absorbing = border[i] ? 1 : 0;
            for (int k = c.start()[i]; k < c.start()[i + 1]; k++) {
                if (border[c.nb()[k]]) {
                    absorbing += c.w()[k];
                }
            }
            total[i] = c.degree()[i] + absorbing;
        }
        if (java.util.Arrays.stream(total).allMatch(t -> t == 0)) {
            return new double[n];
        }
        ManifoldRanking.Csr walk = new ManifoldRanking.Csr(c.start(), c.nb(), c.w(), total);
        // The regions of a label map form one connected adjacency graph that touches the border, so every state can be
        // absorbed and D - W is SPD.
        return GraphSolvers.normalise(ManifoldRanking.solve(walk, 1, total.clone()));
    }

    @Override
    public boolean usesPartition() {
        return false;
    }

    @Override
    public String describe() {
        return "absorbing-markov-chain(sigma2=" + sigmaSquared + (edgeWeight > 0 ? ",edgeWeight=" + edgeWeight : "") + ")";
    }
}
