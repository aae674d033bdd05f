package org.supercuts.eval.run;

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
}
