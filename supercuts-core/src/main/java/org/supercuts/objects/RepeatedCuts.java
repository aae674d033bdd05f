package org.supercuts.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.supercuts.graph.RegionGraph;
import org.supercuts.image.BoundingBox;
import org.supercuts.linalg.AffinityOperator;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.linalg.GraphComponents;
import org.supercuts.spectral.NCut;
import org.supercuts.spectral.PartitionTree;
import org.supercuts.spectral.SpectralPartition;

/**
 * Objects by repeated normalized cuts with removal of the nodes found, as MaskCut does on the ViT patch graph (Wang,
 * Girdhar, Yu &amp; Misra, "Cut and Learn for Unsupervised Object Detection and Instance Segmentation" (CutLER), CVPR
 * 2023): cut the graph of the remaining nodes by its Fiedler vector, take the foreground side's connected piece around
 * its seed as an object, remove it, and cut again, up to {@code maxCuts} times.
 *
 * <p>The search stops early on the first of its stopping rules: the <b>eigengap</b> {@code (λ3 - λ2) / λ3} of the
 * remaining graph below {@code minEigengap} (no cut stands out), the <b>cut cost</b> (NCut value) above
 * {@code maxNcut}, the object's <b>saliency contrast</b> (its mean saliency minus that of the remaining nodes) below
 * {@code minContrast}, and the <b>overlap</b> of its box with the boxes of objects already found above
 * {@code maxBoxOverlap} (the cut found the rest of an earlier object, not a new one). Pieces of the remaining graph
 * smaller than the <b>minimum area</b> are dropped before each cut, so they can neither be cut off nor stop the search.
 * The objects found are then scored by {@link Objectness} and selected by the {@link DiscoveryRules} like every other
 * generator's candidates.
 *
 * <p>Deviations from MaskCut: the foreground side is the one with the higher mean saliency (MaskCut: the side holding
 * the largest |eigenvector| entry, flipped when it holds two or more image corners; available as
 * {@link Side#LARGEST_ENTRY}), its seed the most salient node; nodes are removed from the graph instead of keeping them
 * with a tiny affinity (the same Fiedler vectors on the rest, without the near-zero eigenvalues they add); the number of
 * cuts is an upper bound reached only if no stopping rule fires (MaskCut always makes N cuts).
 *
 * <p>Thread safety: immutable.
 */
public final class RepeatedCuts implements ObjectDiscovery {
    /** Which side of a cut is the object. Thread safety: immutable (an enum). */
    public enum Side {
        /** The side with the higher area-weighted mean saliency; the seed is its most salient node. */
        SALIENCY,
        /** MaskCut's rule: the side with the largest |Fiedler| entry (the seed), unless it holds 2 or more image corners. */
        LARGEST_ENTRY
    }

    private final int maxCuts;
    private final double minEigengap;
    private final double maxNcut;
    private final double minContrast;
    private final double maxBoxOverlap;
    private final Side side;
    private final EigenSolver solver;
    private final DiscoveryRules rules;

