package org.supercuts.retrieval;

import java.util.Objects;
import java.util.TreeSet;

/**
 * kNN label transfer (SegSort, Hwang et al., ICCV 2019, section 3.4): every segment of a new image takes the vote of its
 * k most similar annotated segments in a {@link SegmentIndex}; its label is the winning label and its soft score for a
 * label the vote share. {@link Voting#WEIGHTED} (the default) weighs each vote by the von Mises-Fisher kernel of the
 * neighbour's cosine similarity c, {@code exp(κ (c − 1))} with concentration κ ({@link #concentration}, default
 * {@value #DEFAULT_CONCENTRATION}; κ = 0 is the plain vote, a large κ lets only the closest neighbours count); {@link
 * Voting#PLAIN} counts every vote once.
 *
 * <p>Deviations from the paper: SegSort's segments and embeddings are learned end to end and κ is trained with them;
 * here the embeddings are whatever {@link SegmentEmbedder} produced and κ was chosen on ECSSD's odd half
 * (docs/retrieval.md). Unlabelled neighbours (entries of {@link SegmentIndex#UNLABELLED}) do not vote; when no neighbour
 * votes, the segment gets label {@link SegmentIndex#UNLABELLED} and share 0 everywhere.
 *
 * <p>Thread safety: immutable, safe to use from many threads.
 */
public final class LabelTransfer {
    /** How neighbours vote. */
    public enum Voting {
        /** One vote per neighbour. */
        PLAIN,
        /** Each vote weighted by exp(κ (cos − 1)) of the neighbour's cosine similarity. */
        WEIGHTED
    }

    /** The default concentration κ of the weighted vote. */
    public static final double DEFAULT_CONCENTRATION = 10;

    private final int k;
    private final Voting voting;
    private final double concentration;

    private LabelTransfer(int k, Voting voting, double concentration) {
        if (k < 1) {
            throw new IllegalArgumentException("k (neighbours per segment) must be >= 1, got " + k);
        }
        if (!(concentration >= 0) || !Double.isFinite(concentration)) {
            throw new IllegalArgumentException("concentration must be finite and >= 0, got " + concentration);
        }
        this.k = k;
        this.voting = Objects.requireNonNull(voting, "voting");
        this.concentration = concentration;
    }

    /** k nearest neighbours, similarity-weighted votes with the default concentration. */
    public static LabelTransfer nearest(int k) {
        return new LabelTransfer(k, Voting.WEIGHTED, DEFAULT_CONCENTRATION);
    }

    /** This spec with {@code neighbours} votes per segment, at least 1. */
    public LabelTransfer k(int neighbours) {
        return new LabelTransfer(neighbours, voting, concentration);
    }

    /** This spec with voting rule {@code v}. */
    public LabelTransfer voting(Voting v) {
        return new LabelTransfer(k, v, concentration);
    }

    /** The concentration κ of the weighted vote, >= 0. */
    public LabelTransfer concentration(double kappa) {
        return new LabelTransfer(k, voting, kappa);
    }

    /** The concentration κ of the weighted vote. */
    public double concentration() {
        return concentration;
    }

    /** The number of neighbours that vote. */
    public int k() {
        return k;
    }

    /** The voting rule. */
    public Voting voting() {
        return voting;
    }

    /**
     * Transfers labels onto {@code query}'s segments.
     *
     * @param search        the search over the annotated index
     * @param queryFeatures what produced the query's vectors ({@link SegmentEmbedder#describe()})
     * @throws IllegalArgumentException when the index was built with other features or another dimension (naming both),
     *                                  is empty, has no labelled segment, or holds fewer than k segments
     */
    public TransferResult transfer(NeighbourSearch search, String queryFeatures, ImageSegments query) {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(query, "query");
        SegmentIndex index = search.index();
        checkCompatible(index, queryFeatures, query.dimension());
        if (index.labelledCount() == 0) {
            throw new IllegalArgumentException("the segment index has no labelled segment; build it from annotated images");
        }
        Searches.checkK(index, k);
        Neighbours[] found = search.nearest(query.queries(), query.count(), k);
        return vote(index, query, found);
    }

    /** The votes of already retrieved neighbours (each list at least k long; only the first k vote). */
    public TransferResult vote(SegmentIndex index, ImageSegments query, Neighbours[] found) {
        TreeSet<Integer> present = new TreeSet<>();
        for (int i = 0; i < index.size(); i++) {
            int l = index.labels()[i];
            if (l != SegmentIndex.UNLABELLED) {
                present.add(l);
            }
        }
        int[] labels = present.stream().mapToInt(Integer::intValue).toArray();
        int n = query.count();
        double[][] shares = new double[n][labels.length];
        int[] winner = new int[n];
        Neighbours[] used = new Neighbours[n];
        for (int s = 0; s < n; s++) {
            Neighbours nb = found[s].first(k);
            used[s] = nb;
            double total = 0;
            for (int j = 0; j < nb.size(); j++) {
                int l = index.labels()[nb.entries()[j]];
                if (l == SegmentIndex.UNLABELLED) {
                    continue;
                }
                double w = voting == Voting.PLAIN ? 1 : Math.exp(concentration * (nb.similarities()[j] - 1));
                shares[s][java.util.Arrays.binarySearch(labels, l)] += w;
                total += w;
            }
            int best = -1;
            for (int c = 0; c < labels.length; c++) {
                shares[s][c] = total == 0 ? 0 : shares[s][c] / total;
                if (total > 0 && (best < 0 || shares[s][c] > shares[s][best])) {
                    best = c;
                }
            }
            winner[s] = best < 0 ? SegmentIndex.UNLABELLED : labels[best];
        }
        return new TransferResult(query, labels, shares, winner, used);
    }

    /**
     * Refuses an index whose features differ from the query's.
     *
     * @param queryDimension the query's vector length, or -1 when it is not known yet (then only the descriptions are
     *                       compared)
     * @throws IllegalArgumentException naming both feature descriptions and dimensions
     */
    public static void checkCompatible(SegmentIndex index, String queryFeatures, int queryDimension) {
        Objects.requireNonNull(index, "index");
        if (index.isEmpty()) {
            throw new IllegalArgumentException("the segment index is empty; add annotated images before transferring from it");
        }
        if ((queryDimension >= 0 && index.dimension() != queryDimension) || !index.features().equals(queryFeatures)) {
            throw new IllegalArgumentException("the index was built with features '" + index.features() + "' (d=" + index.dimension()
                    + ") but the query uses '" + queryFeatures + "'" + (queryDimension >= 0 ? " (d=" + queryDimension + ")" : "")
                    + "; rebuild the index or query with the same features");
        }
    }

    /** A short description of the spec, for provenance. */
    public String describe() {
        return "knn-transfer(k=" + k + ",voting=" + voting.name().toLowerCase(java.util.Locale.ROOT)
                + (voting == Voting.WEIGHTED ? ",concentration=" + concentration : "") + ")";
    }
}
