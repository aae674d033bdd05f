package org.supercuts.hierarchy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

import org.supercuts.graph.RegionGraph;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.linalg.SparseAffinity;
import org.supercuts.spectral.SpectralEmbedding;

/**
 * Agglomerative merging of adjacent superpixels by boundary strength, in the spirit of the OWT-UCM of Arbeláez et al.
 * ("Contour Detection and Hierarchical Image Segmentation", TPAMI 2011): repeatedly join the two adjacent regions whose
 * common boundary is weakest, where a boundary's strength is the mean, over its pixel pairs, of multi-scale CIELAB
 * gradients ({@link BoundaryCues}), plus region terms (the CIELAB distance of the two regions' mean colours and the
 * chi-squared distance of their colour histograms), optionally
 * plus the same two terms on extra per-pixel feature planes ({@link HierarchyInput#pixelFeatures()}, e.g. SSN's learned
 * embedding) and on texture planes of the lightness ({@link #texture}: oriented gradient energies and local contrast, the
 * region texture term is on by default). Small regions are merged first, and a region first with the neighbour that
 * surrounds most of it ({@link #perimeterWeight}): the dissimilarity of a pair whose smaller region covers less than
 * {@code smallRegion} of the image is scaled down by the square root of that share. The merge height is
 * {@code d / (d + heightScale)}, a fixed map of the dissimilarity into [0, 1), so that one threshold means the same contrast
 * in every image, and is kept non-decreasing.
 *
 * <p>Deviations from the paper: the contour signal is not the trained gPb but colour differences over baselines of 1 to
 * 17 pixels measured only across superpixel boundaries; the initial regions are superpixels, not the oriented watershed
 * of the contour map; a region term, a small-region prior and a shared-boundary prior are added, as in graph-based merging;
 * texture enters as distances of region means of four texture planes rather than as Pb's texton-histogram gradients.
 *
 * <p>Thread safety: immutable; {@link #build} may be called concurrently.
 */
public final class ContourMerging implements HierarchyBuilder {
    static final int[] BLURS = {0, 1, 2, 4};
    static final int[] OFFSETS = {0, 2, 4, 8};
    /** Histogram bins per CIELAB axis (L* over [0, 100], a* and b* over [-80, 80]). */
    static final int BINS = 6;

    private final double[] contourWeights;
    private final double regionWeight;
    private final double featureContourWeight;
    private final double featureRegionWeight;
    private final double smallRegion;
    private final double heightScale;
    private final double histogramWeight;
    private final double spectralWeight;
    private final int spectralVectors;
    private final double normalisation;
    private final double textureContourWeight;
    private final double textureRegionWeight;
    private final double perimeterWeight;

