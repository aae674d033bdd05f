package org.supercuts.examples.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.supercuts.Presets;
import org.supercuts.affinity.GaussianAffinity;
import org.supercuts.eval.bsds.BoundaryScores;
import org.supercuts.eval.bsds.RegionScores;
import org.supercuts.eval.bsds.ScaledSegmentation;
import org.supercuts.eval.bsds.ScaledSegmenter;
import org.supercuts.eval.bsds.SweepAccumulator;
import org.supercuts.eval.dataset.BsdsGroundTruth;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.feature.ColorPositionFeatures;
import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.hierarchy.ContourMerging;
import org.supercuts.hierarchy.Hierarchy;
import org.supercuts.hierarchy.HierarchyBuilder;
import org.supercuts.hierarchy.HierarchyInput;
import org.supercuts.hierarchy.MergeTree;
import org.supercuts.hierarchy.SpectralTreeHierarchy;
import org.supercuts.image.Cielab;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.spectral.NCut;
import org.supercuts.superpixel.Slic;

/**
 * The study behind the default hierarchy (docs/hierarchy.md): runs several hierarchy variants over the same BSDS500 images
 * (superpixels computed once per image and shared) and prints, per variant, covering, PRI and VoI at ODS and OIS, and
 * with {@code -b} the boundary F at ODS/OIS and AP.
 *
 * <p>Usage: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.study.HierarchyStudy ROOT SPLITS K [-b]
 * [-n LIMIT] VARIANT...} with SPLITS e.g. {@code train,val}, K the SLIC superpixel count, and each VARIANT either
 * {@code ncut:S} (recursive normalized cuts down to S segments, the previous hierarchy) or {@code cm} with optional
 * {@code :key=value,...} overrides of {@link ContourMerging#defaults()} (keys fine, medium, coarse, wide, region, hist,
 * spectral, vectors, norm, small, scale, tcontour, tregion, perimeter; e.g. {@code cm:tregion=0,perimeter=0,norm=0.35} is
 * the default before 2026-12-02). {@code HierarchyStudy --cpu IMAGE REPS VARIANT...} prints instead the thread CPU time of
 * each variant's hierarchy on one image ({@link #cpuTime})..
 *
 * <p>Thread safety: a program entry point.
 */
