package org.supercuts.retrieval;

/**
 * One algorithm family: the k most similar (cosine) entries of a {@link SegmentIndex} for a query vector. {@link
 * #exact(SegmentIndex)} scans every entry; {@link #approximate(SegmentIndex)} uses an HNSW graph (hnswlib) for indexes too
 * large to scan; {@link #auto(SegmentIndex)} picks exact up to {@link #EXACT_LIMIT} entries.
 *
 * <p>Thread safety: implementations are immutable after construction and safe to query from many threads.
 */
public interface NeighbourSearch {
    /** Up to this many entries {@link #auto(SegmentIndex)} scans exactly. */
    int EXACT_LIMIT = 1_000_000;

    /** The index searched. */
    SegmentIndex index();

    /**
     * The {@code k} nearest entries of {@code query} (L2-normalised here; length = the index dimension).
     *
     * @throws IllegalArgumentException for a query of another dimension, a zero query, or k outside 1..index size
     */
    Neighbours nearest(float[] query, int k);

    /**
     * The {@code k} nearest entries of each of {@code count} queries stored row-major in {@code queries}. The default runs
     * {@link #nearest} per query; the exact search shares one pass over the index between a block of queries.
     */
    default Neighbours[] nearest(float[] queries, int count, int k) {
        int d = index().dimension();
        Searches.checkBatch(queries, count, d);
        Neighbours[] out = new Neighbours[count];
        float[] q = new float[d];
        for (int i = 0; i < count; i++) {
            System.arraycopy(queries, i * d, q, 0, d);
            out[i] = nearest(q, k);
        }
        return out;
    }

    /** A short description for provenance, e.g. {@code exact} or {@code hnsw(m=16,ef=...)}. */
    String describe();

    /** Scans every entry. */
    static NeighbourSearch exact(SegmentIndex index) {
        return new ExactSearch(index);
    }

    /** An HNSW graph over the index with the default parameters of {@link HnswSearch}. */
    static NeighbourSearch approximate(SegmentIndex index) {
        return HnswSearch.defaults().build(index);
    }

    /** Exact up to {@link #EXACT_LIMIT} entries, HNSW beyond. */
    static NeighbourSearch auto(SegmentIndex index) {
        return index.size() <= EXACT_LIMIT ? exact(index) : approximate(index);
    }
}
