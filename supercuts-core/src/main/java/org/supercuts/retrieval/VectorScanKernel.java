package org.supercuts.retrieval;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScanKernel} over the Java Vector API: the scores of one vector of entries (16 with AVX-512, 8 with AVX2) are
 * accumulated in a register over all dimensions with fused multiply-adds, and only compared with the heap's floor at the
 * end, so a score is never written to memory unless it may enter the top k. Four accumulators run at once to hide the
 * multiply-add latency: four groups of entries for one query, or one group of entries for four queries (each vector read
 * from the tile then serves four queries while the tile is in cache). Loaded by reflection only when {@code
 * jdk.incubator.vector} is in the boot layer.
 *
 * <p>Thread safety: stateless; each call allocates its own lane buffer.
 */
final class VectorScanKernel extends ScanKernel {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = FLOATS.length();
    private static final int TILE = SegmentIndex.TILE;

    static {
        if (TILE % (4 * LANES) != 0) {
            throw new IllegalStateException("tile of " + TILE + " entries is not a multiple of 4 vectors of " + LANES + " lanes");
        }
    }

    @Override
    void scan(float[] tiles, int n, int d, float[][] queries, ExactSearch.TopK[] best) {
        float[] lanes = new float[LANES];
        int m = queries.length;
        for (int start = 0; start < n; start += TILE) {
            int len = Math.min(TILE, n - start);
            int base = start * d;
            int qi = 0;
            for (; qi + 4 <= m; qi += 4) {
                fourQueries(tiles, base, d, start, len, queries, best, qi, lanes);
            }
            for (; qi < m; qi++) {
                oneQuery(tiles, base, d, start, len, queries[qi], best[qi], lanes);
            }
        }
    }

    /** One query against four vectors of entries at a time. */
    private static void oneQuery(float[] tiles, int base, int d, int start, int len, float[] q, ExactSearch.TopK top,
            float[] lanes) {
        for (int g = 0; g < len; g += 4 * LANES) {
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            int o = base + g;
            for (int j = 0; j < d; j++, o += TILE) {
                FloatVector w = FloatVector.broadcast(FLOATS, q[j]);
                a0 = FloatVector.fromArray(FLOATS, tiles, o).fma(w, a0);
                a1 = FloatVector.fromArray(FLOATS, tiles, o + LANES).fma(w, a1);
                a2 = FloatVector.fromArray(FLOATS, tiles, o + 2 * LANES).fma(w, a2);
                a3 = FloatVector.fromArray(FLOATS, tiles, o + 3 * LANES).fma(w, a3);
            }
            offer(a0, top, start + g, len - g, lanes);
            offer(a1, top, start + g + LANES, len - g - LANES, lanes);
            offer(a2, top, start + g + 2 * LANES, len - g - 2 * LANES, lanes);
            offer(a3, top, start + g + 3 * LANES, len - g - 3 * LANES, lanes);
        }
    }

    /** Queries {@code qi..qi+3} against one vector of entries at a time. */
    private static void fourQueries(float[] tiles, int base, int d, int start, int len, float[][] queries,
            ExactSearch.TopK[] best, int qi, float[] lanes) {
        float[] q0 = queries[qi];
        float[] q1 = queries[qi + 1];
        float[] q2 = queries[qi + 2];
        float[] q3 = queries[qi + 3];
        for (int g = 0; g < len; g += LANES) {
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            int o = base + g;
            for (int j = 0; j < d; j++, o += TILE) {
                FloatVector x = FloatVector.fromArray(FLOATS, tiles, o);
                a0 = x.fma(FloatVector.broadcast(FLOATS, q0[j]), a0);
                a1 = x.fma(FloatVector.broadcast(FLOATS, q1[j]), a1);
                a2 = x.fma(FloatVector.broadcast(FLOATS, q2[j]), a2);
                a3 = x.fma(FloatVector.broadcast(FLOATS, q3[j]), a3);
            }
            offer(a0, best[qi], start + g, len - g, lanes);
            offer(a1, best[qi + 1], start + g, len - g, lanes);
            offer(a2, best[qi + 2], start + g, len - g, lanes);
            offer(a3, best[qi + 3], start + g, len - g, lanes);
        }
    }

    /** Offers the first {@code min(LANES, valid)} lanes (entries {@code first, first+1, ...}) that beat the floor. */
    private static void offer(FloatVector scores, ExactSearch.TopK top, int first, int valid, float[] lanes) {
        if (valid <= 0 || !scores.compare(VectorOperators.GT, top.floor()).anyTrue()) {
            return;
        }
        scores.intoArray(lanes, 0);
        int count = Math.min(LANES, valid);
        for (int l = 0; l < count; l++) {
            if (lanes[l] > top.floor()) {
                top.offer(first + l, lanes[l]);
            }
        }
    }
}
