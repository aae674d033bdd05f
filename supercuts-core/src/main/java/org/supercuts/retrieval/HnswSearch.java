package org.supercuts.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;

/**
 * Approximate k-nearest-neighbour search through a Hierarchical Navigable Small World graph (Malkov and Yashunin, TPAMI
 * 2020), built and searched by hnswlib (com.github.jelmerk:hnswlib-core) with the inner-product distance 1 − q·v on the
 * index's normalised vectors. The spec ({@link #defaults()}, withers) is immutable; {@link #build(SegmentIndex)} returns the
 * search.
 *
 * <p>Parameters: {@code m} links per node (default 16), {@code efConstruction} (default 200) and the search breadth
 * {@code ef} (default 100; raised to k when k is larger). Recall against {@link NeighbourSearch#exact} is measured in
 * docs/retrieval.md.
 *
 * <p>Deviations from the paper: none of our own; the graph is hnswlib's. The graph keeps its own copy of every vector as a
 * {@code float[]} (about 4·d + 100 bytes per segment more than the index).
 *
 * <p>Thread safety: the spec is immutable; the built search may be queried from many threads (hnswlib's searches are
 * thread-safe).
 */
public final class HnswSearch {
    private final int m;
    private final int efConstruction;
    private final int ef;
    private final int threads;

    private HnswSearch(int m, int efConstruction, int ef, int threads) {
        if (m < 2) {
            throw new IllegalArgumentException("HNSW m must be >= 2, got " + m);
        }
        if (efConstruction < 1) {
            throw new IllegalArgumentException("HNSW efConstruction must be >= 1, got " + efConstruction);
        }
        if (ef < 1) {
            throw new IllegalArgumentException("HNSW ef must be >= 1, got " + ef);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("HNSW build threads must be >= 1, got " + threads);
        }
        this.m = m;
        this.efConstruction = efConstruction;
        this.ef = ef;
        this.threads = threads;
    }

    /** m = 16, efConstruction = 200, ef = 100, one build thread. */
    public static HnswSearch defaults() {
        return new HnswSearch(16, 200, 100, 1);
    }

    /** This spec with {@code links} links per graph node, at least 2. */
    public HnswSearch m(int links) {
        return new HnswSearch(links, efConstruction, ef, threads);
    }

    /** This spec with candidate list length {@code e} while building, at least 1. */
    public HnswSearch efConstruction(int e) {
        return new HnswSearch(m, e, ef, threads);
    }

    /** This spec with candidate list length {@code e} while searching (raised to k when smaller), at least 1. */
    public HnswSearch ef(int e) {
        return new HnswSearch(m, efConstruction, e, threads);
    }

    /** Threads that insert into the graph while it is built. */
    public HnswSearch threads(int n) {
        return new HnswSearch(m, efConstruction, ef, n);
    }

    /**
     * Builds the graph over every entry of {@code index}.
     *
     * @throws IllegalArgumentException for an empty index
     */
    public NeighbourSearch build(SegmentIndex index) {
        Objects.requireNonNull(index, "index");
        if (index.isEmpty()) {
            throw new IllegalArgumentException("the segment index is empty; add annotated images before searching it");
        }
        HnswIndex<Integer, float[], Entry, Float> graph = HnswIndex
                .newBuilder(index.dimension(), DistanceFunctions.FLOAT_INNER_PRODUCT, index.size())
                .withM(m).withEfConstruction(efConstruction).withEf(ef).build();
        List<Entry> items = new ArrayList<>(index.size());
        for (int i = 0; i < index.size(); i++) {
            items.add(new Entry(i, index.vector(i)));
        }
        try {
            graph.addAll(items, threads, (done, max) -> { }, Integer.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the HNSW graph", e);
        }
        return new Built(index, graph, describe());
    }

    /** A short description of the spec, for provenance. */
    public String describe() {
        return "hnsw(m=" + m + ",efConstruction=" + efConstruction + ",ef=" + ef + ")";
    }

    /** One graph node: the entry position and its vector. */
    record Entry(Integer id, float[] vector) implements Item<Integer, float[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public int dimensions() {
            return vector.length;
        }
    }

    /** The built search. */
    private static final class Built implements NeighbourSearch {
        private final SegmentIndex index;
        private final HnswIndex<Integer, float[], Entry, Float> graph;
        private final String description;

        Built(SegmentIndex index, HnswIndex<Integer, float[], Entry, Float> graph, String description) {
            this.index = index;
            this.graph = graph;
            this.description = description;
        }

        @Override
        public SegmentIndex index() {
            return index;
        }

        @Override
        public Neighbours nearest(float[] query, int k) {
            Objects.requireNonNull(query, "query");
            Searches.checkK(index, k);
            float[] q = Searches.normalised(query, 0, query.length, index.dimension());
            // hnswlib searches with max(ef, k) candidates.
            List<SearchResult<Entry, Float>> found = graph.findNearest(q, k);
            int n = found.size();
            int[] e = new int[n];
            float[] s = new float[n];
            for (int i = 0; i < n; i++) {
                e[i] = found.get(i).item().id();
                s[i] = 1 - found.get(i).distance();
            }
            return new Neighbours(e, s);
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
