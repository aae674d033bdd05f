package org.supercuts.objects;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.supercuts.graph.RegionGraph;

/**
 * The selection {@link DiscoveryRules} describe, shared by every {@link ObjectDiscovery}: filter by area, take in
 * descending score with the score and overlap rules, cut shared pixels off, split into parts, explain the outcome.
 *
 * <p>Thread safety: stateless static methods.
 */
final class CandidateSelection {
    /**
     * The CIELAB just-noticeable difference (Sharma &amp; Trussell, 1997): a candidate whose colour and edge contrast
     * against its surroundings are both below it cannot be seen, so it is no object whatever its score.
     */
    static final double JND = 2.3;
    /**
     * A candidate whose colour contrast against its ring is below this share of the image's texture (the median colour
     * distance between adjacent superpixels) while its edge contrast is within {@link #TEXTURE_EDGES} of the image's mean
     * is a patch of the texture: uniform noise gives such candidates, and on ECSSD's odd half and its synthetic set the
     * rule removes 1 of the 4503 candidates that match an object.
     */
    static final double TEXTURE_COLOUR = 0.5;
    /** See {@link #TEXTURE_COLOUR}: the edge contrast, as a multiple of the image's mean, below which a patch is texture. */
    static final double TEXTURE_EDGES = 1.05;

    private CandidateSelection() {
    }

    /** A generator's candidates and, when it found none, why. */
    record Generated(List<ObjectCandidate> candidates, String note) {
    }

    static ObjectCandidate candidate(Scene scene, int[] regions, Objectness objectness, String source) {
        Cues cues = Cues.of(scene, regions);
        return new ObjectCandidate(regions, RegionSets.area(scene.graph, regions), cues, objectness.score(cues), source);
    }

    static long minPixels(Scene scene, DiscoveryRules rules) {
        return Math.max(1, (long) Math.ceil(rules.minArea() * scene.imageArea));
    }

