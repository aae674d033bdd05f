package org.supercuts.retrieval;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inner loop of {@link ExactSearch}: scores every entry of the index's dimension-major tiles against a block of
 * normalised queries and keeps each query's k best in a bounded heap ({@link ExactSearch.TopK}).
 *
 * <p>Two implementations give the same neighbours with similarities equal up to float rounding: a scalar loop that the JIT
 * auto-vectorises, and one over the Java Vector API ({@code jdk.incubator.vector}, {@code VectorScanKernel}) that keeps
 * the scores of a group of entries in registers for several queries at once. As with SLIC's row kernel, the vector one is
 * loaded only when that module is in the boot layer (the {@code supercuts} launcher and the tests add it) and is used only
 * after a daemon thread, started by the first exact search that is created, has run both on synthetic tiles, checked
 * that they agree and seen the vector one win twice in a row: JDK 17 runs Vector API code very slowly until the JIT has
 * compiled it. With one processor or without the module the scalar loop is used throughout; without the optimizing
 * compiler the vector one never wins the timed warm-up.
 *
 * <p>Thread safety: the kernels are stateless; the switch is a volatile reference published once.
 */
abstract class ScanKernel {
    private static final Logger LOG = LoggerFactory.getLogger(ScanKernel.class);
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNEL = "org.supercuts.retrieval.VectorScanKernel";
    /** Synthetic tiles and queries of the warm-up: 8 tiles of 64 dimensions, 4 queries, k = 10. */
    private static final int WARM_UP_TILES = 8;
    private static final int WARM_UP_DIMENSION = 64;
    private static final int WARM_UP_QUERIES = 4;
    private static final int WARM_UP_K = 10;
    private static final int WARM_UP_MAX_ROUNDS = 400;

    private static final ScanKernel SCALAR = new ScalarScanKernel();
    private static final AtomicBoolean WARM_UP_STARTED = new AtomicBoolean();
    private static volatile ScanKernel warmedVector;

    /**
     * Offers entry {@code i} (for every {@code i < n}) with score {@code queries[q] · vector(i)} to {@code best[q]}, in
     * increasing entry order and only when the score beats the heap's floor.
     */
    abstract void scan(float[] tiles, int n, int d, float[][] queries, ExactSearch.TopK[] best);

    /** Whether {@link #scanOne} reads an int8 copy of the tiles ({@link Int8Tiles}) to pick candidates first. */
    boolean prefilters() {
        return false;
    }

    /**
     * The same as {@link #scan} for one query; {@code quantised} is the int8 copy of the tiles when {@link
     * #prefilters()}, else ignored (may be null).
     */
    void scanOne(float[] tiles, Int8Tiles quantised, int n, int d, float[] query, ExactSearch.TopK best) {
        scan(tiles, n, d, new float[][] {query}, new ExactSearch.TopK[] {best});
    }

    /**
     * The tiles rounded to 8-bit integers, one scale per entry: value {@code i} of {@link #values} is {@code round(tiles[i]
     * / scale)} of its entry (same layout as the float tiles, 0 past the last entry), with scale = the entry's largest
     * |value| / 127. {@link #errors} holds, per entry, an upper bound on how far the rounded score {@code scale · q · b}
     * of a unit query q can lie from the float score: the length of the entry's rounding error (Cauchy-Schwarz), plus a
     * margin for the float rounding of both 64-term sums and for a query length a little above 1. A quarter of the
     * float tiles' bytes plus 8 bytes per entry: 72 bytes per 64-d entry.
     *
     * <p>Thread safety: immutable after construction (the arrays are not exposed outside the package).
     */
    static final class Int8Tiles {
        /** Margin for float rounding in the two dot products of up to a few hundred terms of unit vectors. */
        private static final double ROUNDING_MARGIN = 1e-4;

        final byte[] values;
        final float[] scales;
        final float[] errors;

        private Int8Tiles(byte[] values, float[] scales, float[] errors) {
            this.values = values;
            this.scales = scales;
            this.errors = errors;
        }

        /** Quantises the first {@code n} entries of {@code tiles} (dimension {@code d}). */
        static Int8Tiles of(float[] tiles, int n, int d) {
            int tile = SegmentIndex.TILE;
            int count = (n + tile - 1) / tile;
            byte[] values = new byte[count * tile * d];
            float[] scales = new float[count * tile];
            float[] errors = new float[count * tile];
            for (int e = 0; e < n; e++) {
                int base = (e / tile) * tile * d + e % tile;
                double max = 0;
                for (int j = 0, o = base; j < d; j++, o += tile) {
                    max = Math.max(max, Math.abs(tiles[o]));
                }
                float scale = (float) (max / 127);
                double err = 0;
                for (int j = 0, o = base; j < d; j++, o += tile) {
                    int b = scale > 0 ? (int) Math.max(-127, Math.min(127, Math.round(tiles[o] / scale))) : 0;
                    values[o] = (byte) b;
                    double diff = tiles[o] - (double) scale * b;
                    err += diff * diff;
                }
                scales[e] = scale;
                errors[e] = (float) (Math.sqrt(err) * 1.001 + ROUNDING_MARGIN);
            }
            return new Int8Tiles(values, scales, errors);
        }
    }

