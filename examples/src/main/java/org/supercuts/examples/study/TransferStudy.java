package org.supercuts.examples.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.eval.dataset.BinaryMask;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.ConfusionCounts;
import org.supercuts.eval.metrics.MaxFBetaAccumulator;
import org.supercuts.eval.metrics.PrecisionRecallCurve;
import org.supercuts.eval.metrics.SoftMapMetrics;
import org.supercuts.feature.SegmentDescriptor;
import org.supercuts.image.PlanarImage;
import org.supercuts.retrieval.ImageSegments;
import org.supercuts.retrieval.LabelTransfer;
import org.supercuts.retrieval.Neighbours;
import org.supercuts.retrieval.NeighbourSearch;
import org.supercuts.retrieval.SegmentEmbedder;
import org.supercuts.retrieval.SegmentIndex;
import org.supercuts.retrieval.TransferResult;

/**
 * The label-transfer measurements of docs/retrieval.md: every image is segmented once by the default pipeline and
 * described once (all descriptor blocks at weight 1, plus its segments' mean saliency); each configuration (descriptor
 * block weights, saliency weight) then re-weights the stored blocks exactly as {@link SegmentDescriptor} and {@link
 * SegmentEmbedder} would, indexes the annotated images, retrieves the 50 nearest segments of every query segment once
 * and scores k = 1..50 with plain and weighted votes. The soft map of a transfer is constant on each superpixel, so IoU,
 * max-Fβ and MAE are computed exactly from per-segment (area, ground-truth foreground pixels) counts; the default's
 * scores come from its full-resolution maps on the same images in the same run.
 *
 * <p>Usage: {@code TransferStudy ECSSD_ROOT PASCAL_S_ROOT tune|final|clusters [threads]}: {@code tune} indexes ECSSD odd
 * ids 1 mod 4 and queries odd ids 3 mod 8 (the tuning split) over a grid of weights; {@code final} runs the chosen
 * configuration once with ECSSD odd → ECSSD even and ECSSD all → PASCAL-S-dev; {@code clusters} clusters all ECSSD
 * segments. System properties: {@code weights} (7 block weights), {@code saliency} (its weight), {@code search}
 * ({@code exact} or {@code hnsw}).
 *
 * <p>Thread safety: a program entry point.
 */
public final class TransferStudy {
    static final int K_MAX = 100;
    static final int[] KS = {5, 10, 30, 50, 100};
    /** The votes compared: plain, and weighted with these concentrations κ. */
    static final double[] CONCENTRATIONS = {0, 10, 30, 100};
    static final String SEARCH = System.getProperty("search", "exact");
    static final org.supercuts.retrieval.HnswSearch HNSW = org.supercuts.retrieval.HnswSearch.defaults().efConstruction(60).ef(120)
            .threads(2);
    /** Late fusion: the transferred share mixed with the default's soft value, share' = a·share + (1 − a)·saliency. */
    static final double[] FUSION = {1, 0.75, 0.5};

    private TransferStudy() {
    }

    /** One image's segments: unit descriptor rows (all blocks at weight 1), saliency, areas and ground-truth counts. */
    record Image(String id, int number, int n, double[] descriptor, double[] saliency, int[] areas, int[] foreground,
            int[] labels, ConfusionCounts baseline, PrecisionRecallCurve baselineCurve, double baselineMae, double millis) {
    }

    /** A configuration: descriptor block weights and the saliency weight. */
    record Config(String name, double[] blockWeights, double saliencyWeight) {
    }

    static List<Image> embedAll(List<Sample> samples, int threads) throws Exception {
        SegmentEmbedder embedder = unitEmbedder();
        return forEachSample(samples, threads, s -> {
            PlanarImage image = s.loadImage();
            byte[] gt = s.loadMask().pixels();
            long t0 = System.nanoTime();
            ImageSegments seg = embedder.embed(image);
            return describe(s, seg, gt, (System.nanoTime() - t0) / 1e6);
        });
    }

    /** The default pipeline with every descriptor block at weight 1 and a saliency block of weight 1. */
    static SegmentEmbedder unitEmbedder() {
        SegmentDescriptor unit = SegmentDescriptor.defaults();
        for (String b : SegmentDescriptor.BLOCKS) {
            unit = unit.weight(b, 1);
        }
        return SegmentEmbedder.of(SuperCuts.pipeline().build(), unit).saliencyWeight(1);
    }

