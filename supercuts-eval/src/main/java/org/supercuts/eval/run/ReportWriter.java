package org.supercuts.eval.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.supercuts.eval.metrics.ObjectScores;
import org.supercuts.eval.metrics.PrecisionRecallCurve;
import org.supercuts.eval.metrics.SuperpixelScores;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Builds the report of a run and writes {@code report.json} (Jackson), {@code report.md} and {@code pr_curve.png} (XChart),
 * each atomically.
 *
 * <p>report.json keys: dataset, images (scored successfully, resumed included), iou, acc, precision, recall,
 * iou_adaptive, iou_at_0.5, max_fbeta (mean-curve convention, TokenCut), max_fbeta_per_image (per-image convention,
 * SelfMask/FOUND), mae, corloc (percent), boundary_recall, undersegmentation_error, asa, superpixels, images_per_second
 * (this run only), seconds_per_image, threads, pipeline, definitions, errors; with objects also objects_multi_recall,
 * objects_single_precision, objects_single_recall, objects_single_answered, objects_empty_answered_zero (and their image
 * counts), objects_precision, objects_recall. Metrics that do not apply are null.
 *
 * <p>Thread safety: stateless static methods.
 */
final class ReportWriter {
    private ReportWriter() {
    }

    static Map<String, Object> report(String dataset, ReportAccumulator acc, boolean masks, boolean boxes, boolean segmentations,
            boolean objects, int processed, double wallSeconds, int threads, Map<String, Object> pipeline,
            List<EvaluationError> errors) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dataset", dataset);
        r.put("images", acc.images);
        r.put("iou", masks ? value(acc.iou.mean()) : null);
        r.put("acc", masks ? value(acc.accuracy.mean()) : null);
        r.put("precision", masks ? value(acc.precision.mean()) : null);
        r.put("recall", masks ? value(acc.recall.mean()) : null);
        r.put("iou_adaptive", masks ? value(acc.iouAdaptive.mean()) : null);
        r.put("iou_at_0.5", masks ? value(acc.iouAtHalf.mean()) : null);
        r.put("max_fbeta", masks ? value(acc.fBeta.maxFBetaOfMeanCurve()) : null);
        r.put("max_fbeta_per_image", masks ? value(acc.fBeta.meanOfPerImageMaxFBeta()) : null);
        r.put("mae", masks ? value(acc.mae.mean()) : null);
        r.put("corloc", boxes ? value(acc.corLoc.percent()) : null);
        if (segmentations) {
            SuperpixelScores s = acc.superpixels.mean();
            r.put("boundary_recall", value(s.boundaryRecall()));
            r.put("undersegmentation_error", value(s.undersegmentationError()));
            r.put("asa", value(s.achievableSegmentationAccuracy()));
            r.put("superpixels", value(s.superpixels()));
        }
        if (objects) {
            ObjectScores o = acc.objects;
            r.put("objects_multi_recall", value(o.multiObjectRecall()));
            r.put("objects_multi_images", o.multiObjectImages());
            r.put("objects_multi_gt", o.multiObjectGroundTruth());
            r.put("objects_single_precision", value(o.singleObjectPrecision()));
            r.put("objects_single_recall", value(o.singleObjectRecall()));
            r.put("objects_single_answered", value(o.singleObjectAnswered()));
            r.put("objects_single_images", o.singleObjectImages());
            r.put("objects_empty_answered_zero", value(o.emptyAnsweredZero()));
            r.put("objects_empty_images", o.emptyImages());
            r.put("objects_precision", value(o.precision()));
            r.put("objects_recall", value(o.recall()));
        }
        r.put("images_per_second", processed > 0 && wallSeconds > 0 ? processed / wallSeconds : null);
        r.put("seconds_per_image", value(acc.seconds.mean()));
        r.put("threads", threads);
        r.put("pipeline", pipeline);
        Map<String, String> defs = new LinkedHashMap<>();
        defs.put("iou", "mean over images of |P∩G|/|P∪G| of the predicted binary mask; ground truth binarised at level >= 128");
        defs.put("max_fbeta", "beta^2=0.3; dataset-mean precision and recall at thresholds k=1..255 on round(255*soft) >= k,"
                + " then max over k of F (TokenCut's convention); P=0 when nothing is predicted");
        defs.put("max_fbeta_per_image", "beta^2=0.3; per image max over the same 255 thresholds, then mean over images"
                + " (SelfMask/FOUND convention)");
        defs.put("iou_adaptive", "IoU of soft >= min(2*mean(soft), 1)");
        defs.put("corloc", "percent of images whose predicted box (largest 4-connected component) has IoU > 0.5 with a"
                + " ground-truth box");
        defs.put("superpixel_metrics", "per image averaged over annotators, then over images; boundary recall with 2 px"
                + " Chebyshev tolerance; undersegmentation error in the Neubert-Protzel corrected form");
        if (objects) {
            defs.put("objects", "ground-truth objects: 8-connected components of the binarised mask covering >= 1 % of the image;"
                    + " predicted and ground-truth objects matched one to one at mask IoU >= 0.5; multi = images with >= 2"
                    + " ground-truth objects (recall = matched / ground-truth objects), single = images with exactly 1"
                    + " (precision = matched / predicted objects, answered = share with >= 1 object), empty = images with none"
                    + " (answered_zero = share given zero objects)");
        }
        r.put("definitions", defs);
        r.put("errors", EvaluationError.reportEntries(errors));
        return r;
    }

    static void writeAll(Path out, Map<String, Object> report, ReportAccumulator acc, List<EvaluationError> errors)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(out.resolve("report.json"), mapper.writeValueAsString(report) + "\n");
        AtomicFiles.writeString(out.resolve("report.md"), markdown(report, errors));
        if (acc.fBeta.images() > 0) {
            AtomicFiles.write(out.resolve("pr_curve.png"), prCurve(String.valueOf(report.get("dataset")), acc));
        }
    }

    private static Double value(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String markdown(Map<String, Object> report, List<EvaluationError> errors) {
        StringBuilder sb = new StringBuilder();
        sb.append("# SuperCuts evaluation: ").append(report.get("dataset")).append("\n\n");
        sb.append("| metric | value |\n|---|---|\n");
        for (Map.Entry<String, Object> e : report.entrySet()) {
            Object v = e.getValue();
            if (v == null || v instanceof Map || v instanceof List || e.getKey().equals("dataset")) {
                continue;
            }
            sb.append("| ").append(e.getKey()).append(" | ").append(format(v)).append(" |\n");
        }
        sb.append("\n## Definitions\n\n");
        @SuppressWarnings("unchecked")
        Map<String, String> defs = (Map<String, String>) report.get("definitions");
        defs.forEach((k, v) -> sb.append("- **").append(k).append("**: ").append(v).append('\n'));
        sb.append("\n## Pipeline\n\n```\n").append(report.get("pipeline")).append("\n```\n");
        sb.append("\n## Errors (").append(errors.size()).append(")\n\n");
        for (EvaluationError e : errors) {
            sb.append("- ").append(e.id() == null ? "(dataset)" : e.id()).append(" `").append(e.file()).append("`: ")
                    .append(e.message().replace('\n', ' ')).append('\n');
        }
        return sb.toString();
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return String.valueOf(v);
    }

    private static byte[] prCurve(String dataset, ReportAccumulator acc) throws IOException {
        double[] p = acc.fBeta.meanPrecision();
        double[] r = acc.fBeta.meanRecall();
        // Thresholds above every soft value predict nothing anywhere (P = R = 0 by convention): not plotted.
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < p.length; k++) {
            if (r[k] > 0) {
                xs.add(r[k]);
                ys.add(p[k]);
            }
        }
        if (xs.isEmpty()) {
            xs.add(0.0);
            ys.add(0.0);
        }
        XYChart chart = new XYChartBuilder().width(640).height(480).title("PR curve, " + dataset + ", " + acc.fBeta.images()
                + " images").xAxisTitle("recall (dataset mean)").yAxisTitle("precision (dataset mean)").build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.addSeries(String.format(Locale.ROOT, "255 thresholds, max F(beta^2=0.3) = %.4f", acc.fBeta.maxFBetaOfMeanCurve()),
                xs, ys).setMarker(SeriesMarkers.NONE);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
