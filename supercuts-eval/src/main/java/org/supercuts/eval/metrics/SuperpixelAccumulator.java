package org.supercuts.eval.metrics;

/**
 * Dataset mean of {@link SuperpixelScores}: each metric is the mean over images of the per-image (annotator-averaged)
 * value; images whose value is NaN (e.g. no annotated boundary) are left out of that metric's mean.
 *
 * <p>Thread safety: not thread-safe; add from one thread or synchronise externally.
 */
public final class SuperpixelAccumulator {
    private final MeanAccumulator br = new MeanAccumulator();
    private final MeanAccumulator ue = new MeanAccumulator();
    private final MeanAccumulator asa = new MeanAccumulator();
    private final MeanAccumulator count = new MeanAccumulator();

    /** Adds one image's scores. */
    public void add(SuperpixelScores s) {
        br.add(s.boundaryRecall());
        ue.add(s.undersegmentationError());
        asa.add(s.achievableSegmentationAccuracy());
        count.add(s.superpixels());
    }

    /** Images added. */
    public long images() {
        return count.count();
    }

    /** The dataset means (NaN where no image contributed). */
    public SuperpixelScores mean() {
        return new SuperpixelScores(br.mean(), ue.mean(), asa.mean(), count.mean());
    }
}