    static ObjectSet select(Scene scene, Generated generated, DiscoveryRules rules) {
        RegionGraph g = scene.graph;
        if (scene.imageArea < DiscoveryRules.MIN_IMAGE_PIXELS) {
            return new ObjectSet(List.of(), String.format(Locale.ROOT, "the image is %dx%d (%d pixels), fewer than the %d (32 x 32)"
                    + " object discovery needs", g.width(), g.height(), scene.imageArea, DiscoveryRules.MIN_IMAGE_PIXELS),
                    scene.input.superpixels());
        }
        long minPixels = minPixels(scene, rules);
        List<ObjectCandidate> pool = new ArrayList<>();
        long largestSmall = 0;
        boolean anyVisible = false;
        boolean anyBeyondTexture = false;
        for (ObjectCandidate c : generated.candidates()) {
            Cues cues = c.cues();
            boolean visible = cues.colourContrast() >= JND || cues.edgeContrast() >= JND;
            anyVisible |= visible;
            boolean texture = cues.colourContrast() < TEXTURE_COLOUR * cues.imageTexture()
                    && cues.edgeContrast() < TEXTURE_EDGES * cues.imageEdges();
            anyBeyondTexture |= visible && !texture;
            if (!visible || texture) {
                continue;
            }
            if (c.area() >= minPixels) {
                pool.add(c);
            } else {
                largestSmall = Math.max(largestSmall, c.area());
            }
        }
        if (pool.isEmpty()) {
            String why = generated.candidates().isEmpty() ? generated.note()
                    : !anyVisible ? String.format(Locale.ROOT, "no candidate differs visibly from its surroundings (colour and edge"
                            + " contrast below %.1f, the CIELAB just-noticeable difference)", JND)
                    : !anyBeyondTexture ? String.format(Locale.ROOT, "no region stands out from the image's texture (every"
                            + " candidate's colour contrast is below %.1f times the texture's %.1f, its edges within %.2f times the"
                            + " image's)", TEXTURE_COLOUR, generated.candidates().get(0).cues().imageTexture(), TEXTURE_EDGES)
                    : String.format(Locale.ROOT, "every candidate is below the minimum area %.2f%% of the image (largest %.2f%%)",
                            100 * rules.minArea(), 100.0 * largestSmall / scene.imageArea);
            return new ObjectSet(List.of(), why, scene.input.superpixels());
        }
        pool.sort(Comparator.comparingDouble(ObjectCandidate::score).reversed()
                .thenComparing(Comparator.comparingLong(ObjectCandidate::area).reversed())
                .thenComparingInt(c -> c.regions()[0]));
        if (rules.bestSet()) {
            List<ObjectCandidate> best = bestSet(scene, pool, rules.minExtraScore());
            if (best.isEmpty() && pool.get(0).score() >= rules.minScore()) {
                best = List.of(pool.get(0));
            }
            if (best.isEmpty()) {
                return new ObjectSet(List.of(), noObject(pool.get(0), Math.min(rules.minScore(), rules.minExtraScore())),
                        scene.input.superpixels());
            }
            pool = best;
        }
        boolean[] taken = new boolean[scene.regions()];
        long[] takenArea = {0};
        List<ObjectCandidate> chosen = new ArrayList<>();
        String stop = null;
        Pieces pieces = rules.splitScore() > 0 ? new Pieces(scene, pool, rules) : null;
        for (ObjectCandidate c : pool) {
            if (chosen.size() == rules.maxObjects()) {
                stop = "stopped at the maximum of " + rules.maxObjects() + " object(s)";
                break;
            }
            double need = chosen.isEmpty() ? rules.minScore() : rules.minExtraScore();
            if (c.score() < need) {
                stop = chosen.isEmpty() ? noObject(c, need) : String.format(Locale.ROOT,
                        "the next candidate's objectness %.2f is below %.2f", c.score(), need);
                break;
            }
            if (overlap(g, c, taken) > rules.maxOverlap() * c.area()) {
                continue;
            }
            List<ObjectCandidate> split = pieces == null ? List.of(c) : pieces.split(c);
            if (split.size() == 1) {
                take(scene, c, need, taken, takenArea, chosen, rules, minPixels);
                continue;
            }
            // The pieces stand for c, which passed the score rule, so they need only the split rule's share of its score.
            for (ObjectCandidate p : split) {
                if (chosen.size() < rules.maxObjects() && overlap(g, p, taken) <= rules.maxOverlap() * p.area()) {
                    take(scene, p, 0, taken, takenArea, chosen, rules, minPixels);
                }
            }
        }
        if (chosen.isEmpty()) {
            return new ObjectSet(List.of(), stop != null ? stop : "every candidate overlaps a better one", scene.input.superpixels());
        }
        if (stop == null) {
            stop = "no further candidate";
        }
        chosen.sort(Comparator.comparingDouble(ObjectCandidate::score).reversed());
        return new ObjectSet(objects(scene, chosen, rules), chosen.size() + " object(s); " + stop, scene.input.superpixels());
    }

    private static long overlap(RegionGraph g, ObjectCandidate c, boolean[] taken) {
        long shared = 0;
        for (int r : c.regions()) {
            shared += taken[r] ? g.size(r) : 0;
        }
        return shared;
    }

    /**
     * Adds {@code c} to {@code chosen}, less the pixels already taken (its largest remaining component, rescored, which
     * must still reach {@code need} and the minimum area); nothing when the objects would then cover the whole image.
     */
    private static void take(Scene scene, ObjectCandidate c, double need, boolean[] taken, long[] takenArea,
            List<ObjectCandidate> chosen, DiscoveryRules rules, long minPixels) {
        RegionGraph g = scene.graph;
        ObjectCandidate kept = c;
        if (overlap(g, c, taken) > 0) {
            int[] rest = RegionSets.largest(g, RegionSets.components(g, RegionSets.minus(c.regions(), taken)));
            if (rest.length == 0 || RegionSets.area(g, rest) < minPixels) {
                return;
            }
            kept = candidate(scene, rest, rules.objectness(), c.source());
            if (kept.score() < need) {
                return;
            }
        }
        if (takenArea[0] + kept.area() >= scene.imageArea) {
            return; // objects covering every pixel leave no background to stand out from
        }
        chosen.add(kept);
        takenArea[0] += kept.area();
        for (int r : kept.regions()) {
            taken[r] = true;
        }
    }

