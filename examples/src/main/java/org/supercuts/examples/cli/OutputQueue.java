package org.supercuts.examples.cli;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes {@link OutputSet}s on writer threads so that computing the next image does not wait for PNG encoding. At most
 * {@code capacity} sets wait or are being written; {@link #submit} blocks beyond that, which bounds the memory the queue holds.
 * Each set still appears completely or not at all; its outcome goes to the callback given with it.
 *
 * <p>Thread safety: {@link #submit} may be called from several compute threads; {@link #close} waits for every set.
 */
final class OutputQueue implements AutoCloseable {
    /** What happened to a set: {@code error} is null when it was written. */
    @FunctionalInterface
    interface Outcome {
        void finished(OutputSet set, Exception error);
    }

    private final ExecutorService writers;
    private final Semaphore slots;

    /**
     * @param writerThreads threads that encode and write
     * @param capacity      sets that may be queued or in writing at once ({@code >= writerThreads})
     */
    OutputQueue(int writerThreads, int capacity) {
        if (writerThreads < 1 || capacity < writerThreads) {
            throw new IllegalArgumentException("writer threads must be >= 1 and capacity >= writer threads, got " + writerThreads
                    + " and " + capacity);
        }
        AtomicInteger n = new AtomicInteger();
        this.writers = new ThreadPoolExecutor(writerThreads, writerThreads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "supercuts-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(capacity);
    }

    /** Queues {@code set}; blocks while the queue is full. {@code outcome} is called on the writer thread. */
    void submit(OutputSet set, Outcome outcome) throws InterruptedException {
        slots.acquire();
        try {
            writers.execute(() -> {
                Exception error = null;
                try {
                    set.write();
                } catch (IOException | RuntimeException e) {
                    error = e;
                } catch (OutOfMemoryError e) {
                    error = new IOException("out of memory while writing the outputs of " + set.name(), e);
                } finally {
                    slots.release();
                }
                outcome.finished(set, error);
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** Waits until every queued set is written. */
    @Override
    public void close() throws InterruptedException {
        writers.shutdown();
        while (!writers.awaitTermination(1, TimeUnit.MINUTES)) {
            // Large pictures on a slow disk: keep waiting, the sets must finish or be rolled back.
        }
    }
}
