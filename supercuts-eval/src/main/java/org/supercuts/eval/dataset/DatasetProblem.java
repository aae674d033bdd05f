package org.supercuts.eval.dataset;

/**
 * A problem found while opening a dataset: a missing or unpaired file, a malformed index line. Such samples are left out
 * of the iteration and listed here so that the caller reports them by name instead of skipping them silently.
 *
 * <p>Thread safety: immutable value.
 *
 * @param file    the file (or index line) concerned
 * @param problem what is wrong with it
 */
public record DatasetProblem(String file, String problem) {
    @Override
    public String toString() {
        return file + ": " + problem;
    }
}
