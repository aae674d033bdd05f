package org.supercuts;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supercuts.affinity.AffinityBuilder;
import org.supercuts.feature.FeatureExtractor;
import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.hierarchy.Hierarchy;
import org.supercuts.hierarchy.HierarchyBuilder;
import org.supercuts.hierarchy.HierarchyInput;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.Cielab;
import org.supercuts.image.LabelMap;
import org.supercuts.image.Masks;
import org.supercuts.image.PlanarImage;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.refine.GuidedFilter;
import org.supercuts.objects.ObjectDiscovery;
import org.supercuts.objects.ObjectSet;
import org.supercuts.refine.MaskRefiner;
import org.supercuts.selection.ObjectSelector;
import org.supercuts.spectral.PartitionTree;
import org.supercuts.spectral.SpectralPartition;
import org.supercuts.spectral.SpectralPartitioner;
import org.supercuts.superpixel.Superpixelizer;

/**
 * The unsupervised segmentation pipeline: superpixels, region graph, region features, affinity matrix, spectral partition,
 * object selection, optional refinement of the soft mask, threshold, object box and hierarchy levels.
 *
 * <p>Build one with {@link SuperCuts#pipeline()} (defaults filled in) or {@link #builder()} (nothing filled in), change a
 * built one with {@link #toBuilder()}.
 *
 * <p>Thread safety: immutable; {@link #segment} may be called from many threads at once, provided the stages are
 * thread-safe (all of this library's stages are).
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final String VERSION = readVersion();
    /**
     * Default working resolution: images with more pixels are segmented at 1/f of their size (the smallest integer f that
     * brings them to at most this many pixels) and their masks upsampled to full resolution. 2^20 pixels (1024 x 1024)
     * keep every image of the benchmarks (ECSSD about 400 x 300, PASCAL-S about 500 x 375, BSDS500 481 x 321) at full
     * resolution, and give the default 400 superpixels about 2600 pixels each; above it the cost grows with the pixel
     * count while the partition, set by the superpixel count, gets no finer (docs/PERFORMANCE.md, "Working resolution").
     */
    public static final int DEFAULT_WORKING_PIXELS = 1 << 20;
    /** Guided-upsampling radius per unit of the working factor (radius 2f at factor f). */
    static final int UPSAMPLING_RADIUS_PER_FACTOR = 2;

    private final Superpixelizer superpixels;
    private final FeatureExtractor features;
    private final AffinityBuilder affinity;
    private final SpectralPartitioner partitioner;
    private final ObjectSelector selector;
    private final MaskRefiner refiner;
    private final List<Superpixelizer> extraScales;
    /** The selection at the extra scales; null = the main selection. */
    private final ObjectSelector extraScaleSelector;
    private final int levels;
    private final double threshold;
    private final long seed;
    private final String device;
    private final int workingPixels;
    /** Threads for the full-resolution work around a reduced working resolution (reduction, guided upsampling). */
    private final int fullResolutionThreads;
    private final boolean keepIntermediates;
    /** Builds {@link Segmentation#hierarchy()} on demand; null = none. */
    private final HierarchyBuilder hierarchyBuilder;
    /** Finds the objects and their parts; null = no object discovery. */
    private final ObjectDiscovery discovery;

    private Pipeline(Builder b) {
        this.keepIntermediates = b.keepIntermediates;
        this.hierarchyBuilder = b.hierarchyBuilder;
        this.superpixels = b.superpixels;
        this.features = b.features;
        this.affinity = b.affinity;
        this.partitioner = b.partitioner;
        this.selector = b.selector;
        this.refiner = b.refiner;
        this.extraScales = List.copyOf(b.extraScales);
        this.extraScaleSelector = b.extraScaleSelector;
        this.levels = b.levels;
        this.threshold = b.threshold;
        this.seed = b.seed;
        this.device = b.device;
        this.workingPixels = b.workingPixels;
        this.fullResolutionThreads = b.fullResolutionThreads;
        this.discovery = b.discovery;
    }

    /** An empty builder: every stage must be set before {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this pipeline's stages and settings, to change some and build another. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.superpixels = superpixels;
        b.features = features;
        b.affinity = affinity;
        b.partitioner = partitioner;
        b.selector = selector;
        b.refiner = refiner;
        b.extraScales = new ArrayList<>(extraScales);
        b.extraScaleSelector = extraScaleSelector;
        b.levels = levels;
        b.threshold = threshold;
        b.seed = seed;
        b.device = device;
        b.workingPixels = workingPixels;
        b.fullResolutionThreads = fullResolutionThreads;
        b.keepIntermediates = keepIntermediates;
        b.hierarchyBuilder = hierarchyBuilder;
        b.discovery = discovery;
        return b;
    }

    /**
     * Segments one image. An image above the {@linkplain Builder#workingResolution working resolution} is reduced by area
     * averaging by the smallest integer factor f that brings it within, segmented there, and its soft map is brought back
     * to full resolution by guided upsampling (bilinear, then a guided filter of radius 2f with the image's luminance as
     * the guide, as "Two Tricks to Improve Unsupervised Segmentation Learning" refines coarse masks); the mask and the box
     * come from that full-resolution map. Images within the working resolution are segmented as they are.
     *
     * @throws IllegalArgumentException when the image yields fewer than 2 superpixels (the spectral stage needs a graph of
     *                                  at least 2 nodes), naming the image size and the superpixel count
     */
    public Segmentation segment(PlanarImage image) {
        Objects.requireNonNull(image, "image");
        int factor = workingFactor(image.width(), image.height(), workingPixels);
        if (factor == 1) {
            return segmentAsIs(image, 1, image.width(), image.height());
        }
        long t0 = System.nanoTime();
        PlanarImage working = image.downsample(factor, fullResolutionThreads);
        long t1 = System.nanoTime();
        Segmentation low = segmentAsIs(working, factor, image.width(), image.height());
        long t2 = System.nanoTime();
        float[] soft = GuidedFilter.upsample(image, low.softMask(), working.width(), working.height(),
                UPSAMPLING_RADIUS_PER_FACTOR * factor, GuidedFilter.DEFAULT_EPS, fullResolutionThreads);
        byte[] mask = Masks.threshold(soft, threshold);
        BoundingBox box = Masks.largestComponentBox(mask, image.width(), image.height()).orElse(null);
        long t3 = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("downsample", (t1 - t0) / 1e6);
        low.timingsMillis().forEach((k, v) -> {
            if (!k.equals("total")) {
                timings.put(k, v);
            }
        });
        timings.put("upsample", (t3 - t2) / 1e6);
        timings.put("total", (t3 - t0) / 1e6);
        boolean kept = low.hasIntermediates();
        return new Segmentation(low.superpixels(), low.regionGraph(), kept ? low.features() : null, kept ? low.affinity() : null,
                kept ? low.partition() : null,
                low.regionForeground(), soft, mask, box, low.levels(), timings, provenance(), low.tree(), low.notes(),
                hierarchyBuilder == null ? null : low::hierarchy, low.hasObjects() ? low.objectSet() : null,
                image.width(), image.height(), factor, working);
    }

    /**
     * The working factor for a {@code width x height} image: the smallest integer f >= 1 with
     * {@code ceil(width / f) * ceil(height / f) <= maxPixels}.
     */
    public static int workingFactor(int width, int height, long maxPixels) {
        if (width < 1 || height < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("width, height and maxPixels must be >= 1, got " + width + ", " + height + ", "
                    + maxPixels);
        }
        int f = Math.max(1, (int) Math.floor(Math.sqrt((double) width * height / maxPixels)));
        while ((long) ((width + f - 1) / f) * ((height + f - 1) / f) > maxPixels) {
            f++;
        }
        return f;
    }

    /** The maximum pixel count segmented as it is (see {@link Builder#workingResolution}). */
    public int workingPixels() {
        return workingPixels;
    }

    /**
     * Segments {@code image} as it is; {@code factor} > 1 says it is a reduction of a {@code fullWidth x fullHeight}
     * image, so the objects are drawn on the superpixels enlarged to full resolution (their masks, boxes and areas are in
     * the caller's pixels, like the mask's).
     */
    private Segmentation segmentAsIs(PlanarImage image, int factor, int fullWidth, int fullHeight) {
        Map<String, Double> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        long t = t0;

        LabelMap sp = superpixels.segment(image);
        t = lap(timings, "superpixels", t);
        if (sp.count() < 2) {
            throw new IllegalArgumentException("image " + image.width() + "x" + image.height() + " gave " + sp.count()
                    + " superpixel(s) with " + superpixels.describe() + "; the spectral stage needs at least 2 regions");
        }
        // The CIELAB planes are kept for the hierarchy, which would otherwise convert the image again.
        float[][] lab = Cielab.planes(image);
        RegionGraph graph = RegionGraph.build(image, lab, sp);
        t = lap(timings, "graph", t);
        RegionFeatures f = features.extract(image, sp, graph);
        t = lap(timings, "features", t);
        AffinityMatrix w = affinity.build(graph, f);
        t = lap(timings, "affinity", t);
        SpectralPartition partition = partitioner.partition(w);
        t = lap(timings, "spectral", t);
        double[] regionFg = selector.foreground(new ObjectSelector.Input(graph, f, w, partition));
        checkForeground(regionFg, graph.regionCount());
        t = lap(timings, "selection", t);

        int[] lbl = sp.backingArray();
        float[] soft = new float[lbl.length];
        for (int i = 0; i < lbl.length; i++) {
            soft[i] = (float) regionFg[lbl[i]];
        }
        if (!extraScales.isEmpty()) {
            for (Superpixelizer scale : extraScales) {
                addScale(image, scale, soft);
            }
            float inv = 1f / (extraScales.size() + 1);
            for (int i = 0; i < soft.length; i++) {
                soft[i] *= inv;
            }
            t = lap(timings, "scales", t);
        }
        if (refiner != null) {
            soft = refiner.refine(image, soft);
            t = lap(timings, "refine", t);
        }
        byte[] mask = Masks.threshold(soft, threshold);
        BoundingBox box = Masks.largestComponentBox(mask, image.width(), image.height()).orElse(null);
        if (box == null) {
            LOG.warn("empty foreground mask for a {}x{} image (threshold {}); no object box", image.width(), image.height(),
                    threshold);
        }
        List<LabelMap> levelMaps = new ArrayList<>();
        for (int[] regionLabels : partition.tree().levels(levels)) {
            levelMaps.add(sp.mapRegions(regionLabels));
        }
        List<String> notes = new ArrayList<>();
        if (levelMaps.size() < levels) {
            notes.add("asked for " + levels + " levels; the hierarchy has " + levelMaps.size() + " distinct partition(s) ("
                    + partition.tree().leafCount() + " segments at the finest), returned those");
        }
        t = lap(timings, "outputs", t);
        ObjectSet objects = null;
        if (discovery != null) {
            LabelMap objectPixels = factor == 1 ? sp : sp.upsample(factor, fullWidth, fullHeight);
            objects = discovery.discover(new ObjectDiscovery.Input(objectPixels, graph, w, partition, regionFg));
            t = lap(timings, "objects", t);
        }
        timings.put("total", (t - t0) / 1e6);
        // The hierarchy is built when first asked for, so callers that only want the mask do not pay for it.
        PartitionTree tree = partition.tree();
        java.util.function.Supplier<Hierarchy> hierarchy = hierarchyBuilder == null ? null
                : () -> Hierarchy.of(sp, hierarchyBuilder.build(HierarchyInput.of(image, sp, graph).withLab(lab)
                        .withPartition(tree)));
        return keepIntermediates
                ? new Segmentation(sp, graph, f, w, partition, regionFg, soft, mask, box, levelMaps, timings, provenance(),
                        partition.tree(), notes, hierarchy, objects)
                : new Segmentation(sp, graph, null, null, null, regionFg, soft, mask, box, levelMaps, timings, provenance(),
                        partition.tree(), notes, hierarchy, objects);
    }

    /** Runs graph, features, affinity (partition if the selector reads it) and selection at one extra scale; adds its map. */
    private void addScale(PlanarImage image, Superpixelizer scale, float[] soft) {
        LabelMap sp = scale.segment(image);
        if (sp.count() < 2) {
            return;
        }
        RegionGraph graph = RegionGraph.build(image, sp);
        RegionFeatures f = features.extract(image, sp, graph);
        AffinityMatrix w = affinity.build(graph, f);
        ObjectSelector scaleSelector = extraScaleSelector != null ? extraScaleSelector : selector;
        SpectralPartition partition = scaleSelector.usesPartition() ? partitioner.partition(w) : null;
        double[] fg = scaleSelector.foreground(new ObjectSelector.Input(graph, f, w, partition));
        checkForeground(fg, graph.regionCount());
        int[] lbl = sp.backingArray();
        for (int i = 0; i < lbl.length; i++) {
            soft[i] += (float) fg[lbl[i]];
        }
    }

    /** The provenance every result of this pipeline carries. */
    public Provenance provenance() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("superpixels", superpixels.describe());
        stages.put("features", features.describe());
        stages.put("affinity", affinity.describe());
        stages.put("partition", partitioner.describe());
        stages.put("selection", selector.describe());
        stages.put("refine", refiner == null ? "none" : refiner.describe());
        if (!extraScales.isEmpty()) {
            stages.put("extra_scales", extraScales.stream().map(Superpixelizer::describe).collect(java.util.stream.Collectors.joining(";")));
            if (extraScaleSelector != null) {
                stages.put("extra_scale_selection", extraScaleSelector.describe());
            }
        }
        stages.put("levels", Integer.toString(levels));
        stages.put("working_resolution", "max " + workingPixels + " px");
        if (hierarchyBuilder != null) {
            stages.put("hierarchy", hierarchyBuilder.describe());
        }
        stages.put("threshold", Double.toString(threshold));
        if (discovery != null) {
            stages.put("objects", discovery.describe());
        }
        return new Provenance(VERSION, stages, seed, device);
    }

    /** The superpixel stage. */
    public Superpixelizer superpixelizer() {
        return superpixels;
    }

    /** The region-feature stage. */
    public FeatureExtractor featureExtractor() {
        return features;
    }

    /** The affinity stage. */
    public AffinityBuilder affinityBuilder() {
        return affinity;
    }

    /** The spectral partition stage. */
    public SpectralPartitioner partitioner() {
        return partitioner;
    }

    /** The object selection. */
    public ObjectSelector selector() {
        return selector;
    }

    /** The refiner, or null when the soft map is thresholded as it is. */
    public MaskRefiner refiner() {
        return refiner;
    }

    /** The builder of {@link Segmentation#hierarchy()}, or null when there is none. */
    public HierarchyBuilder hierarchyBuilder() {
        return hierarchyBuilder;
    }

    /** The extra superpixel scales fused with the main one (empty for a single scale). */
    public List<Superpixelizer> extraScales() {
        return extraScales;
    }

    /** The number of hierarchy levels each result reports (fewer when the hierarchy has fewer distinct partitions). */
    /** The object discovery, or null when the pipeline finds no objects. */
    public ObjectDiscovery objectDiscovery() {
        return discovery;
    }

    /** The number of extra scales whose maps are averaged into the soft map (1 = the base scale only). */
    public int levelCount() {
        return levels;
    }

    /** Whether results keep the affinity matrix, region features and eigenvectors ({@link Builder#keepIntermediates}). */
    public boolean keepsIntermediates() {
        return keepIntermediates;
    }

    /** The threshold on the soft map, in (0, 1). */
    public double threshold() {
        return threshold;
    }

    /** The library version recorded in every result's provenance ({@code "unknown"} outside a built jar). */
    public static String libraryVersion() {
        return VERSION;
    }

    private static void checkForeground(double[] fg, int regions) {
        if (fg.length != regions) {
            throw new IllegalStateException("object selector returned " + fg.length + " scores for " + regions + " regions");
        }
        for (int i = 0; i < fg.length; i++) {
            if (!(fg[i] >= 0 && fg[i] <= 1)) {
                throw new IllegalStateException("object selector returned score " + fg[i] + " for region " + i
                        + "; scores must be in [0, 1]");
            }
        }
    }

    private static long lap(Map<String, Double> timings, String stage, long since) {
        long now = System.nanoTime();
        timings.put(stage, (now - since) / 1e6);
        return now;
    }

    private static String readVersion() {
        try (InputStream in = Pipeline.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Collects stages; {@link #build()} checks that every stage is set and that the numeric settings are valid.
     *
     * <p>Thread safety: not thread-safe; the built {@link Pipeline} is.
     */
    public static final class Builder {
        private Superpixelizer superpixels;
        private FeatureExtractor features;
        private AffinityBuilder affinity;
        private SpectralPartitioner partitioner;
        private ObjectSelector selector;
        private MaskRefiner refiner;
        private List<Superpixelizer> extraScales = new ArrayList<>();
        private ObjectSelector extraScaleSelector;
        private int levels = 4;
        private double threshold = 0.5;
        private long seed = 0;
        private String device = "cpu";
        private int workingPixels = DEFAULT_WORKING_PIXELS;
        private int fullResolutionThreads = 1;
        private boolean keepIntermediates = true;
        private HierarchyBuilder hierarchyBuilder;
        private ObjectDiscovery discovery;

        private Builder() {
        }

        /**
         * The largest image, in pixels, segmented as it is ({@link #DEFAULT_WORKING_PIXELS} by default); larger images are
         * segmented at a reduced working resolution and their masks upsampled (see {@link Pipeline#segment}).
         * {@link Integer#MAX_VALUE} segments every image at full resolution.
         */
        public Builder workingResolution(int maxPixels) {
            this.workingPixels = maxPixels;
            return this;
        }

        /**
         * Threads (the calling one included) for the work an image above the working resolution needs at full
         * resolution: the area reduction and the guided upsampling of its soft map (see {@link Pipeline#segment}).
         * Default 1. The results do not depend on it: both work in fixed row bands.
         */
        public Builder fullResolutionThreads(int threads) {
            this.fullResolutionThreads = threads;
            return this;
        }

        /**
         * The builder of {@link Segmentation#hierarchy()} ({@code null} = none); it runs when a result's hierarchy is first
         * asked for, on the superpixels, region graph and partition tree of that image (until then the result keeps the
         * image and its CIELAB planes; batch runs that never ask can set {@code null}).
         */
        public Builder hierarchy(HierarchyBuilder h) {
            this.hierarchyBuilder = h;
            return this;
        }

        /**
         * Whether each {@link Segmentation} keeps the heavy per-image intermediates: the affinity matrix (n x n doubles,
         * 1.3 MB at 400 superpixels), the region features (n x 384 doubles with DINO) and the eigenvectors. Default true;
         * {@code false} suits batch runs that keep many results and only need masks, boxes, superpixels and levels. The
         * masks do not depend on it.
         */
        public Builder keepIntermediates(boolean keep) {
            this.keepIntermediates = keep;
            return this;
        }

        /** The superpixel stage (required). */
        public Builder superpixels(Superpixelizer s) {
            this.superpixels = Objects.requireNonNull(s, "superpixels");
            return this;
        }

        /** The region-feature stage (required). */
        public Builder features(FeatureExtractor f) {
            this.features = Objects.requireNonNull(f, "features");
            return this;
        }

        /** The affinity stage (required). */
        public Builder affinity(AffinityBuilder a) {
            this.affinity = Objects.requireNonNull(a, "affinity");
            return this;
        }

        /** The spectral partition stage (required). */
        public Builder partition(SpectralPartitioner p) {
            this.partitioner = Objects.requireNonNull(p, "partition");
            return this;
        }

        /** The object selection (required). */
        public Builder selection(ObjectSelector s) {
            this.selector = Objects.requireNonNull(s, "selection");
            return this;
        }

        /** Refines the soft mask before thresholding; {@code null} removes refinement. */
        public Builder refine(MaskRefiner r) {
            this.refiner = r;
            return this;
        }

        /**
         * Extra superpixel scales whose soft maps are averaged with the main one at pixel level (inference-time multi-scale
         * fusion, the counterpart of the multi-scale consistency of "Two Tricks to Improve Unsupervised Segmentation
         * Learning"). Superpixels, graph, hierarchy and levels come from the main scale; empty = single scale.
         */
        public Builder extraScales(List<? extends Superpixelizer> scales) {
            Objects.requireNonNull(scales, "scales");
            scales.forEach(sc -> Objects.requireNonNull(sc, "scale"));
            this.extraScales = new ArrayList<>(scales);
            return this;
        }

        /**
         * The object selection at the extra scales ({@code null} = the main selection). A selection that does not read
         * the partition spares the extra scales the spectral stage, the dearest part of each.
         */
        public Builder extraScaleSelection(ObjectSelector s) {
            this.extraScaleSelector = s;
            return this;
        }

        /**
         * Finds the objects (none, one or several) and their parts after the selection, for {@link Segmentation#objects()};
         * {@code null} (the default) finds none.
         */
        public Builder objects(ObjectDiscovery d) {
            this.discovery = d;
            return this;
        }

        /**
         * Number of hierarchy levels to report (coarse to fine), at least 1. A hierarchy with fewer distinct partitions
         * gives fewer levels, and {@link Segmentation#notes()} says so.
         */
        public Builder levels(int n) {
            this.levels = n;
            return this;
        }

        /** Threshold on the soft map, in (0, 1). */
        public Builder threshold(double t) {
            this.threshold = t;
            return this;
        }

        /** Seed recorded in provenance (stages with randomness take their own seed in their spec). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** The compute device recorded in provenance; stages that run on a device set it. */
        public Builder device(String d) {
            this.device = Objects.requireNonNull(d, "device");
            return this;
        }

        /**
         * The pipeline; throws {@link IllegalStateException} naming a missing stage and {@link
         * IllegalArgumentException} naming a bad setting.
         */
        public Pipeline build() {
            require(superpixels, "superpixels");
            require(features, "features");
            require(affinity, "affinity");
            require(partitioner, "partition");
            require(selector, "selection");
            if (levels < 1) {
                throw new IllegalArgumentException("levels must be >= 1, got " + levels);
            }
            if (workingPixels < 64) {
                throw new IllegalArgumentException("workingResolution must be >= 64 pixels (Integer.MAX_VALUE = full"
                        + " resolution), got " + workingPixels);
            }
            if (fullResolutionThreads < 1) {
                throw new IllegalArgumentException("fullResolutionThreads must be >= 1, got " + fullResolutionThreads);
            }
            if (!(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
            }
            return new Pipeline(this);
        }

        private static void require(Object stage, String name) {
            if (stage == null) {
                throw new IllegalStateException("pipeline stage '" + name + "' is not set; set it on the builder or start from"
                        + " SuperCuts.pipeline(), which fills in the defaults");
            }
        }
    }
}
