package org.supercuts.retrieval;

import java.util.Objects;

/**
 * Exact k-nearest-neighbour search by cosine similarity: every entry is scored. The index's tiles are dimension-major, so
 * the score of a query against a tile of {@link SegmentIndex#TILE} entries is {@code d} multiply-add passes over
 * contiguous floats ({@link ScanKernel}: the Java Vector API when it is available and compiled, a loop the JIT
 * vectorises otherwise); a batch of queries shares each tile while it is in cache. Each query keeps its k best in a
 * bounded heap. A single query, which is bound by memory bandwidth, first reads an int8 copy of the tiles (made at its
 * first use: 1 byte per value plus 8 bytes per entry, 72 MB for a million 64-d segments) to pick the entries that can be
 * in its top k, then scores those on the float tiles: the result is the full scan's. Ties are broken by the lower entry
 * position.
 *
 * <p>Thread safety: queries may run concurrently (each allocates its own buffers); the int8 copy is made once under
 * a lock and published through a volatile field.
 */
final class ExactSearch implements NeighbourSearch {
    /** Queries that share one pass over the tiles. */
    private static final int QUERY_BLOCK = 32;

    private final SegmentIndex index;
    /** The int8 copy of the tiles that the Vector API scan of one query reads first; made at its first use. */
    private volatile ScanKernel.Int8Tiles quantised;

    ExactSearch(SegmentIndex index) {
        this.index = Objects.requireNonNull(index, "index");
        ScanKernel.fastest(); // starts the Vector API warm-up, so that it is usually done by the first large query
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
        ScanKernel kernel = ScanKernel.fastest();
        TopK best = new TopK(k);
        kernel.scanOne(index.tiles(), kernel.prefilters() ? quantised() : null, index.size(), index.dimension(), q, best);
        return best.sorted();
    }

    @Override
    public Neighbours[] nearest(float[] queries, int count, int k) {
        Objects.requireNonNull(queries, "queries");
        int d = index.dimension();
        Searches.checkBatch(queries, count, d);
        Searches.checkK(index, k);
        Neighbours[] out = new Neighbours[count];
        for (int from = 0; from < count; from += QUERY_BLOCK) {
            int m = Math.min(QUERY_BLOCK, count - from);
            float[][] block = new float[m][];
            for (int i = 0; i < m; i++) {
                block[i] = Searches.normalised(queries, (from + i) * d, d, d);
            }
            Neighbours[] found = scan(block, k);
            System.arraycopy(found, 0, out, from, m);
        }
        return out;
    }

    private ScanKernel.Int8Tiles quantised() {
        ScanKernel.Int8Tiles q = quantised;
        if (q == null) {
            synchronized (this) {
                q = quantised;
                if (q == null) {
                    q = ScanKernel.Int8Tiles.of(index.tiles(), index.size(), index.dimension());
                    quantised = q;
                }
            }
        }
        return q;
    }

    private Neighbours[] scan(float[][] queries, int k) {
        TopK[] best = new TopK[queries.length];
        for (int i = 0; i < queries.length; i++) {
            best[i] = new TopK(k);
        }
        ScanKernel.fastest().scan(index.tiles(), index.size(), index.dimension(), queries, best);
        Neighbours[] out = new Neighbours[queries.length];
        for (int i = 0; i < queries.length; i++) {
            out[i] = best[i].sorted();
        }
        return out;
    }

    @Override
    public String describe() {
        return "exact";
    }

    /** The k highest scores seen so far, as a min-heap on (score, then higher entry = worse). */
    static final class TopK {
        private final int[] ids;
        private final float[] scores;
        private int size;

        TopK(int k) {
            ids = new int[k];
            scores = new float[k];
        }

        /** k. */
        int capacity() {
            return ids.length;
        }

        /** The score an entry must beat to get in. */
        float floor() {
            return size < ids.length ? Float.NEGATIVE_INFINITY : scores[0];
        }

        void offer(int id, float score) {
            if (size < ids.length) {
                int i = size++;
                ids[i] = id;
                scores[i] = score;
                while (i > 0) {
                    int p = (i - 1) >>> 1;
                    if (!worse(i, p)) {
                        break;
                    }
                    swap(i, p);
                    i = p;
                }
                return;
            }
            ids[0] = id;
            scores[0] = score;
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    break;
                }
                int c = l + 1 < size && worse(l + 1, l) ? l + 1 : l;
                if (!worse(c, i)) {
                    break;
                }
                swap(c, i);
                i = c;
            }
        }

        private boolean worse(int a, int b) {
            return scores[a] < scores[b] || (scores[a] == scores[b] && ids[a] > ids[b]);
        }

        private void swap(int a, int b) {
            int ti = ids[a];
            ids[a] = ids[b];
            ids[b] = ti;
            float ts = scores[a];
            scores[a] = scores[b];
            scores[b] = ts;
        }

        Neighbours sorted() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : Integer.compare(ids[a], ids[b]));
            int[] e = new int[size];
            float[] s = new float[size];
            for (int i = 0; i < size; i++) {
                e[i] = ids[order[i]];
                s[i] = scores[order[i]];
            }
            return new Neighbours(e, s);
        }
    }
}