    /** {@code work} on every sample on {@code threads} threads, in sample order; samples that fail are skipped, printed. */
    static <T> List<T> forEachSample(List<Sample> samples, int threads, java.util.function.Function<Sample, T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Sample s : samples) {
                futures.add(pool.submit(() -> work.apply(s)));
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    System.out.println("skipped " + samples.get(i).imagePath() + ": " + e.getCause().getMessage());
                }
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** The study's record of one embedded image against its ground truth {@code gt}. */
    static Image describe(Sample sample, ImageSegments seg, byte[] gt, double ms) {
        Segmentation s = seg.segmentation();
        int n = seg.count();
        int fd = seg.dimension() - 12;
        double[] desc = new double[n * fd];
        for (int i = 0; i < n; i++) {
            System.arraycopy(seg.vectors(), i * seg.dimension(), desc, i * fd, fd);
        }
        int[] fg = new int[n];
        int[] lbl = seg.segments().backingArray();
        for (int i = 0; i < lbl.length; i++) {
            fg[lbl[i]] += gt[i] != 0 ? 1 : 0;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = 2 * fg[i] >= seg.areas()[i] ? 1 : 0;
        }
        float[] soft = s.softMask();
        return new Image(sample.id(), number(sample.id()), n, desc, seg.saliency(), seg.areas(), fg, labels,
                ConfusionCounts.of(s.mask(), gt), PrecisionRecallCurve.of(soft, gt), SoftMapMetrics.meanAbsoluteError(soft, gt), ms);
    }

    static int number(String id) {
        return Integer.parseInt(id.replaceAll("\\D", ""));
    }

    /** The embedding rows of one image under {@code c}. */
    static double[] rows(Image im, Config c) {
        int fd = im.descriptor.length / im.n;
        double[] w = new double[fd];
        int o = 0;
        for (int b = 0; b < SegmentDescriptor.BLOCKS.length; b++) {
            int size = SegmentDescriptor.blockSize(SegmentDescriptor.BLOCKS[b]);
            double f = Math.sqrt(c.blockWeights[b]);
            for (int j = 0; j < size; j++) {
                w[o++] = f;
            }
        }
        double[] f = new double[im.descriptor.length];
        for (int i = 0; i < im.n; i++) {
            for (int j = 0; j < fd; j++) {
                f[i * fd + j] = im.descriptor[i * fd + j] * w[j];
            }
        }
        return SegmentEmbedder.embedding(f, im.n, fd, im.saliency, im.areas, c.saliencyWeight);
    }

    /** Scores of one (k, voting) cell over the query images. */
    static final class Score {
        final MaxFBetaAccumulator fbeta = new MaxFBetaAccumulator();
        double iou;
        double mae;
        int images;

        void add(Image im, double[] fgShare) {
            // Expand per-segment counts into an equivalent pixel list: order does not matter to any of these metrics.
            int total = 0;
            for (int a : im.areas) {
                total += a;
            }
            float[] soft = new float[total];
            byte[] gt = new byte[total];
            int p = 0;
            for (int s = 0; s < im.n; s++) {
                for (int i = 0; i < im.areas[s]; i++) {
                    soft[p] = (float) fgShare[s];
                    gt[p++] = (byte) (i < im.foreground[s] ? 1 : 0);
                }
            }
            iou += ConfusionCounts.ofSoft(soft, 0.5, gt).iou();
            mae += SoftMapMetrics.meanAbsoluteError(soft, gt);
            fbeta.add(PrecisionRecallCurve.of(soft, gt));
            images++;
        }

        String cells() {
            return String.format(Locale.ROOT, "%.4f | %.4f | %.4f", iou / images, fbeta.maxFBetaOfMeanCurve(), mae / images);
        }
    }

