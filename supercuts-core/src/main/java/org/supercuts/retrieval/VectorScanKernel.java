package org.supercuts.retrieval;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
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
    /** Bytes of one float vector's lanes (null when no byte vector of that size exists). */
    private static final VectorSpecies<Byte> BYTES = bytes(LANES);
    private static final int TILE = SegmentIndex.TILE;

    static {
        if (TILE % (4 * LANES) != 0) {
            throw new IllegalStateException("tile of " + TILE + " entries is not a multiple of 4 vectors of " + LANES + " lanes");
        }
    }

    private static VectorSpecies<Byte> bytes(int lanes) {
        int bits = lanes * Byte.SIZE;
        return bits == 64 || bits == 128 || bits == 256 || bits == 512
                ? VectorSpecies.of(byte.class, VectorShape.forBitSize(bits)) : null;
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

    @Override
    boolean prefilters() {
        return BYTES != null;
    }

    /**
     * One query in two passes: scores against the int8 copy (a quarter of the float tiles' bytes; the single-query scan
     * is bound by memory bandwidth) bound each entry's float score from below and above by its rounding error ({@link
     * ScanKernel.Int8Tiles}); every entry whose upper bound reaches the k-th best lower bound is a candidate, and only the
     * candidates are scored on the float tiles, with the same fused multiply-adds in the same order as {@link #scan}, in
     * entry order: the result is the one {@link #scan} gives.
     */
    @Override
    void scanOne(float[] tiles, ScanKernel.Int8Tiles quantised, int n, int d, float[] q, ExactSearch.TopK best) {
        if (!prefilters()) {
            super.scanOne(tiles, quantised, n, d, q, best);
            return;
        }
        byte[] values = quantised.values;
        ExactSearch.TopK lowerBounds = new ExactSearch.TopK(best.capacity());
        int[] candidates = new int[64];
        float[] upperBounds = new float[64];
        int count = 0;
        float[] lower = new float[LANES];
        float[] upper = new float[LANES];
        for (int start = 0; start < n; start += TILE) {
            int len = Math.min(TILE, n - start);
            int base = start * d;
            for (int g = 0; g < len; g += 4 * LANES) {
                FloatVector a0 = FloatVector.zero(FLOATS);
                FloatVector a1 = a0;
                FloatVector a2 = a0;
                FloatVector a3 = a0;
                int o = base + g;
                for (int j = 0; j < d; j++, o += TILE) {
                    FloatVector w = FloatVector.broadcast(FLOATS, q[j]);
                    a0 = widen(values, o).fma(w, a0);
                    a1 = widen(values, o + LANES).fma(w, a1);
                    a2 = widen(values, o + 2 * LANES).fma(w, a2);
                    a3 = widen(values, o + 3 * LANES).fma(w, a3);
                }
                for (int h = 0; h < 4; h++) {
                    int valid = Math.min(LANES, len - g - h * LANES);
                    if (valid <= 0) {
                        break;
                    }
                    int first = start + g + h * LANES;
                    FloatVector a = (h == 0 ? a0 : h == 1 ? a1 : h == 2 ? a2 : a3)
                            .mul(FloatVector.fromArray(FLOATS, quantised.scales, first));
                    FloatVector err = FloatVector.fromArray(FLOATS, quantised.errors, first);
                    FloatVector up = a.add(err);
                    if (!up.compare(VectorOperators.GE, lowerBounds.floor()).anyTrue()) {
                        continue;
                    }
                    up.intoArray(upper, 0);
                    a.sub(err).intoArray(lower, 0);
                    for (int l = 0; l < valid; l++) {
                        if (upper[l] >= lowerBounds.floor()) {
                            if (count == candidates.length) {
                                candidates = java.util.Arrays.copyOf(candidates, 2 * count);
                                upperBounds = java.util.Arrays.copyOf(upperBounds, 2 * count);
                            }
                            candidates[count] = first + l;
                            upperBounds[count++] = upper[l];
                            if (lower[l] > lowerBounds.floor()) {
                                lowerBounds.offer(first + l, lower[l]);
                            }
                        }
                    }
                }
            }
        }
        float keep = lowerBounds.floor();
        for (int c = 0; c < count; c++) {
            if (upperBounds[c] < keep) {
                continue;
            }
            int e = candidates[c];
            int o = (e / TILE) * TILE * d + e % TILE;
            float s = 0f;
            for (int j = 0; j < d; j++, o += TILE) {
                s = Math.fma(tiles[o], q[j], s);
            }
            if (s > best.floor()) {
                best.offer(e, s);
            }
        }
    }

    /** The {@code LANES} int8 values at {@code o}, as floats. */
    private static FloatVector widen(byte[] values, int o) {
        return (FloatVector) ByteVector.fromArray(BYTES, values, o).convertShape(VectorOperators.B2F, FLOATS, 0);
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
