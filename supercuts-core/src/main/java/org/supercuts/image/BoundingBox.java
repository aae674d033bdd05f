package org.supercuts.image;

/**
 * An axis-aligned pixel box: {@code x0, y0} inclusive, {@code x1, y1} exclusive (so width = x1 - x0).
 *
 * <p>Thread safety: immutable value.
 */
public record BoundingBox(int x0, int y0, int x1, int y1) {
    public BoundingBox {
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("box must be non-empty (x0 < x1, y0 < y1), got [" + x0 + "," + y0 + "," + x1 + ","
                    + y1 + "]");
        }
    }

    /** Width, {@code x1 - x0}. */
    public int width() {
        return x1 - x0;
    }

    /** Height, {@code y1 - y0}. */
    public int height() {
        return y1 - y0;
    }

    /** Area in pixels. */
    public long area() {
        return (long) width() * height();
    }

    /** Intersection over union of the two boxes' pixel sets. */
    public double iou(BoundingBox other) {
        long iw = Math.max(0, Math.min(x1, other.x1) - Math.max(x0, other.x0));
        long ih = Math.max(0, Math.min(y1, other.y1) - Math.max(y0, other.y0));
        long inter = iw * ih;
        return inter / (double) (area() + other.area() - inter);
    }

    /** {@code [x0, y0, x1, y1]}. */
    public int[] toArray() {
        return new int[] {x0, y0, x1, y1};
    }
}
