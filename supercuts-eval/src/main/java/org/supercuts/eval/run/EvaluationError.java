package org.supercuts.eval.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image that could not be evaluated, or a dataset problem, named in the report.
 *
 * <p>Thread safety: immutable value.
 *
 * @param id      the sample id, or null for a dataset problem not tied to a sample
 * @param file    the file concerned
 * @param message what went wrong
 */
public record EvaluationError(String id, String file, String message) {
    /** The report.json entries of {@code errors}, in order: {@code id}, {@code file}, {@code message} each. */
    public static List<Map<String, String>> reportEntries(List<EvaluationError> errors) {
        List<Map<String, String>> out = new ArrayList<>();
        for (EvaluationError e : errors) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("file", e.file());
            m.put("message", e.message());
            out.add(m);
        }
        return out;
    }
}
