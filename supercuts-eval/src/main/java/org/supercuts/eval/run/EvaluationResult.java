package org.supercuts.eval.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an evaluation run: the report (the content of {@code report.json}), the errors (failed images and dataset
 * problems, by name) and where the outputs are.
 *
 * <p>Thread safety: immutable value (the report map is unmodifiable).
 *
 * @param report          the report entries, as written to report.json
 * @param errors          failed images and dataset problems
 * @param outputDirectory the run's output directory
 * @param processed       images processed by this run
 * @param resumed         images taken over from an earlier run of the same directory
 */
public record EvaluationResult(Map<String, Object> report, List<EvaluationError> errors, Path outputDirectory, int processed,
        int resumed) {
    public EvaluationResult {
        report = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(report));
        errors = List.copyOf(errors);
    }

    /** True when any image failed or the dataset had problems: a CLI should exit non-zero. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** A report entry as a number, or NaN when absent or null. */
    public double metric(String key) {
        Object v = report.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
