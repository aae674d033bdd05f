package org.supercuts.hierarchy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

import org.supercuts.graph.RegionGraph;

/**
 * Agglomerative merging of adjacent superpixels by boundary strength, in the spirit of the OWT-UCM of Arbeláez et al.
 * ("Contour Detection and Hierarchical Image Segmentation", TPAMI 2011): repeatedly join the two adjacent regions whose
 * common boundary is weakest, where a boundary's strength is the mean, over its pixel pairs, of multi-scale CIELAB
 * gradients ({@link BoundaryCues}), plus a region term (the CIELAB distance of the two regions' mean colours), optionally
 * plus the same two terms on extra per-pixel feature planes ({@link HierarchyInput#pixelFeatures()}, e.g. SSN's learned
 * embedding). Small regions are merged first: the dissimilarity of a pair whose smaller region covers less than
 * {@code smallRegion} of the image is scaled down by the square root of that share. The merge height is
 * {@code d / (d + heightScale)}, a fixed map of the dissimilarity into [0, 1), so that one threshold means the same contrast
 * in every image, and is kept non-decreasing.
 *
 * <p>Deviations from the paper: the contour signal is not the trained gPb but colour differences over baselines of 1, 5
 * and 9 pixels measured only across superpixel boundaries; the initial regions are superpixels, not the oriented watershed
 * of the contour map; a region term and a small-region prior are added, as in graph-based merging.
 *
 * <p>Thread safety: immutable; {@link #build} may be called concurrently.
 */
public final class ContourMerging implements HierarchyBuilder {
    static final int[] BLURS = {0, 1, 2};
    static final int[] OFFSETS = {0, 2, 4};

    private final double[] contourWeights;
    private final double regionWeight;
    private final double featureContourWeight;
    private final double featureRegionWeight;
    private final double smallRegion;
    private final double heightScale;

    private ContourMerging(double[] contourWeights, double regionWeight, double featureContourWeight, double featureRegionWeight,
            double smallRegion, double heightScale) {
        for (int i = 0; i < contourWeights.length; i++) {
            requireNonNegative(contourWeights[i], "contour weight " + i);
        }
        requireNonNegative(regionWeight, "regionWeight");
        requireNonNegative(featureContourWeight, "featureContourWeight");
        requireNonNegative(featureRegionWeight, "featureRegionWeight");
        if (!(smallRegion >= 0 && smallRegion < 1)) {
            throw new IllegalArgumentException("smallRegion must be in [0, 1), got " + smallRegion);
        }
        if (!(heightScale > 0 && Double.isFinite(heightScale))) {
            throw new IllegalArgumentException("heightScale must be > 0 and finite, got " + heightScale);
        }
        this.contourWeights = contourWeights.clone();
        this.regionWeight = regionWeight;
        this.featureContourWeight = featureContourWeight;
        this.featureRegionWeight = featureRegionWeight;
        this.smallRegion = smallRegion;
        this.heightScale = heightScale;
    }

