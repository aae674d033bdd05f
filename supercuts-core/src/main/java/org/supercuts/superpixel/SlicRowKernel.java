package org.supercuts.superpixel;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The innermost loop of SLIC's assignment step: one row of one centre's window, where every pixel whose squared
 * distance D^2 = dc^2 + (ds/S)^2 m^2 to the centre is strictly smaller than its best so far takes the centre's label.
 *
 * <p>Two implementations give bit-identical results: a scalar loop, and one over the Java Vector API
 * ({@code jdk.incubator.vector}, 8 float lanes with AVX2), about three times faster once compiled. The vector one is used
 * only when that module is in the boot layer (the {@code supercuts} launcher adds it) and after a background thread has
 * warmed it up: JDK 17 runs Vector API code very slowly until the JIT has compiled it (half a second of CPU on the first
 * image), so the first calls of a process use the scalar loop while a daemon thread, started at the second call (a process
 * that segments one image never pays for it), runs both loops on synthetic rows,
 * checks that their results are identical, and switches to the vector loop once it has beaten the scalar one twice in a
 * row (or gives up after a bounded number of rows). With one processor, or
 * without the module, the scalar loop is used throughout.
 *
 * <p>Thread safety: the kernels are stateless; the switch is a volatile reference published once.
 */
abstract class SlicRowKernel {
    private static final Logger LOG = LoggerFactory.getLogger(SlicRowKernel.class);
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNEL = "org.supercuts.superpixel.SlicVectorRowKernel";
    /** Rows per timed warm-up batch (a few hundred microseconds once compiled). */
    private static final int WARM_UP_BATCH = 2_000;
    /** The warm-up gives up (and the scalar loop stays) after this many batches without the vector kernel winning. */
    private static final int WARM_UP_MAX_BATCHES = 100;
    private static final int WARM_UP_WIDTH = 96;

    private static final SlicRowKernel SCALAR = new Scalar();
    private static final AtomicBoolean WARM_UP_STARTED = new AtomicBoolean();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static volatile SlicRowKernel warmedVector;

    /**
     * Updates {@code dist[base + j]} and {@code label[base + j]} for {@code j} in {@code [0, count)} with centre {@code k}:
     * D^2 = dl^2 + da^2 + db^2 + (columnTerm[j] + rowTerm), evaluated in exactly this order of float operations.
     */
    abstract void assign(float[] l, float[] a, float[] b, float[] dist, int[] label, int k, float cl, float ca, float cb,
            float rowTerm, float[] columnTerm, int base, int count);

    /** The scalar loop. */
    static SlicRowKernel scalar() {
        return SCALAR;
    }

    /** The fastest kernel ready now: the vector one once warmed up, the scalar one before (and starts the warm-up). */
    static SlicRowKernel fastest() {
        SlicRowKernel v = warmedVector;
        if (v != null) {
            return v;
        }
        // From the second image on: a process that segments one image (a single CLI call) would only pay for the warm-up.
        if (REQUESTS.get() < 2 && REQUESTS.incrementAndGet() >= 2 && WARM_UP_STARTED.compareAndSet(false, true)) {
            startWarmUp();
        }
        return SCALAR;
    }

    /** The kernel {@link #fastest()} returns now, without counting a request. */
    static SlicRowKernel active() {
        SlicRowKernel v = warmedVector;
        return v != null ? v : SCALAR;
    }

