package org.supercuts.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Wall-clock timing as the Python anchors do it: untimed warm-up runs, then the median of repeated timed runs.
 *
 * <p>Thread safety: immutable value; {@link #measure} is a static helper.
 *
 * @param result   the result of the last timed run
 * @param timesMs  every timed run, in milliseconds
 */
record Timing<T>(T result, List<Double> timesMs) {
    static <T> Timing<T> measure(int warmup, int repeats, Supplier<T> work) {
        return measure(warmup, 0, repeats, work);
    }

    /**
     * Like {@link #measure(int, int, Supplier)}, but keeps warming up until at least {@code warmupMillis} have passed as
     * well, so that short calls get enough invocations for the JIT to compile them.
     */
    static <T> Timing<T> measure(int warmup, long warmupMillis, int repeats, Supplier<T> work) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000L;
        for (int i = 0; i < warmup || System.nanoTime() < warmupEnd; i++) {
            work.get();
        }
        List<Double> times = new ArrayList<>();
        T last = null;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            last = work.get();
            times.add((System.nanoTime() - t0) / 1e6);
        }
        return new Timing<>(last, times);
    }

    double medianMs() {
        return median(timesMs);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
