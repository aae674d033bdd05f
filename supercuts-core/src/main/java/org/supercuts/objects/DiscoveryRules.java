package org.supercuts.objects;

import java.util.Locale;
import java.util.Objects;

/**
 * The rules every {@link ObjectDiscovery} applies to its scored candidates: candidates are taken in descending
 * objectness, each must cover at least {@code minArea} of the image, score at least {@code minScore} (the first object)
 * or {@code minExtraScore} (every further one), and may share at most {@code maxOverlap} of its pixels with objects
 * already taken (the shared part is then cut off, so objects never overlap); at most {@code maxObjects} are kept. A
 * candidate about to be taken that is nearly the disjoint union of other, separate candidates gives way to them when each
 * scores at least {@code splitScore} times its score ({@link #splitScore(double)}; off by default: on ECSSD it finds more
 * second objects, on PASCAL-S-dev none, at some single-object precision, docs/objects.md). Each kept object is split into
 * parts by {@code parts}.
 *
 * <p>Thread safety: immutable.
 */
public final class DiscoveryRules {
    /**
     * Images with fewer pixels (32 x 32) have no object: a 1 % object there is a handful of pixels inside one or two
     * superpixels, and no cue can tell it from noise.
     */
    public static final int MIN_IMAGE_PIXELS = 32 * 32;
    private final int maxObjects;
    private final double minArea;
    private final double minScore;
    private final double minExtraScore;
    private final double maxOverlap;
    private final Objectness objectness;
    private final PartDecomposition parts;
    private final boolean bestSet;
    private final double splitScore;
    private final double splitCover;

    private DiscoveryRules(int maxObjects, double minArea, double minScore, double minExtraScore, double maxOverlap,
            Objectness objectness, PartDecomposition parts, boolean bestSet, double splitScore, double splitCover) {
        if (maxObjects < 1) {
            throw new IllegalArgumentException("maxObjects must be >= 1, got " + maxObjects);
        }
        if (!(minArea >= 0 && minArea < 1)) {
            throw new IllegalArgumentException("minArea is a share of the image and must be in [0, 1), got " + minArea);
        }
        checkShare("minScore", minScore);
        checkShare("minExtraScore", minExtraScore);
        checkShare("maxOverlap", maxOverlap);
        checkShare("splitScore", splitScore);
        if (!(splitCover > 0 && splitCover <= 1)) {
            throw new IllegalArgumentException("splitCover is a share of the candidate and must be in (0, 1], got " + splitCover);
        }
        this.maxObjects = maxObjects;
        this.minArea = minArea;
        this.minScore = minScore;
        this.minExtraScore = minExtraScore;
        this.maxOverlap = maxOverlap;
        this.objectness = Objects.requireNonNull(objectness, "objectness");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.bestSet = bestSet;
        this.splitScore = splitScore;
        this.splitCover = splitCover;
    }

    private static void checkShare(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
    }

    /** The defaults (docs/objects.md says how they were chosen). */
    public static DiscoveryRules defaults() {
        return new DiscoveryRules(8, 0.01, 0.3, 0.5, 0.5, Objectness.defaults(), SubgraphParts.defaults(), false, 0, 0.5);
    }

    /** The most objects per image, at least 1. */
    public DiscoveryRules maxObjects(int n) {
        return new DiscoveryRules(n, minArea, minScore, minExtraScore, maxOverlap, objectness, parts, bestSet,
                splitScore, splitCover);
    }

    /** The smallest object, as a share of the image, in [0, 1). */
    public DiscoveryRules minArea(double share) {
        return new DiscoveryRules(maxObjects, share, minScore, minExtraScore, maxOverlap, objectness, parts, bestSet,
                splitScore, splitCover);
    }

    /** The objectness the first object needs; below it the image has no object. */
    public DiscoveryRules minScore(double score) {
        return new DiscoveryRules(maxObjects, minArea, score, minExtraScore, maxOverlap, objectness, parts, bestSet,
                splitScore, splitCover);
    }

    /** The objectness every object after the first needs. */
    public DiscoveryRules minExtraScore(double score) {
        return new DiscoveryRules(maxObjects, minArea, minScore, score, maxOverlap, objectness, parts, bestSet,
                splitScore, splitCover);
    }

