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
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.eval.dataset.BinaryMask;
import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.ObjectMatching;
import org.supercuts.eval.metrics.ObjectScores;
import org.supercuts.objects.DiscoveredObject;
import org.supercuts.objects.ObjectCandidate;
import org.supercuts.objects.ObjectDiscovery;
import org.supercuts.objects.ObjectSet;
import org.supercuts.objects.Objectness;

/**
 * The study behind object discovery (docs/objects.md): runs the default pipeline once per image and every named
 * discovery variant on its result, and prints per variant the object scores of {@link ObjectScores} (multi-object
 * recall, single-object precision / recall / share answered, empty images answered with zero objects), objects per
 * image and milliseconds of discovery per image. {@code fit} instead collects the candidates of one generator with
 * their match label (IoU &gt;= 0.5 with a ground-truth object) and fits the {@link Objectness} weights by logistic
 * regression.
 *
 * <p>Usage: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.study.ObjectStudy SET odd|even|all
 * LIMIT variant...} or {@code ... ObjectStudy fit SET... -- GENERATOR}, where SET is {@code ecssd=ROOT} or
 * {@code folder=IMAGES,MASKS} (several SETs are pooled for {@code fit}); variants are those of {@link ObjectVariants}.
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

        synchronized void add(ObjectMatching.Match m, double ms) {
            scores.add(m);
            millis += ms;
            objects += m.predicted();
            images++;
        }

        synchronized String row(String name) {
            ObjectScores s = scores;
            return String.format(Locale.ROOT, "| %-34s | %4d | %.3f (%d) | %.3f / %.3f | %.3f | %d/%d | %.2f | %.2f |", name, images,
                    s.multiObjectRecall(), s.multiObjectImages(), s.singleObjectPrecision(), s.singleObjectRecall(),
                    s.singleObjectAnswered(), s.emptyAnsweredZeroCount(), s.emptyImages(), objects / (double) images,
                    millis / images);
        }
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
        return new ObjectDiscovery.Input(s.superpixels(), s.regionGraph(), s.affinity(), s.partition(), s.regionForeground());
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
        if (args.length < 4) {
            System.err.println("usage: ObjectStudy SET odd|even|all LIMIT variant... | ObjectStudy fit SET[:half]... -- GENERATOR;"
                    + " variants: " + ObjectVariants.NAMES);
            System.exit(2);
        }
        List<Sample> samples = samples(args[0], args[1], Integer.parseInt(args[2]));
        List<String> names = new ArrayList<>(List.of(args).subList(3, args.length));
        Map<String, ObjectVariants.Variant> variants = new LinkedHashMap<>();
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (String n : names) {
            variants.put(n, ObjectVariants.get(n));
            totals.put(n, new Totals());
        }
        Pipeline pipeline = SuperCuts.pipeline().build();
        run(samples, sample -> {
            Segmentation seg = pipeline.segment(sample.loadImage());
            BinaryMask gt = sample.loadMask();
            ObjectMatching.ObjectLabels truth = ObjectMatching.groundTruthObjects(gt.pixels(), gt.width(), gt.height());
            for (var e : variants.entrySet()) {
                long t0 = System.nanoTime();
                List<byte[]> predicted = e.getValue().objects(seg);
                double ms = (System.nanoTime() - t0) / 1e6;
                totals.get(e.getKey()).add(ObjectMatching.match(predicted, truth), ms);
            }
        });
        System.out.println(args[0] + " " + args[1] + " (" + samples.size() + " images), "
                + Integer.getInteger("threads", 2) + " threads");
        System.out.println("| variant | imgs | multi recall (imgs) | single P / R | single answered | empty -> 0 | obj/img | ms/img |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String n : names) {
            System.out.println(totals.get(n).row(n));
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
     * CIELAB mean, centroid, border pixels), adjacency (boundary length and contrast), the candidates of the generators
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
                double[] sal = seg.regionForeground();
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
                for (int r = 0; r < g.regionCount(); r++) {
                    for (int k = g.neighbourStart(r); k < g.neighbourStart(r + 1); k++) {
                        if (g.neighbour(k) > r) {
                            edges.add(List.of((double) r, (double) g.neighbour(k), (double) g.boundaryLength(k), g.boundaryContrast(k)));
                        }
                    }
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
                    for (ObjectCandidate c : d.candidates(input(seg))) {
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
        double[] beta = LogisticFit.fit(rows, labels, 1e-3);
        long positives = labels.stream().filter(b -> b).count();
        System.out.println(rows.size() + " candidates, " + positives + " match a ground-truth object, from " + samples.size()
                + " images");
        StringBuilder sb = new StringBuilder("intercept and weights (" + String.join(", ", Objectness.FEATURES) + "):\n");
        for (double b : beta) {
            sb.append(String.format(Locale.ROOT, "%.4f, ", b));
        }
        System.out.println(sb);
        System.out.println("log-loss " + String.format(Locale.ROOT, "%.4f", LogisticFit.logLoss(rows, labels, beta)));
    }
}