    private ContourMerging(double[] contourWeights, double regionWeight, double featureContourWeight, double featureRegionWeight,
            double smallRegion, double heightScale, double histogramWeight, double spectralWeight, int spectralVectors,
            double normalisation, double textureContourWeight, double textureRegionWeight, double perimeterWeight) {
        requireNonNegative(histogramWeight, "histogramWeight");
        requireNonNegative(textureContourWeight, "textureContourWeight");
        requireNonNegative(textureRegionWeight, "textureRegionWeight");
        if (!(perimeterWeight >= 0 && perimeterWeight <= 1)) {
            throw new IllegalArgumentException("perimeterWeight must be in [0, 1], got " + perimeterWeight);
        }
        this.textureContourWeight = textureContourWeight;
        this.textureRegionWeight = textureRegionWeight;
        this.perimeterWeight = perimeterWeight;
        requireNonNegative(spectralWeight, "spectralWeight");
        if (spectralVectors < 1) {
            throw new IllegalArgumentException("spectralVectors must be >= 1, got " + spectralVectors);
        }
        if (!(normalisation >= 0 && normalisation <= 1)) {
            throw new IllegalArgumentException("normalisation must be in [0, 1], got " + normalisation);
        }
        this.histogramWeight = histogramWeight;
        this.spectralWeight = spectralWeight;
        this.spectralVectors = spectralVectors;
        this.normalisation = normalisation;
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

    /**
     * The measured defaults (docs/hierarchy.md, chosen on all 300 BSDS500 train + val images; the texture and perimeter
     * terms on 2026-12-02): contour weights 0.2 / 0 / 1 / 0.5 (the baselines of 9 and 17 pixels carry most of it), region
     * weight 0.5, texture region weight 2 (no texture contour term), perimeter prior 0.25, no histogram or spectral term,
     * contrast normalisation 0.5, small-region prior below 4% of the image, height scale 10.
     */
    public static ContourMerging defaults() {
        return new ContourMerging(new double[] {0.2, 0, 1, 0.5}, 0.5, 0, 0, 0.04, 10, 0, 0, 8, 0.5, 0, 2, 0.25);
    }

    /**
     * Weights of the CIELAB contour cue at four scales: the two pixels of each pair (baseline 1), and the means of boxes of
     * radius 1, 2 and 4 centred 2, 4 and 8 pixels beyond them (baselines 5, 9 and 17).
     */
    public ContourMerging contourWeights(double fine, double medium, double coarse, double wide) {
        return new ContourMerging(new double[] {fine, medium, coarse, wide}, regionWeight, featureContourWeight,
                featureRegionWeight, smallRegion, heightScale, histogramWeight, spectralWeight, spectralVectors, normalisation,
                textureContourWeight, textureRegionWeight, perimeterWeight);
    }

    /**
     * Weight of the chi-squared distance between the two regions' CIELAB histograms ({@value #BINS} bins per axis), a
     * texture-aware region term; the distance is in [0, 1] and multiplied by 100 before weighting, to be on the scale of
     * CIELAB differences.
     */
    public ContourMerging histogramWeight(double w) {
        return new ContourMerging(contourWeights, regionWeight, featureContourWeight, featureRegionWeight, smallRegion,
                heightScale, w, spectralWeight, spectralVectors, normalisation,
                textureContourWeight, textureRegionWeight, perimeterWeight);
    }

    /**
     * A global term in the spirit of gPb's spectral Pb (Maire et al., CVPR 2008): the {@code vectors} smallest
     * generalized eigenvectors of the superpixel graph with affinities {@code exp(-d / median d)} of the local
     * dissimilarities d; each boundary adds {@code weight} times the eigenvector differences across it (each divided by the
     * square root of its eigenvalue), scaled to the median local dissimilarity.
     */
    public ContourMerging spectral(double weight, int vectors) {
        return new ContourMerging(contourWeights, regionWeight, featureContourWeight, featureRegionWeight, smallRegion,
                heightScale, histogramWeight, weight, vectors, normalisation,
                textureContourWeight, textureRegionWeight, perimeterWeight);
    }

    /**
     * Contrast normalisation: dissimilarities are multiplied by {@code (10 / m)^g}, m the image's median dissimilarity of
     * adjacent superpixels (at least 1), so a low-contrast image is cut at a lower absolute contrast (g = 0: off, 1: full).
     */
    public ContourMerging normalisation(double g) {
        return new ContourMerging(contourWeights, regionWeight, featureContourWeight, featureRegionWeight, smallRegion,
                heightScale, histogramWeight, spectralWeight, spectralVectors, g,
                textureContourWeight, textureRegionWeight, perimeterWeight);
    }

    /** Weight of the distance between the two regions' mean CIELAB colours. */
    public ContourMerging regionWeight(double w) {
        return new ContourMerging(contourWeights, w, featureContourWeight, featureRegionWeight, smallRegion, heightScale,
                histogramWeight, spectralWeight, spectralVectors, normalisation,
                textureContourWeight, textureRegionWeight, perimeterWeight);
    }

    /** Weights of the contour and region terms on the input's extra pixel features (ignored when it has none). */
    public ContourMerging featureWeights(double contour, double region) {
        return new ContourMerging(contourWeights, regionWeight, contour, region, smallRegion, heightScale, histogramWeight,
                spectralWeight, spectralVectors, normalisation, textureContourWeight, textureRegionWeight, perimeterWeight);
    }

    /**
     * Weights of the texture cue ({@link TexturePlanes}: oriented gradient energies and the local contrast of L* at two
     * scales): {@code contour} weighs the difference of the planes' box means across each shared boundary, at the
     * baselines of 9 and 17 pixels of the colour cue (weights 1 and 0.5), {@code region} the distance of the two regions'
     * mean planes. 0 and 0: off.
     */
    public ContourMerging texture(double contour, double region) {
        return new ContourMerging(contourWeights, regionWeight, featureContourWeight, featureRegionWeight, smallRegion,
                heightScale, histogramWeight, spectralWeight, spectralVectors, normalisation, contour, region, perimeterWeight);
    }

    /**
     * A boundary-length prior in [0, 1]: the dissimilarity of two regions is multiplied by {@code 1 + p (1 - s / P)}, s
     * their shared boundary length and P the smaller of their perimeters (inside the image), so a region merges first with
     * the neighbour that surrounds it most. 0: off.
     */
    public ContourMerging perimeterWeight(double p) {
        return new ContourMerging(contourWeights, regionWeight, featureContourWeight, featureRegionWeight, smallRegion,
                heightScale, histogramWeight, spectralWeight, spectralVectors, normalisation, textureContourWeight,
                textureRegionWeight, p);
    }

    /** Share of the image area below which a region's dissimilarities are scaled down (0 = no small-region prior). */
    public ContourMerging smallRegion(double share) {
        return new ContourMerging(contourWeights, regionWeight, featureContourWeight, featureRegionWeight, share, heightScale,
                histogramWeight, spectralWeight, spectralVectors, normalisation,
                textureContourWeight, textureRegionWeight, perimeterWeight);
    }

    /** The dissimilarity that maps to height 0.5. */
    public ContourMerging heightScale(double d) {
        return new ContourMerging(contourWeights, regionWeight, featureContourWeight, featureRegionWeight, smallRegion, d,
                histogramWeight, spectralWeight, spectralVectors, normalisation,
                textureContourWeight, textureRegionWeight, perimeterWeight);
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
        int featureDims = useFeatures ? features.length : 0;
        float[][] texture = textureContourWeight > 0 || textureRegionWeight > 0
                ? TexturePlanes.of(input.lab()[0], input.superpixels().width(), input.superpixels().height()) : null;
        int textureDims = texture != null && textureRegionWeight > 0 ? texture.length : 0;
        int dims = 3 + featureDims + textureDims;
        double[] sums = new double[n * dims];
        int[] lbl = input.superpixels().backingArray();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 3; c++) {
                sums[r * dims + c] = g.meanLab(r, c) * g.size(r);
            }
        }
        if (useFeatures && featureContourWeight > 0) {
            addBoundaries(boundary, BoundaryCues.boundarySums(features, input.superpixels(), g, new int[] {0, 1},
                    new int[] {0, 2}, new double[] {0.5, 0.5}, 1), featureContourWeight);
        }
        if (texture != null && textureContourWeight > 0) {
            addBoundaries(boundary, BoundaryCues.boundarySums(texture, input.superpixels(), g, new int[] {2, 4},
                    new int[] {4, 8}, new double[] {1, 0.5}, 1), textureContourWeight);
        }
        addPlaneSums(sums, dims, 3, lbl, featureDims > 0 ? features : null);
        addPlaneSums(sums, dims, 3 + featureDims, lbl, textureDims > 0 ? texture : null);
        double[] histograms = histogramWeight > 0 ? histograms(input.lab(), lbl, n) : null;
        return new Engine(g, boundary, sums, dims, featureDims, useFeatures ? featureRegionWeight : 0, histograms).run();
    }

    private static void addBoundaries(double[] boundary, double[] extra, double weight) {
        for (int k = 0; k < boundary.length; k++) {
            boundary[k] += weight * extra[k];
        }
    }

    /** Adds each region's sums of {@code planes} (none when null) at columns {@code first...} of its row of sums. */
    private static void addPlaneSums(double[] sums, int dims, int first, int[] lbl, float[][] planes) {
        if (planes == null) {
            return;
        }
        for (int i = 0; i < lbl.length; i++) {
            int base = lbl[i] * dims + first;
            for (int c = 0; c < planes.length; c++) {
                sums[base + c] += planes[c][i];
            }
        }
    }

    /** Per region, the counts of its pixels in each CIELAB bin. */
    private static double[] histograms(float[][] lab, int[] lbl, int n) {
        int bins = BINS * BINS * BINS;
        double[] h = new double[n * bins];
        float[] l = lab[0];
        float[] a = lab[1];
        float[] b = lab[2];
        for (int i = 0; i < lbl.length; i++) {
            int bl = bin(l[i] / 100.0);
            int ba = bin((a[i] + 80) / 160.0);
            int bb = bin((b[i] + 80) / 160.0);
            h[lbl[i] * bins + (bl * BINS + ba) * BINS + bb]++;
        }
        return h;
    }

    private static int bin(double unit) {
        int k = (int) (unit * BINS);
        return k < 0 ? 0 : k >= BINS ? BINS - 1 : k;
    }

    /** One agglomeration: clusters are tree nodes; each keeps its size, feature sums and boundaries to its neighbours. */
    private final class Engine {
        private final int n;
        private final int dims;
        private final int featureDims;
        private final double featureRegion;
        private final double[] perimeter;
        private final double area;
        private final int[] size;
        private final double[] sums;
        private final boolean[] alive;
        private final Map<Integer, double[]>[] adjacency;
        private final double[] hist;
        private final int bins = BINS * BINS * BINS;

        @SuppressWarnings("unchecked")
        Engine(RegionGraph g, double[] boundary, double[] regionSums, int dims, int featureDims, double featureRegion,
                double[] histograms) {
            this.n = g.regionCount();
            this.dims = dims;
            this.featureDims = featureDims;
            this.featureRegion = featureRegion;
            int nodes = 2 * n - 1;
            this.size = new int[nodes];
            this.perimeter = new double[nodes];
            this.sums = new double[nodes * dims];
            System.arraycopy(regionSums, 0, sums, 0, regionSums.length);
            this.alive = new boolean[nodes];
            this.adjacency = new Map[nodes];
            if (histograms != null) {
                this.hist = new double[nodes * bins];
                System.arraycopy(histograms, 0, hist, 0, histograms.length);
            } else {
                this.hist = null;
            }
            double total = 0;
            for (int r = 0; r < n; r++) {
                size[r] = g.size(r);
                total += size[r];
                alive[r] = true;
                Map<Integer, double[]> m = new HashMap<>();
                for (int k = g.neighbourStart(r); k < g.neighbourStart(r + 1); k++) {
                    m.put(g.neighbour(k), new double[] {boundary[k], g.boundaryLength(k)});
                    perimeter[r] += g.boundaryLength(k);
                }
                adjacency[r] = m;
            }
            this.area = total;
        }

        private double scale = 1;

        private double dissimilarity(int a, int b, double[] edge) {
            double d = base(a, b, edge) * scale;
            if (smallRegion > 0) {
                double share = Math.min(size[a], size[b]) / area;
                if (share < smallRegion) {
                    d *= Math.sqrt(share / smallRegion);
                }
            }
            if (perimeterWeight > 0) {
                double shared = edge[1] / Math.min(perimeter[a], perimeter[b]);
                d *= 1 + perimeterWeight * (1 - Math.min(1, shared));
            }
            return d;
        }

        /** The dissimilarity before normalisation and the small-region prior. */
        private double base(int a, int b, double[] edge) {
            double d = edge[0] / edge[1];
            double colour = 0;
            for (int c = 0; c < 3; c++) {
                double diff = sums[a * dims + c] / size[a] - sums[b * dims + c] / size[b];
                colour += diff * diff;
            }
            d += regionWeight * Math.sqrt(colour);
            if (featureRegion > 0) {
                d += featureRegion * meanDistance(a, b, 3, 3 + featureDims);
            }
            if (textureRegionWeight > 0) {
                d += textureRegionWeight * meanDistance(a, b, 3 + featureDims, dims);
            }
            if (hist != null) {
                double chi = 0;
                double ia = 1.0 / size[a];
                double ib = 1.0 / size[b];
                for (int k = 0; k < bins; k++) {
                    double p = hist[a * bins + k] * ia;
                    double q = hist[b * bins + k] * ib;
                    if (p + q > 0) {
                        chi += (p - q) * (p - q) / (p + q);
                    }
                }
                d += histogramWeight * 50 * chi;
            }
            return d;
        }

        /** Euclidean distance of the two clusters' mean values of columns {@code from...to-1} of the sums. */
        private double meanDistance(int a, int b, int from, int to) {
            double f = 0;
            for (int c = from; c < to; c++) {
                double diff = sums[a * dims + c] / size[a] - sums[b * dims + c] / size[b];
                f += diff * diff;
            }
            return Math.sqrt(f);
        }

        /** Adds the spectral term to the boundaries and sets the contrast normalisation, from the initial dissimilarities. */
        void prepare() {
            if (spectralWeight == 0 && normalisation == 0) {
                return;
            }
            int[] start = new int[n + 1];
            for (int r = 0; r < n; r++) {
                start[r + 1] = start[r] + adjacency[r].size();
            }
            int[] cols = new int[start[n]];
            double[] d0 = new double[start[n]];
            for (int r = 0; r < n; r++) {
                int k = start[r];
                for (Map.Entry<Integer, double[]> e : new java.util.TreeMap<>(adjacency[r]).entrySet()) {
                    cols[k] = e.getKey();
                    d0[k] = base(r, e.getKey(), e.getValue());
                    k++;
                }
            }
            double median = median(d0);
            if (!(median > 0)) {
                return;
            }
            if (normalisation > 0) {
                // A floor of one CIELAB unit keeps a flat image's scale finite (its median is near 0).
                scale = Math.pow(10 / Math.max(1, median), normalisation);
            }
            if (spectralWeight == 0 || n <= spectralVectors + 1) {
                return;
            }
            double[] w = new double[d0.length];
            for (int k = 0; k < w.length; k++) {
                w[k] = Math.exp(-d0[k] / median);
            }
            SpectralEmbedding e = SpectralEmbedding.smallest(SparseAffinity.of(n, start, cols, w), spectralVectors + 1,
                    EigenSolver.auto());
            double[] sp = new double[d0.length];
            for (int v = 1; v < e.count(); v++) {
                double lambda = Math.max(e.eigenvalue(v), 1e-9);
                double[] x = e.eigenvector(v);
                double inv = 1 / Math.sqrt(lambda);
                for (int r = 0; r < n; r++) {
                    for (int k = start[r]; k < start[r + 1]; k++) {
                        sp[k] += Math.abs(x[r] - x[cols[k]]) * inv;
                    }
                }
            }
            double spMedian = median(sp);
            if (!(spMedian > 0)) {
                return;
            }
            double factor = spectralWeight * median / spMedian;
            for (int r = 0; r < n; r++) {
                for (int k = start[r]; k < start[r + 1]; k++) {
                    double[] edge = adjacency[r].get(cols[k]);
                    edge[0] += factor * sp[k] * edge[1];
                }
            }
        }

        private static double median(double[] v) {
            double[] c = v.clone();
            java.util.Arrays.sort(c);
            return c.length == 0 ? 0 : c[c.length / 2];
        }

        MergeTree run() {
            prepare();
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
            perimeter[c] = perimeter[a] + perimeter[b] - 2 * adjacency[a].get(b)[1];
            for (int k = 0; k < dims; k++) {
                sums[c * dims + k] = sums[a * dims + k] + sums[b * dims + k];
            }
            if (hist != null) {
                for (int k = 0; k < bins; k++) {
                    hist[c * bins + k] = hist[a * bins + k] + hist[b * bins + k];
                }
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
        return String.format(Locale.ROOT,
                "contour-merging(contour=%s/%s/%s/%s,region=%s,histogram=%s,features=%s/%s,texture=%s/%s,spectral=%s/%d,"
                        + "normalisation=%s,small=%s,perimeter=%s,scale=%s)",
                num(contourWeights[0]), num(contourWeights[1]), num(contourWeights[2]), num(contourWeights[3]), num(regionWeight),
                num(histogramWeight), num(featureContourWeight), num(featureRegionWeight), num(textureContourWeight),
                num(textureRegionWeight), num(spectralWeight), spectralVectors, num(normalisation), num(smallRegion),
                num(perimeterWeight), num(heightScale));
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return describe();
    }
}
