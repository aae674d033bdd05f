package org.supercuts.examples.bench;

/**
 * The measured rows of {@code bench compare}, one record type per section.
 *
 * <p>Thread safety: immutable values.
 */
final class CompareRows {
    private CompareRows() {
    }

    /**
     * One SLIC implementation at one image size and K, averaged over the images.
     *
     * @param timeMs mean over images of the per-image median wall time
     * @param count  mean superpixel count
     * @param br     mean boundary recall (NaN without ground truth)
     * @param ue     mean undersegmentation error (NaN without ground truth)
     */
    record Slic(String size, int k, String tool, int threads, int images, double timeMs, double count, double br, double ue) {
    }

    /**
     * The guided filter at one size and guide kind, ours against OpenCV, with the largest output differences: ours vs
     * OpenCV over the whole image and in the interior (at least r pixels from the border, where the two border rules
     * cannot matter), and each of them vs an untimed float64 NumPy evaluation of the paper's formulas.
     */
    record Guided(String size, String guide, double oursMs, double opencvMs, double maxAbsDiff, double maxAbsDiffInterior,
            double oursVsReference, double opencvVsReferenceInterior) {
    }

    /**
     * One eigen-solve of the generalized problem on an n-node patch graph, ours against one SciPy anchor.
     *
     * @param maxEigenvalueDiff largest |lambda_ours - lambda_anchor| over the k pairs
     * @param maxVectorDiff     largest entry-wise difference of the unit vectors D^1/2 x, up to sign
     */
    record Eigen(int n, String ours, double oursMs, String anchor, double anchorMs, double maxEigenvalueDiff,
            double maxVectorDiff) {
    }

    /**
     * One whole command-line run, timed from outside the process (JVM start included), beside what the anchor needs for
     * the same images.
     *
     * @param run              what was run ("batch", "one image", "photo")
     * @param wallMs           median wall time of the whole run
     * @param perImageMs       wallMs / images
     * @param peakMb           largest peak resident memory over the repeats (NaN without GNU time)
     * @param anchor           the anchor's name, or "-" when there is none
     * @param anchorPerImageMs the anchor's mean time per image (NaN when there is none)
     */
    record Cli(String run, String input, int images, int threads, double wallMs, double perImageMs, double peakMb,
            String anchor, double anchorPerImageMs) {
    }

    /** One agreement check and whether it held. */
    record Check(String name, boolean pass, String detail) {
    }
}
