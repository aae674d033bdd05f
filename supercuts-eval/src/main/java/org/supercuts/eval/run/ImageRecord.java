package org.supercuts.eval.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-image result row of {@code per_image.csv}. Metrics that do not apply to the dataset are NaN (written as empty
 * cells); the CorLoc hit is null when not applicable.
 *
 * <p>Values are stored as floats' shortest decimal form, and the aggregate report is always computed from the parsed rows,
 * so a resumed run reports exactly what an uninterrupted run would (up to summation order).
 *
 * <p>Thread safety: immutable value.
 */
public record ImageRecord(String id, boolean ok, int width, int height, double seconds, double iou, double accuracy,
        double precision, double recall, double iouAdaptive, double iouAtHalf, double mae, double maxFBeta, Boolean corlocHit,
        double boundaryRecall, double undersegmentationError, double asa, double superpixels, String message) {

    /** The CSV header line. */
    public static final String HEADER = "id,status,width,height,seconds,iou,acc,precision,recall,iou_adaptive,iou_at_0.5,mae,"
            + "max_fbeta,corloc_hit,boundary_recall,undersegmentation_error,asa,superpixels,message";
    private static final int COLUMNS = 19;

    /** A failed image. */
    public static ImageRecord error(String id, String message) {
        double n = Double.NaN;
        return new ImageRecord(id, false, 0, 0, n, n, n, n, n, n, n, n, n, null, n, n, n, n, message);
    }

    /** This record as one CSV line (no line terminator). */
    public String toCsv() {
        List<String> f = new ArrayList<>(COLUMNS);
        f.add(quote(id));
        f.add(ok ? "ok" : "error");
        f.add(Integer.toString(width));
        f.add(Integer.toString(height));
        for (double v : new double[] {seconds, iou, accuracy, precision, recall, iouAdaptive, iouAtHalf, mae, maxFBeta}) {
            f.add(number(v));
        }
        f.add(corlocHit == null ? "" : (corlocHit ? "1" : "0"));
        for (double v : new double[] {boundaryRecall, undersegmentationError, asa, superpixels}) {
            f.add(number(v));
        }
        f.add(quote(message == null ? "" : message));
        return String.join(",", f);
    }

    /**
     * Parses a line written by {@link #toCsv()}.
     *
     * @throws IllegalArgumentException when the line is malformed (e.g. cut short by a killed run)
     */
    public static ImageRecord parse(String line) {
        List<String> f = split(line);
        if (f.size() != COLUMNS) {
            throw new IllegalArgumentException("per-image row has " + f.size() + " fields, expected " + COLUMNS + ": '" + line + "'");
        }
        String status = f.get(1);
        if (!status.equals("ok") && !status.equals("error")) {
            throw new IllegalArgumentException("per-image row status must be ok or error, got '" + status + "'");
        }
        String hit = f.get(13);
        Boolean corloc = hit.isEmpty() ? null : switch (hit) {
            case "1" -> Boolean.TRUE;
            case "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("corloc_hit must be 0, 1 or empty, got '" + hit + "'");
        };
        return new ImageRecord(f.get(0), status.equals("ok"), Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)), num(f.get(4)),
                num(f.get(5)), num(f.get(6)), num(f.get(7)), num(f.get(8)), num(f.get(9)), num(f.get(10)), num(f.get(11)),
                num(f.get(12)), corloc, num(f.get(14)), num(f.get(15)), num(f.get(16)), num(f.get(17)), f.get(18));
    }

    static String number(double v) {
        return Double.isNaN(v) ? "" : Float.toString((float) v);
    }

    static double num(String s) {
        return s.isEmpty() ? Double.NaN : Float.parseFloat(s);
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        // Newlines would break the one-row-per-line resume format, so they become spaces.
        return "\"" + s.replace("\r", " ").replace("\n", " ").replace("\"", "\"\"") + "\"";
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in per-image row '" + line + "'");
        }
        out.add(cur.toString());
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ImageRecord[%s, %s]", id, ok ? "ok" : "error: " + message);
    }
}
