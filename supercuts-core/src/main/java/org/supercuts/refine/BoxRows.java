package org.supercuts.refine;

/**
 * Window means of several image quantities at once, row by row: the {@code (2r+1) x (2r+1)} window clipped to the image,
 * divided by the number of pixels inside it. Column sums over the current window rows are kept in {@code double} and
 * slid down by one fused add-and-subtract per row; each row's horizontal window sums are running sums along it. So every
 * mean costs O(1) whatever the radius, the memory is a few rows, and the rounding error stays near that of summing in
 * {@code double}. Sources hand over their rows in {@code double}, so products of two {@code float} samples are exact.
 *
 * <p>Rows must be requested in increasing order, starting at a row whose window begins at the first row given to the
 * constructor (0 for a whole image, later for one band of it); the quantities of a row are fetched from the {@link Source} when the
 * window reaches it and again when it leaves it.
 *
 * <p>Thread safety: not thread-safe (holds the running sums); one per filter call.
 */
final class BoxRows {
    /** Supplies the quantities of one image row. */
    interface Source {
        /** Writes quantity {@code q} of row {@code y} into {@code rows[q][0..width)}. */
        void fill(int y, double[][] rows);
    }

    private final int width;
    private final int height;
    private final int radius;
    private final int quantities;
    private final Source source;
    private final double[][] column;
    private final double[][] entering;
    private final double[][] leaving;
    /** 1 / (number of window columns inside the image) per x. */
    private final double[] inverseColumns;
    /** Rows [top, bottom] are in the column sums. */
    private int top;
    private int bottom;

    /** @param firstRow the first row any requested window reaches */
    BoxRows(int width, int height, int radius, int quantities, int firstRow, Source source) {
        this.width = width;
        this.height = height;
        this.radius = radius;
        this.quantities = quantities;
        this.source = source;
        this.top = firstRow;
        this.bottom = firstRow - 1;
        this.column = new double[quantities][width];
        this.entering = new double[quantities][width];
        this.leaving = new double[quantities][width];
        this.inverseColumns = new double[width];
        for (int x = 0; x < width; x++) {
            inverseColumns[x] = 1.0 / (Math.min(width, x + radius + 1) - Math.max(0, x - radius));
        }
    }

    /** Writes the window means of every quantity at row {@code y} into {@code means[q][0..width)}. */
    void means(int y, double[][] means) {
        int first = Math.max(0, y - radius);
        int last = Math.min(height - 1, y + radius);
        // The window moves down by at most one row per call, except at the start; add and drop in pairs while both apply.
        while (bottom < last && top < first) {
            source.fill(++bottom, entering);
            source.fill(top++, leaving);
            for (int q = 0; q < quantities; q++) {
                double[] c = column[q];
                double[] in = entering[q];
                double[] out = leaving[q];
                for (int x = 0; x < width; x++) {
                    c[x] += in[x] - out[x];
                }
            }
        }
        while (bottom < last) {
            source.fill(++bottom, entering);
            for (int q = 0; q < quantities; q++) {
                double[] c = column[q];
                double[] in = entering[q];
                for (int x = 0; x < width; x++) {
                    c[x] += in[x];
                }
            }
        }
        while (top < first) {
            source.fill(top++, leaving);
            for (int q = 0; q < quantities; q++) {
                double[] c = column[q];
                double[] out = leaving[q];
                for (int x = 0; x < width; x++) {
                    c[x] -= out[x];
                }
            }
        }
        double inverseRows = 1.0 / (last - first + 1);
        for (int q = 0; q < quantities; q++) {
            horizontal(column[q], means[q], inverseRows);
        }
    }

    /** Running window sums along one row of column sums, scaled to means. */
    private void horizontal(double[] c, double[] mean, double inverseRows) {
        int r = radius;
        int w = width;
        double s = 0;
        for (int x = 0; x <= Math.min(r, w - 1); x++) {
            s += c[x];
        }
        // x in [0, w): the window [x - r, x + r]; the sum is updated after each output, entering x + r + 1, leaving x - r.
        int leftEnd = Math.min(w, r); // x < r: nothing leaves
        int x = 0;
        for (; x < leftEnd; x++) {
            mean[x] = s * (inverseColumns[x] * inverseRows);
            if (x + r + 1 < w) {
                s += c[x + r + 1];
            }
        }
        int middleEnd = w - r - 1; // x < w - r - 1: x + r + 1 enters
        for (; x < middleEnd; x++) {
            mean[x] = s * (inverseColumns[x] * inverseRows);
            s += c[x + r + 1] - c[x - r];
        }
        for (; x < w; x++) {
            mean[x] = s * (inverseColumns[x] * inverseRows);
            if (x - r >= 0) {
                s -= c[x - r];
            }
        }
    }
}
