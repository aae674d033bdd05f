package org.supercuts.retrieval;

/**
 * {@link ScanKernel} in plain Java: per tile and query, the scores of the tile's {@link SegmentIndex#TILE} entries are
 * accumulated eight dimensions per pass (eight contiguous streams and one read-modify-write of the scores per pass,
 * which C2 turns into vector multiply-adds), then offered to the heap.
 *
 * <p>Thread safety: stateless; each call allocates its own score buffer.
 */
final class ScalarScanKernel extends ScanKernel {
    @Override
    void scan(float[] tiles, int n, int d, float[][] queries, ExactSearch.TopK[] best) {
        int tile = SegmentIndex.TILE;
        float[] scores = new float[tile];
        for (int start = 0; start < n; start += tile) {
            int len = Math.min(tile, n - start);
            int base = start * d;
            for (int qi = 0; qi < queries.length; qi++) {
                score(queries[qi], tiles, base, d, tile, scores);
                ExactSearch.TopK top = best[qi];
                for (int t = 0; t < len; t++) {
                    if (scores[t] > top.floor()) {
                        top.offer(start + t, scores[t]);
                    }
                }
            }
        }
    }

    /** scores[t] = q · (entry t of the tile at {@code base}). */
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
}