public final class HierarchyStudy {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private HierarchyStudy() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--cpu")) {
            cpuTime(Path.of(args[1]), Integer.parseInt(args[2]), java.util.Arrays.asList(args).subList(3, args.length));
            return;
        }
        Path root = Path.of(args[0]);
        String[] splits = args[1].split(",");
        int k = Integer.parseInt(args[2]);
        boolean boundaries = false;
        int limit = Integer.MAX_VALUE;
        List<String> variants = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("-b")) {
                boundaries = true;
            } else if (args[i].equals("-n")) {
                limit = Integer.parseInt(args[++i]);
            } else {
                variants.add(args[i]);
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (String split : splits) {
            int taken = 0;
            for (Sample s : Datasets.bsds500(root, split)) {
                if (taken++ < limit) {
                    samples.add(s);
                }
            }
        }
        double[] thresholds = ScaledSegmenter.thresholds(99);
        Map<String, SweepAccumulator> acc = new LinkedHashMap<>();
        Map<String, double[]> millis = new LinkedHashMap<>();
        for (String v : variants) {
            acc.put(v, new SweepAccumulator(thresholds.length));
            millis.put(v, new double[1]);
        }
        Slic slic = Slic.segments(k).compactness(Presets.COMPACTNESS);
        int threads = Integer.getInteger("threads", 2);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        boolean withBoundaries = boundaries;
        long t0 = System.nanoTime();
        for (Sample sample : samples) {
            futures.add(pool.submit(() -> {
                PlanarImage image = sample.loadImage();
                List<BsdsGroundTruth.Annotation> humans = BsdsGroundTruth.readWithBoundaries(sample.groundTruthPath());
                List<LabelMap> segs = new ArrayList<>();
                List<byte[]> bdry = new ArrayList<>();
                humans.forEach(a -> {
                    segs.add(a.segmentation());
                    bdry.add(a.boundaries());
                });
                LabelMap sp = slic.segment(image);
                float[][] lab = Cielab.planes(image);
                RegionGraph graph = RegionGraph.build(image, lab, sp);
                HierarchyInput input = HierarchyInput.of(image, sp, graph).withLab(lab);
                for (String v : variants) {
                    // Thread CPU time: the machine is shared, wall-clock time is not this thread's.
                    long s0 = CPU.getCurrentThreadCpuTime();
                    MergeTree tree = build(v, input);
                    Hierarchy h = Hierarchy.of(sp, tree);
                    h.ucm();
                    double ms = (CPU.getCurrentThreadCpuTime() - s0) / 1e6;
                    ScaledSegmentation seg = ScaledSegmentation.of(h, thresholds);
                    RegionScores r = seg.regionScores(segs);
                    BoundaryScores b = withBoundaries ? BoundaryScores.of(seg.width(), seg.height(), seg.scales(), seg::boundaries,
                            seg.boundaryUnion(), bdry, BoundaryScores.tolerance(seg.width(), seg.height())) : null;
                    SweepAccumulator a = acc.get(v);
                    synchronized (a) {
                        a.add(r, b);
                        millis.get(v)[0] += ms;
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%d images of %s, SLIC %d, %.1f s on %d threads%n", samples.size(), args[1], k,
                (System.nanoTime() - t0) / 1e9, threads);
        System.out.println("| variant | cover ODS | cover OIS | PRI ODS | PRI OIS | VoI ODS | VoI OIS | ODS t | segs@ODS | F ODS | F OIS | AP | CPU ms (tree + UCM) |");
        for (String v : variants) {
            SweepAccumulator a = acc.get(v);
            int s = a.coveringOdsScale();
            String bd = a.hasBoundaries() ? String.format(Locale.ROOT, "%.3f | %.3f | %.3f", a.boundaryOds()[0], a.boundaryOis(),
                    a.boundaryAp()) : "- | - | -";
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f | %.1f | %s | %.1f |%n", v,
                    a.coveringOds(), a.coveringOis(), a.priOds(), a.priOis(), a.voiOds(), a.voiOis(), thresholds[s],
                    a.meanSegments(s), bd, millis.get(v)[0] / a.images());
        }
    }

    /**
     * {@code --cpu IMAGE REPS VARIANT...}: thread CPU time per hierarchy (CIELAB planes, merge tree, UCM) of each variant on
     * one image with the default SLIC superpixels, the variants alternating, after 50 repetitions of warm-up. Unlike wall
     * time it is hardly inflated when other jobs share the cores.
     */
    static void cpuTime(Path imagePath, int reps, List<String> variants) {
        PlanarImage image = PlanarImage.read(imagePath).toRgb();
        LabelMap sp = Slic.segments(Presets.SUPERPIXELS).compactness(Presets.COMPACTNESS).segment(image);
        RegionGraph graph = RegionGraph.build(image, sp);
        double[] total = new double[variants.size()];
        for (int r = 0; r < reps + 50; r++) {
            for (int v = 0; v < variants.size(); v++) {
                long t0 = CPU.getCurrentThreadCpuTime();
                Hierarchy.of(sp, build(variants.get(v), HierarchyInput.of(image, sp, graph))).ucm();
                if (r >= 50) {
                    total[v] += (CPU.getCurrentThreadCpuTime() - t0) / 1e6;
                }
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            System.out.printf(Locale.ROOT, "%s: %.2f ms thread CPU per hierarchy (%d repetitions, %s)%n", variants.get(v),
                    total[v] / reps, reps, imagePath.getFileName());
        }
    }

    /** The builder a variant names, run on the input. */
    static MergeTree build(String variant, HierarchyInput input) {
        if (variant.startsWith("ncut:")) {
            int segments = Integer.parseInt(variant.substring(5));
            RegionFeatures f = ColorPositionFeatures.color().extract(input.image(), input.superpixels(), input.graph());
            AffinityMatrix w = GaussianAffinity.adjacent().hops(2).sigmaFeature(0.1).build(input.graph(), f);
            var p = NCut.recursive().maxSegments(segments).solver(EigenSolver.shiftInvert()).partition(w);
            return SpectralTreeHierarchy.of(p.tree());
        }
        return contourMerging(variant).build(input);
    }

    static HierarchyBuilder contourMerging(String variant) {
        ContourMerging c = ContourMerging.defaults();
        double[] cw = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        double[] base = {0.2, 0, 1, 0.5};
        double[] spectral = {0, 8};
        // NaN = not overridden: the defaults' texture weights (contour 0, region 2) stay.
        double[] texture = {Double.NaN, Double.NaN};
        int colon = variant.indexOf(':');
        if (colon > 0) {
            for (String kv : variant.substring(colon + 1).split(",")) {
                String[] p = kv.split("=");
                double v = Double.parseDouble(p[1]);
                switch (p[0]) {
                    case "fine" -> cw[0] = v;
                    case "medium" -> cw[1] = v;
                    case "coarse" -> cw[2] = v;
                    case "wide" -> cw[3] = v;
                    case "hist" -> c = c.histogramWeight(v);
                    case "spectral" -> spectral[0] = v;
                    case "vectors" -> spectral[1] = v;
                    case "norm" -> c = c.normalisation(v);
                    case "region" -> c = c.regionWeight(v);
                    case "small" -> c = c.smallRegion(v);
                    case "scale" -> c = c.heightScale(v);
                    case "tcontour" -> texture[0] = v;
                    case "tregion" -> texture[1] = v;
                    case "perimeter" -> c = c.perimeterWeight(v);
                    default -> throw new IllegalArgumentException("unknown key " + p[0] + " in variant " + variant);
                }
            }
        }
        if (!Double.isNaN(texture[0]) || !Double.isNaN(texture[1])) {
            c = c.texture(Double.isNaN(texture[0]) ? 0 : texture[0], Double.isNaN(texture[1]) ? 2 : texture[1]);
        }
        if (spectral[0] > 0) {
            c = c.spectral(spectral[0], (int) spectral[1]);
        }
        boolean any = false;
        for (int i = 0; i < 4; i++) {
            any |= !Double.isNaN(cw[i]);
            cw[i] = Double.isNaN(cw[i]) ? base[i] : cw[i];
        }
        if (any) {
            c = c.contourWeights(cw[0], cw[1], cw[2], cw[3]);
        }
        return c;
    }
}
