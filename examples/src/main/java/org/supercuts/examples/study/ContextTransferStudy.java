package org.supercuts.examples.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.MaxFBetaAccumulator;
import org.supercuts.eval.metrics.PrecisionRecallCurve;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.retrieval.ImageSegments;
import org.supercuts.retrieval.LabelTransfer;
import org.supercuts.retrieval.NeighbourSearch;
import org.supercuts.retrieval.Neighbours;
import org.supercuts.retrieval.SegmentEmbedder;
import org.supercuts.retrieval.SegmentIndex;
import org.supercuts.retrieval.TransferResult;
import org.supercuts.retrieval.TransferSoftMap;

/**
 * Label transfer with context features ({@link ContextFeatures}) instead of raw appearance, followed by smoothing over the
 * region graph and a threshold chosen on annotated images: the second round of docs/retrieval.md's measurements.
 *
 * <p>Every image is segmented once by the default pipeline; its segments' context values, descriptor rows, region graph
 * and ground-truth counts are kept. Each embedding configuration indexes the annotated images and retrieves the 100
 * nearest segments of every query segment once (exact scan); then every cell of k × fusion a × smoothing β × threshold t
 * is scored exactly from per-segment counts: the fused share {@code a·vote + (1 − a)·default} is smoothed ({@link
 * TransferSoftMap#smooth}) and mapped piecewise-linearly so that t becomes 0.5 (mask = value ≥ 0.5, as {@code segment}
 * writes it). IoU and MAE are per image, averaged; max-Fβ is of the mean curve (the threshold map does not change it).
 *
 * <p>Usage: {@code ContextTransferStudy ECSSD_ROOT PASCAL_S_ROOT tune|final [threads]}. {@code tune}: ECSSD odd only,
 * ids ≡ 1 mod 4 annotated, ≡ 3 mod 8 queried. {@code final}: the configuration given by system properties ({@code
 * groups} (context group weights, or {@code none}), {@code descriptor}, {@code saliency}, {@code images}, {@code k},
 * {@code a}, {@code beta}) on the tuning split again, ECSSD odd → even and ECSSD all → PASCAL-S-dev, every threshold
 * printed (the chosen one was picked on the tuning split). {@code -Dtop=N} prints the N best cells of each tuning configuration (0 = all; default 8), {@code
 * -Dconfigs=0,2} runs only those configurations.
 *
 * <p>Thread safety: a program entry point.
 */
public final class ContextTransferStudy {
    static final int K_MAX = 100;
    static final int[] KS = {30, 50, 100};
    static final double[] FUSION = {1, 0.75, 0.5};
    static final double[] BETAS = {0, 0.8, 0.9, 0.95};
    /** Mask thresholds: fixed values, and the default pipeline's per-image rules on the (smoothed) share map. */
    static final List<Rule> THRESHOLDS = List.of(new Rule(0.15, null), new Rule(0.2, null), new Rule(0.25, null),
            new Rule(0.3, null), new Rule(0.35, null), new Rule(0.4, null), new Rule(0.5, null),
            new Rule(0, org.supercuts.selection.ThresholdRule.ADAPTIVE), new Rule(0, org.supercuts.selection.ThresholdRule.OTSU),
            new Rule(0, org.supercuts.selection.ThresholdRule.BALANCED));

    /** A mask threshold: {@code value}, or per image by {@code rule} (area-weighted) when it is not null. */
    record Rule(double value, org.supercuts.selection.ThresholdRule rule) {
        double threshold(double[] p, int[] areas) {
            if (rule == null) {
                return value;
            }
            double[] w = new double[areas.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = areas[i];
            }
            double[] clamped = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                clamped[i] = Math.max(0, Math.min(1, p[i]));
            }
            return Math.max(0.01, Math.min(0.99, rule.threshold(clamped, w)));
        }

