package org.supercuts.eval.dataset;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An evaluation dataset: named, sized, iterated as lightweight {@link Sample}s (images are decoded only when a sample is
 * loaded, so iterating never holds the images in memory), with the problems found when it was opened.
 *
 * <p>Open one through {@link Datasets}.
 *
 * <p>Thread safety: implementations are immutable; each {@link #iterator()} is independent (an iterator itself is for one
 * thread).
 */
public interface Dataset extends Iterable<Sample> {
    /** The dataset's short name, e.g. {@code "ecssd"}. */
    String name();

    /** The number of samples the iterator yields. */
    int size();

    @Override
    Iterator<Sample> iterator();

    /** The ground truth every sample carries. */
    Set<GroundTruthKind> groundTruth();

    /** Files that were found but could not be paired or parsed; empty for a complete dataset. */
    List<DatasetProblem> problems();

    /** The first {@code n} samples (in iteration order), keeping the problems list. */
    default Dataset limit(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + n);
        }
        List<Sample> first = new java.util.ArrayList<>(Math.min(n, size()));
        for (Sample s : this) {
            if (first.size() == n) {
                break;
            }
            first.add(s);
        }
        return new SampleListDataset(name(), first, groundTruth(), problems());
    }

    /**
     * This dataset, or a {@link DatasetException} listing the problems by file name when there are any.
     */
    default Dataset requireNoProblems() {
        if (!problems().isEmpty()) {
            throw new DatasetException(name(), problems());
        }
        return this;
    }
}
