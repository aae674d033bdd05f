package org.supercuts.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.supercuts.image.PlanarImage;

class GuidedFilterTest {

    @Test
    void constantInputStaysConstant() {
        int w = 23;
        int h = 17;
        Random rnd = new Random(1);
        float[] guide = randomPlane(rnd, w * h);
        float[] input = new float[w * h];
        java.util.Arrays.fill(input, 0.37f);
        float[] grey = GuidedFilter.filter(new float[][] {guide}, input, w, h, 4, 1e-3);
        float[] colour = GuidedFilter.filter(new float[][] {guide, randomPlane(rnd, w * h), randomPlane(rnd, w * h)}, input, w, h,
                4, 1e-3);
        for (int i = 0; i < input.length; i++) {
            assertThat(grey[i]).isCloseTo(0.37f, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(colour[i]).isCloseTo(0.37f, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void edgeInGuideStaysSharperThanBoxBlur() {
        // Guide: a vertical step at x = 20; input: the same step with its edge smeared by 6 pixels of ramp.
        int w = 40;
        int h = 10;
        int r = 5;
        float[] guide = new float[w * h];
        float[] input = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                guide[y * w + x] = x < 20 ? 0.1f : 0.9f;
                input[y * w + x] = x < 20 ? 0f : 1f;
            }
        }
        float[] guided = GuidedFilter.filter(new float[][] {guide}, input, w, h, r, 1e-4);
        float[] blurred = boxBlur(input, w, h, r);
        int row = 5 * w;
        // Contrast across the edge, between the pixels just left and just right of it.
        float guidedJump = guided[row + 20] - guided[row + 19];
        float blurJump = blurred[row + 20] - blurred[row + 19];
        assertThat(guidedJump).isGreaterThan(0.95f);
        assertThat(blurJump).isLessThan(0.2f);
        assertThat(guidedJump).isGreaterThan(blurJump * 4);
    }

    @Test
    void greyMatchesBruteForceReference() {
        Random rnd = new Random(7);
        for (int[] c : new int[][] {{19, 13, 1}, {31, 22, 3}, {12, 40, 6}}) {
            int w = c[0];
            int h = c[1];
            int r = c[2];
            float[] guide = randomPlane(rnd, w * h);
            float[] input = randomPlane(rnd, w * h);
            float[] fast = GuidedFilter.filter(new float[][] {guide}, input, w, h, r, 1e-2);
            float[] ref = reference(new float[][] {guide}, input, w, h, r, 1e-2);
            assertClose(fast, ref, 1e-5);
        }
    }

    @Test
    void colourMatchesBruteForceReference() {
        Random rnd = new Random(11);
        for (int[] c : new int[][] {{17, 14, 2}, {25, 19, 4}}) {
            int w = c[0];
            int h = c[1];
            int r = c[2];
            float[][] guide = {randomPlane(rnd, w * h), randomPlane(rnd, w * h), randomPlane(rnd, w * h)};
            float[] input = randomPlane(rnd, w * h);
            float[] fast = GuidedFilter.filter(guide, input, w, h, r, 1e-3);
            float[] ref = reference(guide, input, w, h, r, 1e-3);
            assertClose(fast, ref, 1e-5);
        }
    }

    @Test
    void radiusLargerThanImageIsOneGlobalFit() {
        Random rnd = new Random(3);
        int w = 9;
        int h = 6;
        float[] guide = randomPlane(rnd, w * h);
        float[] input = randomPlane(rnd, w * h);
        float[] big = GuidedFilter.filter(new float[][] {guide}, input, w, h, 50, 1e-2);
        assertClose(big, reference(new float[][] {guide}, input, w, h, 50, 1e-2), 1e-5);
        // Every window is the whole image, so the output is one affine function of the guide.
        double a = (big[1] - big[0]) / (double) (guide[1] - guide[0]);
        double b = big[0] - a * guide[0];
        for (int i = 0; i < big.length; i++) {
            assertThat((double) big[i]).isCloseTo(a * guide[i] + b, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void refinerClampsAndUsesLuminanceByDefault() {
        Random rnd = new Random(5);
        int w = 15;
        int h = 12;
        float[] r = randomPlane(rnd, w * h);
        float[] g = randomPlane(rnd, w * h);
        float[] b = randomPlane(rnd, w * h);
        PlanarImage image = PlanarImage.wrap(w, h, r, g, b);
        float[] soft = randomPlane(rnd, w * h);
        GuidedFilter f = GuidedFilter.radius(3).eps(1e-4);
        float[] out = f.refine(image, soft);
        float[] lum = new float[w * h];
        for (int i = 0; i < lum.length; i++) {
            lum[i] = (r[i] + g[i] + b[i]) / 3f;
        }
        float[] raw = GuidedFilter.filter(new float[][] {lum}, soft, w, h, 3, 1e-4);
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i]).isBetween(0f, 1f).isEqualTo(Math.max(0f, Math.min(1f, raw[i])));
        }
        float[] colour = f.colorGuide().refine(image, soft);
        float[] rawColour = GuidedFilter.filter(new float[][] {r, g, b}, soft, w, h, 3, 1e-4);
        assertThat(colour[0]).isEqualTo(Math.max(0f, Math.min(1f, rawColour[0])));
        assertThat(soft).isEqualTo(soft.clone());
        assertThat(f.describe()).isEqualTo("guided(r=3, eps=1.0E-4, guide=luminance)");
        assertThat(f.colorGuide().greyGuide()).isEqualTo(f);
    }

    @Test
    void upsamplingPutsACoarseEdgeWhereTheGuideHasIt() {
        // Full resolution 60 x 20 with a vertical step at x = 31 (not on the 4-pixel grid of the coarse mask); the coarse
        // 15 x 5 mask steps at its column 8 (full x = 32..35), so bilinear upsampling alone smears the edge over x 28..35.
        int w = 60;
        int h = 20;
        float[] grey = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                grey[y * w + x] = x < 31 ? 0.2f : 0.8f;
            }
        }
        float[] low = new float[15 * 5];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 15; x++) {
                low[y * 15 + x] = x < 8 ? 0f : 1f;
            }
        }
        float[] up = GuidedFilter.upsample(PlanarImage.wrap(w, h, grey), low, 15, 5, 8, 1e-4);
        int row = 10 * w;
        for (int x = 0; x < w; x++) {
            assertThat(up[row + x]).as("x=%d", x).isBetween(0f, 1f);
        }
        assertThat(up[row + 29]).isLessThan(0.25f);
        assertThat(up[row + 30]).isLessThan(0.25f);
        assertThat(up[row + 31]).isGreaterThan(0.75f);
        assertThat(up[row + 32]).isGreaterThan(0.75f);
    }

    @Test
    void upsamplingAConstantMaskGivesTheConstantAndChecksItsArguments() {
        Random rnd = new Random(5);
        float[] r = randomPlane(rnd, 40 * 30);
        PlanarImage image = PlanarImage.wrap(40, 30, r, randomPlane(rnd, 40 * 30), randomPlane(rnd, 40 * 30));
        float[] low = new float[10 * 8];
        java.util.Arrays.fill(low, 0.6f);
        for (float v : GuidedFilter.upsample(image, low, 10, 8, 4, 1e-3)) {
            assertThat(v).isCloseTo(0.6f, org.assertj.core.data.Offset.offset(1e-6f));
        }
        assertThatThrownBy(() -> GuidedFilter.upsample(image, low, 41, 2, 4, 1e-3)).hasMessageContaining("41x2");
        assertThatThrownBy(() -> GuidedFilter.upsample(image, low, 10, 7, 4, 1e-3)).hasMessageContaining("length 80");
    }

    @Test
    void bandedUpsamplingDoesNotDependOnTheThreadCountAndAgreesWithOneStream() {
        // Three bands of BAND_ROWS rows (the last one short), so the band seams are crossed by the radius-6 windows.
        int w = 31;
        int h = 2 * GuidedFilter.BAND_ROWS + 77;
        Random rnd = new Random(11);
        PlanarImage image = PlanarImage.wrap(w, h, randomPlane(rnd, w * h), randomPlane(rnd, w * h), randomPlane(rnd, w * h));
        int lw = 8;
        int lh = (h + 3) / 4;
        float[] low = randomPlane(rnd, lw * lh);
        float[] one = GuidedFilter.upsample(image, low, lw, lh, 6, 1e-3, 1);
        assertThat(GuidedFilter.upsample(image, low, lw, lh, 6, 1e-3, 2)).isEqualTo(one);
        assertThat(GuidedFilter.upsample(image, low, lw, lh, 6, 1e-3, 5)).isEqualTo(one);
        assertThat(GuidedFilter.upsample(image, low, lw, lh, 6, 1e-3)).isEqualTo(one);
        // The same filter as one stream over the whole image: the general kernel on the luminance and the bilinear input.
        float[] luminance = new float[w * h];
        for (int i = 0; i < luminance.length; i++) {
            luminance[i] = (image.plane(0)[i] + image.plane(1)[i] + image.plane(2)[i]) / 3f;
        }
        float[] stream = GuidedFilter.filter(new float[][] {luminance}, bilinear(low, lw, lh, w, h), w, h, 6, 1e-3);
        for (int i = 0; i < stream.length; i++) {
            stream[i] = Math.max(0f, Math.min(1f, stream[i]));
        }
        assertClose(one, stream, 1e-5);
        assertThatThrownBy(() -> GuidedFilter.upsample(image, low, lw, lh, 6, 1e-3, 0)).hasMessageContaining("threads")
                .hasMessageContaining("0");
    }

    /** Bilinear upsampling with aligned pixel centres, clamped at the border (what upsample's input rows compute). */
    private static float[] bilinear(float[] low, int lw, int lh, int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double sy = Math.max(0, Math.min(lh - 1, (y + 0.5) * lh / h - 0.5));
            int y0 = Math.min(lh - 2, (int) sy);
            double wy = sy - y0;
            for (int x = 0; x < w; x++) {
                double sx = Math.max(0, Math.min(lw - 1, (x + 0.5) * lw / w - 0.5));
                int x0 = Math.min(lw - 2, (int) sx);
                double wx = sx - x0;
                double top = low[y0 * lw + x0] + wx * (low[y0 * lw + x0 + 1] - low[y0 * lw + x0]);
                double bottom = low[(y0 + 1) * lw + x0] + wx * (low[(y0 + 1) * lw + x0 + 1] - low[(y0 + 1) * lw + x0]);
                out[y * w + x] = (float) (top + wy * (bottom - top));
            }
        }
        return out;
    }

    @Test
    void invalidParametersAreRejectedByName() {
        assertThatThrownBy(() -> GuidedFilter.radius(0)).hasMessageContaining("radius").hasMessageContaining("0");
        assertThatThrownBy(() -> GuidedFilter.radius(2).eps(0)).hasMessageContaining("eps");
        assertThatThrownBy(() -> GuidedFilter.radius(2).eps(Double.NaN)).hasMessageContaining("eps");
        assertThatThrownBy(() -> GuidedFilter.filter(new float[][] {new float[6]}, new float[5], 2, 3, 1, 0.1))
                .hasMessageContaining("input has length 5");
        assertThatThrownBy(() -> GuidedFilter.filter(new float[2][6], new float[6], 2, 3, 1, 0.1))
                .hasMessageContaining("1 (grey) or 3");
        PlanarImage img = PlanarImage.wrap(2, 2, new float[4]);
        assertThatThrownBy(() -> GuidedFilter.radius(1).refine(img, new float[3])).hasMessageContaining("soft has length 3");
    }

    private static float[] randomPlane(Random rnd, int n) {
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = rnd.nextFloat();
        }
        return p;
    }

    private static float[] boxBlur(float[] in, int w, int h, int r) {
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                int n = 0;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        s += in[yy * w + xx];
                        n++;
                    }
                }
                out[y * w + x] = (float) (s / n);
            }
        }
        return out;
    }

    /** Straight from the paper's equations, window by window, O(N r^2); clipped windows at the border. */
    private static float[] reference(float[][] guide, float[] p, int w, int h, int r, double eps) {
        int c = guide.length;
        int n = w * h;
        double[][] a = new double[n][c];
        double[] b = new double[n];
        for (int ky = 0; ky < h; ky++) {
            for (int kx = 0; kx < w; kx++) {
                int count = 0;
                double[] mI = new double[c];
                double mP = 0;
                for (int y = Math.max(0, ky - r); y <= Math.min(h - 1, ky + r); y++) {
                    for (int x = Math.max(0, kx - r); x <= Math.min(w - 1, kx + r); x++) {
                        int i = y * w + x;
                        count++;
                        for (int ch = 0; ch < c; ch++) {
                            mI[ch] += guide[ch][i];
                        }
                        mP += p[i];
                    }
                }
                for (int ch = 0; ch < c; ch++) {
                    mI[ch] /= count;
                }
                mP /= count;
                double[][] sigma = new double[c][c];
                double[] cov = new double[c];
                for (int y = Math.max(0, ky - r); y <= Math.min(h - 1, ky + r); y++) {
                    for (int x = Math.max(0, kx - r); x <= Math.min(w - 1, kx + r); x++) {
                        int i = y * w + x;
                        for (int u = 0; u < c; u++) {
                            cov[u] += (guide[u][i] - mI[u]) * (p[i] - mP) / count;
                            for (int v = 0; v < c; v++) {
                                sigma[u][v] += (guide[u][i] - mI[u]) * (guide[v][i] - mI[v]) / count;
                            }
                        }
                    }
                }
                for (int u = 0; u < c; u++) {
                    sigma[u][u] += eps;
                }
                double[] ak = solve(sigma, cov);
                int k = ky * w + kx;
                a[k] = ak;
                double bk = mP;
                for (int u = 0; u < c; u++) {
                    bk -= ak[u] * mI[u];
                }
                b[k] = bk;
            }
        }
        float[] q = new float[n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int count = 0;
                int i = y * w + x;
                for (int ky = Math.max(0, y - r); ky <= Math.min(h - 1, y + r); ky++) {
                    for (int kx = Math.max(0, x - r); kx <= Math.min(w - 1, x + r); kx++) {
                        int k = ky * w + kx;
                        double v = b[k];
                        for (int u = 0; u < c; u++) {
                            v += a[k][u] * guide[u][i];
                        }
                        sum += v;
                        count++;
                    }
                }
                q[i] = (float) (sum / count);
            }
        }
        return q;
    }

    /** Gaussian elimination with partial pivoting (small dense systems only). */
    private static double[] solve(double[][] m, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n] = rhs[i];
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[piv][col])) {
                    piv = row;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double f = a[row][col] / a[col][col];
                    for (int k = col; k <= n; k++) {
                        a[row][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }

    private static void assertClose(float[] actual, float[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        assertThat(worst).as("max abs difference to the reference").isLessThanOrEqualTo(tol);
    }
}
