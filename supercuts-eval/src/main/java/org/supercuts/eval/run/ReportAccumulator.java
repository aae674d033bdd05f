package org.supercuts.eval.run;

import org.supercuts.eval.metrics.CorLoc;
import org.supercuts.eval.metrics.MaxFBetaAccumulator;
import org.supercuts.eval.metrics.MeanAccumulator;
import org.supercuts.eval.metrics.ObjectScores;
import org.supercuts.eval.metrics.PrecisionRecallCurve;
import org.supercuts.eval.metrics.SuperpixelAccumulator;
import org.supercuts.eval.metrics.SuperpixelScores;

/**
 * Streaming dataset aggregates of the per-image rows: means of the per-image metrics, both max-F-beta conventions, CorLoc
 * the superpixel means and the object scores. Holds O(255) numbers whatever the dataset size.
 *
 * <p>Thread safety: not thread-safe; the runner calls it under its output lock.
 */
final class ReportAccumulator {
    final MeanAccumulator iou = new MeanAccumulator();
    final MeanAccumulator accuracy = new MeanAccumulator();
    final MeanAccumulator precision = new MeanAccumulator();
    final MeanAccumulator recall = new MeanAccumulator();
    final MeanAccumulator iouAdaptive = new MeanAccumulator();
    final MeanAccumulator iouAtHalf = new MeanAccumulator();
    final MeanAccumulator mae = new MeanAccumulator();
    final MeanAccumulator seconds = new MeanAccumulator();
    final MaxFBetaAccumulator fBeta = new MaxFBetaAccumulator();
    final CorLoc corLoc = new CorLoc();
    final SuperpixelAccumulator superpixels = new SuperpixelAccumulator();
    final ObjectScores objects = new ObjectScores();
    int images;

    void add(ImageRecord r, PrecisionRecallCurve curve) {
        images++;
        iou.add(r.iou());
        accuracy.add(r.accuracy());
        precision.add(r.precision());
        recall.add(r.recall());
        iouAdaptive.add(r.iouAdaptive());
        iouAtHalf.add(r.iouAtHalf());
        mae.add(r.mae());
        seconds.add(r.seconds());
        if (curve != null) {
            fBeta.add(curve);
        }
        if (r.corlocHit() != null) {
            corLoc.add(r.corlocHit());
        }
        if (!Double.isNaN(r.superpixels())) {
            superpixels.add(new SuperpixelScores(r.boundaryRecall(), r.undersegmentationError(), r.asa(), r.superpixels()));
        }
    }
}
