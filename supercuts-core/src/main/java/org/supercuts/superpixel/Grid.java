package org.supercuts.superpixel;

import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * Regular square cells instead of superpixels: about {@code k} cells of side {@code round(sqrt(N / k))} pixels, the
 * partial cells at the right and bottom edges kept as they are. This is the "no superpixels" baseline of the ablation:
 * the same regions a ViT with that patch size would see, with no adherence to image edges.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class Grid implements Superpixelizer {
    private final int cells;

    private Grid(int cells) {
        if (cells < 1) {
            throw new IllegalArgumentException("cells must be >= 1, got " + cells);
        }
        this.cells = cells;
    }

    /** About {@code k} square cells. */
    public static Grid cells(int k) {
        return new Grid(k);
    }

    @Override
    public LabelMap segment(PlanarImage image) {
        int w = image.width();
        int h = image.height();
        if (cells > w * h) {
            throw new IllegalArgumentException("cells = " + cells + " exceeds the pixel count of the " + w + "x" + h + " image ("
                    + w * h + "); cells must be <= width*height");
        }
        int side = Math.max(1, (int) Math.round(Math.sqrt((double) w * h / cells)));
        int columns = (w + side - 1) / side;
        int[] labels = new int[w * h];
        for (int y = 0; y < h; y++) {
            int row = (y / side) * columns;
            for (int x = 0; x < w; x++) {
                labels[y * w + x] = row + x / side;
            }
        }
        return LabelMap.of(w, h, labels);
    }

    @Override
    public String describe() {
        return "grid(cells=" + cells + ")";
    }
}
