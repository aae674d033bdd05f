package org.supercuts.retrieval;

import java.util.Objects;

/**
 * The nearest index entries of one query, most similar first: entry positions in the {@link SegmentIndex} and their cosine
 * similarities.
 *
 * <p>Thread safety: immutable by contract (the arrays are not copied; nobody modifies them after construction).
 *
 * @param entries      positions in the index, most similar first
 * @param similarities the cosine similarity of each entry to the query, non-increasing
 */
public record Neighbours(int[] entries, float[] similarities) {
    public Neighbours {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(similarities, "similarities");
        if (entries.length != similarities.length) {
            throw new IllegalArgumentException("neighbours need one similarity per entry, got " + entries.length + " entries and "
                    + similarities.length + " similarities");
        }
    }

    /** The number of neighbours. */
    public int size() {
        return entries.length;
    }

    /** The first {@code k} neighbours (all of them when there are fewer). */
    public Neighbours first(int k) {
        if (k >= entries.length) {
            return this;
        }
        return new Neighbours(java.util.Arrays.copyOf(entries, k), java.util.Arrays.copyOf(similarities, k));
    }
}
