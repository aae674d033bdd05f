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
import org.supercuts.eval.dataset.BinaryMask;
import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.ConfusionCounts;
import org.supercuts.eval.metrics.MaxFBetaAccumulator;
import org.supercuts.eval.metrics.PrecisionRecallCurve;
import org.supercuts.eval.metrics.SoftMapMetrics;
import org.supercuts.image.PlanarImage;

/**
 * The ablation harness behind docs/RESULTS.md and docs/pipeline-defaults.md: runs several named pipeline variants over
 * the same ECSSD images in one pass (each image is read once) and prints, per variant, mean IoU at 0.5 and at the adaptive
 * threshold, pixel accuracy, max-F-beta (dataset-mean P/R over 255 thresholds), MAE and milliseconds per image.
 *
 * <p>Usage: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.study.QualityStudy ROOT odd|even|all
 * [limit] [variant...]}; the variants are those of {@link Variants}.
 *
 * <p>Thread safety: a program entry point.
 */
public final class QualityStudy {
    private QualityStudy() {
    }

    /** Per-variant running totals; one instance per variant, updated under its own lock. */
    static final class Totals {
        final MaxFBetaAccumulator fbeta = new MaxFBetaAccumulator();
        double iou;
        double iouAdaptive;
        double acc;
        double mae;
        double millis;
        int images;
        final Map<String, Double> stages = new LinkedHashMap<>();

        synchronized void add(Segmentation s, byte[] gt, double ms) {
            float[] soft = s.softMask();
            ConfusionCounts c = ConfusionCounts.of(s.mask(), gt);
            iou += c.iou();
            acc += c.accuracy();
            iouAdaptive += SoftMapMetrics.atAdaptiveThreshold(soft, gt).iou();
            mae += SoftMapMetrics.meanAbsoluteError(soft, gt);
            fbeta.add(PrecisionRecallCurve.of(soft, gt));
            millis += ms;
            s.timingsMillis().forEach((k, v) -> stages.merge(k, v, Double::sum));
            images++;
        }

        synchronized String row(String name) {
            return String.format(Locale.ROOT, "| %-28s | %4d | %.3f | %.3f | %.3f | %.3f | %.3f | %6.1f |", name, images,
                    iou / images, iouAdaptive / images, acc / images, fbeta.maxFBetaOfMeanCurve(), mae / images,
                    millis / images);
        }

        synchronized String stageRow(String name) {
            StringBuilder b = new StringBuilder("  " + name + " ms/stage:");
            stages.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s=%.1f", k, v / images)));
            return b.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: QualityStudy ECSSD_ROOT odd|even|all [limit] [variant...]; variants: " + Variants.NAMES);
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        String half = args[1];
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        List<String> names = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            names.add(args[i]);
        }
        if (names.isEmpty()) {
            names.addAll(Variants.NAMES);
        }
        Map<String, Pipeline> variants = new LinkedHashMap<>();
        for (String n : names) {
            variants.put(n, Variants.get(n));
        }
        Map<String, Totals> totals = new LinkedHashMap<>();
        variants.keySet().forEach(n -> totals.put(n, new Totals()));
        Dataset ds = Datasets.ecssd(root);
        List<Sample> samples = new ArrayList<>();
        for (Sample s : ds) {
            int number = Integer.parseInt(s.id().replaceAll("\\D", ""));
            boolean keep = switch (half) {
                case "odd" -> number % 2 == 1;
                case "even" -> number % 2 == 0;
                default -> true;
            };
            if (keep && samples.size() < limit) {
                samples.add(s);
            }
        }
        int threads = Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (Sample sample : samples) {
            futures.add(pool.submit(() -> {
                PlanarImage img = sample.loadImage();
                BinaryMask gt = sample.loadMask();
                for (var e : variants.entrySet()) {
                    long t0 = System.nanoTime();
                    Segmentation seg = e.getValue().segment(img);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    totals.get(e.getKey()).add(seg, gt.pixels(), ms);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.println("ECSSD " + half + " (" + samples.size() + " images), " + threads + " threads");
        System.out.println("| variant                      | imgs | IoU   | IoU-ad| Acc   | maxFb | MAE   | ms/img |");
        totals.forEach((n, t) -> System.out.println(t.row(n)));
        totals.forEach((n, t) -> System.out.println(t.stageRow(n)));
    }

}
