package org.supercuts.image;

/**
 * sRGB to CIE L*a*b* (D65) conversion, following the usual definition (as scikit-image's {@code rgb2lab}): sRGB gamma
 * decoding, the linear sRGB to XYZ matrix, normalisation by the D65 white point, and the CIE f(t) with the (6/29) knee.
 *
 * <p>L* is in [0, 100], a* and b* roughly in [-128, 127]. Grey input is treated as R = G = B.
 *
 * <p>Thread safety: stateless static methods; the lookup table is built once and read-only.
 */
public final class Cielab {
    private static final double XN = 0.95047;
    private static final double YN = 1.0;
    private static final double ZN = 1.08883;
    private static final double DELTA = 6.0 / 29.0;

    private Cielab() {
    }

    /** Linear value of one sRGB-encoded sample in [0, 1]. */
    public static double srgbToLinear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > DELTA * DELTA * DELTA ? Math.cbrt(t) : t / (3 * DELTA * DELTA) + 4.0 / 29.0;
    }

    /** Converts one sRGB triple in [0, 1] into {@code out = {L, a, b}}. */
    public static void fromSrgb(double r, double g, double b, double[] out) {
        double rl = srgbToLinear(r);
        double gl = srgbToLinear(g);
        double bl = srgbToLinear(b);
        double x = 0.412453 * rl + 0.357580 * gl + 0.180423 * bl;
        double y = 0.212671 * rl + 0.715160 * gl + 0.072169 * bl;
        double z = 0.019334 * rl + 0.119193 * gl + 0.950227 * bl;
        double fx = f(x / XN);
        double fy = f(y / YN);
        double fz = f(z / ZN);
        out[0] = 116.0 * fy - 16.0;
        out[1] = 500.0 * (fx - fy);
        out[2] = 200.0 * (fy - fz);
    }

    /**
     * The image's three planes {L, a, b} through {@link FastCielab}: those of {@link PlanarImage#cielab()}, computed once
     * per image and shared, so they must not be modified.
     *
     * @param image grey or RGB, sRGB-encoded in [0, 1]
     * @return three read-only planes holding L*, a*, b* (not in [0, 1])
     */
    public static float[][] planes(PlanarImage image) {
        return image.cielab();
    }
}
