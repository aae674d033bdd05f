package org.supercuts.selection;

import java.util.Objects;

/**
 * The foreground-query stage of manifold ranking (Yang, Zhang, Lu, Ruan &amp; Yang, "Saliency Detection via Graph-Based
 * Manifold Ranking", CVPR 2013, sec. 3.2) run on any prior map: the regions whose prior score is at least the mean score
 * are the foreground queries, and every region is ranked by its relevance to them, {@code f = (D - alpha W)^-1 y}, on
 * manifold ranking's graph. With a prior better than manifold ranking's own first stage (for example its fusion with
 * {@link CellularAutomata#backgroundBased()}) the queries are cleaner, and so is the ranking.
 *
 * <p>Defaults follow the paper: alpha = 0.99, sigma^2 = 0.1, queries at the mean of the prior.
 *
 * <p>Deviations from the paper: the paper's stage 1 is replaced by an arbitrary prior; optionally the queries are soft
 * (the prior's score itself rather than an indicator), which weights confident foreground more. The ranking is
 * rescaled to [0, 1].
 *
 * <p>Thread safety: immutable, safe to call concurrently (given a thread-safe prior).
 */
public final class ForegroundQueryRanking implements ObjectSelector {
    private final ObjectSelector prior;
    private final ManifoldRanking ranking;
    private final boolean softQueries;

    private ForegroundQueryRanking(ObjectSelector prior, ManifoldRanking ranking, boolean softQueries) {
        this.prior = Objects.requireNonNull(prior, "prior");
        this.ranking = Objects.requireNonNull(ranking, "ranking");
        this.softQueries = softQueries;
    }

    /** Ranks against the regions at or above the mean of {@code prior}'s map, with manifold ranking's defaults. */
    public static ForegroundQueryRanking of(ObjectSelector prior) {
        return new ForegroundQueryRanking(prior, ManifoldRanking.defaults(), false);
    }

    /** The ranking's parameters (alpha, sigma^2). */
    public ForegroundQueryRanking ranking(ManifoldRanking r) {
        return new ForegroundQueryRanking(prior, r, softQueries);
    }

    /** Soft queries: the prior's [0, 1] score instead of the indicator of scoring at least the mean. */
    public ForegroundQueryRanking softQueries(boolean soft) {
        return new ForegroundQueryRanking(prior, ranking, soft);
    }

    @Override
    public double[] foreground(Input input) {
        double[] p = GraphSolvers.normalise(prior.foreground(input));
        double mean = java.util.Arrays.stream(p).average().orElse(0);
        double[] y = new double[p.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = softQueries ? p[i] : p[i] >= mean ? 1 : 0;
        }
        return GraphSolvers.normalise(ranking.rank(ranking.graph(input.graph()), y));
    }

    @Override
    public boolean usesPartition() {
        return prior.usesPartition();
    }

    @Override
    public String describe() {
        return "foreground-query-ranking(prior=" + prior.describe() + "," + ranking.describe()
                + (softQueries ? ",soft" : "") + ")";
    }
}
