package org.supercuts.concurrent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs numbered work units ("bands") on up to {@code threads} workers: the calling thread plus helper tasks handed to an
 * executor. Units are claimed from a shared counter, so the caller finishes all of them itself when helpers start late or
 * the executor refuses them; this cannot deadlock even when the executor is small or busy.
 *
 * <p>Which worker runs which unit varies from run to run; callers keep results deterministic by making each unit's output
 * independent of that (disjoint writes, or per-worker partial sums whose reduction is exact).
 *
 * <p>Thread safety: one instance serves one computation at a time (one {@link #run} in flight).
 */
public final class BandRunner implements AutoCloseable {
    /** One unit of work; {@code worker} is in {@code 0..threads-1} and is never shared by two concurrent units. */
    @FunctionalInterface
    public interface Body {
        /** Runs unit {@code band} on worker {@code worker}. */
        void run(int band, int worker);
    }

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final int threads;
    private final ExecutorService executor;
    private final boolean ownsExecutor;

    private BandRunner(int threads, ExecutorService executor, boolean ownsExecutor) {
        this.threads = threads;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
    }

    /**
     * A runner for {@code threads} workers ({@code <= 1}: everything on the calling thread).
     *
     * @param executor the caller's executor, or null to create a private pool for this computation (shut down by
     *                 {@link #close})
     */
    public static BandRunner create(int threads, ExecutorService executor) {
        if (threads <= 1) {
            return new BandRunner(1, null, false);
        }
        if (executor != null) {
            return new BandRunner(threads, executor, false);
        }
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "supercuts-bands-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new BandRunner(threads, Executors.newFixedThreadPool(threads - 1, factory), true);
    }

    /** The number of workers, the calling thread included. */
    public int threads() {
        return threads;
    }

    /** Runs {@code body} for every band in {@code 0..bands-1} and returns when all have finished. */
    public void run(int bands, Body body) {
        if (threads == 1 || bands <= 1) {
            for (int band = 0; band < bands; band++) {
                body.run(band, 0);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(bands);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int helpers = Math.min(threads, bands) - 1;
        for (int worker = 1; worker <= helpers; worker++) {
            int id = worker;
            try {
                executor.execute(() -> drain(id, bands, body, next, done, failure));
            } catch (RejectedExecutionException e) {
                break; // the calling thread does the rest
            }
        }
        drain(0, bands, body, next, done, failure);
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // helpers still write into our arrays: wait for them, then restore the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private static void drain(int worker, int bands, Body body, AtomicInteger next, CountDownLatch done,
            AtomicReference<Throwable> failure) {
        int band;
        while ((band = next.getAndIncrement()) < bands) {
            try {
                if (failure.get() == null) {
                    body.run(band, worker);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                done.countDown();
            }
        }
    }

    /** Shuts down the private pool, if this runner created one; closing twice is harmless. */
    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdown();
        }
    }
}
