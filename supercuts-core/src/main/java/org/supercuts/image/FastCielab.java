package org.supercuts.image;


/**
 * A fast sRGB to CIE L*a*b* (D65) conversion with the same definition as {@link Cielab#fromSrgb}, for per-pixel use in
 * superpixel algorithms.
 *
 * <p>Two costs dominate the exact conversion: {@code Math.pow} in the sRGB gamma decoding and {@code Math.cbrt} in the CIE
 * f(t). Here the gamma decoding reads a 4096-segment table with linear interpolation (the curve is smooth between the
 * nodes, so the interpolation error stays near 1e-8), and the cube root reads a table with 1024 nodes per octave,
 * addressed by the exponent and top mantissa bits of its argument, again with linear interpolation (relative error below
 * 3e-8). Neither needs a division.
 *
 * <p>Outputs are rounded to multiples of {@link #QUANTUM} (2<sup>-14</sup>, below 3.1e-5 of rounding error). With samples in
 * [0, 1] every |L|, |a|, |b| is below 128, so each output is an integer multiple of the quantum below 2<sup>21</sup>: sums
 * of up to 2<sup>32</sup> such values in {@code double} are exact, hence independent of summation order. Superpixel
 * algorithms rely on that to give identical results for any thread count. Measured agreement with {@link Cielab#fromSrgb}
 * is checked by {@code FastCielabTest} (max absolute error below 1e-4 in each of L*, a*, b*).
 *
 * <p>Samples outside [0, 1] are clamped into it first (unlike {@link Cielab}, which extrapolates the curves).
 *
 * <p>Thread safety: stateless static methods over a read-only table built once.
 */
public final class FastCielab {
    /** Spacing of the output grid: every L*, a*, b* produced is an integer multiple of this. */
    public static final float QUANTUM = 1f / 16384f;

    private static final int SEGMENTS = 4096;
    private static final double[] LINEAR = buildLinearTable();
    private static final double INV_XN = 1 / 0.95047;
    private static final double INV_ZN = 1 / 1.08883;
    private static final double KNEE = 216.0 / 24389.0; // (6/29)^3
    private static final double LINEAR_SLOPE = 24389.0 / 3132.0; // 1 / (3 (6/29)^2)
    private static final double LINEAR_OFFSET = 4.0 / 29.0;
    /*
     * Cube-root table over [2^-7, 2): 1024 nodes per octave, addressed by a double's exponent and top 10 mantissa bits;
     * linear interpolation on the remaining 42 bits. The knee (6/29)^3 = 0.00886 lies above 2^-7 and clamped input keeps
     * t below 2. Relative interpolation error is below 3e-8, i.e. below 2e-5 in a*.
     */
    private static final int CBRT_NODES_PER_OCTAVE_BITS = 10;
    private static final int CBRT_LOWEST_EXPONENT = -7;
    private static final int CBRT_OCTAVES = 8;
    private static final int CBRT_FRACTION_BITS = 52 - CBRT_NODES_PER_OCTAVE_BITS;
    private static final long CBRT_FRACTION_MASK = (1L << CBRT_FRACTION_BITS) - 1;
    private static final double CBRT_FRACTION_SCALE = 1.0 / (1L << CBRT_FRACTION_BITS);
    private static final long CBRT_FIRST_NODE_BITS = (1023L + CBRT_LOWEST_EXPONENT) << CBRT_NODES_PER_OCTAVE_BITS;
    private static final double[] CBRT = buildCbrtTable();

    private FastCielab() {
    }

    private static double[] buildLinearTable() {
        double[] table = new double[SEGMENTS + 2];
        // The power branch at every node, even below the 0.04045 knee where it is never used directly: the table serves
        // only samples above the knee, and the segment holding the knee then interpolates a smooth curve.
        for (int i = 0; i <= SEGMENTS; i++) {
            table[i] = Math.pow((i / (double) SEGMENTS + 0.055) / 1.055, 2.4);
        }
        table[SEGMENTS + 1] = table[SEGMENTS]; // lets v == 1 interpolate without a bounds branch
        return table;
    }

