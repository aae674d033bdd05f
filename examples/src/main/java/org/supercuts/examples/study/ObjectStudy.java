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

import org.supercuts.Pipeline;
import org.supercuts.Presets;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.eval.dataset.BinaryMask;
import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.ConfusionCounts;
import org.supercuts.eval.metrics.ObjectMatching;
import org.supercuts.eval.metrics.ObjectScores;
import org.supercuts.objects.DiscoveredObject;
import org.supercuts.objects.ObjectCandidate;
import org.supercuts.objects.ObjectDiscovery;
import org.supercuts.objects.ObjectSet;
import org.supercuts.objects.Objectness;
import org.supercuts.objects.PartDecomposition;
import org.supercuts.objects.SubgraphParts;
import org.supercuts.objects.TreeParts;
import org.supercuts.selection.AbsorbingMarkovChain;
import org.supercuts.selection.ColourDistribution;
import org.supercuts.selection.ManifoldRanking;
import org.supercuts.selection.MultiLayerCellularAutomata;
import org.supercuts.selection.ObjectSelector;
import org.supercuts.selection.SaliencyFusion;

/**
 * The study behind object discovery (docs/objects.md): runs the default pipeline once per image and every named
 * discovery variant on its result, and prints per variant the object scores of {@link ObjectScores} (multi-object
 * recall, single-object precision / recall / share answered, empty images answered with zero objects), objects per
 * image, the mean IoU of the pipeline's mask and of the union of the objects, and milliseconds of discovery per image. {@code fit} instead collects the candidates of one generator with
 * their match label (IoU &gt;= 0.5 with a ground-truth object) and fits the {@link Objectness} weights by logistic
 * regression; {@code parts} scores part decompositions on BSDS500 ({@link #parts}).
 *
 * <p>Usage: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.study.ObjectStudy SET odd|even|all
 * LIMIT variant...} or {@code ... ObjectStudy fit SET... -- GENERATOR}, where SET is {@code ecssd=ROOT} or
 * {@code folder=IMAGES,MASKS} (several SETs are pooled for {@code fit}); variants are those of {@link ObjectVariants}.
 * {@code -Dobjects.saliency=...} swaps the saliency discovery reads ({@link #discoverySaliency}).
 *
 * <p>Thread safety: a program entry point.
 */
public final class ObjectStudy {
    private ObjectStudy() {
    }

    /** Per-variant totals, updated under the instance lock. */
    static final class Totals {
        final ObjectScores scores = new ObjectScores();
        double millis;
        long objects;
        int images;
        double maskIou;
        double unionIou;
        double segmentMillis;

        synchronized void add(ObjectMatching.Match m, double ms, double mask, double union, double segmentMs) {
            scores.add(m);
            segmentMillis += segmentMs;
            millis += ms;
            objects += m.predicted();
            images++;
            maskIou += mask;
            unionIou += union;
        }

        synchronized String row(String name) {
            ObjectScores s = scores;
            return String.format(Locale.ROOT, "| %-34s | %4d | %.3f (%d) | %.3f / %.3f | %.3f | %d/%d | %.2f | %.3f / %.3f | %.2f | %.1f |",
                    name, images, s.multiObjectRecall(), s.multiObjectImages(), s.singleObjectPrecision(), s.singleObjectRecall(),
                    s.singleObjectAnswered(), s.emptyAnsweredZeroCount(), s.emptyImages(), objects / (double) images,
                    maskIou / images, unionIou / images, millis / images, segmentMillis / images);
        }
    }

    /** IoU of a mask with the ground truth; 1 when both are empty (the convention of {@link ConfusionCounts}). */
    static double iou(byte[] mask, byte[] gt) {
        return ConfusionCounts.of(mask, gt).iou();
    }

    /** The union of object masks. */
    static byte[] union(List<byte[]> masks, int n) {
        byte[] u = new byte[n];
        for (byte[] m : masks) {
            for (int i = 0; i < n; i++) {
                u[i] |= m[i];
            }
        }
        return u;
    }

