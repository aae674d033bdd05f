package org.supercuts.selection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supercuts.graph.RegionGraph;
import org.supercuts.spectral.SpectralPartition;

/**
 * The rules that decide which side of the root normalized-cut split is the object. Each orients the Fiedler vector
 * {@code v} about the split threshold {@code t}: the object side maps to [0.5, 1] and the other side to [0, 0.5), each
 * linearly in the distance to {@code t} relative to the farthest node on that side, so thresholding at 0.5 reproduces the
 * split exactly and the soft map ranks nodes by how confidently the eigenvector places them.
 *
 * <ul>
 *   <li>{@link #tokenCut()} — TokenCut (Wang et al., CVPR 2022): the side holding the entry of largest |v|.</li>
 *   <li>{@link #deepSpectral()} — Deep Spectral Methods (Melas-Kyriazi et al., CVPR 2022): the object is the minority;
 *       flip when more than half is on the positive side.</li>
 *   <li>{@link #borderPrior()} — the side that touches the image border less (background connectivity prior, as in
 *       Zhu et al., CVPR 2014 and most saliency work).</li>
 * </ul>
 *
 * <p>{@link #tokenCutPaper()} and {@link #deepSpectralPaper()} are the two papers' rules as their code applies them to
 * the eigenvector, with their own split points (the mean, zero) and strict comparisons, whatever split the partitioner
 * chose; {@link #tokenCut()} and {@link #deepSpectral()} apply only the papers' side rules to the partitioner's split.
 *
 * <p>Deviations from the papers, of {@link #tokenCut()} and {@link #deepSpectral()} only (the paper rules have their own
 * list): the split is the partitioner's, not the papers' mean or zero; "more than half" counts pixels, not nodes, because
 * superpixels differ in size; TokenCut's seed only chooses the side, with no connected-component step. On colour features
 * these side rules rank pixels better than the papers' (docs/presets.md), so they are kept as alternatives.
 *
 * <p>Thread safety: the selectors are immutable and stateless.
 */
