package org.supercuts.eval.run;

import org.supercuts.eval.metrics.ObjectMatching;

/**
 * Rows of {@code per_image_objects.csv}: {@code id, gt_objects, predicted_objects, matched}, one image's object counts,
 * kept so that a resumed run rebuilds the object scores.
 *
 * <p>Thread safety: stateless static methods.
 */
final class ObjectRows {
    static final String FILE = "per_image_objects.csv";
    static final String HEADER = "id,gt_objects,predicted_objects,matched";

    private ObjectRows() {
    }

    static String toCsv(String id, ObjectMatching.Match m) {
        return ImageRecord.quote(id) + "," + m.groundTruth() + "," + m.predicted() + "," + m.matched();
    }

    /** @throws IllegalArgumentException on a malformed (e.g. truncated) row or the header */
    static java.util.Map.Entry<String, ObjectMatching.Match> parse(String line) {
        var f = ImageRecord.split(line);
        if (f.size() != 4) {
            throw new IllegalArgumentException("object row has " + f.size() + " fields, expected 4");
        }
        try {
            return java.util.Map.entry(f.get(0), new ObjectMatching.Match(Integer.parseInt(f.get(2)), Integer.parseInt(f.get(1)),
                    Integer.parseInt(f.get(3))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("object row '" + line + "' holds a non-number", e);
        }
    }
}