    static Dataset open(String spec) {
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("a set is ecssd=ROOT or folder=IMAGES,MASKS, got " + spec);
        }
        String kind = spec.substring(0, eq);
        String where = spec.substring(eq + 1);
        if (kind.equals("folder")) {
            String[] p = where.split(",");
            return Datasets.open("folder", null, null, Path.of(p[0]), Path.of(p[1]));
        }
        return Datasets.open(kind, Path.of(where), null, null, null);
    }

    static boolean inHalf(Sample s, String half) {
        String digits = s.id().replaceAll("\\D", "");
        int number = digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(Math.max(0, digits.length() - 6)));
        return switch (half) {
            case "odd" -> number % 2 == 1;
            case "even" -> number % 2 == 0;
            default -> true;
        };
    }

    static List<Sample> samples(String spec, String half, int limit) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : open(spec)) {
            if (inHalf(s, half) && out.size() < limit) {
                out.add(s);
            }
        }
        return out;
    }

    static ObjectDiscovery.Input input(Segmentation s) {
        return input(s, discoverySaliency(s));
    }

    private static ObjectDiscovery.Input input(Segmentation s, double[] saliency) {
        return new ObjectDiscovery.Input(s.superpixels(), s.regionGraph(), s.affinity(), s.partition(), saliency);
    }

    /**
     * The per-region saliency discovery reads: the pipeline's ({@code -Dobjects.saliency=default}), or the default
     * selector rebuilt without some of its terms, for studies of what suppresses second objects: a value holding
     * {@code c0} drops the centre bias, {@code d0} the colour distribution, {@code t0} the tree smoothing (so {@code
     * same} rebuilds the default itself); the result is calibrated and sharpened as the default is.
     */
    static double[] discoverySaliency(Segmentation s) {
        String v = System.getProperty("objects.saliency", "default");
        if (v.equals("default")) {
            return s.regionForeground();
        }
        List<ObjectSelector> parts = new ArrayList<>();
        parts.add(MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults().edgeWeight(Presets.EDGE_WEIGHT),
                AbsorbingMarkovChain.defaults().sigmaSquared(Presets.MARKOV_SIGMA_SQUARED))));
        boolean distribution = !v.contains("d0");
        if (distribution) {
            parts.add(ColourDistribution.defaults().sigma(Presets.DISTRIBUTION_SIGMA));
        }
        SaliencyFusion f = distribution ? SaliencyFusion.of(parts, Presets.PRIOR_WEIGHT, 1) : SaliencyFusion.of(parts, 1);
        if (!v.contains("c0")) {
            f = f.centerBias(Presets.CENTER_SIGMA);
        }
        if (!v.contains("t0")) {
            f = f.treeSmoothing(Presets.TREE_WEIGHT, Presets.TREE_COARSE_SEGMENTS, Presets.TREE_SEGMENTS);
        }
        SaliencyFusion selector = f.stretched(true).minContrast(Presets.MIN_CONTRAST).calibrated(Presets.THRESHOLD_RULE)
                .sharpness(Presets.SHARPNESS);
        return selector.foreground(new ObjectSelector.Input(s.regionGraph(), s.features(), s.affinity(), s.partition()));
    }

    static List<byte[]> masks(ObjectSet set) {
        List<byte[]> out = new ArrayList<>();
        for (DiscoveredObject o : set.objects()) {
            out.add(o.mask());
        }
        return out;
    }

    static byte[] mask(Segmentation seg, int[] regions) {
        int[] sp = seg.superpixels().backingArray();
        boolean[] in = new boolean[seg.superpixels().count()];
        for (int r : regions) {
            in[r] = true;
        }
        byte[] mask = new byte[sp.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = in[sp[i]] ? (byte) 1 : 0;
        }
        return mask;
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("fit")) {
            fit(args);
            return;
        }
        if (args.length >= 1 && args[0].equals("dump")) {
            dump(args);
            return;
        }
        if (args.length >= 1 && args[0].equals("parts")) {
            parts(args);
            return;
        }
        if (args.length < 4) {
            System.err.println("usage: ObjectStudy SET odd|even|all LIMIT variant... | ObjectStudy fit SET[:half]... -- GENERATOR;"
                    + " variants: " + ObjectVariants.NAMES);
            System.exit(2);
        }
        List<Sample> samples = samples(args[0], args[1], Integer.parseInt(args[2]));
        List<String> names = new ArrayList<>(List.of(args).subList(3, args.length));
        Map<String, ObjectVariants.Variant> variants = new LinkedHashMap<>();
        Map<String, Totals> totals = new LinkedHashMap<>();
        String[] subsets = args[1].equals("all") ? new String[] {"all", "odd", "even"} : new String[] {args[1]};
        for (String n : names) {
            variants.put(n, ObjectVariants.get(n));
            for (String subset : subsets) {
                totals.put(n + "|" + subset, new Totals());
            }
        }
        Pipeline pipeline = SuperCuts.pipeline().build();
        run(samples, sample -> {
            var image = sample.loadImage();
            long s0 = System.nanoTime();
            Segmentation seg = pipeline.segment(image);
            double segmentMs = (System.nanoTime() - s0) / 1e6;
            BinaryMask gt = sample.loadMask();
            ObjectMatching.ObjectLabels truth = ObjectMatching.groundTruthObjects(gt.pixels(), gt.width(), gt.height());
            for (var e : variants.entrySet()) {
                long t0 = System.nanoTime();
                List<byte[]> predicted = e.getValue().objects(seg);
                double ms = (System.nanoTime() - t0) / 1e6;
                ObjectMatching.Match m = ObjectMatching.match(predicted, truth);
                double maskIou = iou(seg.mask(), gt.pixels());
                double unionIou = iou(union(predicted, gt.pixels().length), gt.pixels());
                for (String subset : subsets) {
                    if (inHalf(sample, subset)) {
                        totals.get(e.getKey() + "|" + subset).add(m, ms, maskIou, unionIou, segmentMs);
                    }
                }
            }
        });
        System.out.println(args[0] + " " + args[1] + " (" + samples.size() + " images), "
                + Integer.getInteger("threads", 2) + " threads");
        for (String subset : subsets) {
            System.out.println();
            System.out.println("subset: " + subset);
            System.out.println("| variant | imgs | multi recall (imgs) | single P / R | single answered | empty -> 0 | obj/img |"
                    + " IoU mask / union of objects | discovery ms/img | segment ms/img |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (String n : names) {
                System.out.println(totals.get(n + "|" + subset).row(n));
            }
        }
    }

    interface PerSample {
        void accept(Sample s) throws Exception;
    }

    static void run(List<Sample> samples, PerSample task) throws Exception {
        int threads = Integer.getInteger("threads", 2);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (Sample sample : samples) {
            futures.add(pool.submit(() -> {
                task.accept(sample);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /**
     * A part decomposition by name: {@code one} (every object one part), {@code tree} ({@link TreeParts}) or
     * {@code subgraph-CUT} ({@link SubgraphParts} with that maxCut), each optionally followed by {@code -pN} (maxParts)
     * and {@code -aX} (minPartArea).
     */
    static PartDecomposition decomposition(String name) {
        String[] f = name.split("-");
        int maxParts = 6;
        double minArea = 0.05;
        int from = f[0].equals("subgraph") ? 2 : 1;
        for (int i = from; i < f.length; i++) {
            if (f[i].startsWith("p")) {
                maxParts = Integer.parseInt(f[i].substring(1));
            } else if (f[i].startsWith("a")) {
                minArea = Double.parseDouble(f[i].substring(1));
            } else {
                throw new IllegalArgumentException("unknown part setting '" + f[i] + "' in " + name);
            }
        }
        return switch (f[0]) {
            case "one" -> TreeParts.defaults().maxParts(1);
            case "tree" -> TreeParts.defaults().maxParts(maxParts).minPartArea(minArea);
            case "subgraph" -> SubgraphParts.defaults().maxCut(Double.parseDouble(f[1])).maxParts(maxParts).minPartArea(minArea);
            default -> throw new IllegalArgumentException("unknown part decomposition '" + name + "'; one, tree or subgraph-CUT");
        };
    }

    /**
     * {@code parts BSDS_ROOT SPLIT LIMIT DECOMPOSITION...}: the objects the default discovery finds on BSDS500 images, split
     * into parts by each decomposition, scored against each annotator's segmentation restricted to the object: the
     * covering of the annotator's segments inside the object by the parts and of the parts by those segments ({@code
     * sum_g |g| max_p IoU(g, p) / |object|}, Arbeláez et al., TPAMI 2011) and their variation of information, averaged
     * over annotators, then objects. Also parts per object and ms per object.
     */
    private static void parts(String[] args) throws Exception {
        Path root = Path.of(args[1]);
        String split = args[2];
        int limit = Integer.parseInt(args[3]);
        List<String> names = new ArrayList<>(List.of(args).subList(4, args.length));
        List<Sample> samples = new ArrayList<>();
        for (Sample s : Datasets.open("bsds500", root, split, null, null)) {
            if (samples.size() < limit) {
                samples.add(s);
            }
        }
        Pipeline pipeline = SuperCuts.pipeline().build();
        ObjectDiscovery discovery = org.supercuts.Presets.objectDiscovery();
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (String n : names) {
            sums.put(n, new double[5]); // covering of the annotators by the parts, parts, millis, reverse covering, VoI
        }
        long[] objects = {0};
        run(samples, sample -> {
            Segmentation seg = pipeline.segment(sample.loadImage());
            ObjectDiscovery.Input in = input(seg);
            List<org.supercuts.image.LabelMap> humans = sample.loadSegmentations();
            for (DiscoveredObject o : discovery.discover(in).objects()) {
                int[] regions = o.regions();
                for (String n : names) {
                    PartDecomposition d = decomposition(n);
                    long t0 = System.nanoTime();
                    int[] part = d.parts(in, regions);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    double covering = 0;
                    double reverse = 0;
                    double voi = 0;
                    for (org.supercuts.image.LabelMap human : humans) {
                        double[] c = compare(seg.superpixels(), regions, part, human);
                        covering += c[0];
                        reverse += c[1];
                        voi += c[2];
                    }
                    int k = java.util.Arrays.stream(part).max().orElse(0) + 1;
                    double[] acc = sums.get(n);
                    synchronized (acc) {
                        acc[0] += covering / humans.size();
                        acc[1] += k;
                        acc[2] += ms;
                        acc[3] += reverse / humans.size();
                        acc[4] += voi / humans.size();
                    }
                }
                synchronized (objects) {
                    objects[0]++;
                }
            }
        });
        System.out.println("BSDS500 " + split + " (" + samples.size() + " images, " + objects[0] + " objects found)");
        System.out.println("| parts | covering of the annotators' segments by the parts | covering of the parts by the annotators'"
                + " segments | VoI (bits, lower is better) | parts per object | ms per object |");
        System.out.println("|---|---|---|---|---|---|");
        for (String n : names) {
            double[] a = sums.get(n);
            double o = objects[0];
            System.out.println(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.2f | %.2f |", n, a[0] / o, a[3] / o, a[4] / o,
                    a[1] / o, a[2] / o));
        }
    }

    /**
     * Inside the object: the covering of the human segments by the parts, the covering of the parts by the human segments
     * ({@code sum |a| max_b IoU(a, b) / |object|} each way) and the variation of information {@code H(P|G) + H(G|P)} in
     * bits (Meila, 2007), by pixel counts.
     */
    static double[] compare(org.supercuts.image.LabelMap superpixels, int[] regions, int[] part, org.supercuts.image.LabelMap human) {
        int[] partOfRegion = new int[superpixels.count()];
        java.util.Arrays.fill(partOfRegion, -1);
        int k = 0;
        for (int i = 0; i < regions.length; i++) {
            partOfRegion[regions[i]] = part[i];
            k = Math.max(k, part[i] + 1);
        }
        Map<Integer, long[]> joint = new java.util.HashMap<>();
        long[] partArea = new long[k];
        long total = 0;
        int[] sp = superpixels.backingArray();
        int[] h = human.backingArray();
        for (int i = 0; i < sp.length; i++) {
            int p = partOfRegion[sp[i]];
            if (p < 0) {
                continue;
            }
            joint.computeIfAbsent(h[i], g -> new long[partArea.length])[p]++;
            partArea[p]++;
            total++;
        }
        if (total == 0) {
            return new double[] {0, 0, 0};
        }
        double cover = 0;
        double[] bestForPart = new double[k];
        double hJoint = 0;
        double hGt = 0;
        for (long[] row : joint.values()) {
            long g = 0;
            for (long v : row) {
                g += v;
            }
            double best = 0;
            for (int p = 0; p < k; p++) {
                double iou = row[p] / (double) (g + partArea[p] - row[p]);
                best = Math.max(best, iou);
                bestForPart[p] = Math.max(bestForPart[p], iou);
                if (row[p] > 0) {
                    double q = row[p] / (double) total;
                    hJoint -= q * Math.log(q);
                }
            }
            cover += g * best;
            double q = g / (double) total;
            hGt -= q * Math.log(q);
        }
        double reverse = 0;
        double hParts = 0;
        for (int p = 0; p < k; p++) {
            reverse += partArea[p] * bestForPart[p];
            if (partArea[p] > 0) {
                double q = partArea[p] / (double) total;
                hParts -= q * Math.log(q);
            }
        }
        double voi = (2 * hJoint - hGt - hParts) / Math.log(2);
        return new double[] {cover / total, reverse / total, voi};
    }

    /** The samples of {@code SET[:half]} arguments. */
    private static List<Sample> pooled(String[] specs) {
        List<Sample> samples = new ArrayList<>();
        for (String arg : specs) {
            String spec = arg;
            String half = "all";
            int colon = spec.lastIndexOf(':');
            if (colon > spec.indexOf('=')) {
                half = spec.substring(colon + 1);
                spec = spec.substring(0, colon);
            }
            samples.addAll(samples(spec, half, Integer.MAX_VALUE));
        }
        return samples;
    }

    /**
     * {@code dump SET[:half]... -- OUT.jsonl GENERATOR...}: one JSON line per image with its regions (area, saliency,
     * CIELAB mean, centroid, border pixels), adjacency (boundary length and contrast, and the default contour hierarchy's
     * ultrametric distance across the boundary over its largest merge height), the candidates of the generators
     * (regions, source, cues) and their IoU with each ground-truth object, for fitting and selection studies outside Java.
     */
    private static void dump(String[] args) throws Exception {
        int sep = List.of(args).indexOf("--");
        List<Sample> samples = pooled(java.util.Arrays.copyOfRange(args, 1, sep));
        Path outFile = Path.of(args[sep + 1]);
        List<ObjectDiscovery> generators = new ArrayList<>();
        for (int i = sep + 2; i < args.length; i++) {
            generators.add(ObjectVariants.get(args[i]).discovery());
        }
        Pipeline pipeline = SuperCuts.pipeline().build();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(outFile)) {
            run(samples, sample -> {
                Segmentation seg = pipeline.segment(sample.loadImage());
                BinaryMask gt = sample.loadMask();
                ObjectMatching.ObjectLabels truth = ObjectMatching.groundTruthObjects(gt.pixels(), gt.width(), gt.height());
                var g = seg.regionGraph();
                double[] sal = discoverySaliency(seg);
                ObjectDiscovery.Input in = input(seg, sal);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", sample.id());
                row.put("image", sample.imagePath().toString());
                row.put("w", gt.width());
                row.put("h", gt.height());
                row.put("gt", truth.count());
                List<List<Double>> regions = new ArrayList<>();
                for (int r = 0; r < g.regionCount(); r++) {
                    regions.add(List.of((double) g.size(r), sal[r], g.meanLab(r, 0), g.meanLab(r, 1), g.meanLab(r, 2),
                            g.centroidX(r), g.centroidY(r), (double) g.borderPixels(r)));
                }
                row.put("regions", regions);
                List<List<Double>> edges = new ArrayList<>();
                List<int[]> pairs = new ArrayList<>();
                for (int r = 0; r < g.regionCount(); r++) {
                    for (int k = g.neighbourStart(r); k < g.neighbourStart(r + 1); k++) {
                        if (g.neighbour(k) > r) {
                            pairs.add(new int[] {r, g.neighbour(k), k});
                        }
                    }
                }
                // The contour hierarchy's ultrametric distance across each boundary, scaled by its largest merge height.
                var tree = seg.hierarchy().tree();
                int[] ea = pairs.stream().mapToInt(p -> p[0]).toArray();
                int[] eb = pairs.stream().mapToInt(p -> p[1]).toArray();
                double[] ucm = tree.distances(ea, eb);
                double top = tree.maxHeight() > 0 ? tree.maxHeight() : 1;
                for (int e = 0; e < pairs.size(); e++) {
                    int k = pairs.get(e)[2];
                    edges.add(List.of((double) ea[e], (double) eb[e], (double) g.boundaryLength(k), g.boundaryContrast(k),
                            Double.isFinite(ucm[e]) ? ucm[e] / top : 1.0));
                }
                row.put("edges", edges);
                // Pixel overlap of each region with each ground-truth object, so any region set's IoU can be computed.
                int[] sp = seg.superpixels().backingArray();
                long[][] overlap = new long[g.regionCount()][truth.count() + 1];
                for (int i = 0; i < sp.length; i++) {
                    overlap[sp[i]][truth.labels()[i]]++;
                }
                row.put("overlap", overlap);
                List<Map<String, Object>> cands = new ArrayList<>();
                java.util.Set<List<Integer>> seen = new java.util.HashSet<>();
                for (ObjectDiscovery d : generators) {
                    for (ObjectCandidate c : d.candidates(in)) {
                        List<Integer> key = java.util.Arrays.stream(c.regions()).boxed().toList();
                        if (!seen.add(key)) {
                            continue;
                        }
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("regions", key);
                        m.put("source", c.source());
                        m.put("cues", c.cues().asMap());
                        cands.add(m);
                    }
                }
                row.put("candidates", cands);
                String line = json.writeValueAsString(row);
                synchronized (w) {
                    w.write(line);
                    w.write('\n');
                }
            });
        }
        System.out.println("dumped " + samples.size() + " images to " + outFile);
    }

    /** {@code fit SET[:half]... -- GENERATOR}: logistic regression of the match label on the candidates' features. */
    private static void fit(String[] args) throws Exception {
        int sep = List.of(args).indexOf("--");
        if (sep < 2 || sep + 1 >= args.length) {
            throw new IllegalArgumentException("usage: ObjectStudy fit SET[:half]... -- GENERATOR");
        }
        ObjectVariants.Variant generator = ObjectVariants.get(args[sep + 1]);
        List<Sample> samples = pooled(java.util.Arrays.copyOfRange(args, 1, sep));
        Pipeline pipeline = SuperCuts.pipeline().build();
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        run(samples, sample -> {
            Segmentation seg = pipeline.segment(sample.loadImage());
            BinaryMask gt = sample.loadMask();
            ObjectMatching.ObjectLabels truth = ObjectMatching.groundTruthObjects(gt.pixels(), gt.width(), gt.height());
            List<ObjectCandidate> cands = generator.discovery().candidates(input(seg));
            List<double[]> f = new ArrayList<>();
            List<Boolean> l = new ArrayList<>();
            long minPixels = (long) Math.ceil(ObjectMatching.MIN_AREA_SHARE * gt.width() * gt.height());
            for (ObjectCandidate c : cands) {
                if (c.area() < minPixels) {
                    continue;
                }
                byte[] mask = mask(seg, c.regions());
                f.add(Objectness.features(c.cues()));
                l.add(ObjectMatching.match(List.of(mask), truth).matched() > 0);
            }
            synchronized (rows) {
                rows.addAll(f);
                labels.addAll(l);
            }
        });
        // The ridge per candidate (-Dridge, default 1e-3); docs/objects.md says which value the default model uses.
        double ridge = Double.parseDouble(System.getProperty("ridge", "1e-3"));
        double[] beta = LogisticFit.fit(rows, labels, ridge);
        long positives = labels.stream().filter(b -> b).count();
        System.out.println(rows.size() + " candidates, " + positives + " match a ground-truth object, from " + samples.size()
                + " images; ridge " + ridge);
        StringBuilder sb = new StringBuilder("intercept and weights (" + String.join(", ", Objectness.FEATURES) + "):\n");
        for (double b : beta) {
            sb.append(String.format(Locale.ROOT, "%.4f, ", b));
        }
        System.out.println(sb);
        System.out.println("log-loss " + String.format(Locale.ROOT, "%.4f", LogisticFit.logLoss(rows, labels, beta)));
    }
}