    private static void requireNonNegative(double v, String name) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v);
        }
    }

    /** The measured defaults (see docs/hierarchy.md). */
    public static ContourMerging defaults() {
        return new ContourMerging(new double[] {0.5, 0.5, 0.5}, 0.5, 0, 0, 0.005, 10);
    }

    /** Weights of the CIELAB contour cue over baselines of 1, 5 and 9 pixels. */
    public ContourMerging contourWeights(double fine, double medium, double coarse) {
        return new ContourMerging(new double[] {fine, medium, coarse}, regionWeight, featureContourWeight, featureRegionWeight,
                smallRegion, heightScale);
    }

    /** Weight of the distance between the two regions' mean CIELAB colours. */
    public ContourMerging regionWeight(double w) {
        return new ContourMerging(contourWeights, w, featureContourWeight, featureRegionWeight, smallRegion, heightScale);
    }

    /** Weights of the contour and region terms on the input's extra pixel features (ignored when it has none). */
    public ContourMerging featureWeights(double contour, double region) {
        return new ContourMerging(contourWeights, regionWeight, contour, region, smallRegion, heightScale);
    }

    /** Share of the image area below which a region's dissimilarities are scaled down (0 = no small-region prior). */
    public ContourMerging smallRegion(double share) {
        return new ContourMerging(contourWeights, regionWeight, featureContourWeight, featureRegionWeight, share, heightScale);
    }

    /** The dissimilarity that maps to height 0.5. */
    public ContourMerging heightScale(double d) {
        return new ContourMerging(contourWeights, regionWeight, featureContourWeight, featureRegionWeight, smallRegion, d);
    }

    @Override
    public MergeTree build(HierarchyInput input) {
        RegionGraph g = input.graph();
        int n = g.regionCount();
        if (n < 2) {
            return MergeTree.trivial(n);
        }
        double[] boundary = BoundaryCues.boundarySums(input.lab(), input.superpixels(), g, BLURS, OFFSETS, contourWeights, 1);
        float[][] features = input.pixelFeatures();
        boolean useFeatures = features != null && features.length > 0 && (featureContourWeight > 0 || featureRegionWeight > 0);
        int dims = 3 + (useFeatures ? features.length : 0);
        double[] sums = new double[n * dims];
        int[] lbl = input.superpixels().backingArray();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 3; c++) {
                sums[r * dims + c] = g.meanLab(r, c) * g.size(r);
            }
        }
        if (useFeatures) {
            if (featureContourWeight > 0) {
                double[] f = BoundaryCues.boundarySums(features, input.superpixels(), g, new int[] {0, 1}, new int[] {0, 2},
                        new double[] {0.5, 0.5}, 1);
                for (int k = 0; k < boundary.length; k++) {
                    boundary[k] += featureContourWeight * f[k];
                }
            }
            for (int i = 0; i < lbl.length; i++) {
                int base = lbl[i] * dims + 3;
                for (int c = 0; c < features.length; c++) {
                    sums[base + c] += features[c][i];
                }
            }
        }
        return new Engine(g, boundary, sums, dims, useFeatures ? featureRegionWeight : 0).run();
    }

    /** One agglomeration: clusters are tree nodes; each keeps its size, feature sums and boundaries to its neighbours. */
    private final class Engine {
        private final int n;
        private final int dims;
        private final double featureRegion;
        private final double area;
        private final int[] size;
        private final double[] sums;
        private final boolean[] alive;
        private final Map<Integer, double[]>[] adjacency;

        @SuppressWarnings("unchecked")
        Engine(RegionGraph g, double[] boundary, double[] regionSums, int dims, double featureRegion) {
            this.n = g.regionCount();
            this.dims = dims;
            this.featureRegion = featureRegion;
            int nodes = 2 * n - 1;
            this.size = new int[nodes];
            this.sums = new double[nodes * dims];
            System.arraycopy(regionSums, 0, sums, 0, regionSums.length);
            this.alive = new boolean[nodes];
            this.adjacency = new Map[nodes];
            double total = 0;
            for (int r = 0; r < n; r++) {
                size[r] = g.size(r);
                total += size[r];
                alive[r] = true;
                Map<Integer, double[]> m = new HashMap<>();
                for (int k = g.neighbourStart(r); k < g.neighbourStart(r + 1); k++) {
                    m.put(g.neighbour(k), new double[] {boundary[k], g.boundaryLength(k)});
                }
                adjacency[r] = m;
            }
            this.area = total;
        }

        private double dissimilarity(int a, int b, double[] edge) {
            double d = edge[0] / edge[1];
            double colour = 0;
            for (int c = 0; c < 3; c++) {
                double diff = sums[a * dims + c] / size[a] - sums[b * dims + c] / size[b];
                colour += diff * diff;
            }
            d += regionWeight * Math.sqrt(colour);
            if (featureRegion > 0) {
                double f = 0;
                for (int c = 3; c < dims; c++) {
                    double diff = sums[a * dims + c] / size[a] - sums[b * dims + c] / size[b];
                    f += diff * diff;
                }
                d += featureRegion * Math.sqrt(f);
            }
            if (smallRegion > 0) {
                double share = Math.min(size[a], size[b]) / area;
                if (share < smallRegion) {
                    d *= Math.sqrt(share / smallRegion);
                }
            }
            return d;
        }

        MergeTree run() {
            PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]) != 0
                    ? Double.compare(x[0], y[0]) : Double.compare(x[1] * (2.0 * n) + x[2], y[1] * (2.0 * n) + y[2]));
            for (int a = 0; a < n; a++) {
                for (Map.Entry<Integer, double[]> e : adjacency[a].entrySet()) {
                    int b = e.getKey();
                    if (b > a) {
                        queue.add(new double[] {dissimilarity(a, b, e.getValue()), a, b});
                    }
                }
            }
            int[] left = new int[n - 1];
            int[] right = new int[n - 1];
            double[] heights = new double[n - 1];
            int merges = 0;
            double last = 0;
            while (!queue.isEmpty()) {
                double[] top = queue.poll();
                int a = (int) top[1];
                int b = (int) top[2];
                // Clusters never change once made (a merge makes a new one), so a pair of live clusters is current.
                if (!alive[a] || !alive[b]) {
                    continue;
                }
                int c = n + merges;
                double h = Math.max(last, top[0] / (top[0] + heightScale));
                left[merges] = a;
                right[merges] = b;
                heights[merges] = h;
                last = h;
                merges++;
                merge(a, b, c);
                for (Map.Entry<Integer, double[]> e : adjacency[c].entrySet()) {
                    int x = e.getKey();
                    queue.add(new double[] {dissimilarity(c, x, e.getValue()), Math.min(c, x), Math.max(c, x)});
                }
            }
            return MergeTree.of(n, java.util.Arrays.copyOf(left, merges), java.util.Arrays.copyOf(right, merges),
                    java.util.Arrays.copyOf(heights, merges));
        }

        private void merge(int a, int b, int c) {
            alive[a] = false;
            alive[b] = false;
            alive[c] = true;
            size[c] = size[a] + size[b];
            for (int k = 0; k < dims; k++) {
                sums[c * dims + k] = sums[a * dims + k] + sums[b * dims + k];
            }
            // Small into large: the larger map becomes the new cluster's.
            Map<Integer, double[]> big = adjacency[a].size() >= adjacency[b].size() ? adjacency[a] : adjacency[b];
            Map<Integer, double[]> small = big == adjacency[a] ? adjacency[b] : adjacency[a];
            int bigId = big == adjacency[a] ? a : b;
            int smallId = bigId == a ? b : a;
            big.remove(smallId);
            small.remove(bigId);
            for (Map.Entry<Integer, double[]> e : small.entrySet()) {
                double[] v = big.get(e.getKey());
                if (v == null) {
                    big.put(e.getKey(), e.getValue());
                } else {
                    v[0] += e.getValue()[0];
                    v[1] += e.getValue()[1];
                }
            }
            adjacency[c] = big;
            adjacency[a] = null;
            adjacency[b] = null;
            // Neighbours now point at c instead of a and b.
            for (Map.Entry<Integer, double[]> e : big.entrySet()) {
                Map<Integer, double[]> m = adjacency[e.getKey()];
                m.remove(a);
                m.remove(b);
                m.put(c, e.getValue());
            }
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "contour-merging(contour=%s/%s/%s,region=%s,features=%s/%s,small=%s,scale=%s)",
                num(contourWeights[0]), num(contourWeights[1]), num(contourWeights[2]), num(regionWeight),
                num(featureContourWeight), num(featureRegionWeight), num(smallRegion), num(heightScale));
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return describe();
    }
}