    private static double[] buildCbrtTable() {
        int nodes = CBRT_OCTAVES << CBRT_NODES_PER_OCTAVE_BITS;
        double[] table = new double[nodes + 1];
        for (int j = 0; j <= nodes; j++) {
            int octave = j >> CBRT_NODES_PER_OCTAVE_BITS;
            int step = j & ((1 << CBRT_NODES_PER_OCTAVE_BITS) - 1);
            double t = Math.scalb(1.0 + step / (double) (1 << CBRT_NODES_PER_OCTAVE_BITS), CBRT_LOWEST_EXPONENT + octave);
            table[j] = Math.cbrt(t);
        }
        return table;
    }

    /** Linear light of one sRGB sample, clamped into [0, 1] first. */
    static double srgbToLinear(float v) {
        if (v <= 0.04045f) {
            // The linear segment, exact; it also keeps the table's interpolation off the curve's kink at 0.04045.
            return v <= 0f ? 0.0 : v * (1.0 / 12.92);
        }
        float c = v > 1f ? 1f : v;
        double pos = c * (double) SEGMENTS;
        int i = (int) pos;
        double frac = pos - i;
        double lo = LINEAR[i];
        return lo + frac * (LINEAR[i + 1] - lo);
    }

    /** The CIE f(t) for t in [0, 2): cube-root table above the knee, the linear segment below it. */
    private static double f(double t) {
        if (t <= KNEE) {
            return t * LINEAR_SLOPE + LINEAR_OFFSET;
        }
        if (t >= 2.0) {
            return Math.cbrt(t); // unreachable with clamped input; keeps the table lookup in range regardless
        }
        long bits = Double.doubleToRawLongBits(t);
        int node = (int) ((bits >>> CBRT_FRACTION_BITS) - CBRT_FIRST_NODE_BITS);
        double frac = (bits & CBRT_FRACTION_MASK) * CBRT_FRACTION_SCALE;
        double lo = CBRT[node];
        return lo + frac * (CBRT[node + 1] - lo);
    }

    /** Rounds to the nearest multiple of {@link #QUANTUM}. */
    /** Rounds a CIELAB value to the grid of {@link #QUANTUM} that this class produces (so sums over pixels are exact). */
    public static float quantize(double v) {
        return (float) Math.rint(v * 16384.0) * QUANTUM;
    }

    /**
     * Converts pixels {@code [from, to)} of planar sRGB into quantized L*, a*, b* planes.
     *
     * @param red   red plane (for grey input pass the grey plane as red, green and blue)
     * @param green green plane
     * @param blue  blue plane
     */
    public static void convert(float[] red, float[] green, float[] blue, float[] outL, float[] outA, float[] outB, int from,
            int to) {
        for (int i = from; i < to; i++) {
            double rl = srgbToLinear(red[i]);
            double gl = srgbToLinear(green[i]);
            double bl = srgbToLinear(blue[i]);
            double fx = f((0.412453 * rl + 0.357580 * gl + 0.180423 * bl) * INV_XN);
            double fy = f(0.212671 * rl + 0.715160 * gl + 0.072169 * bl);
            double fz = f((0.019334 * rl + 0.119193 * gl + 0.950227 * bl) * INV_ZN);
            outL[i] = quantize(116.0 * fy - 16.0);
            outA[i] = quantize(500.0 * (fx - fy));
            outB[i] = quantize(200.0 * (fy - fz));
        }
    }

    /** Converts one sRGB triple into {@code out = {L, a, b}} (quantized, inputs clamped into [0, 1]). */
    public static void fromSrgb(float r, float g, float b, float[] out) {
        double rl = srgbToLinear(r);
        double gl = srgbToLinear(g);
        double bl = srgbToLinear(b);
        double fx = f((0.412453 * rl + 0.357580 * gl + 0.180423 * bl) * INV_XN);
        double fy = f(0.212671 * rl + 0.715160 * gl + 0.072169 * bl);
        double fz = f((0.019334 * rl + 0.119193 * gl + 0.950227 * bl) * INV_ZN);
        out[0] = quantize(116.0 * fy - 16.0);
        out[1] = quantize(500.0 * (fx - fy));
        out[2] = quantize(200.0 * (fy - fz));
    }
}
