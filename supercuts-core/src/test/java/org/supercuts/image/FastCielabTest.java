package org.supercuts.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FastCielabTest {
    /** Table interpolation (about 2e-5 in a*) plus quantization (at most 3.1e-5). */
    private static final double TOLERANCE = 1e-4;

    private static double maxError(float r, float g, float b, float[] fast, double[] exact, double worst) {
        FastCielab.fromSrgb(r, g, b, fast);
        Cielab.fromSrgb(r, g, b, exact);
        for (int c = 0; c < 3; c++) {
            worst = Math.max(worst, Math.abs(fast[c] - exact[c]));
        }
        return worst;
    }

    @Test
    void matchesTheExactConversionOnEightBitColours() {
        float[] fast = new float[3];
        double[] exact = new double[3];
        double worst = 0;
        for (int r = 0; r < 256; r += 3) {
            for (int g = 0; g < 256; g += 3) {
                for (int b = 0; b < 256; b += 3) {
                    worst = maxError(r / 255f, g / 255f, b / 255f, fast, exact, worst);
                }
            }
        }
        for (int v = 0; v < 256; v++) {
            worst = maxError(v / 255f, v / 255f, v / 255f, fast, exact, worst);
            worst = maxError(v / 255f, 0, 1, fast, exact, worst);
        }
        assertThat(worst).as("max |fast - exact| over L*, a*, b*").isLessThan(TOLERANCE);
    }

    @Test
    void matchesTheExactConversionOnArbitraryFloats() {
        SplittableRandom random = new SplittableRandom(1);
        float[] fast = new float[3];
        double[] exact = new double[3];
        double worst = 0;
        for (int i = 0; i < 300_000; i++) {
            // Half the samples dark, where the f(t) knee and the gamma's linear segment are.
            float scale = random.nextBoolean() ? 1f : 0.06f;
            worst = maxError(scale * (float) random.nextDouble(), scale * (float) random.nextDouble(),
                    scale * (float) random.nextDouble(), fast, exact, worst);
        }
        worst = maxError(1f, 1f, 1f, fast, exact, worst);
        worst = maxError(0f, 0f, 0f, fast, exact, worst);
        assertThat(worst).as("max |fast - exact| over L*, a*, b*").isLessThan(TOLERANCE);
    }

    @Test
    void outputsAreMultiplesOfTheQuantum() {
        SplittableRandom random = new SplittableRandom(2);
        float[] lab = new float[3];
        for (int i = 0; i < 10_000; i++) {
            FastCielab.fromSrgb((float) random.nextDouble(), (float) random.nextDouble(), (float) random.nextDouble(), lab);
            for (float v : lab) {
                double units = v / (double) FastCielab.QUANTUM;
                assertThat(units).isEqualTo(Math.rint(units));
                assertThat(Math.abs(v)).isLessThan(128f);
            }
        }
    }

    @Test
    void clampsSamplesOutsideTheUnitRange() {
        float[] clamped = new float[3];
        float[] outside = new float[3];
        FastCielab.fromSrgb(1f, 0f, 0.5f, clamped);
        FastCielab.fromSrgb(1.7f, -0.3f, 0.5f, outside);
        assertThat(outside).containsExactly(clamped);
    }

    @Test
    void planeConversionEqualsPerPixelConversion() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 500;
        float[][] rgb = new float[3][n];
        for (float[] plane : rgb) {
            for (int i = 0; i < n; i++) {
                plane[i] = (float) random.nextDouble();
            }
        }
        float[] l = new float[n];
        float[] a = new float[n];
        float[] b = new float[n];
        FastCielab.convert(rgb[0], rgb[1], rgb[2], l, a, b, 100, 400);
        float[] lab = new float[3];
        for (int i = 0; i < n; i++) {
            if (i < 100 || i >= 400) {
                assertThat(l[i]).as("outside the range stays untouched").isZero();
                continue;
            }
            FastCielab.fromSrgb(rgb[0][i], rgb[1][i], rgb[2][i], lab);
            assertThat(new float[] {l[i], a[i], b[i]}).containsExactly(lab);
        }
    }
}