    /** The vector kernel, created now (not warmed up), or null when the Vector API module is not in the boot layer. */
    static SlicRowKernel vectorOrNull() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return null;
        }
        try {
            return (SlicRowKernel) Class.forName(VECTOR_KERNEL).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.debug("Vector API kernel unavailable ({}); SLIC uses the scalar loop", e.toString());
            return null;
        }
    }

    private static void startWarmUp() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return; // the warm-up would compete with the caller for the only processor
        }
        if (!optimizingCompilerEnabled()) {
            return; // without C2 the Vector API is never compiled into vector instructions, so it cannot win
        }
        SlicRowKernel vector = vectorOrNull();
        if (vector == null) {
            return;
        }
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            int batches = warmUp(vector);
            if (batches > 0) {
                warmedVector = vector;
                LOG.debug("SLIC switched to the Vector API kernel after {} warm-up batches ({} ms)", batches,
                        (System.nanoTime() - start) / 1_000_000);
            }
        }, "supercuts-slic-vector-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Whether the JIT's optimizing tier (C2) is on: false under {@code -XX:TieredStopAtLevel=1..3}. */
    static boolean optimizingCompilerEnabled() {
        try {
            var diagnostics = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            if (diagnostics == null) {
                return true;
            }
            boolean tiered = Boolean.parseBoolean(diagnostics.getVMOption("TieredCompilation").getValue());
            return !tiered || Integer.parseInt(diagnostics.getVMOption("TieredStopAtLevel").getValue()) >= 4;
        } catch (RuntimeException | LinkageError e) {
            return true; // not HotSpot: assume an optimizing compiler, the timed warm-up still decides
        }
    }

    /**
     * Alternates timed batches of synthetic rows through both kernels until the vector kernel has been faster in two
     * batches running (the JIT has compiled it by then); returns the number of batches it took, or 0 when the vector
     * kernel disagreed with the scalar loop or never won.
     */
    private static int warmUp(SlicRowKernel vector) {
        Rows rows = new Rows();
        int wins = 0;
        for (int batch = 0; batch < WARM_UP_MAX_BATCHES; batch++) {
            long t0 = System.nanoTime();
            rows.run(vector, rows.vectorDistance, rows.vectorLabel, batch, WARM_UP_BATCH);
            long t1 = System.nanoTime();
            rows.run(SCALAR, rows.scalarDistance, rows.scalarLabel, batch, WARM_UP_BATCH);
            long t2 = System.nanoTime();
            if (!rows.agree()) {
                LOG.warn("the Vector API SLIC kernel disagreed with the scalar loop on synthetic rows; SLIC keeps the scalar"
                        + " loop");
                return 0;
            }
            wins = t1 - t0 < t2 - t1 ? wins + 1 : 0;
            if (wins == 2) {
                return batch + 1;
            }
        }
        return 0;
    }

    /** Tells whether {@code candidate} gives the scalar loop's distances and labels, bit for bit, on {@code count} rows. */
    static boolean agreesWithScalar(SlicRowKernel candidate, int count) {
        Rows rows = new Rows();
        rows.run(candidate, rows.vectorDistance, rows.vectorLabel, 0, count);
        rows.run(SCALAR, rows.scalarDistance, rows.scalarLabel, 0, count);
        return rows.agree();
    }

    /**
     * Seeded synthetic window rows of varying length and offset over one image row, for the warm-up and the self-check.
     *
     * <p>Thread safety: not thread-safe; one per warm-up.
     */
    private static final class Rows {
        final float[] l = new float[WARM_UP_WIDTH];
        final float[] a = new float[WARM_UP_WIDTH];
        final float[] b = new float[WARM_UP_WIDTH];
        final float[] column = new float[WARM_UP_WIDTH];
        final float[] scalarDistance = new float[WARM_UP_WIDTH];
        final float[] vectorDistance = new float[WARM_UP_WIDTH];
        final int[] scalarLabel = new int[WARM_UP_WIDTH];
        final int[] vectorLabel = new int[WARM_UP_WIDTH];

        Rows() {
            SplittableRandom random = new SplittableRandom(0x51_1c_0fL);
            for (int i = 0; i < WARM_UP_WIDTH; i++) {
                l[i] = (float) (100 * random.nextDouble());
                a[i] = (float) (60 * random.nextDouble() - 30);
                b[i] = (float) (60 * random.nextDouble() - 30);
                column[i] = (float) (20 * random.nextDouble());
            }
        }

        /** Rows of batch {@code batch}; the same batch number gives the same rows to either kernel. */
        void run(SlicRowKernel kernel, float[] dist, int[] label, int batch, int count) {
            SplittableRandom random = new SplittableRandom(batch);
            java.util.Arrays.fill(dist, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(label, -1);
            int n = WARM_UP_WIDTH;
            for (int r = 0; r < count; r++) {
                if (r % 32 == 0) {
                    java.util.Arrays.fill(dist, Float.POSITIVE_INFINITY);
                }
                int length = 1 + random.nextInt(n - 8);
                int base = random.nextInt(n - length + 1);
                kernel.assign(l, a, b, dist, label, r, l[random.nextInt(n)], a[random.nextInt(n)], b[random.nextInt(n)],
                        (float) (10 * random.nextDouble()), column, base, length);
            }
        }

        boolean agree() {
            return java.util.Arrays.equals(scalarDistance, vectorDistance) && java.util.Arrays.equals(scalarLabel, vectorLabel);
        }
    }

    /** The scalar loop over {@code j} in {@code [from, count)}: the whole row for the scalar kernel, the tail for others. */
    static void assignScalar(float[] l, float[] a, float[] b, float[] dist, int[] label, int k, float cl, float ca, float cb,
            float rowTerm, float[] columnTerm, int base, int from, int count) {
        for (int j = from; j < count; j++) {
            int i = base + j;
            float dl = l[i] - cl;
            float da = a[i] - ca;
            float db = b[i] - cb;
            float d = dl * dl + da * da + db * db + (columnTerm[j] + rowTerm);
            if (d < dist[i]) {
                dist[i] = d;
                label[i] = k;
            }
        }
    }

    /** Thread safety: stateless. */
    private static final class Scalar extends SlicRowKernel {
        @Override
        void assign(float[] l, float[] a, float[] b, float[] dist, int[] label, int k, float cl, float ca, float cb,
                float rowTerm, float[] columnTerm, int base, int count) {
            assignScalar(l, a, b, dist, label, k, cl, ca, cb, rowTerm, columnTerm, base, 0, count);
        }
    }
}
