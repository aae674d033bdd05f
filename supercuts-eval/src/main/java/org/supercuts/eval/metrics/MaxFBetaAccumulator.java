package org.supercuts.eval.metrics;

/**
 * Dataset max-F-beta in the two conventions found in the unsupervised-saliency literature, streamed: per threshold it
 * keeps only running sums, so no map is held.
 *
 * <ul>
 *   <li><b>Mean-curve convention</b> ({@link #maxFBetaOfMeanCurve()}, TokenCut's evaluation code): for each of the 255
 *       thresholds k, the dataset-mean precision P̄_k = (1/M) Σ_images P_k and recall R̄_k; then
 *       max_k F_β(P̄_k, R̄_k).</li>
 *   <li><b>Per-image convention</b> ({@link #meanOfPerImageMaxFBeta()}, SelfMask's and FOUND's evaluation code): for each
 *       image max_k F_β(P_k, R_k), then the mean over images.</li>
 * </ul>
 * Thresholds, and P when nothing is predicted, as in {@link PrecisionRecallCurve}; β² as given (0.3 by default).
 * Neither value bounds the other in general; the per-image one is usually the higher, so papers must say which they report.
 *
 * <p>F-beta is that of Achanta et al. (CVPR 2009) with β² = 0.3; the 255-threshold sweep is the one of the saliency
 * benchmarks (Borji et al., TIP 2015). Deviations: none in the definitions; the threshold set is stated exactly in
 * {@link PrecisionRecallCurve} because the published code bases differ slightly in it.
 *
 * <p>Thread safety: not thread-safe; {@link #add} from one thread or synchronise externally.
 */
public final class MaxFBetaAccumulator {
    private final double betaSquared;
    private final double[] sumPrecision = new double[PrecisionRecallCurve.THRESHOLDS];
    private final double[] sumRecall = new double[PrecisionRecallCurve.THRESHOLDS];
    private double sumMaxF;
    private long images;

    /** With β² = 0.3. */
    public MaxFBetaAccumulator() {
        this(PrecisionRecallCurve.BETA_SQUARED);
    }

    /** With another β² (finite, > 0). */
    public MaxFBetaAccumulator(double betaSquared) {
        if (!(betaSquared > 0) || !Double.isFinite(betaSquared)) {
            throw new IllegalArgumentException("betaSquared must be finite and > 0, got " + betaSquared);
        }
        this.betaSquared = betaSquared;
    }

    /** Adds one image's curve. */
    public void add(PrecisionRecallCurve curve) {
        for (int k = 0; k < PrecisionRecallCurve.THRESHOLDS; k++) {
            sumPrecision[k] += curve.precisionAt(k);
            sumRecall[k] += curve.recallAt(k);
        }
        sumMaxF += curve.maxFBeta(betaSquared);
        images++;
    }

    /** Images added. */
    public long images() {
        return images;
    }

    /** max_k F_β(mean P_k, mean R_k) (TokenCut); NaN when no image was added. */
    public double maxFBetaOfMeanCurve() {
        if (images == 0) {
            return Double.NaN;
        }
        double best = 0;
        for (int k = 0; k < PrecisionRecallCurve.THRESHOLDS; k++) {
            best = Math.max(best, PrecisionRecallCurve.fBeta(sumPrecision[k] / images, sumRecall[k] / images, betaSquared));
        }
        return best;
    }

    /** mean over images of max_k F_β(P_k, R_k) (SelfMask / FOUND); NaN when no image was added. */
    public double meanOfPerImageMaxFBeta() {
        return images == 0 ? Double.NaN : sumMaxF / images;
    }

    /** The dataset-mean precision per threshold (index k − 1 = threshold k), for plotting. */
    public double[] meanPrecision() {
        return mean(sumPrecision);
    }

    /** The dataset-mean recall per threshold (index k − 1 = threshold k), for plotting. */
    public double[] meanRecall() {
        return mean(sumRecall);
    }

    private double[] mean(double[] sum) {
        double[] out = new double[sum.length];
        for (int k = 0; k < sum.length; k++) {
            out[k] = images == 0 ? Double.NaN : sum[k] / images;
        }
        return out;
    }
}
