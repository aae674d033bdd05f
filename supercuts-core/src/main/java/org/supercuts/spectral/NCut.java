package org.supercuts.spectral;

import java.util.Locale;
import java.util.Objects;
import java.util.PriorityQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.linalg.AffinityOperator;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.linalg.Vectors;

/**
 * Normalized cuts (Shi &amp; Malik, "Normalized Cuts and Image Segmentation", IEEE TPAMI 22(8):888-905, 2000): factory of
 * the {@link SpectralPartitioner} specs {@link #bipartition()}, {@link #kway(int)}, {@link #kway()} and
 * {@link #recursive()}.
 *
 * <p>Every spec solves {@code (D - W) x = lambda D x} for the whole graph through {@link SpectralEmbedding} (see there for
 * isolated nodes and disconnected graphs) and returns a {@link SpectralPartition} holding at least two of its eigenpairs
 * ({@code eigenvector(1)} is the Fiedler vector of the whole graph) and {@code fiedlerThreshold}, the threshold of the root
 * split under the spec's {@link SplitRule}: {@code fiedler >= threshold} is child 0 of the root, the rest child 1. For a
 * k-way cut the tree holds the flat k-way labelling; the threshold is still that of the two-way split of the Fiedler vector
 * under the spec's split rule, for selectors that orient a two-way cut.
 *
 * <p>NCut values: {@code NCut(A, B) = cut(A,B)/vol(A) + cut(A,B)/vol(B)} with {@code vol(S) = sum_{i in S} d_i}; for k
 * parts {@code sum_c cut(S_c, V \ S_c)/vol(S_c)}. Self-loops never count in a cut.
 *
 * <p>Deviations from the paper: the split point is searched over every distinct Fiedler value (the paper checks l evenly
 * spaced ones) by an O(non-zeros) sweep; the k-way cut clusters row-normalised eigenvectors with k-means++ (Ng, Jordan
 * &amp; Weiss, NIPS 2001) instead of the paper's k-means plus greedy merging; the recursive cut expands the cheapest
 * candidate split first (a best-first order of the paper's recursion) and skips the paper's eigenvector-stability test.
 *
 * <p>Thread safety: the factory is stateless; every spec is immutable and safe to call concurrently.
 */
public final class NCut {
    private static final Logger LOG = LoggerFactory.getLogger(NCut.class);

    /** How the Fiedler vector is thresholded into two sides. Thread safety: immutable (an enum). */
    public enum SplitRule {
        /** {@code fiedler >= 0} (the D-weighted mean of a generalized Fiedler vector is 0). */
        ZERO,
        /** {@code fiedler >= mean(fiedler)}, the unweighted mean (as in TokenCut). */
        MEAN,
        /** The threshold among all distinct Fiedler values that minimises the NCut value (Shi &amp; Malik, Sec. 3.1). */
        BEST_NCUT
    }

    /**
     * Default split rule: {@link SplitRule#BEST_NCUT}. The relaxed eigenvector only approximates a two-valued indicator;
     * choosing the threshold by the discrete objective makes the result the best cut in the one-parameter family the
     * eigenvector spans, independent of where its values happen to be centred, and degenerates gracefully when the
     * eigenvector is nearly continuous. It costs one O(non-zeros) sweep.
     */
    public static final SplitRule DEFAULT_SPLIT_RULE = SplitRule.BEST_NCUT;
    /** Default seed of the k-means++ initialisation. */
    public static final long DEFAULT_SEED = 20000801L;

    private NCut() {
    }

    /** Two-way normalized cut with the default split rule and solver. */
    public static Bipartition bipartition() {
        return new Bipartition(DEFAULT_SPLIT_RULE, 2, EigenSolver.auto());
    }

