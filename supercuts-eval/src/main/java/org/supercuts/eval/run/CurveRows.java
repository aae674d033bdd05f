package org.supercuts.eval.run;

import java.util.Map;

import org.supercuts.eval.metrics.PrecisionRecallCurve;

/**
 * Rows of {@code per_image_pr.csv}: {@code id, p_1..p_255, r_1..r_255}, the precision and recall of one image at the 255
 * thresholds, kept so that a resumed run can rebuild the dataset-mean curve without the soft maps.
 *
 * <p>Thread safety: stateless static methods.
 */
final class CurveRows {
    private static final int THRESHOLDS = PrecisionRecallCurve.THRESHOLDS;

    private CurveRows() {
    }

    static String header() {
        StringBuilder sb = new StringBuilder("id");
        for (int k = 1; k <= THRESHOLDS; k++) {
            sb.append(",p_").append(k);
        }
        for (int k = 1; k <= THRESHOLDS; k++) {
            sb.append(",r_").append(k);
        }
        return sb.toString();
    }

    static String toCsv(String id, PrecisionRecallCurve curve) {
        StringBuilder sb = new StringBuilder(ImageRecord.quote(id));
        for (double v : curve.precision()) {
            sb.append(',').append(ImageRecord.number(v));
        }
        for (double v : curve.recall()) {
            sb.append(',').append(ImageRecord.number(v));
        }
        return sb.toString();
    }

    /** @throws IllegalArgumentException on a malformed (e.g. truncated) row */
    static Map.Entry<String, PrecisionRecallCurve> parse(String line) {
        var f = ImageRecord.split(line);
        if (f.size() != 1 + 2 * THRESHOLDS) {
            throw new IllegalArgumentException("curve row has " + f.size() + " fields, expected " + (1 + 2 * THRESHOLDS));
        }
        double[] p = new double[THRESHOLDS];
        double[] r = new double[THRESHOLDS];
        for (int k = 0; k < THRESHOLDS; k++) {
            p[k] = Float.parseFloat(f.get(1 + k));
            r[k] = Float.parseFloat(f.get(1 + THRESHOLDS + k));
        }
        return Map.entry(f.get(0), PrecisionRecallCurve.of(p, r));
    }
}