        String label() {
            return rule == null ? String.format(Locale.ROOT, "%.2f", value) : rule.name().toLowerCase(Locale.ROOT);
        }
    }

    private ContextTransferStudy() {
    }

    /** One image: the first study's record plus the context values and the region graph. */
    record Image(TransferStudy.Image base, double[] context, RegionGraph graph) {
    }

    /**
     * An embedding: context group weights (null = no context block), descriptor weight (0 = none, blocks at the chosen
     * weights) and saliency-block weight (0 = none). The blocks are each of unit length times √weight.
     */
    record Config(String name, double[] groups, double descriptor, double saliency, int images) {
        Config(String name, double[] groups, double descriptor, double saliency) {
            this(name, groups, descriptor, saliency, 0);
        }
    }

    static List<Image> embedAll(List<Sample> samples, int threads) throws Exception {
        SegmentEmbedder embedder = TransferStudy.unitEmbedder();
        return TransferStudy.forEachSample(samples, threads, s -> {
            PlanarImage image = s.loadImage();
            byte[] gt = s.loadMask().pixels();
            long t0 = System.nanoTime();
            ImageSegments seg = embedder.embed(image);
            double[] context = ContextFeatures.values(seg.segmentation());
            TransferStudy.Image base = TransferStudy.describe(s, seg, gt, (System.nanoTime() - t0) / 1e6);
            return new Image(base, context, seg.segmentation().regionGraph());
        });
    }

    /** The embedding rows of one image under {@code c}. */
    static double[] rows(Image im, Config c) {
        int n = im.base.n();
        List<double[]> blocks = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        if (c.groups != null) {
            blocks.add(ContextFeatures.embedding(im.context, n, c.groups));
            weights.add(1.0);
        }
        if (c.descriptor > 0 || c.saliency > 0) {
            double[] w = {1, 0.5, 1, 0.5, 0.5, 0.5, 1};
            double[] all = TransferStudy.rows(im.base, new TransferStudy.Config("d", c.descriptor > 0 ? w : new double[] {0, 0, 0, 0, 0, 0, 1e-9},
                    c.saliency > 0 ? c.saliency / Math.max(c.descriptor, 1e-9) : 0));
            blocks.add(all);
            weights.add(c.descriptor + c.saliency);
        }
        int d = 0;
        for (double[] b : blocks) {
            d += b.length / n;
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double[] out = new double[n * d];
        int o = 0;
        for (int b = 0; b < blocks.size(); b++) {
            double[] block = blocks.get(b);
            int bd = block.length / n;
            double f = Math.sqrt(weights.get(b) / total);
            for (int s = 0; s < n; s++) {
                double norm = 0;
                for (int j = 0; j < bd; j++) {
                    norm += block[s * bd + j] * block[s * bd + j];
                }
                double inv = norm > 0 ? f / Math.sqrt(norm) : 0;
                for (int j = 0; j < bd; j++) {
                    out[s * d + o + j] = block[s * bd + j] * inv;
                }
            }
            o += bd;
        }
        return out;
    }

    /** Scores of one (k, a, β) cell over the query images: IoU and MAE for every threshold, the mean PR curve. */
    static final class Cell {
        final MaxFBetaAccumulator fbeta = new MaxFBetaAccumulator();
        final double[] iou = new double[THRESHOLDS.size()];
        final double[] mae = new double[THRESHOLDS.size()];
        int images;

        synchronized void add(TransferStudy.Image im, double[] p) {
            for (int t = 0; t < THRESHOLDS.size(); t++) {
                double[] q = TransferSoftMap.rescale(p, THRESHOLDS.get(t).threshold(p, im.areas()));
                long inter = 0;
                long pred = 0;
                long truth = 0;
                double err = 0;
                long total = 0;
                for (int s = 0; s < im.n(); s++) {
                    int area = im.areas()[s];
                    int fg = im.foreground()[s];
                    truth += fg;
                    total += area;
                    if (q[s] >= 0.5) {
                        inter += fg;
                        pred += area;
                    }
                    err += fg * (1 - q[s]) + (area - fg) * q[s];
                }
                long union = pred + truth - inter;
                iou[t] += union == 0 ? 1 : inter / (double) union;
                mae[t] += err / total;
            }
            fbeta.add(curve(im, p));
            images++;
        }
    }

    /** The 255-threshold PR curve of a per-segment soft map, from per-segment counts (same levels as pixel maps). */
    static PrecisionRecallCurve curve(TransferStudy.Image im, double[] p) {
        long[] fgAt = new long[256];
        long[] bgAt = new long[256];
        for (int s = 0; s < im.n(); s++) {
            int q = PrecisionRecallCurve.level((float) p[s], s);
            fgAt[q] += im.foreground()[s];
            bgAt[q] += im.areas()[s] - im.foreground()[s];
        }
        return PrecisionRecallCurve.ofLevelCounts(fgAt, bgAt);
    }

    static String key(int k, double a, double beta) {
        return String.format(Locale.ROOT, "%d|%.2f|%.2f", k, a, beta);
    }

    /** Indexes {@code annotated} under {@code c} and scores every cell on {@code queries}. */
    static java.util.Map<String, Cell> run(List<Image> annotated, List<Image> queries, Config c, int[] ks, double[] fusions,
            double[] betas, int threads) throws Exception {
        long t0 = System.nanoTime();
        SegmentIndex.Builder b = null;
        for (Image im : annotated) {
            double[] r = rows(im, c);
            int n = im.base.n();
            if (b == null) {
                b = SegmentIndex.builder(r.length / n, "context-study:" + c.name);
            }
            int[] ids = new int[n];
            Arrays.setAll(ids, i -> i);
            b.addImage(im.base.id(), r, ids, im.base.labels(), im.base.areas());
        }
        SegmentIndex index = b.build();
        NeighbourSearch search = NeighbourSearch.exact(index);
        // Image-level retrieval: each annotated image's area-weighted mean row, normalised, as its global descriptor.
        List<double[]> annotatedRows = new ArrayList<>();
        double[][] global = new double[annotated.size()][];
        if (c.images > 0) {
            for (int i = 0; i < annotated.size(); i++) {
                double[] r = rows(annotated.get(i), c);
                annotatedRows.add(r);
                global[i] = globalDescriptor(r, annotated.get(i).base.areas());
            }
        }
        java.util.Map<String, Cell> cells = new java.util.LinkedHashMap<>();
        for (int k : ks) {
            for (double a : fusions) {
                for (double beta : betas) {
                    cells.put(key(k, a, beta), new Cell());
                }
            }
        }
        int kMax = Arrays.stream(ks).max().orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Image im : queries) {
                futures.add(pool.submit(() -> {
                    double[] r = rows(im, c);
                    int n = im.base.n();
                    int d = r.length / n;
                    float[] q = new float[r.length];
                    for (int i = 0; i < r.length; i++) {
                        q[i] = (float) r[i];
                    }
                    SegmentIndex voters = index;
                    NeighbourSearch from = search;
                    if (c.images > 0) {
                        voters = nearestImages(annotated, annotatedRows, global, globalDescriptor(r, im.base.areas()), c.images, d);
                        from = NeighbourSearch.exact(voters);
                    }
                    Neighbours[] found = from.nearest(q, n, Math.min(kMax, voters.size()));
                    int[] ids = new int[n];
                    Arrays.setAll(ids, i -> i);
                    ImageSegments query = new ImageSegments(LabelMap.of(n, 1, ids), d, r, im.base.areas(), null, null);
                    for (int k : ks) {
                        TransferResult t = LabelTransfer.nearest(Math.min(k, voters.size())).vote(voters, query, found);
                        double[] share = t.segmentShares(TransferResult.FOREGROUND);
                        for (double a : fusions) {
                            double[] fused = new double[n];
                            for (int i = 0; i < n; i++) {
                                fused[i] = a * share[i] + (1 - a) * im.base.saliency()[i];
                            }
                            for (double beta : betas) {
                                cells.get(key(k, a, beta)).add(im.base, TransferSoftMap.smooth(im.graph, fused, beta));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "  (%s: %d-d, %d segments indexed, %.1f s)%n", c.name, index.dimension(), index.size(),
                (System.nanoTime() - t0) / 1e9);
        return cells;
    }

    static double[] globalDescriptor(double[] rows, int[] areas) {
        int n = areas.length;
        int d = rows.length / n;
        double[] g = new double[d];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < d; j++) {
                g[j] += areas[s] * rows[s * d + j];
            }
        }
        double norm = 0;
        for (double v : g) {
            norm += v * v;
        }
        for (int j = 0; j < d; j++) {
            g[j] /= Math.sqrt(norm);
        }
        return g;
    }

    /** An index of the segments of the {@code m} annotated images whose global descriptors are closest to {@code g}. */
    static SegmentIndex nearestImages(List<Image> annotated, List<double[]> rows, double[][] global, double[] g, int m, int d) {
        Integer[] order = new Integer[annotated.size()];
        double[] sim = new double[annotated.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            for (int j = 0; j < d; j++) {
                sim[i] += global[i][j] * g[j];
            }
        }
        Arrays.sort(order, (x, y) -> Double.compare(sim[y], sim[x]));
        SegmentIndex.Builder b = SegmentIndex.builder(d, "images");
        for (int i = 0; i < Math.min(m, order.length); i++) {
            Image im = annotated.get(order[i]);
            int[] ids = new int[im.base.n()];
            Arrays.setAll(ids, x -> x);
            b.addImage(im.base.id(), rows.get(order[i]), ids, im.base.labels(), im.base.areas());
        }
        return b.build();
    }

    static String baseline(List<Image> images) {
        return TransferStudy.baseline(images.stream().map(Image::base).toList());
    }

    /** Prints the {@code top} best cells of {@code cells} by IoU (all of them when top is 0); returns the best one. */
    static String print(Config c, java.util.Map<String, Cell> cells, int top) {
        List<String[]> rowsOut = new ArrayList<>();
        List<Double> ious = new ArrayList<>();
        for (var e : cells.entrySet()) {
            Cell cell = e.getValue();
            String[] kv = e.getKey().split("\\|");
            for (int t = 0; t < THRESHOLDS.size(); t++) {
                double iou = cell.iou[t] / cell.images;
                ious.add(iou);
                rowsOut.add(new String[] {String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.4f | %.4f | %.4f |", c.name, kv[0], kv[1],
                        kv[2], THRESHOLDS.get(t).label(), iou, cell.fbeta.maxFBetaOfMeanCurve(), cell.mae[t] / cell.images)});
            }
        }
        Integer[] order = new Integer[ious.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (top > 0) {
            Arrays.sort(order, (x, y) -> Double.compare(ious.get(y), ious.get(x)));
        }
        for (int i = 0; i < (top > 0 ? Math.min(top, order.length) : order.length); i++) {
            System.out.println(rowsOut.get(order[i])[0]);
        }
        System.out.flush();
        Integer best = Arrays.stream(order).max((x, y) -> Double.compare(ious.get(x), ious.get(y))).orElseThrow();
        return rowsOut.get(best)[0];
    }

    static double[] groups(double saliency, double cues, double contrast, double position, double hierarchy) {
        return new double[] {saliency, cues, contrast, position, hierarchy};
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ContextTransferStudy ECSSD_ROOT PASCAL_S_ROOT tune|final [threads]");
            System.exit(2);
        }
        Path ecssd = Path.of(args[0]);
        Path pascal = Path.of(args[1]);
        String mode = args[2];
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<Sample> ecssdSamples = new ArrayList<>();
        Datasets.ecssd(ecssd).forEach(ecssdSamples::add);
        String header = "| config | k | fusion a | smoothing β | threshold t | IoU | max-Fb | MAE |\n|---|---|---|---|---|---|---|---|";
        if (mode.equals("tune")) {
            long t0 = System.nanoTime();
            List<Image> odd = embedAll(ecssdSamples.stream().filter(s -> TransferStudy.number(s.id()) % 2 == 1).toList(), threads);
            System.out.printf(Locale.ROOT, "embedded %d images in %.0f s%n", odd.size(), (System.nanoTime() - t0) / 1e9);
            List<Image> annotated = odd.stream().filter(im -> im.base.number() % 4 == 1).toList();
            List<Image> queries = odd.stream().filter(im -> im.base.number() % 8 == 3).toList();
            System.out.println("## tuning split: " + annotated.size() + " annotated -> " + queries.size() + " queried");
            System.out.println("default pipeline on the query images (IoU | max-Fb | MAE): " + baseline(queries));
            System.out.println(header);
            List<Config> configs = new ArrayList<>();
            configs.add(new Config("descriptor+saliency (main's default)", null, 1, 1));
            configs.add(new Config("context", groups(1, 1, 1, 1, 1), 0, 0));
            configs.add(new Config("context + descriptor 0.5 + saliency 1", groups(1, 1, 1, 1, 1), 0.5, 1));
            configs.add(new Config("descriptor+saliency, 20 nearest images", null, 1, 1, 20));
            configs.add(new Config("descriptor+saliency, 60 nearest images", null, 1, 1, 60));
            configs.add(new Config("context, 30 nearest images", groups(1, 1, 1, 1, 1), 0, 0, 30));
            String filter = System.getProperty("configs");
            List<String> best = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                if (filter != null && !Arrays.asList(filter.split(",")).contains(Integer.toString(i))) {
                    continue;
                }
                Config c = configs.get(i);
                best.add(print(c, run(annotated, queries, c, KS, FUSION, BETAS, threads), Integer.getInteger("top", 8)));
            }
            System.out.println("best IoU per configuration (every threshold):");
            best.forEach(s -> System.out.println("  " + s));
        } else {
            String groups = System.getProperty("groups", "none");
            Config chosen = new Config("groups " + groups + ", descriptor " + System.getProperty("descriptor", "1") + ", saliency "
                    + System.getProperty("saliency", "1") + ", images " + System.getProperty("images", "0"),
                    groups.equals("none") ? null : parse(groups), Double.parseDouble(System.getProperty("descriptor", "1")),
                    Double.parseDouble(System.getProperty("saliency", "1")), Integer.parseInt(System.getProperty("images", "0")));
            int[] k = {Integer.parseInt(System.getProperty("k", "50"))};
            double[] a = {Double.parseDouble(System.getProperty("a", "0.5"))};
            double[] beta = {Double.parseDouble(System.getProperty("beta", "0.8"))};
            List<Image> all = embedAll(ecssdSamples, threads);
            List<Image> odd = all.stream().filter(im -> im.base.number() % 2 == 1).toList();
            List<Image> even = all.stream().filter(im -> im.base.number() % 2 == 0).toList();
            for (Object[] split : new Object[][] {
                    {"tuning split (ECSSD ids 1 mod 4 -> 3 mod 8)", odd.stream().filter(im -> im.base.number() % 4 == 1).toList(),
                            odd.stream().filter(im -> im.base.number() % 8 == 3).toList()},
                    {"ECSSD odd -> ECSSD even", odd, even}}) {
                @SuppressWarnings("unchecked")
                List<Image> ann = (List<Image>) split[1];
                @SuppressWarnings("unchecked")
                List<Image> qs = (List<Image>) split[2];
                System.out.println("## " + split[0] + ": " + ann.size() + " -> " + qs.size());
                System.out.println("default pipeline (IoU | max-Fb | MAE): " + baseline(qs));
                System.out.println(header);
                print(chosen, run(ann, qs, chosen, k, a, beta, threads), 0);
            }
            List<Sample> pascalSamples = new ArrayList<>();
            Datasets.folder("pascal-s-dev", pascal.resolve("images"), pascal.resolve("masks")).forEach(pascalSamples::add);
            List<Image> pq = embedAll(pascalSamples, threads);
            System.out.println("## ECSSD all -> PASCAL-S-dev: " + all.size() + " -> " + pq.size());
            System.out.println("default pipeline (IoU | max-Fb | MAE): " + baseline(pq));
            System.out.println(header);
            print(chosen, run(all, pq, chosen, k, a, beta, threads), 0);
        }
    }

    private static double[] parse(String s) {
        return Arrays.stream(s.split(",")).mapToDouble(x -> Double.parseDouble(x.trim())).toArray();
    }
}