    /**
     * The split rule of {@link DiscoveryRules#splitScore(double)} over one pool: which candidates a candidate is (nearly)
     * the disjoint union of.
     *
     * <p>Thread safety: not thread-safe; one per selection.
     */
    static final class Pieces {
        /** A piece lies at least this share inside the candidate it splits. */
        static final double INSIDE = 0.9;
        /** A piece is at most this share of the candidate's area (a larger one is the candidate less a fringe). */
        static final double SMALLER = 0.9;
        /** Two pieces share at most this share of the later (lower-scored) one's area. */
        static final double DISJOINT = 0.1;
        private final RegionGraph g;
        private final List<ObjectCandidate> pool;
        private final double share;
        private final double cover;
        private final int regions;

        Pieces(Scene scene, List<ObjectCandidate> pool, DiscoveryRules rules) {
            this.g = scene.graph;
            this.pool = pool;
            this.share = rules.splitScore();
            this.cover = rules.splitCover();
            this.regions = scene.regions();
        }

        /**
         * Whether a region of {@code p} borders a region of an earlier piece that {@code p} does not hold: parts of one
         * object touch, separate objects merged into one candidate are joined by regions of neither (a salient bridge).
         */
        private boolean touches(ObjectCandidate p, boolean[] used) {
            boolean[] inP = RegionSets.membership(regions, p.regions());
            for (int r : p.regions()) {
                for (int k = g.neighbourStart(r); k < g.neighbourStart(r + 1); k++) {
                    int q = g.neighbour(k);
                    if (used[q] && !inP[q]) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * {@code c} itself, or the pieces that replace it, each split again in turn; pieces in descending score. The
         * pieces are taken greedily in descending score among the pool's candidates inside {@code c} that score at least
         * {@code share} times its score, skipping those that overlap pieces already taken.
         */
        List<ObjectCandidate> split(ObjectCandidate c) {
            boolean[] inC = RegionSets.membership(regions, c.regions());
            boolean[] used = new boolean[regions];
            List<ObjectCandidate> found = new ArrayList<>();
            long covered = 0;
            for (ObjectCandidate p : pool) {
                if (p == c || p.area() > SMALLER * c.area() || p.score() < share * c.score()) {
                    continue;
                }
                long inside = 0;
                long shared = 0;
                for (int r : p.regions()) {
                    inside += inC[r] ? g.size(r) : 0;
                    shared += used[r] ? g.size(r) : 0;
                }
                if (inside < INSIDE * p.area() || shared > DISJOINT * p.area() || touches(p, used)) {
                    continue;
                }
                found.add(p);
                for (int r : p.regions()) {
                    if (inC[r] && !used[r]) {
                        covered += g.size(r);
                    }
                    used[r] = true;
                }
            }
            if (found.size() < 2 || covered < cover * c.area()) {
                return List.of(c);
            }
            List<ObjectCandidate> out = new ArrayList<>();
            for (ObjectCandidate p : found) {
                out.addAll(split(p));
            }
            out.sort(Comparator.comparingDouble(ObjectCandidate::score).reversed());
            return out;
        }
    }

    /**
     * The disjoint candidates with the largest total margin {@code score - threshold}, over the containment forest of
     * the pool (a candidate's parent is the smallest larger one holding at least 90 % of it): each node is taken, or
     * replaced by the best sets of its children, whichever adds more; candidates in different branches that still
     * overlap are left to the overlap rule. Returned in descending score.
     */
    static List<ObjectCandidate> bestSet(Scene scene, List<ObjectCandidate> pool, double threshold) {
        RegionGraph g = scene.graph;
        List<ObjectCandidate> byArea = new ArrayList<>(pool);
        byArea.sort(Comparator.comparingLong(ObjectCandidate::area).reversed()
                .thenComparing(Comparator.comparingDouble(ObjectCandidate::score).reversed()));
        int k = byArea.size();
        boolean[][] member = new boolean[k][];
        for (int i = 0; i < k; i++) {
            member[i] = RegionSets.membership(scene.regions(), byArea.get(i).regions());
        }
        int[] parent = new int[k];
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            children.add(new ArrayList<>());
            parent[i] = -1;
            ObjectCandidate c = byArea.get(i);
            for (int j = i - 1; j >= 0; j--) {
                long inter = 0;
                for (int r : c.regions()) {
                    inter += member[j][r] ? g.size(r) : 0;
                }
                if (inter >= 0.9 * c.area()) {
                    parent[i] = j; // the latest larger one is the smallest (the list is by decreasing area)
                    break;
                }
            }
            if (parent[i] >= 0) {
                children.get(parent[i]).add(i);
            }
        }
        double[] value = new double[k];
        boolean[] self = new boolean[k];
        for (int i = k - 1; i >= 0; i--) {
            double margin = byArea.get(i).score() - threshold;
            double sum = 0;
            for (int c : children.get(i)) {
                sum += value[c];
            }
            self[i] = margin > 0 && margin >= sum;
            value[i] = Math.max(0, Math.max(margin, sum));
        }
        List<ObjectCandidate> out = new ArrayList<>();
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        for (int i = 0; i < k; i++) {
            if (parent[i] < 0) {
                stack.push(i);
            }
        }
        while (!stack.isEmpty()) {
            int i = stack.pop();
            if (value[i] <= 0) {
                continue;
            }
            if (self[i]) {
                out.add(byArea.get(i));
            } else {
                children.get(i).forEach(stack::push);
            }
        }
        out.sort(Comparator.comparingDouble(ObjectCandidate::score).reversed());
        return out;
    }

    private static String noObject(ObjectCandidate best, double need) {
        Cues c = best.cues();
        return String.format(Locale.ROOT, "no region stands out: best objectness %.2f below %.2f (saliency %.2f inside, %.2f"
                + " around it; colour contrast %.1f)", best.score(), need, c.saliency(), c.ringSaliency(), c.colourContrast());
    }

    private static List<DiscoveredObject> objects(Scene scene, List<ObjectCandidate> chosen, DiscoveryRules rules) {
        RegionGraph g = scene.graph;
        List<DiscoveredObject> out = new ArrayList<>();
        int nextPart = 1;
        for (int i = 0; i < chosen.size(); i++) {
            ObjectCandidate c = chosen.get(i);
            int id = i + 1;
            int[] regions = c.regions();
            int[] partOf = rules.parts().parts(scene.input, regions);
            int k = 0;
            for (int p : partOf) {
                k = Math.max(k, p + 1);
            }
            int[] counts = new int[k];
            for (int p : partOf) {
                counts[p]++;
            }
            int[][] members = new int[k][];
            for (int p = 0; p < k; p++) {
                members[p] = new int[counts[p]];
            }
            int[] fill = new int[k];
            for (int j = 0; j < regions.length; j++) {
                members[partOf[j]][fill[partOf[j]]++] = regions[j];
            }
            List<ObjectPart> parts = new ArrayList<>();
            for (int p = 0; p < k; p++) {
                parts.add(new ObjectPart(nextPart++, id, members[p], scene.outputArea(members[p]), scene.outputBox(members[p]),
                        scene.input.superpixels()));
            }
            out.add(new DiscoveredObject(id, c.score(), regions, scene.outputArea(regions), scene.outputBox(regions), c.cues(), c.source(), parts,
                    scene.input.superpixels()));
        }
        return out;
    }
}
