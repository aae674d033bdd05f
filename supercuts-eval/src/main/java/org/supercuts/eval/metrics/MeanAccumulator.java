package org.supercuts.eval.metrics;

/**
 * Dataset mean of a per-image metric: (1/M) Σ_images m_i, skipping NaN values (an image for which the metric is not
 * defined), with the count of values that went in.
 *
 * <p>Thread safety: not thread-safe; add from one thread or synchronise externally.
 */
public final class MeanAccumulator {
    private double sum;
    private long count;

    /** Adds one value. */
    public void add(double value) {
        if (!Double.isNaN(value)) {
            sum += value;
            count++;
        }
    }

    /** Values added. */
    public long count() {
        return count;
    }

    /** The mean, or NaN when nothing was added. */
    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }
}
