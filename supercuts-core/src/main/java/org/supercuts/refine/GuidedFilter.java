package org.supercuts.refine;

import java.util.Locale;
import java.util.Objects;

import org.supercuts.image.PlanarImage;

/**
 * The guided filter of He, Sun and Tang, "Guided Image Filtering", IEEE TPAMI 35(6):1397-1409, 2013: an edge-preserving
 * smoothing filter that models the output as a linear transform of the guide inside every {@code (2r+1) x (2r+1)} window,
 * {@code q_i = a_k * I_i + b_k}, fits {@code a_k, b_k} by ridge regression on the input {@code p} (regulariser
 * {@code eps}), and averages the coefficients of all windows covering a pixel. As a {@link MaskRefiner} it sharpens a coarse
 * soft foreground map along the image's edges.
 *
 * <p>Grey guide (Eq. 7-8 of the paper): {@code a_k = cov_k(I, p) / (var_k(I) + eps)}, {@code b_k = mean_k(p) - a_k mean_k(I)}.
 * Colour guide (Eq. 14-15): {@code a_k = (Sigma_k + eps U)^-1 cov_k(I, p)} with {@code Sigma_k} the 3x3 covariance of the
 * RGB guide in the window and {@code U} the identity; {@code b_k = mean_k(p) - a_k . mean_k(I)}. Output
 * {@code q_i = mean_i(a) . I_i + mean_i(b)}.
 *
 * <p>Every window mean is a box filter computed from a summed-area table in double precision, so the cost is O(N) per image
 * whatever the radius (Sec. 3.5 of the paper).
 *
 * <p>As a refiner the default guide is the luminance estimate of "Two Tricks to Improve Unsupervised Segmentation Learning"
 * (the plain average of R, G and B in [0, 1]); {@link #colorGuide()} uses the three channels. {@link #refine} clamps the
 * output to [0, 1], as {@link MaskRefiner} requires; the static {@link #filter} kernel does not clamp.
 *
 * <p>Deviations from the paper: (1) at the image border the windows are clipped to the image and every mean divides by the
 * number of pixels actually inside the clipped window (the paper leaves border handling open; its reference code does the
 * same normalisation); (2) the radius may exceed the image, in which case every window is the whole image and the filter
 * reduces to one global linear fit; (3) {@code eps} is used as given, it is not scaled with the guide's range, so a guide in
 * [0, 1] is assumed when choosing it.
 *
 * <p>Thread safety: immutable; {@link #refine} and {@link #filter} allocate their own buffers and may run concurrently.
 */
public final class GuidedFilter implements MaskRefiner {
    /** Default regulariser, the value used for segmentation-mask refinement when only a radius is given. */
    public static final double DEFAULT_EPS = 1e-3;

    private final int radius;
    private final double eps;
    private final boolean colorGuide;

    private GuidedFilter(int radius, double eps, boolean colorGuide) {
        this.radius = checkRadius(radius);
        this.eps = checkEps(eps);
        this.colorGuide = colorGuide;
    }

    /** A guided filter with window radius {@code r} ({@code r >= 1}), {@link #DEFAULT_EPS} and the luminance guide. */
    public static GuidedFilter radius(int r) {
        return new GuidedFilter(r, DEFAULT_EPS, false);
    }

    /** This filter with another radius. */
    public GuidedFilter withRadius(int r) {
        return new GuidedFilter(r, eps, colorGuide);
    }

    /** This filter with regulariser {@code eps > 0} (finite). */
    public GuidedFilter eps(double e) {
        return new GuidedFilter(radius, e, colorGuide);
    }

    /** This filter guided by the three RGB channels (grey images are used as they are). */
    public GuidedFilter colorGuide() {
        return new GuidedFilter(radius, eps, true);
    }

    /** This filter guided by luminance, the mean of R, G and B (the default). */
    public GuidedFilter greyGuide() {
        return new GuidedFilter(radius, eps, false);
    }

    /** The window radius r (the window is 2r + 1 pixels wide). */
    public int radiusValue() {
        return radius;
    }

    /** The regularisation eps. */
    public double epsValue() {
        return eps;
    }

    /** Whether the colour image guides the filter (else its luminance). */
    public boolean usesColorGuide() {
        return colorGuide;
    }

