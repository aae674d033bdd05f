package org.supercuts.hierarchy;

import java.util.Arrays;
import java.util.Objects;

/**
 * A hierarchy of partitions of n regions (superpixels) as a binary merge tree with non-decreasing merge heights: an
 * ultrametric over the regions. Tree nodes {@code 0..n-1} are the regions; merge {@code i} creates node {@code n + i}
 * from two earlier nodes at height {@code height(i)}. Applying the first {@code s} merges gives a partition into
 * {@code n - s} segments; cutting at a threshold {@code t} applies every merge whose height is {@code <= t}. All cuts are
 * nested: each coarser segment is a union of finer ones. A forest (fewer than n - 1 merges) is allowed; its roots are never
 * merged.
 *
 * <p>Out-of-range scales never fail: a segment count or threshold beyond the tree's range is clamped to the finest or the
 * coarsest partition, and the returned {@link Cut} says so.
 *
 * <p>Restriction: {@link #restrictTo(int[])} gives the tree induced on any subset of the regions (e.g. one object's
 * superpixels): the same ultrametric between the regions of the subset, so cutting the restricted tree by count or threshold
 * decomposes the subset consistently with the whole hierarchy.
 *
 * <p>Thread safety: immutable.
 */
public final class MergeTree {
    private final int regions;
    private final int[] left;
    private final int[] right;
    private final double[] heights;

    private MergeTree(int regions, int[] left, int[] right, double[] heights) {
        this.regions = regions;
        this.left = left;
        this.right = right;
        this.heights = heights;
    }