    /** Flat k-way cut ({@code k >= 2}; clamped to n on smaller graphs). */
    public static KWay kway(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2, got " + k);
        }
        return new KWay(k, 8, DEFAULT_SEED, 5, DEFAULT_SPLIT_RULE, EigenSolver.auto());
    }

    /** Flat k-way cut with k chosen by the largest eigengap {@code lambda_k - lambda_(k-1)} for k in [2, maxK] (default 8). */
    public static KWay kway() {
        return new KWay(0, 8, DEFAULT_SEED, 5, DEFAULT_SPLIT_RULE, EigenSolver.auto());
    }

    /**
     * Recursive two-way normalized cut, cheapest cut first, with the tuned defaults of the default pipeline: at most 16
     * segments, maxNcut 1, the {@link EigenSolver#shiftInvert() shift-invert} solver (about 4 times cheaper than
     * {@link EigenSolver#auto()} on superpixel graphs, the same partitions up to near-tied cuts; docs/PERFORMANCE.md).
     * Every wither keeps the other settings, so {@code recursive().maxSegments(8)} still uses the shift-invert solver.
     */
    public static Recursive recursive() {
        return new Recursive(16, 1.0, 1, DEFAULT_SPLIT_RULE, 2, EigenSolver.shiftInvert());
    }

    /** The k-way NCut value of a labelling (labels 0..k-1) of {@code w}'s nodes. */
    public static double value(AffinityOperator w, int[] labels) {
        Objects.requireNonNull(w, "w");
        Objects.requireNonNull(labels, "labels");
        if (labels.length != w.size()) {
            throw new IllegalArgumentException("labels has length " + labels.length + ", the graph has " + w.size() + " nodes");
        }
        int k = 0;
        for (int l : labels) {
            if (l < 0) {
                throw new IllegalArgumentException("labels must be >= 0, got " + l);
            }
            k = Math.max(k, l + 1);
        }
        return FiedlerSplit.value(w, FiedlerSplit.volumeDegrees(w), labels, k);
    }

    private static void checkGraph(AffinityOperator w) {
        Objects.requireNonNull(w, "affinity");
        if (w.size() < 2) {
            throw new IllegalArgumentException("normalized cuts need an affinity with n >= 2 nodes, got n = " + w.size());
        }
    }

    /** The root split of the whole graph under {@code rule}, falling back to BEST_NCUT when the rule gives one side only. */
    private static FiedlerSplit.Split rootSplit(AffinityOperator w, double[] volumeDegree, double[] fiedler, SplitRule rule,
            int minSide) {
        FiedlerSplit.Split s = FiedlerSplit.split(w, volumeDegree, fiedler, rule, minSide);
        if (s == null && rule != SplitRule.BEST_NCUT) {
            LOG.debug("split rule {} leaves one side empty on {} nodes; using BEST_NCUT", rule, w.size());
            s = FiedlerSplit.split(w, volumeDegree, fiedler, SplitRule.BEST_NCUT, minSide);
        }
        return s;
    }

    /**
     * Two-way normalized cut: threshold the Fiedler vector of the whole graph. The tree has one split (child 0:
     * {@code fiedler >= threshold}) whose cost is its NCut value.
     *
     * <p>Thread safety: immutable.
     */
    public static final class Bipartition implements SpectralPartitioner {
        private final SplitRule splitRule;
        private final int eigenpairs;
        private final EigenSolver solver;

        private Bipartition(SplitRule splitRule, int eigenpairs, EigenSolver solver) {
            this.splitRule = Objects.requireNonNull(splitRule, "splitRule");
            this.solver = Objects.requireNonNull(solver, "solver");
            if (eigenpairs < 2) {
                throw new IllegalArgumentException("eigenpairs must be >= 2, got " + eigenpairs);
            }
            this.eigenpairs = eigenpairs;
        }

        /** The rule that thresholds the Fiedler vector. */
        public Bipartition splitRule(SplitRule rule) {
            return new Bipartition(rule, eigenpairs, solver);
        }

        /** How many eigenpairs the result carries (>= 2; clamped to n), e.g. for selectors that look past the Fiedler vector. */
        public Bipartition eigenpairs(int count) {
            return new Bipartition(splitRule, count, solver);
        }

        /** The eigensolver. */
        public Bipartition solver(EigenSolver solver) {
            return new Bipartition(splitRule, eigenpairs, solver);
        }

        /** The rule that thresholds the Fiedler vector. */
        public SplitRule splitRule() {
            return splitRule;
        }

        /** How many eigenpairs the result carries. */
        public int eigenpairs() {
            return eigenpairs;
        }

        /** The eigensolver. */
        public EigenSolver solver() {
            return solver;
        }

        @Override
        public SpectralPartition partition(AffinityMatrix affinity) {
            return partition(AffinityOperator.of(Objects.requireNonNull(affinity, "affinity")));
        }

        /** Partitions the graph of {@code w} (a dense or sparse affinity behind one operator). */
        public SpectralPartition partition(AffinityOperator w) {
            checkGraph(w);
            int n = w.size();
            SpectralEmbedding e = SpectralEmbedding.smallest(w, Math.min(eigenpairs, n), solver);
            double[] vol = e.degrees();
            FiedlerSplit.Split s = rootSplit(w, vol, e.eigenvector(1), splitRule, 1);
            PartitionTree.Builder tree = PartitionTree.builder(n);
            double threshold = Double.NaN;
            if (s != null) {
                tree.split(0, s.groups(), s.ncut());
                threshold = s.threshold();
            }
            return e.toPartition(threshold, tree.build());
        }

        @Override
        public String describe() {
            return "ncut-bipartition(split=" + splitRule + ",eigenpairs=" + eigenpairs + ",solver=" + solver.describe() + ")";
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * Flat k-way normalized cut: k-means++ on the rows of the first k eigenvectors u of L_sym, each row scaled to unit
     * length (Ng, Jordan &amp; Weiss). Row normalisation is chosen because for a nearly block-diagonal W the rows of u
     * concentrate around k orthogonal directions with lengths that vary with the node degree; projecting them onto the
     * sphere removes the degree dependence and leaves k tight clusters, which k-means separates reliably. Segments are
     * numbered by smallest member; the tree has one split of the root into all of them, with the k-way NCut value as cost.
     *
     * <p>Thread safety: immutable.
     */
    public static final class KWay implements SpectralPartitioner {
        private final int k;
        private final int maxK;
        private final long seed;
        private final int restarts;
        private final SplitRule splitRule;
        private final EigenSolver solver;

        private KWay(int k, int maxK, long seed, int restarts, SplitRule splitRule, EigenSolver solver) {
            if (k != 0 && k < 2) {
                throw new IllegalArgumentException("k must be >= 2 (or 0 for the eigengap choice), got " + k);
            }
            if (maxK < 2) {
                throw new IllegalArgumentException("maxK must be >= 2, got " + maxK);
            }
            if (restarts < 1) {
                throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
            }
            this.k = k;
            this.maxK = maxK;
            this.seed = seed;
            this.restarts = restarts;
            this.splitRule = Objects.requireNonNull(splitRule, "splitRule");
            this.solver = Objects.requireNonNull(solver, "solver");
        }

        /** Largest k considered by the eigengap choice (>= 2; ignored when k is fixed). */
        public KWay maxK(int maxK) {
            return new KWay(k, maxK, seed, restarts, splitRule, solver);
        }

        /** Seed of the k-means++ initialisation. */
        public KWay seed(long seed) {
            return new KWay(k, maxK, seed, restarts, splitRule, solver);
        }

        /** Number of seeded k-means runs; the lowest within-cluster sum of squares wins. */
        public KWay restarts(int restarts) {
            return new KWay(k, maxK, seed, restarts, splitRule, solver);
        }

        /** The rule for {@link SpectralPartition#fiedlerThreshold()}. */
        public KWay splitRule(SplitRule rule) {
            return new KWay(k, maxK, seed, restarts, rule, solver);
        }

        /** The eigensolver. */
        public KWay solver(EigenSolver solver) {
            return new KWay(k, maxK, seed, restarts, splitRule, solver);
        }

        /** The fixed k, or 0 when k is chosen by the eigengap. */
        public int k() {
            return k;
        }

        /** Largest k of the eigengap choice. */
        public int maxK() {
            return maxK;
        }

        /** Seed of the k-means++ initialisation. */
        public long seed() {
            return seed;
        }

        @Override
        public SpectralPartition partition(AffinityMatrix affinity) {
            return partition(AffinityOperator.of(Objects.requireNonNull(affinity, "affinity")));
        }

        /** Partitions the graph of {@code w} (a dense or sparse affinity behind one operator). */
        public SpectralPartition partition(AffinityOperator w) {
            checkGraph(w);
            int n = w.size();
            int pairs = k > 0 ? Math.min(k, n) : Math.min(maxK + 1, n);
            pairs = Math.max(pairs, 2);
            SpectralEmbedding e = SpectralEmbedding.smallest(w, pairs, solver);
            int chosen = k > 0 ? Math.min(k, n) : eigengapK(e.eigenvalues(), n);
            double[][] rows = new double[n][chosen];
            for (int c = 0; c < chosen; c++) {
                double[] u = e.normalizedEigenvector(c);
                for (int i = 0; i < n; i++) {
                    rows[i][c] = u[i];
                }
            }
            for (double[] row : rows) {
                double len = Math.sqrt(Vectors.dot(row, row, row.length));
                if (len > 1e-300) {
                    for (int c = 0; c < row.length; c++) {
                        row[c] /= len;
                    }
                }
            }
            int[] labels = renumber(KMeans.cluster(rows, chosen, seed, restarts));
            double[] vol = e.degrees();
            FiedlerSplit.Split root = rootSplit(w, vol, e.eigenvector(1), splitRule, 1);
            int segments = 0;
            for (int l : labels) {
                segments = Math.max(segments, l + 1);
            }
            if (segments < 2 && root != null) {
                LOG.debug("k-means found a single cluster on {} nodes; using the two-way Fiedler split", n);
                labels = renumber(root.groups());
                segments = 2;
            }
            PartitionTree tree = segments < 2 ? PartitionTree.builder(n).build()
                    : PartitionTree.flat(labels, FiedlerSplit.value(w, vol, labels, segments));
            return e.toPartition(root == null ? Double.NaN : root.threshold(), tree);
        }

        /** argmax over k in [2, min(maxK, n - 1)] of lambda_k - lambda_(k-1) (0-based), ties to the smaller k; 2 if n = 2. */
        private int eigengapK(double[] values, int n) {
            int upper = Math.min(Math.min(maxK, n - 1), values.length - 1);
            int best = 2;
            double bestGap = Double.NEGATIVE_INFINITY;
            for (int c = 2; c <= upper; c++) {
                double gap = values[c] - values[c - 1];
                if (gap > bestGap) {
                    bestGap = gap;
                    best = c;
                }
            }
            return best;
        }

        @Override
        public String describe() {
            String kText = k > 0 ? Integer.toString(k) : "eigengap[2.." + maxK + "]";
            return "ncut-kway(k=" + kText + ",embedding=row-normalised,kmeans++seed=" + seed + ",restarts=" + restarts
                    + ",split=" + splitRule + ",solver=" + solver.describe() + ")";
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** Labels renumbered 0..g-1 in order of their smallest member. */
    static int[] renumber(int[] labels) {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l + 1);
        }
        int[] map = new int[max];
        java.util.Arrays.fill(map, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (map[labels[i]] < 0) {
                map[labels[i]] = next++;
            }
            out[i] = map[labels[i]];
        }
        return out;
    }

    /**
     * Recursive two-way normalized cut: the whole graph is split by its Fiedler vector, then every leaf is a candidate
     * whose own split (Fiedler vector of its induced subgraph, same split rule) has an NCut value; the candidate with the
     * lowest value is split next (ties: lower tree node id). Stops when there are {@link #maxSegments()} leaves, when the
     * cheapest candidate's NCut exceeds {@link #maxNcut()}, or when no leaf can be split with both sides having at least
     * {@link #minRegionNodes()} nodes. The tree's split order is therefore cheapest cut first.
     *
     * <p>Default maxNcut 1.0: splitting a uniform clique in half costs exactly 1, so a cut that expensive finds no more
     * structure than a structureless region has.
     *
     * <p>Thread safety: immutable.
     */
    public static final class Recursive implements SpectralPartitioner {
        private final int maxSegments;
        private final double maxNcut;
        private final int minRegionNodes;
        private final SplitRule splitRule;
        private final int eigenpairs;
        private final EigenSolver solver;

        private Recursive(int maxSegments, double maxNcut, int minRegionNodes, SplitRule splitRule, int eigenpairs,
                EigenSolver solver) {
            if (maxSegments < 1) {
                throw new IllegalArgumentException("maxSegments must be >= 1, got " + maxSegments);
            }
            if (!(maxNcut >= 0) || Double.isNaN(maxNcut)) {
                throw new IllegalArgumentException("maxNcut must be >= 0, got " + maxNcut);
            }
            if (minRegionNodes < 1) {
                throw new IllegalArgumentException("minRegionNodes must be >= 1, got " + minRegionNodes);
            }
            if (eigenpairs < 2) {
                throw new IllegalArgumentException("eigenpairs must be >= 2, got " + eigenpairs);
            }
            this.maxSegments = maxSegments;
            this.maxNcut = maxNcut;
            this.minRegionNodes = minRegionNodes;
            this.splitRule = Objects.requireNonNull(splitRule, "splitRule");
            this.eigenpairs = eigenpairs;
            this.solver = Objects.requireNonNull(solver, "solver");
        }

        /** Most segments the recursion produces (>= 1). */
        public Recursive maxSegments(int maxSegments) {
            return new Recursive(maxSegments, maxNcut, minRegionNodes, splitRule, eigenpairs, solver);
        }

        /** Largest NCut value a split may have (>= 0; {@code Double.POSITIVE_INFINITY} for no limit). */
        public Recursive maxNcut(double maxNcut) {
            return new Recursive(maxSegments, maxNcut, minRegionNodes, splitRule, eigenpairs, solver);
        }

        /** Fewest nodes each side of a split must have (>= 1). */
        public Recursive minRegionNodes(int minRegionNodes) {
            return new Recursive(maxSegments, maxNcut, minRegionNodes, splitRule, eigenpairs, solver);
        }

        /** The rule that thresholds each Fiedler vector. */
        public Recursive splitRule(SplitRule rule) {
            return new Recursive(maxSegments, maxNcut, minRegionNodes, rule, eigenpairs, solver);
        }

        /** How many eigenpairs of the whole graph the result carries (>= 2; clamped to n). */
        public Recursive eigenpairs(int count) {
            return new Recursive(maxSegments, maxNcut, minRegionNodes, splitRule, count, solver);
        }

        /** The eigensolver of every cut. */
        public Recursive solver(EigenSolver solver) {
            return new Recursive(maxSegments, maxNcut, minRegionNodes, splitRule, eigenpairs, solver);
        }

        /** Most segments the recursion produces. */
        public int maxSegments() {
            return maxSegments;
        }

        /** Largest NCut value a split may have. */
        public double maxNcut() {
            return maxNcut;
        }

        /** Fewest nodes each side of a split must have. */
        public int minRegionNodes() {
            return minRegionNodes;
        }

        /** The rule that thresholds each Fiedler vector. */
        public SplitRule splitRule() {
            return splitRule;
        }

        /** The eigensolver of every cut (the whole graph's and each candidate's). */
        public EigenSolver solver() {
            return solver;
        }

        private record Candidate(int treeNode, int[] groups, double ncut) {
        }

        @Override
        public SpectralPartition partition(AffinityMatrix affinity) {
            return partition(AffinityOperator.of(Objects.requireNonNull(affinity, "affinity")));
        }

        /** Partitions the graph of {@code w} (a dense or sparse affinity behind one operator). */
        public SpectralPartition partition(AffinityOperator w) {
            checkGraph(w);
            int n = w.size();
            SpectralEmbedding e = SpectralEmbedding.smallest(w, Math.min(eigenpairs, n), solver);
            FiedlerSplit.Split root = rootSplit(w, e.degrees(), e.eigenvector(1), splitRule, minRegionNodes);
            PartitionTree.Builder tree = PartitionTree.builder(n);
            PriorityQueue<Candidate> queue = new PriorityQueue<>((a, b) -> {
                int c = Double.compare(a.ncut(), b.ncut());
                return c != 0 ? c : Integer.compare(a.treeNode(), b.treeNode());
            });
            if (root != null) {
                queue.add(new Candidate(0, root.groups(), root.ncut()));
            }
            int leaves = 1;
            while (leaves < maxSegments && !queue.isEmpty()) {
                Candidate c = queue.poll();
                if (c.ncut() > maxNcut) {
                    break;
                }
                int[] children = tree.split(c.treeNode(), c.groups(), c.ncut());
                leaves += children.length - 1;
                if (leaves >= maxSegments) {
                    break; // the loop ends here: candidate cuts of the new leaves would never be used
                }
                for (int child : children) {
                    Candidate next = candidate(w, child, tree.node(child).members());
                    if (next != null) {
                        queue.add(next);
                    }
                }
            }
            FiedlerSplit.Split thresholdSplit = root != null ? root : rootSplit(w, e.degrees(), e.eigenvector(1), splitRule, 1);
            return e.toPartition(thresholdSplit == null ? Double.NaN : thresholdSplit.threshold(), tree.build());
        }

        private Candidate candidate(AffinityOperator w, int treeNode, int[] members) {
            if (members.length < Math.max(2, 2 * minRegionNodes)) {
                return null;
            }
            AffinityOperator sub = w.subgraph(members);
            SpectralEmbedding e = SpectralEmbedding.smallest(sub, 2, solver);
            FiedlerSplit.Split s = FiedlerSplit.split(sub, e.degrees(), e.eigenvector(1), splitRule, minRegionNodes);
            if (s == null && splitRule != SplitRule.BEST_NCUT) {
                s = FiedlerSplit.split(sub, e.degrees(), e.eigenvector(1), SplitRule.BEST_NCUT, minRegionNodes);
            }
            return s == null ? null : new Candidate(treeNode, s.groups(), s.ncut());
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "ncut-recursive(maxSegments=%d,maxNcut=%s,minRegionNodes=%d,split=%s,solver=%s)",
                    maxSegments, maxNcut, minRegionNodes, splitRule, solver.describe());
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