    @Override
    public float[] refine(PlanarImage image, float[] soft) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(soft, "soft");
        if (soft.length != image.pixelCount()) {
            throw new IllegalArgumentException("soft has length " + soft.length + ", expected the image's pixel count "
                    + image.pixelCount() + " (" + image.width() + "x" + image.height() + ")");
        }
        float[][] guide;
        if (colorGuide && image.channels() == 3) {
            guide = new float[][] {image.plane(0), image.plane(1), image.plane(2)};
        } else {
            guide = new float[][] {luminance(image)};
        }
        float[] out = filter(guide, soft, image.width(), image.height(), radius, eps);
        for (int i = 0; i < out.length; i++) {
            float v = out[i];
            out[i] = v < 0f ? 0f : (v > 1f ? 1f : v);
        }
        return out;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "guided(r=%d, eps=%s, guide=%s)", radius, Double.toString(eps),
                colorGuide ? "rgb" : "luminance");
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GuidedFilter g && g.radius == radius && Double.compare(g.eps, eps) == 0 && g.colorGuide == colorGuide;
    }

    @Override
    public int hashCode() {
        return Objects.hash(radius, eps, colorGuide);
    }

    /** The mean of the channels: a grey image's single plane (copied), or (R + G + B) / 3. */
    static float[] luminance(PlanarImage image) {
        if (image.channels() == 1) {
            return image.plane(0).clone();
        }
        float[] r = image.plane(0);
        float[] g = image.plane(1);
        float[] b = image.plane(2);
        float[] out = new float[r.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (r[i] + g[i] + b[i]) / 3f;
        }
        return out;
    }

    /**
     * The guided filter as a general kernel (no clamping): filters {@code input} with the guide given as 1 plane (grey) or 3
     * planes (colour), all row-major {@code width x height}.
     *
     * @param guide  1 or 3 guide planes, each of length {@code width * height}
     * @param input  the image to filter, length {@code width * height}
     * @param radius window radius, {@code >= 1}; may exceed the image
     * @param eps    regulariser, finite and {@code > 0}
     * @return a new array, the filtered input
     * @throws IllegalArgumentException naming the offending parameter
     */
    public static float[] filter(float[][] guide, float[] input, int width, int height, int radius, double eps) {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(input, "input");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be at least 1x1, got width=" + width + ", height=" + height);
        }
        checkRadius(radius);
        checkEps(eps);
        int n = width * height;
        if (input.length != n) {
            throw new IllegalArgumentException("input has length " + input.length + ", expected width*height=" + n);
        }
        if (guide.length != 1 && guide.length != 3) {
            throw new IllegalArgumentException("guide must have 1 (grey) or 3 (colour) planes, got " + guide.length);
        }
        for (int c = 0; c < guide.length; c++) {
            Objects.requireNonNull(guide[c], "guide plane " + c);
            if (guide[c].length != n) {
                throw new IllegalArgumentException("guide plane " + c + " has length " + guide[c].length
                        + ", expected width*height=" + n);
            }
        }
        BoxMean box = new BoxMean(width, height, radius);
        return guide.length == 1 ? filterGrey(guide[0], input, box, eps) : filterColor(guide, input, box, eps);
    }

    private static float[] filterGrey(float[] guide, float[] p, BoxMean box, double eps) {
        int n = p.length;
        double[] tmp = new double[n];
        double[] meanI = box.mean(guide, tmp, new double[n]);
        double[] meanP = box.mean(p, tmp, new double[n]);
        for (int i = 0; i < n; i++) {
            tmp[i] = (double) guide[i] * guide[i];
        }
        double[] corrII = box.meanOf(tmp, new double[n]);
        for (int i = 0; i < n; i++) {
            tmp[i] = (double) guide[i] * p[i];
        }
        double[] corrIp = box.meanOf(tmp, new double[n]);
        // a into corrIp, b into corrII: the correlations are not needed after this point.
        double[] a = corrIp;
        double[] b = corrII;
        for (int i = 0; i < n; i++) {
            double var = corrII[i] - meanI[i] * meanI[i];
            double cov = corrIp[i] - meanI[i] * meanP[i];
            double ai = cov / (var + eps);
            a[i] = ai;
            b[i] = meanP[i] - ai * meanI[i];
        }
        double[] meanA = box.meanOf(a, meanI);
        double[] meanB = box.meanOf(b, meanP);
        float[] q = new float[n];
        for (int i = 0; i < n; i++) {
            q[i] = (float) (meanA[i] * guide[i] + meanB[i]);
        }
        return q;
    }

    private static float[] filterColor(float[][] guide, float[] p, BoxMean box, double eps) {
        int n = p.length;
        float[] gr = guide[0];
        float[] gg = guide[1];
        float[] gb = guide[2];
        double[] tmp = new double[n];
        double[] mR = box.mean(gr, tmp, new double[n]);
        double[] mG = box.mean(gg, tmp, new double[n]);
        double[] mB = box.mean(gb, tmp, new double[n]);
        double[] mP = box.mean(p, tmp, new double[n]);
        double[] rr = box.meanOf(product(gr, gr, tmp), new double[n]);
        double[] rg = box.meanOf(product(gr, gg, tmp), new double[n]);
        double[] rb = box.meanOf(product(gr, gb, tmp), new double[n]);
        double[] gg2 = box.meanOf(product(gg, gg, tmp), new double[n]);
        double[] gb2 = box.meanOf(product(gg, gb, tmp), new double[n]);
        double[] bb = box.meanOf(product(gb, gb, tmp), new double[n]);
        double[] rp = box.meanOf(product(gr, p, tmp), new double[n]);
        double[] gp = box.meanOf(product(gg, p, tmp), new double[n]);
        double[] bp = box.meanOf(product(gb, p, tmp), new double[n]);
        // The coefficients overwrite the cross-correlation buffers (aR in rp, aG in gp, aB in bp, b in rr).
        for (int i = 0; i < n; i++) {
            double mr = mR[i];
            double mg = mG[i];
            double mb = mB[i];
            double mp = mP[i];
            double sRR = rr[i] - mr * mr + eps;
            double sRG = rg[i] - mr * mg;
            double sRB = rb[i] - mr * mb;
            double sGG = gg2[i] - mg * mg + eps;
            double sGB = gb2[i] - mg * mb;
            double sBB = bb[i] - mb * mb + eps;
            double cR = rp[i] - mr * mp;
            double cG = gp[i] - mg * mp;
            double cB = bp[i] - mb * mp;
            // Symmetric 3x3 inverse through the adjugate; Sigma + eps*U is positive definite, so det > 0.
            double iRR = sGG * sBB - sGB * sGB;
            double iRG = sGB * sRB - sRG * sBB;
            double iRB = sRG * sGB - sGG * sRB;
            double iGG = sRR * sBB - sRB * sRB;
            double iGB = sRB * sRG - sRR * sGB;
            double iBB = sRR * sGG - sRG * sRG;
            double det = sRR * iRR + sRG * iRG + sRB * iRB;
            double aR = (iRR * cR + iRG * cG + iRB * cB) / det;
            double aG = (iRG * cR + iGG * cG + iGB * cB) / det;
            double aB = (iRB * cR + iGB * cG + iBB * cB) / det;
            rp[i] = aR;
            gp[i] = aG;
            bp[i] = aB;
            rr[i] = mp - aR * mr - aG * mg - aB * mb;
        }
        double[] meanAR = box.meanOf(rp, mR);
        double[] meanAG = box.meanOf(gp, mG);
        double[] meanAB = box.meanOf(bp, mB);
        double[] meanB = box.meanOf(rr, mP);
        float[] q = new float[n];
        for (int i = 0; i < n; i++) {
            q[i] = (float) (meanAR[i] * gr[i] + meanAG[i] * gg[i] + meanAB[i] * gb[i] + meanB[i]);
        }
        return q;
    }

    private static double[] product(float[] x, float[] y, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) x[i] * y[i];
        }
        return out;
    }

    private static int checkRadius(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("radius must be >= 1, got " + r);
        }
        return r;
    }

    private static double checkEps(double e) {
        if (!(e > 0) || !Double.isFinite(e)) {
            throw new IllegalArgumentException("eps must be finite and > 0, got " + e);
        }
        return e;
    }

    /**
     * Box mean over windows clipped to the image, via one reusable summed-area table.
     *
     * <p>Thread safety: not thread-safe (holds a scratch table); one per filter call.
     */
    private static final class BoxMean {
        private final int width;
        private final int height;
        private final int radius;
        private final double[] table;

        BoxMean(int width, int height, int radius) {
            this.width = width;
            this.height = height;
            this.radius = radius;
            this.table = new double[(width + 1) * (height + 1)];
        }

        double[] mean(float[] src, double[] scratch, double[] dst) {
            for (int i = 0; i < src.length; i++) {
                scratch[i] = src[i];
            }
            return meanOf(scratch, dst);
        }

        /** Writes the window means of {@code src} into {@code dst} (which may be {@code src}) and returns it. */
        double[] meanOf(double[] src, double[] dst) {
            int w1 = width + 1;
            for (int y = 0; y < height; y++) {
                double rowSum = 0;
                int t = (y + 1) * w1;
                int s = y * width;
                for (int x = 0; x < width; x++) {
                    rowSum += src[s + x];
                    table[t + x + 1] = table[t - w1 + x + 1] + rowSum;
                }
            }
            for (int y = 0; y < height; y++) {
                int y0 = Math.max(0, y - radius);
                int y1 = Math.min(height, y + radius + 1);
                int top = y0 * w1;
                int bottom = y1 * w1;
                for (int x = 0; x < width; x++) {
                    int x0 = Math.max(0, x - radius);
                    int x1 = Math.min(width, x + radius + 1);
                    double sum = table[bottom + x1] - table[bottom + x0] - table[top + x1] + table[top + x0];
                    dst[y * width + x] = sum / ((double) (x1 - x0) * (y1 - y0));
                }
            }
            return dst;
        }
    }

}