    /** Runs one configuration: index {@code annotated}, transfer to {@code queries}; returns "k|voting" -> score. */
    static Map<String, Score> run(List<Image> annotated, List<Image> queries, Config c, int threads, double[] timing)
            throws Exception {
        long t0 = System.nanoTime();
        SegmentIndex.Builder b = null;
        for (Image im : annotated) {
            double[] r = rows(im, c);
            if (b == null) {
                b = SegmentIndex.builder(r.length / im.n, "study:" + c.name);
            }
            int[] ids = new int[im.n];
            Arrays.setAll(ids, i -> i);
            b.addImage(im.id, r, ids, im.labels, im.areas);
        }
        SegmentIndex index = b.build();
        // The heavy final runs may use the HNSW graph (its recall against the exact search is printed beside).
        NeighbourSearch search = SEARCH.equals("hnsw") ? HNSW.build(index) : NeighbourSearch.exact(index);
        long t1 = System.nanoTime();
        Map<String, Score> scores = new LinkedHashMap<>();
        for (int k : KS) {
            for (double kappa : CONCENTRATIONS) {
                for (double a : FUSION) {
                    scores.put(k + "|" + vote(kappa) + "|" + a, new Score());
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] segments = {0};
        try {
            List<Future<Map<String, double[]>>> futures = new ArrayList<>();
            for (Image im : queries) {
                futures.add(pool.submit(() -> {
                    double[] r = rows(im, c);
                    int d = r.length / im.n;
                    float[] q = new float[r.length];
                    for (int i = 0; i < r.length; i++) {
                        q[i] = (float) r[i];
                    }
                    Neighbours[] found = search.nearest(q, im.n, K_MAX);
                    ImageSegments query = new ImageSegments(org.supercuts.image.LabelMap.of(im.n, 1, ids(im.n)), d, r, im.areas,
                            null, null);
                    Map<String, double[]> shares = new LinkedHashMap<>();
                    for (int k : KS) {
                        for (double kappa : CONCENTRATIONS) {
                            LabelTransfer.Voting v = kappa == 0 ? LabelTransfer.Voting.PLAIN : LabelTransfer.Voting.WEIGHTED;
                            TransferResult t = LabelTransfer.nearest(k).voting(v).concentration(kappa).vote(index, query, found);
                            double[] share = t.segmentShares(TransferResult.FOREGROUND);
                            for (double a : FUSION) {
                                double[] fused = new double[share.length];
                                for (int i = 0; i < share.length; i++) {
                                    fused[i] = a * share[i] + (1 - a) * im.saliency[i];
                                }
                                shares.put(k + "|" + vote(kappa) + "|" + a, fused);
                            }
                        }
                    }
                    return shares;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                Map<String, double[]> shares = futures.get(i).get();
                Image im = queries.get(i);
                segments[0] += im.n;
                shares.forEach((key, v) -> scores.get(key).add(im, v));
            }
        } finally {
            pool.shutdown();
        }
        long t2 = System.nanoTime();
        if (SEARCH.equals("hnsw")) {
            System.out.println("  " + recall(index, search, queries.get(0), c));
        }
        timing[0] = (t1 - t0) / 1e6;
        timing[1] = (t2 - t1) / 1e6 / segments[0];
        timing[2] = index.size();
        return scores;
    }

    /** Recall@10 and @50 of the approximate search against the exact one, over the segments of one query image. */
    static String recall(SegmentIndex index, NeighbourSearch approximate, Image im, Config c) {
        double[] r = rows(im, c);
        float[] q = new float[r.length];
        for (int i = 0; i < r.length; i++) {
            q[i] = (float) r[i];
        }
        Neighbours[] exact = NeighbourSearch.exact(index).nearest(q, im.n, K_MAX);
        Neighbours[] approx = approximate.nearest(q, im.n, K_MAX);
        double[] hits = new double[2];
        int[] at = {10, K_MAX};
        for (int s = 0; s < im.n; s++) {
            for (int a = 0; a < 2; a++) {
                java.util.Set<Integer> truth = new java.util.HashSet<>();
                for (int e : exact[s].first(at[a]).entries()) {
                    truth.add(e);
                }
                for (int e : approx[s].first(at[a]).entries()) {
                    hits[a] += truth.contains(e) ? 1 : 0;
                }
            }
        }
        return String.format(Locale.ROOT, "%s recall against exact on image %s: @10 %.3f, @100 %.3f", approximate.describe(), im.id,
                hits[0] / (10.0 * im.n), hits[1] / ((double) K_MAX * im.n));
    }

    /**
     * Cross-image clustering of the segments of {@code images} with spherical k-means under {@code c}: Hungarian and
     * majority-vote mIoU against fg/bg for 3 seeds, with one restart (the seed variance) and with 3 restarts; at most 30
     * iterations.
     */
    static void clusters(List<Image> images, Config c, int[] ks) {
        int n = images.stream().mapToInt(im -> im.n).sum();
        double[] first = rows(images.get(0), c);
        int d = first.length / images.get(0).n;
        float[] all = new float[n * d];
        int o = 0;
        for (Image im : images) {
            double[] r = rows(im, c);
            for (double v : r) {
                all[o++] = (float) v;
            }
        }
        System.out.println();
        System.out.println("## clustering " + n + " segments of " + images.size() + " ECSSD images (" + c.name + ", d=" + d + ")");
        System.out.println("| K | restarts | seeds | Hungarian mIoU (mean ± sd over seeds) | majority-vote mIoU (mean ± sd) | objective sd over seeds | ms per run |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int k : ks) {
            for (int restarts : new int[] {1, 3}) {
                int seeds = 3;
                double[] hung = new double[seeds];
                double[] major = new double[seeds];
                double[] objective = new double[seeds];
                long t0 = System.nanoTime();
                for (int seed = 0; seed < seeds; seed++) {
                    org.supercuts.clustering.SphericalKMeans.Result r = org.supercuts.clustering.SphericalKMeans.clusters(k)
                            .restarts(restarts).iterations(30).seed(1000L * seed).cluster(all, n, d);
                    org.supercuts.eval.metrics.UnsupervisedMiou m = new org.supercuts.eval.metrics.UnsupervisedMiou(k, 2);
                    int start = 0;
                    for (Image im : images) {
                        long[] counts = new long[2 * k];
                        for (int s = 0; s < im.n; s++) {
                            int cl = r.assignment()[start + s];
                            counts[2 * cl + 1] += im.foreground[s];
                            counts[2 * cl] += im.areas[s] - im.foreground[s];
                        }
                        addCounts(m, counts, k);
                        start += im.n;
                    }
                    hung[seed] = m.result().meanIou();
                    major[seed] = m.majorityVote().meanIou();
                    objective[seed] = r.objective();
                }
                double ms = (System.nanoTime() - t0) / 1e6 / seeds;
                System.out.printf(Locale.ROOT, "| %d | %d | %d | %.4f ± %.4f | %.4f ± %.4f | %.5f | %.0f |%n", k, restarts, seeds, mean(hung),
                        sd(hung), mean(major), sd(major), sd(objective), ms);
                System.out.flush();
            }
        }
    }

    /** Adds per-(cluster, class) pixel counts as an equivalent pixel list. */
    private static void addCounts(org.supercuts.eval.metrics.UnsupervisedMiou m, long[] counts, int k) {
        long total = 0;
        for (long v : counts) {
            total += v;
        }
        int[] p = new int[(int) total];
        int[] g = new int[(int) total];
        int o = 0;
        for (int cl = 0; cl < k; cl++) {
            for (int cls = 0; cls < 2; cls++) {
                for (long i = 0; i < counts[2 * cl + cls]; i++) {
                    p[o] = cl;
                    g[o++] = cls;
                }
            }
        }
        m.add(p, g);
    }

    static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).average().orElse(0));
    }

    private static String vote(double kappa) {
        return kappa == 0 ? "plain" : "weighted κ=" + (int) kappa;
    }

    private static int[] ids(int n) {
        int[] a = new int[n];
        Arrays.setAll(a, i -> i);
        return a;
    }

    static String baseline(List<Image> images) {
        MaxFBetaAccumulator f = new MaxFBetaAccumulator();
        double iou = 0;
        double mae = 0;
        double ms = 0;
        for (Image im : images) {
            iou += im.baseline.iou();
            mae += im.baselineMae;
            f.add(im.baselineCurve);
            ms += im.millis;
        }
        int n = images.size();
        return String.format(Locale.ROOT, "%.4f | %.4f | %.4f (default pipeline + descriptor %.1f ms/image)", iou / n, f.maxFBetaOfMeanCurve(),
                mae / n, ms / n);
    }

    static double[] weights(double colour, double spread, double histogram, double gradient, double orientation, double lbp,
            double position) {
        return new double[] {colour, spread, histogram, gradient, orientation, lbp, position};
    }

    static List<Image> select(List<Image> all, IntPredicate keep) {
        return all.stream().filter(im -> keep.test(im.number)).toList();
    }

    static void report(String title, List<Image> annotated, List<Image> queries, List<Config> configs, int threads)
            throws Exception {
        System.out.println();
        System.out.println("## " + title + ": " + annotated.size() + " annotated images -> " + queries.size() + " query images");
        System.out.println("default pipeline on the query images (IoU | max-Fb | MAE): " + baseline(queries));
        System.out.println("| config | k | voting | fusion a | IoU | max-Fb | MAE |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Config c : configs) {
            double[] timing = new double[3];
            Map<String, Score> scores = run(annotated, queries, c, threads, timing);
            scores.forEach((key, s) -> {
                String[] kv = key.split("\\|");
                System.out.println("| " + c.name + " | " + kv[0] + " | " + kv[1] + " | " + kv[2] + " | " + s.cells() + " |");
            });
            System.out.printf(Locale.ROOT, "  (%s: index of %.0f segments built in %.0f ms, %.3f ms per query segment incl. voting, %d threads)%n",
                    c.name, timing[2], timing[0], timing[1], threads);
            System.out.flush();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: TransferStudy ECSSD_ROOT PASCAL_S_ROOT tune|final|clusters [threads]");
            System.exit(2);
        }
        Path ecssd = Path.of(args[0]);
        Path pascal = Path.of(args[1]);
        String mode = args[2];
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<Sample> ecssdSamples = new ArrayList<>();
        Datasets.ecssd(ecssd).forEach(ecssdSamples::add);
        if (mode.equals("tune")) {
            List<Image> odd = embedAll(ecssdSamples.stream().filter(s -> number(s.id()) % 2 == 1).toList(), threads);
            List<Image> annotated = select(odd, n -> n % 4 == 1);
            List<Image> queries = select(odd, n -> n % 8 == 3);
            List<Config> configs = new ArrayList<>();
            double[] all = weights(1, 0.5, 1, 0.5, 0.5, 0.5, 1);
            if (!Boolean.getBoolean("skipDescriptorOnly")) {
                configs.add(new Config("descriptor", all, 0));
            }
            configs.add(new Config("descriptor+saliency1", all, 1));
            configs.add(new Config("descriptor+saliency3", all, 3));
            configs.add(new Config("saliency-only", weights(0, 0, 0, 0, 0, 0, 1e-6), 1e6));
            configs.add(new Config("no-colour+saliency1", weights(0, 0, 0, 0.5, 0.5, 0.5, 1), 1));
            configs.add(new Config("no-texture+saliency1", weights(1, 0.5, 1, 0, 0, 0, 1), 1));
            configs.add(new Config("no-position+saliency1", weights(1, 0.5, 1, 0.5, 0.5, 0.5, 0), 1));
            report("tuning split (ECSSD odd: ids 1 mod 4 annotated, 3 mod 8 queried)", annotated, queries, configs, threads);
        } else if (mode.equals("clusters")) {
            double[] w = parseWeights(System.getProperty("weights", "1,0.5,1,0.5,0.5,0.5,1"));
            List<Image> all = embedAll(ecssdSamples, threads);
            clusters(all, new Config("descriptor", w, 0), new int[] {2, 5, 10});
            clusters(all, new Config("descriptor+saliency" + System.getProperty("saliency", "1"), w,
                    Double.parseDouble(System.getProperty("saliency", "1"))), new int[] {2, 5, 10});
        } else {
            double[] w = parseWeights(System.getProperty("weights", "1,0.5,1,0.5,0.5,0.5,1"));
            double ws = Double.parseDouble(System.getProperty("saliency", "1"));
            Config chosen = new Config("descriptor+saliency" + ws, w, ws);
            List<Image> all = embedAll(ecssdSamples, threads);
            List<Image> odd = select(all, n -> n % 2 == 1);
            // The vote (k, κ, fusion) is chosen on the tuning split's rows, printed first; the held-out sets follow.
            report("tuning split (ECSSD odd: ids 1 mod 4 annotated, 3 mod 8 queried)", select(odd, n -> n % 4 == 1),
                    select(odd, n -> n % 8 == 3), List.of(chosen), threads);
            report("ECSSD odd -> ECSSD even", odd, select(all, n -> n % 2 == 0), List.of(chosen), threads);
            List<Sample> pascalSamples = new ArrayList<>();
            Datasets.folder("pascal-s-dev", pascal.resolve("images"), pascal.resolve("masks")).forEach(pascalSamples::add);
            List<Image> queries = embedAll(pascalSamples, threads);
            report("ECSSD all -> PASCAL-S-dev", all, queries, List.of(chosen), threads);
            if (!Boolean.getBoolean("skipClusters")) {
                clusters(all, new Config("descriptor", w, 0), new int[] {2, 5});
                clusters(all, chosen, new int[] {2, 5});
            }
            List<Config> ablations = new ArrayList<>();
            for (String[] group : new String[][] {{"colour", "spread", "histogram"}, {"gradient", "orientation", "lbp"}, {"position"}}) {
                double[] without = w.clone();
                for (String b : group) {
                    without[java.util.Arrays.asList(SegmentDescriptor.BLOCKS).indexOf(b)] = 0;
                }
                ablations.add(new Config("without " + String.join("/", group) + " +saliency" + ws, without, ws));
            }
            report("tuning split, descriptor ablations", select(odd, n -> n % 4 == 1), select(odd, n -> n % 8 == 3), ablations, threads);
        }
    }

    private static double[] parseWeights(String s) {
        String[] p = s.split(",");
        double[] w = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            w[i] = Double.parseDouble(p[i].trim());
        }
        return w;
    }
}
