package org.supercuts.render;

/**
 * Distinct, deterministic colours for numbered things (objects, parts, segments): hues spaced by the golden angle so
 * that neighbouring numbers differ strongly, at fixed saturation and brightness.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Palette {
    private static final double GOLDEN_ANGLE = 0.381966011250105; // 1 - 1/phi, as a fraction of the hue circle

    private Palette() {
    }

    /**
     * The colour of number {@code index} as {@code 0xRRGGBB}; the same index always gives the same colour.
     *
     * @throws IllegalArgumentException if {@code index < 0}
     */
    public static int colour(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("palette index must be >= 0, got " + index);
        }
        double hue = (0.02 + index * GOLDEN_ANGLE) % 1.0;
        // Alternate two brightness levels so that hues that come round again stay distinguishable.
        double value = (index / 8) % 2 == 0 ? 0.95 : 0.75;
        return hsv(hue, 0.75, value);
    }

    private static int hsv(double h, double s, double v) {
        double sector = h * 6;
        int i = (int) Math.floor(sector) % 6;
        double f = sector - Math.floor(sector);
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        double r;
        double g;
        double b;
        switch (i) {
            case 0 -> { r = v; g = t; b = p; }
            case 1 -> { r = q; g = v; b = p; }
            case 2 -> { r = p; g = v; b = t; }
            case 3 -> { r = p; g = q; b = v; }
            case 4 -> { r = t; g = p; b = v; }
            default -> { r = v; g = p; b = q; }
        }
        return (to8(r) << 16) | (to8(g) << 8) | to8(b);
    }

    private static int to8(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
