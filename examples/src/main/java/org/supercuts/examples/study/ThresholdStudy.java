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
import java.util.function.ToDoubleFunction;

import org.supercuts.Pipeline;
import org.supercuts.SuperCuts;
import org.supercuts.eval.dataset.BinaryMask;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.ConfusionCounts;
import org.supercuts.eval.metrics.MaxFBetaAccumulator;
import org.supercuts.eval.metrics.PrecisionRecallCurve;
import org.supercuts.eval.metrics.SoftMapMetrics;
import org.supercuts.selection.SaliencyCalibration;
import org.supercuts.selection.ThresholdRule;

/**
 * Which per-image threshold should the calibration map to 0.5? Runs the default selection without calibration (the
 * stretched score) over ECSSD images and scores several per-image threshold rules: mean IoU of the mask at the rule's
 * threshold, and max-F-beta and MAE of the map calibrated so that threshold goes to 0.5 and sharpened. The oracle row
 * (best IoU threshold per image, from the ground truth) is the headroom, not a usable rule.
 *
 * <p>Usage: {@code ThresholdStudy ECSSD_ROOT odd|even|all [limit]}.
 *
 * <p>Thread safety: a program entry point.
 */
public final class ThresholdStudy {
    private ThresholdStudy() {
    }

    static final class Row {
        final MaxFBetaAccumulator fbeta = new MaxFBetaAccumulator();
        double iou;
        double mae;
        int n;

        synchronized void add(float[] calibrated, byte[] gt) {
            byte[] mask = new byte[calibrated.length];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (byte) (calibrated[i] >= 0.5f ? 1 : 0);
            }
            iou += ConfusionCounts.of(mask, gt).iou();
            mae += SoftMapMetrics.meanAbsoluteError(calibrated, gt);
            fbeta.add(PrecisionRecallCurve.of(calibrated, gt));
            n++;
        }
    }

    static double mean(float[] s) {
        double sum = 0;
        for (float v : s) {
            sum += v;
        }
        return sum / s.length;
    }

    static double otsu(float[] s) {
        return ThresholdRule.OTSU.threshold(s);
    }

    static double std(float[] s, double m) {
        double v = 0;
        for (float x : s) {
            v += (x - m) * (x - m);
        }
        return Math.sqrt(v / s.length);
    }

    static float[] calibrate(float[] s, double t, double k) {
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            double c = SaliencyCalibration.calibrate(s[i], t);
            out[i] = (float) (k > 0 ? SaliencyCalibration.sharpen(c, k) : c);
        }
        return out;
    }

    static double oracle(float[] s, byte[] gt) {
        double best = 0;
        double bestT = 0.5;
        for (int ti = 1; ti < 50; ti++) {
            double t = ti / 50.0;
            long inter = 0;
            long uni = 0;
            for (int i = 0; i < s.length; i++) {
                boolean p = s[i] >= t;
                boolean g = gt[i] != 0;
                inter += p && g ? 1 : 0;
                uni += p || g ? 1 : 0;
            }
            double iou = uni == 0 ? 1 : (double) inter / uni;
            if (iou > best) {
                best = iou;
                bestT = t;
            }
        }
        return bestT;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String half = args[1];
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        String selection = args.length > 3 ? args[3] : "treeRaw";
        Pipeline pipeline = SuperCuts.pipeline().selection(Variants.rawSelector(selection)).build();
        Map<String, ToDoubleFunction<float[]>> rules = new LinkedHashMap<>();
        for (double k : new double[] {1.5, 1.75, 2}) {
            rules.put("mean*" + k, s -> Math.min(1, k * mean(s)));
        }
        rules.put("otsu", ThresholdStudy::otsu);
        for (double a : new double[] {0.25, 0.5, 0.75}) {
            rules.put(a + "otsu+2mean", s -> a * otsu(s) + (1 - a) * Math.min(1, 2 * mean(s)));
            rules.put(a + "otsu+1.5mean", s -> a * otsu(s) + (1 - a) * Math.min(1, 1.5 * mean(s)));
        }
        double sharp = Double.parseDouble(System.getProperty("sharp", "12"));
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String r : rules.keySet()) {
            rows.put(r, new Row());
        }
        rows.put("oracle", new Row());
        List<String> csv = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (Sample s : Datasets.ecssd(root)) {
            int number = Integer.parseInt(s.id().replaceAll("\\D", ""));
            boolean keep = half.equals("all") || (half.equals("odd") == (number % 2 == 1));
            if (keep && samples.size() < limit) {
                samples.add(s);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("threads", 2));
        List<Future<?>> futures = new ArrayList<>();
        for (Sample sample : samples) {
            futures.add(pool.submit(() -> {
                BinaryMask gt = sample.loadMask();
                float[] soft = pipeline.segment(sample.loadImage()).softMask();
                for (var e : rules.entrySet()) {
                    rows.get(e.getKey()).add(calibrate(soft, e.getValue().applyAsDouble(soft), sharp), gt.pixels());
                }
                double ot = oracle(soft, gt.pixels());
                rows.get("oracle").add(calibrate(soft, ot, sharp), gt.pixels());
                double m = mean(soft);
                double sd = std(soft, m);
                double o = otsu(soft);
                double fgMean = 0;
                double bgMean = 0;
                int fg = 0;
                for (float v : soft) {
                    if (v >= o) {
                        fgMean += v;
                        fg++;
                    } else {
                        bgMean += v;
                    }
                }
                fgMean /= Math.max(1, fg);
                bgMean /= Math.max(1, soft.length - fg);
                double gtFrac = 0;
                for (byte b : gt.pixels()) {
                    gtFrac += b != 0 ? 1 : 0;
                }
                synchronized (csv) {
                    csv.add(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f", sample.id(), ot, m, sd, o,
                            fgMean, bgMean, (double) fg / soft.length, gtFrac / soft.length));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        if (System.getProperty("csv") != null) {
            csv.add(0, "id,oracle,mean,std,otsu,fgMean,bgMean,fgFrac,gtFrac");
            java.nio.file.Files.write(Path.of(System.getProperty("csv")), csv);
        }
        System.out.println("ECSSD " + half + " " + samples.size() + " images, selection " + selection);
        System.out.println("| rule | IoU | maxFb | MAE |");
        rows.forEach((name, r) -> System.out.printf(Locale.ROOT, "| %-18s | %.3f | %.3f | %.3f |%n", name, r.iou / r.n,
                r.fbeta.maxFBetaOfMeanCurve(), r.mae / r.n));
    }
}
