package org.supercuts.eval.metrics;

import java.util.List;
import java.util.Objects;

import org.supercuts.image.BoundingBox;

/**
 * Correct localisation (CorLoc, Deselaers et al., IJCV 2012, as used by LOST, TokenCut and "Two Tricks"): the percentage of
 * images whose single predicted box has IoU &gt; 0.5 with at least one ground-truth box.
 *
 * <p>CorLoc = 100 · (1/M) Σ_images [ max_g IoU(b̂, g) &gt; 0.5 ]; an image without a predicted box counts as a miss. Box IoU
 * is that of the boxes' pixel sets ({@link BoundingBox#iou}).
 *
 * <p>Thread safety: not thread-safe (an accumulator); {@link #hit} is a pure static function.
 */
public final class CorLoc {
    /** The IoU a box must exceed to count as a correct localisation. */
    public static final double IOU_THRESHOLD = 0.5;

    private long hits;
    private long images;

    /** Whether {@code predicted} (null = no box) has IoU &gt; 0.5 with any of {@code groundTruth}. */
    public static boolean hit(BoundingBox predicted, List<BoundingBox> groundTruth) {
        Objects.requireNonNull(groundTruth, "groundTruth");
        if (predicted == null) {
            return false;
        }
        for (BoundingBox g : groundTruth) {
            if (predicted.iou(g) > IOU_THRESHOLD) {
                return true;
            }
        }
        return false;
    }

    /** Counts one image. */
    public void add(boolean hit) {
        images++;
        if (hit) {
            hits++;
        }
    }

    /** Images counted. */
    public long images() {
        return images;
    }

    /** Images whose box hit a ground-truth box. */
    public long hits() {
        return hits;
    }

    /** 100 · hits / images; NaN when no image was added. */
    public double percent() {
        return images == 0 ? Double.NaN : 100.0 * hits / images;
    }
}