    /** The scalar loop. */
    static ScanKernel scalar() {
        return SCALAR;
    }

    /** The fastest kernel ready now: the vector one once warmed up, the scalar one before (and starts the warm-up). */
    static ScanKernel fastest() {
        ScanKernel v = warmedVector;
        if (v != null) {
            return v;
        }
        if (WARM_UP_STARTED.compareAndSet(false, true)) {
            startWarmUp();
        }
        return SCALAR;
    }

    /** The vector kernel, created now (not warmed up), or null when the Vector API module is not in the boot layer. */
    static ScanKernel vectorOrNull() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return null;
        }
        try {
            return (ScanKernel) Class.forName(VECTOR_KERNEL).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.debug("Vector API scan unavailable ({}); exact search uses the scalar loop", e.toString());
            return null;
        }
    }

    private static void startWarmUp() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return; // the warm-up would compete with the caller for the only processor
        }
        ScanKernel vector = vectorOrNull();
        if (vector == null) {
            return;
        }
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            int rounds = warmUp(vector);
            if (rounds > 0) {
                warmedVector = vector;
                LOG.debug("exact search switched to the Vector API scan after {} warm-up rounds ({} ms)", rounds,
                        (System.nanoTime() - start) / 1_000_000);
            }
        }, "supercuts-search-vector-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Timed rounds of both kernels until the vector one wins twice running; 0 when it disagrees or never wins. */
    private static int warmUp(ScanKernel vector) {
        Synthetic data = new Synthetic(0x5ea7c4L);
        int wins = 0;
        for (int round = 0; round < WARM_UP_MAX_ROUNDS; round++) {
            long t0 = System.nanoTime();
            ExactSearch.TopK[] v = data.run(vector);
            long t1 = System.nanoTime();
            ExactSearch.TopK[] s = data.run(SCALAR);
            long t2 = System.nanoTime();
            if (!agree(v, s)) {
                LOG.warn("the Vector API exact scan disagreed with the scalar loop on synthetic tiles; exact search keeps the"
                        + " scalar loop");
                return 0;
            }
            wins = t1 - t0 < t2 - t1 ? wins + 1 : 0;
            if (wins == 2) {
                return round + 1;
            }
        }
        return 0;
    }

    /** Tells whether {@code candidate} finds the scalar loop's neighbours on seeded synthetic tiles. */
    static boolean agreesWithScalar(ScanKernel candidate, long seed) {
        Synthetic data = new Synthetic(seed);
        return agree(data.run(candidate), data.run(SCALAR));
    }

    /** Same entries in the same order, similarities within float rounding of a 64-term dot product. */
    private static boolean agree(ExactSearch.TopK[] a, ExactSearch.TopK[] b) {
        for (int q = 0; q < a.length; q++) {
            Neighbours x = a[q].sorted();
            Neighbours y = b[q].sorted();
            if (!java.util.Arrays.equals(x.entries(), y.entries())) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (Math.abs(x.similarities()[i] - y.similarities()[i]) > 1e-5f) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Seeded unit vectors in tiles (the last one partly filled) and unit queries.
     *
     * <p>Thread safety: not thread-safe; one per warm-up.
     */
    private static final class Synthetic {
        final int n = WARM_UP_TILES * SegmentIndex.TILE - 37;
        final float[] tiles = new float[WARM_UP_TILES * SegmentIndex.TILE * WARM_UP_DIMENSION];
        final float[][] queries = new float[WARM_UP_QUERIES][WARM_UP_DIMENSION];

        Synthetic(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < tiles.length; i++) {
                tiles[i] = (float) (random.nextGaussian() / 8);
            }
            for (float[] q : queries) {
                for (int j = 0; j < q.length; j++) {
                    q[j] = (float) (random.nextGaussian() / 8);
                }
            }
        }

        ExactSearch.TopK[] run(ScanKernel kernel) {
            ExactSearch.TopK[] best = new ExactSearch.TopK[queries.length];
            for (int q = 0; q < best.length; q++) {
                best[q] = new ExactSearch.TopK(WARM_UP_K);
            }
            kernel.scan(tiles, n, WARM_UP_DIMENSION, queries, best);
            return best;
        }
    }
}