    /** The largest share of a candidate's pixels that may already belong to taken objects. */
    public DiscoveryRules maxOverlap(double share) {
        return new DiscoveryRules(maxObjects, minArea, minScore, minExtraScore, share, objectness, parts, bestSet,
                splitScore, splitCover);
    }

    /** The score candidates are ranked and thresholded by. */
    public DiscoveryRules objectness(Objectness o) {
        return new DiscoveryRules(maxObjects, minArea, minScore, minExtraScore, maxOverlap, o, parts, bestSet,
                splitScore, splitCover);
    }

    /** How each selected object is split into parts. */
    public DiscoveryRules parts(PartDecomposition p) {
        return new DiscoveryRules(maxObjects, minArea, minScore, minExtraScore, maxOverlap, objectness, p, bestSet,
                splitScore, splitCover);
    }

    /**
     * Whether the objects are the disjoint candidates with the largest total {@code score - minExtraScore} (a candidate
     * against the best sets of the candidates it contains), instead of taking candidates greedily by score; with it a
     * component holding two objects gives way to its two pieces when they are both likely objects.
     */
    public DiscoveryRules bestSet(boolean b) {
        return new DiscoveryRules(maxObjects, minArea, minScore, minExtraScore, maxOverlap, objectness, parts, b,
                splitScore, splitCover);
    }

    /**
     * The split rule: a candidate about to be taken is replaced by two or more candidates inside it (each at least 90 %
     * inside it and at most 90 % of its area, overlapping each other by at most 10 % and not touching each other) that together cover at least
     * {@link #splitCover(double)} of it, when each of them scores at least {@code share} times the candidate's score;
     * pieces are split again by the same rule. 0 (the default) turns the rule off; 0.4, with the default cover 0.5, is
     * the setting chosen on ECSSD's odd half and measured in docs/objects.md.
     */
    public DiscoveryRules splitScore(double share) {
        return new DiscoveryRules(maxObjects, minArea, minScore, minExtraScore, maxOverlap, objectness, parts, bestSet, share,
                splitCover);
    }

    /** The share of a candidate its pieces must cover together for the split rule ({@link #splitScore(double)}), in (0, 1]. */
    public DiscoveryRules splitCover(double share) {
        return new DiscoveryRules(maxObjects, minArea, minScore, minExtraScore, maxOverlap, objectness, parts, bestSet,
                splitScore, share);
    }

    /** The share of a candidate's score each of its pieces needs to replace it; 0 when the split rule is off. */
    public double splitScore() {
        return splitScore;
    }

    /** The share of a candidate its pieces must cover together to replace it. */
    public double splitCover() {
        return splitCover;
    }

    /** Whether the best disjoint set is taken instead of greedy selection (see {@link #bestSet(boolean)}). */
    public boolean bestSet() {
        return bestSet;
    }

    /** The most objects per image. */
    public int maxObjects() {
        return maxObjects;
    }

    /** The smallest object as a share of the image. */
    public double minArea() {
        return minArea;
    }

    /** The objectness the first object needs. */
    public double minScore() {
        return minScore;
    }

    /** The objectness each further object needs. */
    public double minExtraScore() {
        return minExtraScore;
    }

    /** The largest share of a candidate that may overlap objects already taken. */
    public double maxOverlap() {
        return maxOverlap;
    }

    /** The candidates' score. */
    public Objectness objectness() {
        return objectness;
    }

    /** The part decomposition of each object. */
    public PartDecomposition parts() {
        return parts;
    }

    /** The rules in one line, for provenance and reports. */
    public String describe() {
        return String.format(Locale.ROOT, "maxObjects=%d,minArea=%s,minScore=%s,minExtraScore=%s,maxOverlap=%s,%s,%s,%s,%s",
                maxObjects, minArea, minScore, minExtraScore, maxOverlap, bestSet ? "best-set" : "greedy",
                splitScore > 0 ? "split=" + splitScore + "/" + splitCover : "no-split", objectness.describe(),
                parts.describe());
    }

    @Override
    public String toString() {
        return describe();
    }
}
