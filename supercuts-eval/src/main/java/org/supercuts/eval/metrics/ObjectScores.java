package org.supercuts.eval.metrics;

/**
 * Dataset aggregates of {@link ObjectMatching.Match}es, split by how many ground-truth objects an image holds:
 * <ul>
 *   <li><b>multi-object recall</b>: over images with at least 2 ground-truth objects, matched objects / ground-truth
 *       objects (summed over images, so every object counts once);</li>
 *   <li><b>single-object precision and recall</b>: over images with exactly 1 ground-truth object, matched / predicted
 *       objects and matched / ground-truth objects (= images), and the share of those images that got at least one
 *       object;</li>
 *   <li><b>empty images</b>: over images without a ground-truth object, the share answered with zero objects;</li>
 *   <li>precision and recall over all images.</li>
 * </ul>
 * A ratio with nothing to count (no image of its kind, or no predicted object) is NaN.
 *
 * <p>Thread safety: not thread-safe; add from one thread or synchronise externally.
 */
public final class ObjectScores {
    private long multiImages;
    private long multiGroundTruth;
    private long multiPredicted;
    private long multiMatched;
    private long singleImages;
    private long singlePredicted;
    private long singleMatched;
    private long singleAnswered;
    private long emptyImages;
    private long emptyAnsweredZero;
    private long predicted;
    private long groundTruth;
    private long matched;

    /** Counts one image. */
    public void add(ObjectMatching.Match m) {
        predicted += m.predicted();
        groundTruth += m.groundTruth();
        matched += m.matched();
        if (m.groundTruth() >= 2) {
            multiImages++;
            multiGroundTruth += m.groundTruth();
            multiPredicted += m.predicted();
            multiMatched += m.matched();
        } else if (m.groundTruth() == 1) {
            singleImages++;
            singlePredicted += m.predicted();
            singleMatched += m.matched();
            singleAnswered += m.predicted() > 0 ? 1 : 0;
        } else {
            emptyImages++;
            emptyAnsweredZero += m.predicted() == 0 ? 1 : 0;
        }
    }

    /** Images with at least 2 ground-truth objects. */
    public long multiObjectImages() {
        return multiImages;
    }

    /** Ground-truth objects in those images. */
    public long multiObjectGroundTruth() {
        return multiGroundTruth;
    }

    /** Matched / ground-truth objects over the images with at least 2 ground-truth objects. */
    public double multiObjectRecall() {
        return ratio(multiMatched, multiGroundTruth);
    }

    /** Matched / predicted objects over the images with at least 2 ground-truth objects. */
    public double multiObjectPrecision() {
        return ratio(multiMatched, multiPredicted);
    }

    /** Images with exactly 1 ground-truth object. */
    public long singleObjectImages() {
        return singleImages;
    }

    /** Matched / predicted objects over the single-object images. */
    public double singleObjectPrecision() {
        return ratio(singleMatched, singlePredicted);
    }

    /** Matched objects / single-object images. */
    public double singleObjectRecall() {
        return ratio(singleMatched, singleImages);
    }

    /** The share of single-object images that got at least one predicted object. */
    public double singleObjectAnswered() {
        return ratio(singleAnswered, singleImages);
    }

    /** Images without a ground-truth object. */
    public long emptyImages() {
        return emptyImages;
    }

    /** The share of images without a ground-truth object that got zero predicted objects. */
    public double emptyAnsweredZero() {
        return ratio(emptyAnsweredZero, emptyImages);
    }

    /** How many of those got zero predicted objects. */
    public long emptyAnsweredZeroCount() {
        return emptyAnsweredZero;
    }

    /** Matched / predicted objects over all images. */
    public double precision() {
        return ratio(matched, predicted);
    }

    /** Matched / ground-truth objects over all images. */
    public double recall() {
        return ratio(matched, groundTruth);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : a / (double) b;
    }
}