public final class ObjectSelectors {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectSelectors.class);
    /**
     * Relative tolerance under which the paper rules treat two eigenvector values as tied: far above the double-precision
     * rounding that makes mathematically equal entries differ, far below any difference that carries meaning.
     */
    public static final double TIE = 1e-9;

    private ObjectSelectors() {
    }

    /** The side of the partitioner's root split that holds the entry of largest |v| (see the class comment). */
    public static ObjectSelector tokenCut() {
        return new Rule("tokencut") {
            @Override
            boolean highSideIsObject(double[] v, double t, RegionGraph g) {
                int best = 0;
                for (int i = 1; i < v.length; i++) {
                    if (Math.abs(v[i]) > Math.abs(v[best])) {
                        best = i;
                    }
                }
                return v[best] >= t;
            }
        };
    }

    /** The side of the partitioner's root split with at most half of the pixels (see the class comment). */
    public static ObjectSelector deepSpectral() {
        return new Rule("deepspectral") {
            @Override
            boolean highSideIsObject(double[] v, double t, RegionGraph g) {
                long high = 0;
                long all = 0;
                for (int i = 0; i < v.length; i++) {
                    all += g.size(i);
                    if (v[i] >= t) {
                        high += g.size(i);
                    }
                }
                return 2 * high <= all;
            }
        };
    }

    /**
     * TokenCut's object rule as in the paper's code (Wang et al., CVPR 2022): split the Fiedler vector {@code v} at its
     * (unweighted) mean with a strict {@code >}; the seed is the node of largest {@code |v|}; the side holding the seed is
     * the object (the vector is flipped otherwise); the object is the connected component of the seed within that side. On
     * a ViT patch grid the region graph's adjacency is the grid's 4-neighbourhood, so this is the paper's 4-connected patch
     * component (its {@code scipy.ndimage.label} default).
     *
     * <p>Scores: the component maps to [0.5, 1] linearly in {@code v - mean} (oriented) relative to its farthest node; the
     * rest to [0, 0.499], the nodes on the object side outside the component at 0.499 and those below the mean linearly
     * down to 0.
     *
     * <p>Deviations from the paper's code, all at exact ties, where its result depends on rounding: values within
     * {@link #TIE}{@code  * max|v|} of the mean count as equal to it (so they are not object: the paper's strict
     * {@code >}); magnitudes within a relative {@link #TIE} of the largest tie for the seed and the lowest index wins
     * (numpy's {@code argmax} picks the first of bitwise-equal values only); the seed is object even if the vector is
     * constant.
     */
    public static ObjectSelector tokenCutPaper() {
        return new PaperRule("tokencut-paper", true) {
            @Override
            double splitPoint(double[] u) {
                double sum = 0;
                for (double x : u) {
                    sum += x;
                }
                return sum / u.length;
            }

            @Override
            boolean[] objectSide(double[] u, int seed, double mean) {
                double band = TIE * maxAbs(u);
                boolean[] side = new boolean[u.length];
                for (int i = 0; i < u.length; i++) {
                    side[i] = u[i] - mean > band;
                }
                side[seed] = true;
                return side;
            }
        };
    }

    /**
     * Deep Spectral Methods' single-object rule as in the paper's code (Melas-Kyriazi et al., CVPR 2022): negate the
     * eigenvector when more than half (and not all) of its entries are positive, then the object is the nodes with
     * {@code v > 0}. Nodes are counted, not pixels (the paper's nodes are equal patches). No connected-component step.
     *
     * <p>Scores: the object maps to [0.5, 1] linearly in {@code v} relative to its largest entry; the rest to [0, 0.499]
     * linearly in {@code -v}.
     *
     * <p>Deviations from the paper's code, at exact ties only: the vector's sign is first fixed (entry of largest
     * magnitude positive, ties within a relative {@link #TIE} to the lowest index), because when exactly half of the entries
     * are positive the paper's result depends on the sign its eigensolver returned; values within {@link #TIE}{@code  *
     * max|v|} of 0 count as 0 (not positive).
     */
    public static ObjectSelector deepSpectralPaper() {
        return new PaperRule("deepspectral-paper", false) {
            @Override
            double splitPoint(double[] u) {
                return 0;
            }

            @Override
            boolean[] objectSide(double[] u, int seed, double zero) {
                int n = u.length;
                double band = TIE * maxAbs(u);
                int positive = 0;
                for (double x : u) {
                    positive += x > band ? 1 : 0;
                }
                boolean flip = 2 * positive > n && positive < n;
                boolean[] side = new boolean[n];
                for (int i = 0; i < n; i++) {
                    side[i] = (flip ? -u[i] : u[i]) > band;
                }
                return side;
            }
        };
    }

    /**
     * The border prior: the side of the root cut with fewer image-border pixels is the object (on a tie, the smaller
     * side).
     */
    public static ObjectSelector borderPrior() {
        return new Rule("border-prior") {
            @Override
            boolean highSideIsObject(double[] v, double t, RegionGraph g) {
                long highBorder = 0;
                long lowBorder = 0;
                long highArea = 0;
                long lowArea = 0;
                for (int i = 0; i < v.length; i++) {
                    if (v[i] >= t) {
                        highBorder += g.borderPixels(i);
                        highArea += g.size(i);
                    } else {
                        lowBorder += g.borderPixels(i);
                        lowArea += g.size(i);
                    }
                }
                if (highBorder != lowBorder) {
                    return highBorder < lowBorder;
                }
                return highArea <= lowArea;
            }
        };
    }

    /**
     * Maps {@code v} to [0, 1] about {@code t}: the object side to [0.5, 1], the other to [0, 0.5), linear in the distance
     * to {@code t} relative to the farthest node of the same side.
     */
    public static double[] orient(double[] v, double t, boolean highSideIsObject) {
        double maxHigh = 0;
        double maxLow = 0;
        for (double x : v) {
            if (x >= t) {
                maxHigh = Math.max(maxHigh, x - t);
            } else {
                maxLow = Math.max(maxLow, t - x);
            }
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            boolean high = v[i] >= t;
            double rel = high ? (maxHigh > 0 ? (v[i] - t) / maxHigh : 0) : (maxLow > 0 ? (t - v[i]) / maxLow : 0);
            boolean object = high == highSideIsObject;
            out[i] = object ? 0.5 + 0.5 * rel : 0.499 * (1 - rel);
        }
        return out;
    }

    static double maxAbs(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    /** The lowest index whose magnitude is within a relative {@link #TIE} of the largest. */
    static int seed(double[] v) {
        double bar = maxAbs(v) * (1 - TIE);
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) >= bar) {
                return i;
            }
        }
        return 0;
    }

    /** A paper's rule on the eigenvector oriented so that the seed is positive. */
    private abstract static class PaperRule implements ObjectSelector {
        private final String name;
        private final boolean seedComponent;

        PaperRule(String name, boolean seedComponent) {
            this.name = name;
            this.seedComponent = seedComponent;
        }

        /** The paper's split point of {@code u}; scores are measured from it. */
        abstract double splitPoint(double[] u);

        /** Which nodes of {@code u} (oriented: {@code u[seed] >= 0}) are on the object side of split point {@code t}. */
        abstract boolean[] objectSide(double[] u, int seed, double t);

        @Override
        public double[] foreground(Input input) {
            SpectralPartition partition = input.partition();
            if (partition.eigenpairCount() > 2) {
                double l2 = partition.eigenvalue(1);
                double l3 = partition.eigenvalue(2);
                if (l3 - l2 <= TIE * Math.max(1, Math.abs(l3))) {
                    LOG.warn("{}: the Fiedler value {} is repeated (next eigenvalue {}), so the eigenvector and the mask are"
                            + " arbitrary within its eigenspace; the features do not separate the {} regions", name, l2, l3,
                            partition.nodeCount());
                }
            }
            double[] u = partition.fiedler();
            int seed = seed(u);
            if (u[seed] < 0) {
                for (int i = 0; i < u.length; i++) {
                    u[i] = -u[i];
                }
            }
            double t = splitPoint(u);
            boolean[] object = objectSide(u, seed, t);
            if (seedComponent) {
                object = component(input.graph(), object, seed);
            }
            // The object's values may lie on either side of t (the Deep Spectral flip): measure each node's distance to t
            // in the direction of its own set.
            double sign = 1;
            for (int i = 0; i < u.length; i++) {
                if (object[i]) {
                    sign = u[i] >= t ? 1 : -1;
                    break;
                }
            }
            double maxIn = 0;
            double maxOut = 0;
            for (int i = 0; i < u.length; i++) {
                double d = sign * (u[i] - t);
                if (object[i]) {
                    maxIn = Math.max(maxIn, d);
                } else {
                    maxOut = Math.max(maxOut, -d);
                }
            }
            double[] out = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                double d = sign * (u[i] - t);
                if (object[i]) {
                    out[i] = 0.5 + 0.5 * (maxIn > 0 ? Math.max(0, d) / maxIn : 0);
                } else {
                    out[i] = 0.499 * (1 - (maxOut > 0 ? Math.max(0, -d) / maxOut : 0));
                }
            }
            return out;
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /** The connected component of {@code seed} in the subgraph of the region graph induced by {@code side}. */
    static boolean[] component(RegionGraph g, boolean[] side, int seed) {
        int n = side.length;
        boolean[] in = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        in[seed] = true;
        queue[tail++] = seed;
        while (head < tail) {
            int r = queue[head++];
            for (int k = g.neighbourStart(r), end = g.neighbourStart(r + 1); k < end; k++) {
                int q = g.neighbour(k);
                if (side[q] && !in[q]) {
                    in[q] = true;
                    queue[tail++] = q;
                }
            }
        }
        return in;
    }

    private abstract static class Rule implements ObjectSelector {
        private final String name;

        Rule(String name) {
            this.name = name;
        }

        abstract boolean highSideIsObject(double[] v, double t, RegionGraph g);

        @Override
        public double[] foreground(Input input) {
            double[] v = input.partition().fiedler();
            double t = input.partition().fiedlerThreshold();
            return orient(v, t, highSideIsObject(v, t, input.graph()));
        }

        @Override
        public String describe() {
            return name;
        }
    }
}