    /**
     * Wraps a merge sequence (copied).
     *
     * @param regions number of leaves, at least 1
     * @param left    first child of each merge: a node id smaller than {@code regions + i} not used by an earlier merge
     * @param right   second child, likewise
     * @param heights merge heights, finite and non-decreasing
     * @throws IllegalArgumentException naming the merge and the rule it breaks
     */
    public static MergeTree of(int regions, int[] left, int[] right, double[] heights) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(heights, "heights");
        if (regions < 1) {
            throw new IllegalArgumentException("regions must be >= 1, got " + regions);
        }
        int m = heights.length;
        if (left.length != m || right.length != m) {
            throw new IllegalArgumentException("left, right and heights must have the same length, got " + left.length + ", "
                    + right.length + ", " + m);
        }
        if (m > regions - 1) {
            throw new IllegalArgumentException(m + " merges for " + regions + " regions; at most regions - 1 are possible");
        }
        boolean[] used = new boolean[regions + m];
        for (int i = 0; i < m; i++) {
            int a = left[i];
            int b = right[i];
            int limit = regions + i;
            if (a < 0 || a >= limit || b < 0 || b >= limit || a == b) {
                throw new IllegalArgumentException("merge " + i + " joins nodes " + a + " and " + b + "; children must be two"
                        + " different nodes in [0, " + limit + ")");
            }
            if (used[a] || used[b]) {
                throw new IllegalArgumentException("merge " + i + " reuses node " + (used[a] ? a : b)
                        + ", which an earlier merge already joined");
            }
            used[a] = true;
            used[b] = true;
            if (!Double.isFinite(heights[i])) {
                throw new IllegalArgumentException("merge " + i + " has height " + heights[i] + "; heights must be finite");
            }
            if (i > 0 && heights[i] < heights[i - 1]) {
                throw new IllegalArgumentException("merge " + i + " has height " + heights[i] + " below the previous merge's "
                        + heights[i - 1] + "; heights must be non-decreasing");
            }
        }
        return new MergeTree(regions, left.clone(), right.clone(), heights.clone());
    }

    /** The tree of {@code regions} regions with no merge (every cut is the finest partition). */
    public static MergeTree trivial(int regions) {
        return of(regions, new int[0], new int[0], new double[0]);
    }

    /** Number of leaves (regions). */
    public int regionCount() {
        return regions;
    }

    /** Number of merges. */
    public int mergeCount() {
        return heights.length;
    }

    /** Height of merge {@code i} (0-based, in merge order). */
    public double height(int i) {
        return heights[i];
    }

    /** First child node of merge {@code i}. */
    public int left(int i) {
        return left[i];
    }

    /** Second child node of merge {@code i}. */
    public int right(int i) {
        return right[i];
    }

    /** Segments of the finest partition ({@code regionCount()}). */
    public int maxSegments() {
        return regions;
    }

    /** Segments of the coarsest partition (1 for a tree, the number of roots for a forest). */
    public int minSegments() {
        return regions - heights.length;
    }

    /** The lowest merge height, or 0 when there is no merge. */
    public double minHeight() {
        return heights.length == 0 ? 0 : heights[0];
    }

    /** The highest merge height, or 0 when there is no merge. */
    public double maxHeight() {
        return heights.length == 0 ? 0 : heights[heights.length - 1];
    }

    /**
     * The partition after the first {@code s} merges: {@code result[r]} is region r's segment, segments numbered
     * {@code 0..n-s-1} in order of their smallest region.
     *
     * @throws IllegalArgumentException if {@code s} is outside {@code [0, mergeCount()]}
     */
    public int[] labelsAfterMerges(int s) {
        if (s < 0 || s > heights.length) {
            throw new IllegalArgumentException("merges must be in [0, " + heights.length + "], got " + s);
        }
        int[] parent = new int[regions + s];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < s; i++) {
            parent[left[i]] = regions + i;
            parent[right[i]] = regions + i;
        }
        // Parents have larger ids than children, so resolving roots from the top down is one pass.
        int[] root = new int[regions + s];
        for (int v = regions + s - 1; v >= 0; v--) {
            root[v] = parent[v] == v ? v : root[parent[v]];
        }
        int[] label = new int[regions + s];
        Arrays.fill(label, -1);
        int[] out = new int[regions];
        int next = 0;
        for (int r = 0; r < regions; r++) {
            int top = root[r];
            if (label[top] < 0) {
                label[top] = next++;
            }
            out[r] = label[top];
        }
        return out;
    }

    /**
     * The coarsest partition with at least {@code k} segments: {@code n - k} merges applied. A count below
     * {@link #minSegments()} gives the coarsest partition, above {@link #maxSegments()} the finest, and the cut says it was
     * clamped.
     */
    public Cut cutWithSegments(int k) {
        int clampedK = Math.max(minSegments(), Math.min(maxSegments(), k));
        int s = regions - clampedK;
        String note = "";
        if (k != clampedK) {
            note = "segments " + k + " is outside [" + minSegments() + ", " + maxSegments() + "]; clamped to "
                    + (k < clampedK ? "the coarsest" : "the finest") + " partition (" + clampedK + " segments)";
        }
        return new Cut(labelsAfterMerges(s), clampedK, thresholdOf(s), k != clampedK, note);
    }

    /**
     * The partition at threshold {@code t}: every merge of height {@code <= t} applied. A threshold below 0 or above
     * {@code maxThreshold} (the top of the scale, e.g. 1 for heights in [0, 1]) is clamped to that range, and the cut says
     * so.
     *
     * @throws IllegalArgumentException if {@code t} is NaN
     */
    public Cut cutAtThreshold(double t, double maxThreshold) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("threshold must be a number, got NaN");
        }
        double top = Math.max(maxThreshold, maxHeight());
        double c = Math.max(0, Math.min(top, t));
        int s = mergesUpTo(c);
        String note = "";
        if (c != t) {
            note = "threshold " + t + " is outside [0, " + top + "]; clamped to " + c + " ("
                    + (t < c ? "the finest" : "the coarsest") + " partition, " + (regions - s) + " segments)";
        }
        return new Cut(labelsAfterMerges(s), regions - s, c, c != t, note);
    }

    /** Number of merges of height {@code <= t}. */
    public int mergesUpTo(double t) {
        int lo = 0;
        int hi = heights.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (heights[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The threshold that selects the first {@code s} merges: the height of merge s-1 (0 for s = 0). */
    private double thresholdOf(int s) {
        return s == 0 ? 0 : heights[s - 1];
    }

    /**
     * The tree induced on a subset of the regions: leaf {@code j} of the result is region {@code subset[j]}, and two subset
     * regions join at the height at which they join here, so every cut of the result is this tree's cut intersected with
     * the subset.
     *
     * @param subset distinct region ids, in any order
     * @throws IllegalArgumentException for an empty subset, an id out of range or a repeated id
     */
    public MergeTree restrictTo(int[] subset) {
        Objects.requireNonNull(subset, "subset");
        if (subset.length == 0) {
            throw new IllegalArgumentException("subset must hold at least one region");
        }
        int m = heights.length;
        int[] map = new int[regions + m];
        Arrays.fill(map, -1);
        for (int j = 0; j < subset.length; j++) {
            int r = subset[j];
            if (r < 0 || r >= regions) {
                throw new IllegalArgumentException("subset[" + j + "] = " + r + " is not a region in [0, " + regions + ")");
            }
            if (map[r] >= 0) {
                throw new IllegalArgumentException("subset repeats region " + r);
            }
            map[r] = j;
        }
        int k = subset.length;
        int[] nl = new int[Math.max(0, k - 1)];
        int[] nr = new int[nl.length];
        double[] nh = new double[nl.length];
        int merges = 0;
        for (int i = 0; i < m; i++) {
            int a = map[left[i]];
            int b = map[right[i]];
            if (a >= 0 && b >= 0) {
                nl[merges] = a;
                nr[merges] = b;
                nh[merges] = heights[i];
                map[regions + i] = k + merges;
                merges++;
            } else {
                map[regions + i] = a >= 0 ? a : b;
            }
        }
        return new MergeTree(k, Arrays.copyOf(nl, merges), Arrays.copyOf(nr, merges), Arrays.copyOf(nh, merges));
    }

    /**
     * The ultrametric distance of each pair {@code (a[e], b[e])}: the height of the merge that first joins them, or
     * {@code +infinity} when they are never joined (a forest).
     */
    public double[] distances(int[] a, int[] b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.length != b.length) {
            throw new IllegalArgumentException("a and b must have the same length, got " + a.length + " and " + b.length);
        }
        int m = heights.length;
        // Depth-free lowest common ancestor: walk both up by id order (parents have larger ids than children).
        int[] parent = new int[regions + m];
        Arrays.fill(parent, -1);
        for (int i = 0; i < m; i++) {
            parent[left[i]] = regions + i;
            parent[right[i]] = regions + i;
        }
        double[] out = new double[a.length];
        for (int e = 0; e < a.length; e++) {
            int u = a[e];
            int v = b[e];
            if (u < 0 || u >= regions || v < 0 || v >= regions) {
                throw new IllegalArgumentException("pair " + e + " = (" + u + ", " + v + ") is not a pair of regions in [0, "
                        + regions + ")");
            }
            while (u != v && u >= 0 && v >= 0) {
                if (u < v) {
                    u = parent[u];
                } else {
                    v = parent[v];
                }
            }
            out[e] = u == v && u >= 0 ? (u < regions ? 0 : heights[u - regions]) : Double.POSITIVE_INFINITY;
        }
        return out;
    }

    /** The same tree with every height mapped through {@code f}, which must be non-decreasing. */
    public MergeTree withHeights(java.util.function.DoubleUnaryOperator f) {
        double[] h = new double[heights.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = f.applyAsDouble(heights[i]);
        }
        return of(regions, left, right, h);
    }

    @Override
    public String toString() {
        return "MergeTree[" + regions + " regions, " + heights.length + " merges, heights " + minHeight() + ".." + maxHeight() + "]";
    }
}