    private RepeatedCuts(int maxCuts, double minEigengap, double maxNcut, double minContrast, double maxBoxOverlap, Side side,
            EigenSolver solver, DiscoveryRules rules) {
        if (maxCuts < 1) {
            throw new IllegalArgumentException("maxCuts must be >= 1, got " + maxCuts);
        }
        if (!(minEigengap >= 0 && minEigengap <= 1)) {
            throw new IllegalArgumentException("minEigengap must be in [0, 1], got " + minEigengap);
        }
        if (!(maxNcut >= 0)) {
            throw new IllegalArgumentException("maxNcut must be >= 0, got " + maxNcut);
        }
        if (!(minContrast >= -1 && minContrast <= 1)) {
            throw new IllegalArgumentException("minContrast must be in [-1, 1] (a difference of saliencies), got " + minContrast);
        }
        if (!(maxBoxOverlap >= 0 && maxBoxOverlap <= 1)) {
            throw new IllegalArgumentException("maxBoxOverlap must be in [0, 1], got " + maxBoxOverlap);
        }
        this.maxCuts = maxCuts;
        this.minEigengap = minEigengap;
        this.maxNcut = maxNcut;
        this.minContrast = minContrast;
        this.maxBoxOverlap = maxBoxOverlap;
        this.side = Objects.requireNonNull(side, "side");
        this.solver = Objects.requireNonNull(solver, "solver");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Up to 4 cuts; stop below eigengap 0.05, above NCut 0.6, below contrast 0.1 or above box overlap 0.5. */
    public static RepeatedCuts defaults() {
        return new RepeatedCuts(4, 0.05, 0.6, 0.1, 0.5, Side.SALIENCY, EigenSolver.shiftInvert(), DiscoveryRules.defaults());
    }

    /** The most cuts (one object candidate each), at least 1. */
    public RepeatedCuts maxCuts(int n) {
        return new RepeatedCuts(n, minEigengap, maxNcut, minContrast, maxBoxOverlap, side, solver, rules);
    }

    /** Stops when the eigengap (λ3 - λ2) / λ3 of the remaining graph is below this, in [0, 1]. */
    public RepeatedCuts minEigengap(double gap) {
        return new RepeatedCuts(maxCuts, gap, maxNcut, minContrast, maxBoxOverlap, side, solver, rules);
    }

    /** Stops when the cut costs more than this normalized-cut value. */
    public RepeatedCuts maxNcut(double ncut) {
        return new RepeatedCuts(maxCuts, minEigengap, ncut, minContrast, maxBoxOverlap, side, solver, rules);
    }

    /** Stops when the object's mean saliency exceeds the remaining nodes' by less than this, in [-1, 1]. */
    public RepeatedCuts minContrast(double contrast) {
        return new RepeatedCuts(maxCuts, minEigengap, maxNcut, contrast, maxBoxOverlap, side, solver, rules);
    }

    /** Stops when the object's box overlaps an earlier object's box by more than this share. */
    public RepeatedCuts maxBoxOverlap(double share) {
        return new RepeatedCuts(maxCuts, minEigengap, maxNcut, minContrast, share, side, solver, rules);
    }

    /** Which side of each cut is the object. */
    public RepeatedCuts side(Side s) {
        return new RepeatedCuts(maxCuts, minEigengap, maxNcut, minContrast, maxBoxOverlap, s, solver, rules);
    }

    /** The eigensolver of the cuts. */
    public RepeatedCuts solver(EigenSolver s) {
        return new RepeatedCuts(maxCuts, minEigengap, maxNcut, minContrast, maxBoxOverlap, side, s, rules);
    }

    /** The same cuts selected by other rules. */
    public RepeatedCuts rules(DiscoveryRules r) {
        return new RepeatedCuts(maxCuts, minEigengap, maxNcut, minContrast, maxBoxOverlap, side, solver, r);
    }

    @Override
    public DiscoveryRules rules() {
        return rules;
    }

    @Override
    public ObjectSet discover(Input input) {
        Scene scene = new Scene(input);
        return CandidateSelection.select(scene, generate(scene), rules);
    }

    @Override
    public List<ObjectCandidate> candidates(Input input) {
        return generate(new Scene(input)).candidates();
    }

    private CandidateSelection.Generated generate(Scene scene) {
        RegionGraph g = scene.graph;
        double[] s = scene.input.saliency();
        int n = scene.regions();
        long minPixels = CandidateSelection.minPixels(scene, rules);
        boolean[] remaining = new boolean[n];
        java.util.Arrays.fill(remaining, true);
        List<ObjectCandidate> found = new ArrayList<>();
        List<BoundingBox> boxes = new ArrayList<>();
        String stop = "made the maximum of " + maxCuts + " cut(s)";
        for (int cut = 1; cut <= maxCuts; cut++) {
            int[] nodes = dropSmallPieces(scene, remaining, minPixels);
            if (nodes.length < 2) {
                stop = "fewer than 2 regions are left to cut";
                break;
            }
            AffinityOperator sub = AffinityOperator.of(Scene.subgraph(scene.input.affinity(), nodes));
            SpectralPartition p = NCut.bipartition().eigenpairs(Math.min(3, nodes.length)).solver(solver).partition(sub);
            PartitionTree tree = p.tree();
            if (tree.splitCount() == 0) {
                stop = "the remaining graph has no cut";
                break;
            }
            if (p.eigenpairCount() >= 3) {
                double l2 = p.eigenvalue(1);
                double l3 = p.eigenvalue(2);
                double gap = l3 > 1e-12 ? (l3 - l2) / l3 : 1;
                if (gap < minEigengap) {
                    stop = String.format(Locale.ROOT, "cut %d: eigengap %.3f below %.3f", cut, gap, minEigengap);
                    break;
                }
            }
            double ncut = tree.root().splitCost();
            if (ncut > maxNcut) {
                stop = String.format(Locale.ROOT, "cut %d: cut cost (NCut) %.3f above %.3f", cut, ncut, maxNcut);
                break;
            }
            int[] object = objectSide(scene, nodes, tree, p.fiedler());
            double contrast = meanSaliency(g, s, object) - meanOfRest(g, s, nodes, object);
            if (contrast < minContrast) {
                stop = String.format(Locale.ROOT, "cut %d: saliency contrast %.3f below %.3f", cut, contrast, minContrast);
                break;
            }
            BoundingBox box = RegionSets.box(g, object);
            double overlap = 0;
            for (BoundingBox b : boxes) {
                overlap = Math.max(overlap, intersection(box, b) / (double) box.area());
            }
            if (overlap > maxBoxOverlap) {
                stop = String.format(Locale.ROOT, "cut %d: box overlap %.2f with an earlier object above %.2f", cut, overlap,
                        maxBoxOverlap);
                break;
            }
            found.add(CandidateSelection.candidate(scene, object, rules.objectness(), "cut#" + cut));
            boxes.add(box);
            for (int r : object) {
                remaining[r] = false;
            }
        }
        return new CandidateSelection.Generated(found, "the first cut found no object: " + stop);
    }

    /** The remaining regions without the pieces (components of the thresholded affinity) smaller than {@code minPixels}. */
    private static int[] dropSmallPieces(Scene scene, boolean[] remaining, long minPixels) {
        int[] nodes = indices(remaining);
        if (nodes.length == 0) {
            return nodes;
        }
        GraphComponents comps = GraphComponents.of(AffinityOperator.of(Scene.subgraph(scene.input.affinity(), nodes)));
        boolean[] keep = new boolean[scene.regions()];
        for (int c = 0; c < comps.count(); c++) {
            int[] members = comps.members(c);
            long a = 0;
            for (int m : members) {
                a += scene.graph.size(nodes[m]);
            }
            if (a >= minPixels) {
                for (int m : members) {
                    keep[nodes[m]] = true;
                }
            }
        }
        return indices(keep);
    }

    private static int[] indices(boolean[] member) {
        int count = 0;
        for (boolean b : member) {
            count += b ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int r = 0; r < member.length; r++) {
            if (member[r]) {
                out[k++] = r;
            }
        }
        return out;
    }

    /** The connected piece, around the seed, of the side of the root cut that is the object. */
    private int[] objectSide(Scene scene, int[] nodes, PartitionTree tree, double[] fiedler) {
        RegionGraph g = scene.graph;
        double[] s = scene.input.saliency();
        int[][] sides = {toRegions(nodes, tree.node(tree.root().children()[0]).members()),
                toRegions(nodes, tree.node(tree.root().children()[1]).members())};
        int chosen;
        int seed;
        if (side == Side.SALIENCY) {
            chosen = meanSaliency(g, s, sides[0]) >= meanSaliency(g, s, sides[1]) ? 0 : 1;
            seed = sides[chosen][0];
            for (int r : sides[chosen]) {
                if (s[r] > s[seed]) {
                    seed = r;
                }
            }
        } else {
            int best = 0;
            for (int i = 1; i < fiedler.length; i++) {
                if (Math.abs(fiedler[i]) > Math.abs(fiedler[best])) {
                    best = i;
                }
            }
            seed = nodes[best];
            chosen = java.util.Arrays.binarySearch(sides[0], seed) >= 0 ? 0 : 1;
            if (corners(g, sides[chosen]) >= 2) {
                chosen = 1 - chosen;
                seed = sides[chosen][0];
                for (int r : sides[chosen]) {
                    int i = java.util.Arrays.binarySearch(nodes, r);
                    if (Math.abs(fiedler[i]) > Math.abs(fiedler[java.util.Arrays.binarySearch(nodes, seed)])) {
                        seed = r;
                    }
                }
            }
        }
        for (int[] piece : RegionSets.components(g, sides[chosen])) {
            if (java.util.Arrays.binarySearch(piece, seed) >= 0) {
                return piece;
            }
        }
        throw new IllegalStateException("the seed " + seed + " is on no piece of its side");
    }

    private static int[] toRegions(int[] nodes, int[] subgraphMembers) {
        int[] out = new int[subgraphMembers.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = nodes[subgraphMembers[i]];
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** How many of the four image corners the regions hold. */
    private static int corners(RegionGraph g, int[] regions) {
        int w = g.width();
        int h = g.height();
        int count = 0;
        int[][] corners = {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}};
        for (int[] c : corners) {
            for (int r : regions) {
                BoundingBox b = g.box(r);
                if (b.x0() <= c[0] && c[0] < b.x1() && b.y0() <= c[1] && c[1] < b.y1() && g.borderPixels(r) > 0) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static double meanSaliency(RegionGraph g, double[] s, int[] regions) {
        double a = 0;
        double sum = 0;
        for (int r : regions) {
            a += g.size(r);
            sum += g.size(r) * s[r];
        }
        return a > 0 ? sum / a : 0;
    }

    private static double meanOfRest(RegionGraph g, double[] s, int[] nodes, int[] object) {
        double a = 0;
        double sum = 0;
        for (int r : nodes) {
            if (java.util.Arrays.binarySearch(object, r) < 0) {
                a += g.size(r);
                sum += g.size(r) * s[r];
            }
        }
        return a > 0 ? sum / a : 0;
    }

    private static long intersection(BoundingBox a, BoundingBox b) {
        long w = Math.max(0, Math.min(a.x1(), b.x1()) - Math.max(a.x0(), b.x0()));
        long h = Math.max(0, Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0()));
        return w * h;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "repeated-cuts(maxCuts=%d,minEigengap=%s,maxNcut=%s,minContrast=%s,maxBoxOverlap=%s,"
                + "side=%s,solver=%s,%s)", maxCuts, minEigengap, maxNcut, minContrast, maxBoxOverlap, side, solver.describe(),
                rules.describe());
    }

    @Override
    public String toString() {
        return describe();
    }
}
