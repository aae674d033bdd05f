package org.supercuts.retrieval;

import java.util.Objects;

/**
 * Exact k-nearest-neighbour search by cosine similarity: every entry is scored. The index's tiles are dimension-major, so
 * the score of a query against a tile of {@link SegmentIndex#TILE} entries is {@code d} multiply-add passes over
 * contiguous floats, which the JIT vectorises; a batch of queries shares each tile while it is in cache. Ties are broken
 * by the lower entry position.
 *
 * <p>Thread safety: immutable; queries may run concurrently (each allocates its own buffers).
 */
final class ExactSearch implements NeighbourSearch {
    /** Queries that share one pass over the tiles. */
    private static final int QUERY_BLOCK = 32;

    private final SegmentIndex index;

    ExactSearch(SegmentIndex index) {
        this.index = Objects.requireNonNull(index, "index");
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
        return scan(new float[][] {q}, k)[0];
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

    private Neighbours[] scan(float[][] queries, int k) {
        int d = index.dimension();
        int n = index.size();
        float[] tiles = index.tiles();
        int tile = SegmentIndex.TILE;
        TopK[] best = new TopK[queries.length];
        for (int i = 0; i < queries.length; i++) {
            best[i] = new TopK(k);
        }
        float[] scores = new float[tile];
        for (int start = 0; start < n; start += tile) {
            int len = Math.min(tile, n - start);
            int base = start * d;
            for (int qi = 0; qi < queries.length; qi++) {
                score(queries[qi], tiles, base, d, tile, scores);
                TopK top = best[qi];
                for (int t = 0; t < len; t++) {
                    if (scores[t] > top.floor()) {
                        top.offer(start + t, scores[t]);
                    }
                }
            }
        }
        Neighbours[] out = new Neighbours[queries.length];
        for (int i = 0; i < queries.length; i++) {
            out[i] = best[i].sorted();
        }
        return out;
    }

    /**
     * scores[t] = q · (entry t of the tile at {@code base}), eight dimensions per pass over the tile: eight contiguous
     * streams and one read-modify-write of the scores per pass, which C2 turns into vector multiply-adds.
     */
    private static void score(float[] q, float[] tiles, int base, int d, int tile, float[] scores) {
        java.util.Arrays.fill(scores, 0f);
        int j = 0;
        for (; j + 8 <= d; j += 8) {
            float a0 = q[j];
            float a1 = q[j + 1];
            float a2 = q[j + 2];
            float a3 = q[j + 3];
            float a4 = q[j + 4];
            float a5 = q[j + 5];
            float a6 = q[j + 6];
            float a7 = q[j + 7];
            int o = base + j * tile;
            for (int t = 0; t < tile; t++) {
                scores[t] += a0 * tiles[o + t] + a1 * tiles[o + tile + t] + a2 * tiles[o + 2 * tile + t] + a3 * tiles[o + 3 * tile + t]
                        + a4 * tiles[o + 4 * tile + t] + a5 * tiles[o + 5 * tile + t] + a6 * tiles[o + 6 * tile + t]
                        + a7 * tiles[o + 7 * tile + t];
            }
        }
        for (; j < d; j++) {
            float a = q[j];
            int o = base + j * tile;
            for (int t = 0; t < tile; t++) {
                scores[t] += a * tiles[o + t];
            }
        }
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
