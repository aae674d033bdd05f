package org.supercuts.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * A picture of a result drawn over its photo, layer by layer in the order the layers were added: mask tints, region
 * colours, region boundaries and boxes. Each method returns a new overlay with one more layer; {@link #render()} draws
 * them.
 *
 * <pre>{@code
 * BufferedImage picture = Overlay.of(image)
 *         .tint(mask, 0xff3030, 0.4)
 *         .boundaries(superpixels, 0xffe040, 0.6)
 *         .box(box, 0x20e040)
 *         .render();
 * }</pre>
 *
 * <p>Thread safety: immutable; {@link #render()} may be called from several threads.
 */
public final class Overlay {
    private final PlanarImage image;
    private final List<Layer> layers;

    private Overlay(PlanarImage image, List<Layer> layers) {
        this.image = image;
        this.layers = List.copyOf(layers);
    }

    /** An overlay with no layers yet over {@code image} (grey images are drawn as grey RGB). */
    public static Overlay of(PlanarImage image) {
        return new Overlay(Objects.requireNonNull(image, "image"), List.of());
    }

    /** Blends {@code rgb} with weight {@code alpha} into every pixel where {@code mask} is non-zero. */
    public Overlay tint(byte[] mask, int rgb, double alpha) {
        Objects.requireNonNull(mask, "mask");
        checkLength(mask.length, "mask");
        checkAlpha(alpha);
        return with((out, i, x, y) -> mask[i] != 0 ? blend(out, rgb, alpha) : out);
    }

    /**
     * Blends each region's palette colour ({@link Palette#colour}) with weight {@code alpha} into its pixels; label
     * {@code background} is left untouched (use -1 to colour every label).
     */
    public Overlay regions(LabelMap labels, int background, double alpha) {
        checkLabels(labels);
        checkAlpha(alpha);
        int[] lbl = labels.backingArray();
        int[] colours = new int[labels.count()];
        for (int l = 0; l < colours.length; l++) {
            colours[l] = Palette.colour(l);
        }
        return with((out, i, x, y) -> lbl[i] == background ? out : blend(out, colours[lbl[i]], alpha));
    }

    /** Blends {@code rgb} with weight {@code alpha} into every pixel whose right or lower neighbour has another label. */
    public Overlay boundaries(LabelMap labels, int rgb, double alpha) {
        checkLabels(labels);
        checkAlpha(alpha);
        int[] lbl = labels.backingArray();
        int w = image.width();
        int h = image.height();
        return with((out, i, x, y) -> isBoundary(lbl, w, h, x, y) ? blend(out, rgb, alpha) : out);
    }

    /** Draws the outline of {@code box} in {@code rgb}, 2 pixels wide. */
    public Overlay box(BoundingBox box, int rgb) {
        Objects.requireNonNull(box, "box");
        List<Layer> next = new ArrayList<>(layers);
        next.add(new BoxLayer(box, rgb));
        return new Overlay(image, next);
    }

    /** Draws the layers over a fresh 8-bit RGB copy of the photo. */
    public BufferedImage render() {
        BufferedImage out = image.toBufferedImage();
        int w = image.width();
        int h = image.height();
        int[] row = new int[w];
        int start = 0;
        while (start < layers.size()) {
            int end = start;
            while (end < layers.size() && layers.get(end) instanceof PixelLayer) {
                end++;
            }
            if (end > start) {
                List<Layer> run = layers.subList(start, end);
                // An RGB picture's pixels are read and written in place (getRGB/setRGB convert each pixel).
                int[] pixels = Pictures.rgbPixels(out);
                for (int y = 0; y < h; y++) {
                    if (pixels != null) {
                        System.arraycopy(pixels, y * w, row, 0, w);
                    } else {
                        out.getRGB(0, y, w, 1, row, 0, w);
                    }
                    for (int x = 0; x < w; x++) {
                        int rgb = row[x] & 0xffffff;
                        for (Layer l : run) {
                            rgb = ((PixelLayer) l).apply(rgb, y * w + x, x, y);
                        }
                        row[x] = rgb;
                    }
                    if (pixels != null) {
                        System.arraycopy(row, 0, pixels, y * w, w);
                    } else {
                        out.setRGB(0, y, w, 1, row, 0, w);
                    }
                }
                start = end;
            } else {
                BoxLayer b = (BoxLayer) layers.get(start++);
                Graphics2D g = out.createGraphics();
                g.setColor(new Color(b.rgb()));
                g.setStroke(new BasicStroke(2f));
                g.drawRect(b.box().x0(), b.box().y0(), b.box().width() - 1, b.box().height() - 1);
                g.dispose();
            }
        }
        return out;
    }

    private Overlay with(PixelLayer layer) {
        List<Layer> next = new ArrayList<>(layers);
        next.add(layer);
        return new Overlay(image, next);
    }

    private void checkLabels(LabelMap labels) {
        Objects.requireNonNull(labels, "labels");
        if (labels.width() != image.width() || labels.height() != image.height()) {
            throw new IllegalArgumentException("labels are " + labels.width() + "x" + labels.height() + " but the image is "
                    + image.width() + "x" + image.height());
        }
    }

    private void checkLength(int length, String what) {
        if (length != image.pixelCount()) {
            throw new IllegalArgumentException(what + " has length " + length + ", expected width*height="
                    + image.pixelCount());
        }
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
    }

    static boolean isBoundary(int[] lbl, int w, int h, int x, int y) {
        int i = y * w + x;
        return (x + 1 < w && lbl[i + 1] != lbl[i]) || (y + 1 < h && lbl[i + w] != lbl[i]);
    }

    static int blend(int rgb, int over, double alpha) {
        int r = (int) Math.round(((rgb >> 16) & 0xff) * (1 - alpha) + ((over >> 16) & 0xff) * alpha);
        int g = (int) Math.round(((rgb >> 8) & 0xff) * (1 - alpha) + ((over >> 8) & 0xff) * alpha);
        int b = (int) Math.round((rgb & 0xff) * (1 - alpha) + (over & 0xff) * alpha);
        return (r << 16) | (g << 8) | b;
    }

    private sealed interface Layer permits PixelLayer, BoxLayer {
    }

    @FunctionalInterface
    private non-sealed interface PixelLayer extends Layer {
        int apply(int rgb, int index, int x, int y);
    }

    private record BoxLayer(BoundingBox box, int rgb) implements Layer {
    }
}
