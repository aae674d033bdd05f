package org.supercuts.refine;

import java.util.Locale;
import java.util.Objects;

import org.supercuts.concurrent.BandRunner;
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
 * <p>Every window mean is a box filter of running sums (Sec. 3.5 of the paper: O(1) per pixel whatever the radius),
 * streamed over rows: column sums in {@code double} slide down the image, horizontal sums run along each row, and the
 * coefficients a, b of a row are computed as soon as its window means exist, all quantities of a row together. The
 * images themselves stay {@code float}; besides the output the filter holds O(r * width) values, not whole-image
 * intermediates.
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
    /**
     * Output rows per band of the parallel {@link #upsample}: fixed, so that the result does not depend on the thread
     * count; large enough that the 4r rows each band reads beyond its own cost little (about 4 % at r = 5).
     */
    public static final int BAND_ROWS = 512;

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
        if (guide.length == 3) {
            return filterColor(guide, input, width, height, radius, eps);
        }
        float[] g = guide[0];
        return filterGrey((y, row) -> System.arraycopy(g, y * width, row, 0, width),
                (y, row) -> System.arraycopy(input, y * width, row, 0, width), width, height, radius, eps);
    }

    /**
     * Guided upsampling ("Two Tricks to Improve Unsupervised Segmentation Learning", Sec. 3: guided filtering of a coarse
     * mask with the image's luminance as the guide): {@code low} ({@code lowWidth x lowHeight}) is upsampled bilinearly
     * to the size of {@code image} and filtered with its luminance (the mean of R, G and B), then clamped to [0, 1]. Both
     * the upsampled input and the guide are computed row by row as the filter needs them, so besides the returned map
     * only O(r * width) values are held.
     *
     * @throws IllegalArgumentException naming the offending parameter
     */
    public static float[] upsample(PlanarImage image, float[] low, int lowWidth, int lowHeight, int radius, double eps) {
        return upsample(image, low, lowWidth, lowHeight, radius, eps, 1);
    }

    /**
     * {@link #upsample(PlanarImage, float[], int, int, int, double)} on up to {@code threads} threads (the calling one
     * included): the output is cut into bands of {@value #BAND_ROWS} rows, each filtered on its own from the rows its
     * windows reach. The bands do not depend on the thread count, so neither does the result (to the last bit); an image
     * of at most {@value #BAND_ROWS} rows is one band, exactly the single-threaded stream.
     *
     * @throws IllegalArgumentException naming the offending parameter
     */
    public static float[] upsample(PlanarImage image, float[] low, int lowWidth, int lowHeight, int radius, double eps,
            int threads) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(low, "low");
        checkRadius(radius);
        checkEps(eps);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (lowWidth < 1 || lowHeight < 1 || lowWidth > image.width() || lowHeight > image.height()) {
            throw new IllegalArgumentException("the low-resolution size must be at least 1x1 and at most the image's "
                    + image.width() + "x" + image.height() + ", got " + lowWidth + "x" + lowHeight);
        }
        if (low.length != lowWidth * lowHeight) {
            throw new IllegalArgumentException("low has length " + low.length + ", expected lowWidth*lowHeight="
                    + lowWidth * lowHeight);
        }
        int width = image.width();
        int height = image.height();
        PlaneRows guide = luminanceRows(image);
        float[] q = new float[width * height];
        int bands = (height + BAND_ROWS - 1) / BAND_ROWS;
        try (BandRunner runner = BandRunner.create(Math.min(threads, bands), null)) {
            runner.run(bands, (band, worker) -> {
                int y0 = band * BAND_ROWS;
                int y1 = Math.min(height, y0 + BAND_ROWS);
                // Each computed row is needed up to three times (entering and leaving the window, and for the output):
                // keep the last 2r + 2 of each rather than compute them again.
                filterGrey(new CachedRows(guide, width, height, radius),
                        new CachedRows(new BilinearRows(low, lowWidth, lowHeight, width, height), width, height, radius),
                        width, height, radius, eps, q, y0, y1);
                for (int i = y0 * width; i < y1 * width; i++) {
                    float v = q[i];
                    q[i] = v < 0f ? 0f : (v > 1f ? 1f : v);
                }
            });
        }
        return q;
    }

    /** The guide of {@link #upsample}: the image's luminance (the mean of R, G and B), row by row. */
    private static PlaneRows luminanceRows(PlanarImage image) {
        int width = image.width();
        if (image.channels() == 1) {
            float[] g = image.plane(0);
            return (y, row) -> System.arraycopy(g, y * width, row, 0, width);
        }
        float[] r = image.plane(0);
        float[] g = image.plane(1);
        float[] b = image.plane(2);
        return (y, row) -> {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                row[x] = (r[base + x] + g[base + x] + b[base + x]) / 3f;
            }
        };
    }

    /** One row of a full-size plane, read from an array or computed on demand. */
    private interface PlaneRows {
        void read(int y, float[] row);
    }

    /**
     * The last 2r + 2 rows of a computed plane, which is all the filter asks for again.
     *
     * <p>Thread safety: not thread-safe; one per filter call.
     */
    private static final class CachedRows implements PlaneRows {
        private final PlaneRows source;
        private final float[][] ring;
        private final int[] rowInSlot;

        CachedRows(PlaneRows source, int width, int height, int radius) {
            this.source = source;
            this.ring = new float[(int) Math.min(height, 2L * radius + 2)][width];
            this.rowInSlot = new int[ring.length];
            java.util.Arrays.fill(rowInSlot, -1);
        }

        @Override
        public void read(int y, float[] row) {
            int slot = y % ring.length;
            if (rowInSlot[slot] != y) {
                source.read(y, ring[slot]);
                rowInSlot[slot] = y;
            }
            System.arraycopy(ring[slot], 0, row, 0, row.length);
        }
    }

    /**
     * Rows of a low-resolution plane upsampled bilinearly, pixel centres aligned ((x + 0.5) / scale - 0.5 in the low
     * plane, clamped at the border).
     *
     * <p>Thread safety: not thread-safe (row scratch); one per filter call.
     */
    private static final class BilinearRows implements PlaneRows {
        private final float[] low;
        private final int lowWidth;
        private final int lowHeight;
        private final double scaleY;
        private final int[] left;
        private final float[] weight;
        private final float[] upper;
        private final float[] lower;

        BilinearRows(float[] low, int lowWidth, int lowHeight, int width, int height) {
            this.low = low;
            this.lowWidth = lowWidth;
            this.lowHeight = lowHeight;
            this.scaleY = lowHeight / (double) height;
            this.left = new int[width];
            this.weight = new float[width];
            this.upper = new float[width];
            this.lower = new float[width];
            double scaleX = lowWidth / (double) width;
            for (int x = 0; x < width; x++) {
                double sx = Math.max(0, Math.min(lowWidth - 1, (x + 0.5) * scaleX - 0.5));
                int x0 = Math.min(lowWidth - 2, (int) sx);
                left[x] = Math.max(0, x0);
                weight[x] = lowWidth == 1 ? 0f : (float) (sx - left[x]);
            }
        }

        @Override
        public void read(int y, float[] row) {
            double sy = Math.max(0, Math.min(lowHeight - 1, (y + 0.5) * scaleY - 0.5));
            int y0 = Math.max(0, Math.min(lowHeight - 2, (int) sy));
            float wy = lowHeight == 1 ? 0f : (float) (sy - y0);
            int y1 = Math.min(lowHeight - 1, y0 + 1);
            horizontal(y0 * lowWidth, upper);
            horizontal(y1 * lowWidth, lower);
            for (int x = 0; x < row.length; x++) {
                row[x] = upper[x] + wy * (lower[x] - upper[x]);
            }
        }

        private void horizontal(int base, float[] out) {
            int last = lowWidth - 1;
            for (int x = 0; x < out.length; x++) {
                int x0 = left[x];
                float a = low[base + x0];
                float b = low[base + Math.min(last, x0 + 1)];
                out[x] = a + weight[x] * (b - a);
            }
        }
    }

    /**
     * Both stages stream over rows: the first computes the window means of the guide, the input and their products row by
     * row (through {@link BoxRows}) and turns them into the coefficients a, b of that row; the second takes the window
     * means of the coefficients as soon as the rows they need exist. Coefficient rows live in a ring of 2r + 2 rows, so
     * besides the output only O(r * width) floats are held, whatever the image size.
     */
    private static float[] filterGrey(PlaneRows guide, PlaneRows p, int width, int height, int radius, double eps) {
        return filterGrey(guide, p, width, height, radius, eps, new float[width * height], 0, height);
    }

    /** Output rows {@code [y0, y1)} of the grey-guide filter, written into {@code q}; returns {@code q}. */
    private static float[] filterGrey(PlaneRows guide, PlaneRows p, int width, int height, int radius, double eps,
            float[] q, int y0, int y1) {
        float[] guideRow = new float[width];
        float[] inputRow = new float[width];
        BoxRows inputs = new BoxRows(width, height, radius, 4, firstRowRead(y0, 2 * radius), (y, rows) -> {
            guide.read(y, guideRow);
            p.read(y, inputRow);
            double[] i0 = rows[0];
            double[] p0 = rows[1];
            double[] ii = rows[2];
            double[] ip = rows[3];
            for (int x = 0; x < width; x++) {
                double g = guideRow[x];
                double v = inputRow[x];
                i0[x] = g;
                p0[x] = v;
                ii[x] = g * g;
                ip[x] = g * v;
            }
        });
        return stream(width, height, radius, inputs, 4, 2, q, y0, y1, (m, coefficient) -> {
            float[] a = coefficient[0];
            float[] b = coefficient[1];
            for (int x = 0; x < width; x++) {
                double meanI = m[0][x];
                double meanP = m[1][x];
                double var = m[2][x] - meanI * meanI;
                double cov = m[3][x] - meanI * meanP;
                double ax = cov / (var + eps);
                a[x] = (float) ax;
                b[x] = (float) (meanP - ax * meanI);
            }
        }, (y, mc, out, base) -> {
            guide.read(y, guideRow);
            double[] meanA = mc[0];
            double[] meanB = mc[1];
            for (int x = 0; x < width; x++) {
                out[base + x] = (float) (meanA[x] * guideRow[x] + meanB[x]);
            }
        });
    }

    private static float[] filterColor(float[][] guide, float[] p, int width, int height, int radius, double eps) {
        float[] gr = guide[0];
        float[] gg = guide[1];
        float[] gb = guide[2];
        // Quantities: R, G, B, p, RR, RG, RB, GG, GB, BB, Rp, Gp, Bp.
        BoxRows inputs = new BoxRows(width, height, radius, 13, 0, (y, rows) -> {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                double r = gr[base + x];
                double g = gg[base + x];
                double b = gb[base + x];
                double v = p[base + x];
                rows[0][x] = r;
                rows[1][x] = g;
                rows[2][x] = b;
                rows[3][x] = v;
                rows[4][x] = r * r;
                rows[5][x] = r * g;
                rows[6][x] = r * b;
                rows[7][x] = g * g;
                rows[8][x] = g * b;
                rows[9][x] = b * b;
                rows[10][x] = r * v;
                rows[11][x] = g * v;
                rows[12][x] = b * v;
            }
        });
        return stream(width, height, radius, inputs, 13, 4, new float[width * height], 0, height,
                (m, c) -> colourCoefficients(m, c[0], c[1], c[2], c[3], width, eps), (y, mc, q, base) -> {
                    for (int x = 0; x < width; x++) {
                        int i = base + x;
                        q[i] = (float) (mc[0][x] * gr[i] + mc[1][x] * gg[i] + mc[2][x] * gb[i] + mc[3][x]);
                    }
                });
    }

    /** Turns one row of window means of the inputs into that row's coefficients. */
    private interface CoefficientRow {
        void compute(double[][] means, float[][] coefficients);
    }

    /** Writes output row {@code y} (at {@code q[base..base + width)}) from the window means of the coefficients. */
    private interface OutputRow {
        void write(int y, double[][] meanCoefficients, float[] q, int base);
    }

    /**
     * The first row a band starting at output row {@code y0} reads, {@code reach} rows above it: r for the coefficients
     * (one window), 2r for the inputs (a window of coefficients, each a window of inputs).
     */
    private static int firstRowRead(int y0, int reach) {
        return Math.max(0, y0 - reach);
    }

    /**
     * The two streamed stages for output rows {@code [y0, y1)}: window means of the {@code quantities} input rows give the
     * {@code coefficients} rows (held in a ring of 2r + 2 rows), whose window means give the output, each row as soon as
     * the rows it needs exist. {@code inputs} must start at row {@code max(0, y0 - 2r)}; returns {@code q}.
     */
    private static float[] stream(int width, int height, int radius, BoxRows inputs, int quantities, int coefficients,
            float[] q, int y0, int y1, CoefficientRow coefficientRow, OutputRow outputRow) {
        CoefficientRing ring = new CoefficientRing(coefficients, width, height, radius);
        double[][] m = new double[quantities][width];
        double[][] mc = new double[coefficients][width];
        BoxRows coefficientMeans = new BoxRows(width, height, radius, coefficients, firstRowRead(y0, radius), ring);
        int produced = firstRowRead(y0, radius) - 1;
        for (int y = y0; y < y1; y++) {
            int needed = Math.min(height - 1, y + radius);
            while (produced < needed) {
                produced++;
                inputs.means(produced, m);
                coefficientRow.compute(m, ring.rows(produced));
            }
            coefficientMeans.means(y, mc);
            outputRow.write(y, mc, q, y * width);
        }
        return q;
    }

    /** a = (Sigma + eps U)^-1 cov(I, p) and b = mean(p) - a . mean(I) for one row of window means. */
    private static void colourCoefficients(double[][] m, float[] aR, float[] aG, float[] aB, float[] b, int width,
            double eps) {
        for (int x = 0; x < width; x++) {
            double mr = m[0][x];
            double mg = m[1][x];
            double mb = m[2][x];
            double mp = m[3][x];
            double sRR = m[4][x] - mr * mr + eps;
            double sRG = m[5][x] - mr * mg;
            double sRB = m[6][x] - mr * mb;
            double sGG = m[7][x] - mg * mg + eps;
            double sGB = m[8][x] - mg * mb;
            double sBB = m[9][x] - mb * mb + eps;
            double cR = m[10][x] - mr * mp;
            double cG = m[11][x] - mg * mp;
            double cB = m[12][x] - mb * mp;
            // Symmetric 3x3 inverse through the adjugate; Sigma + eps*U is positive definite, so det > 0.
            double iRR = sGG * sBB - sGB * sGB;
            double iRG = sGB * sRB - sRG * sBB;
            double iRB = sRG * sGB - sGG * sRB;
            double iGG = sRR * sBB - sRB * sRB;
            double iGB = sRB * sRG - sRR * sGB;
            double iBB = sRR * sGG - sRG * sRG;
            double inverseDet = 1.0 / (sRR * iRR + sRG * iRG + sRB * iRB);
            double ar = (iRR * cR + iRG * cG + iRB * cB) * inverseDet;
            double ag = (iRG * cR + iGG * cG + iGB * cB) * inverseDet;
            double ab = (iRB * cR + iGB * cG + iBB * cB) * inverseDet;
            aR[x] = (float) ar;
            aG[x] = (float) ag;
            aB[x] = (float) ab;
            b[x] = (float) (mp - ar * mr - ag * mg - ab * mb);
        }
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
     * The coefficient rows of the first stage, kept while the second stage's window may still need them: a ring of
     * 2r + 2 rows (or the whole image when it is shorter), which is also the second stage's {@link BoxRows.Source}.
     *
     * <p>Thread safety: not thread-safe; one per filter call.
     */
    private static final class CoefficientRing implements BoxRows.Source {
        private final float[][][] rows; // [slot][coefficient][x]
        private final int coefficients;

        CoefficientRing(int coefficients, int width, int height, int radius) {
            this.coefficients = coefficients;
            this.rows = new float[(int) Math.min(height, 2L * radius + 2)][coefficients][width];
        }

        /** The coefficient rows of image row {@code y}, to be written. */
        float[][] rows(int y) {
            return rows[y % rows.length];
        }

        @Override
        public void fill(int y, double[][] dst) {
            float[][] slot = rows[y % rows.length];
            for (int c = 0; c < coefficients; c++) {
                float[] from = slot[c];
                double[] to = dst[c];
                for (int x = 0; x < to.length; x++) {
                    to[x] = from[x];
                }
            }
        }
    }

}
