package org.supercuts.hierarchy;

/**
 * Per-pixel texture planes of the lightness L*, for the texture cue of {@link ContourMerging#texture}: the mean absolute
 * horizontal and vertical central differences of L* over a box of radius {@value #ENERGY_RADIUS} (oriented gradient
 * energies: stripes of one orientation differ from those of the other) and the standard deviation of L* over boxes of
 * radius {@value #FINE_RADIUS} and {@value #COARSE_RADIUS} (texture contrast at two scales). All are in CIELAB units, so
 * their differences are on the scale of the colour cue. A region of flat colour has all four near 0; grass, foliage or
 * fabric have large values, so two regions of the same mean colour but different texture get a distance that the colour
 * terms do not see.
 *
 * <p>Thread safety: stateless static methods.
 */
final class TexturePlanes {
    static final int ENERGY_RADIUS = 3;
    static final int FINE_RADIUS = 2;
    static final int COARSE_RADIUS = 5;
    /** Number of planes {@link #of} returns. */
    static final int COUNT = 4;

    private TexturePlanes() {
    }

    /** The four planes {|dL/dx|, |dL/dy|, std L at radius 2, std L at radius 5} of an image of {@code w x h} pixels. */
    static float[][] of(float[] lightness, int w, int h) {
        float[] dx = new float[w * h];
        float[] dy = new float[w * h];
        float[] sq = new float[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int up = Math.max(0, y - 1) * w;
            int down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                int i = row + x;
                dx[i] = 0.5f * Math.abs(lightness[row + Math.min(w - 1, x + 1)] - lightness[row + Math.max(0, x - 1)]);
                dy[i] = 0.5f * Math.abs(lightness[down + x] - lightness[up + x]);
                sq[i] = lightness[i] * lightness[i];
            }
        }
        double[] sum = BoundaryCues.integral(lightness, w, h);
        double[] sumSq = BoundaryCues.integral(sq, w, h);
        return new float[][] {boxMean(BoundaryCues.integral(dx, w, h), w, h, ENERGY_RADIUS),
                boxMean(BoundaryCues.integral(dy, w, h), w, h, ENERGY_RADIUS), boxStd(sum, sumSq, w, h, FINE_RADIUS),
                boxStd(sum, sumSq, w, h, COARSE_RADIUS)};
    }

    private static float[] boxMean(double[] integral, int w, int h, int r) {
        return perBox(w, h, r, (x0, y0, x1, y1) -> boxSum(integral, w + 1, x0, y0, x1, y1) / ((x1 - x0) * (y1 - y0)));
    }

    private static float[] boxStd(double[] sum, double[] sumSq, int w, int h, int r) {
        return perBox(w, h, r, (x0, y0, x1, y1) -> {
            double inv = 1.0 / ((x1 - x0) * (y1 - y0));
            double m = boxSum(sum, w + 1, x0, y0, x1, y1) * inv;
            // Rounding can make the variance slightly negative on flat patches.
            return Math.sqrt(Math.max(0, boxSum(sumSq, w + 1, x0, y0, x1, y1) * inv - m * m));
        });
    }

    /** What a plane holds at a pixel, from its box [x0, x1) x [y0, y1) clipped to the image. */
    private interface BoxValue {
        double of(int x0, int y0, int x1, int y1);
    }

    /** The plane whose pixel (x, y) holds {@code value} of the box of radius r around it. */
    private static float[] perBox(int w, int h, int r, BoxValue value) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) value.of(Math.max(0, x - r), y0, Math.min(w, x + r + 1), y1);
            }
        }
        return out;
    }

    private static double boxSum(double[] integral, int w1, int x0, int y0, int x1, int y1) {
        return integral[y1 * w1 + x1] - integral[y0 * w1 + x1] - integral[y1 * w1 + x0] + integral[y0 * w1 + x0];
    }
}
