package org.supercuts.retrieval;

/** Argument checks and query normalisation shared by the search implementations. */
final class Searches {
    private Searches() {
    }

    static void checkK(SegmentIndex index, int k) {
        if (index.isEmpty()) {
            throw new IllegalArgumentException("the segment index is empty; add annotated images before searching it");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (k > index.size()) {
            throw new IllegalArgumentException("k = " + k + " is larger than the index, which holds " + index.size() + " segments");
        }
    }

    static void checkBatch(float[] queries, int count, int d) {
        if (count < 0 || queries.length < (long) count * d) {
            throw new IllegalArgumentException(count + " queries of d=" + d + " need " + ((long) count * d) + " values, got "
                    + queries.length);
        }
    }

    /** A normalised copy of {@code query}, after checking its length against the index. */
    static float[] normalised(float[] query, int offset, int d, int indexDimension) {
        if (d != indexDimension) {
            throw new IllegalArgumentException("query has dimension " + d + " but the index has dimension " + indexDimension
                    + "; queries must come from the features the index was built with");
        }
        double norm = 0;
        for (int j = 0; j < d; j++) {
            norm += query[offset + j] * query[offset + j];
        }
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("query vector has norm " + Math.sqrt(norm) + "; it must be non-zero and finite");
        }
        float inv = (float) (1 / Math.sqrt(norm));
        float[] q = new float[d];
        for (int j = 0; j < d; j++) {
            q[j] = query[offset + j] * inv;
        }
        return q;
    }
}
