package org.supercuts.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

import org.supercuts.Segmentation;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.objects.DiscoveredObject;
import org.supercuts.objects.ObjectSet;

/**
 * Pictures of results for people: the standard overlay of a {@link Segmentation} (superpixel boundaries, mask tint,
 * object box), label maps in palette or mean colours, and the hierarchy levels side by side. Masks, soft maps and raw
 * label maps as pictures are in {@code org.supercuts.image} ({@code Masks.toBufferedImage},
 * {@code LabelMap.toBufferedImage}); writing is {@code ImageFiles.writePng} to a path or a stream.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Pictures {
    /** The mask tint of {@link #overlay}. */
    public static final int MASK_TINT = 0xff3030;
    /** The superpixel boundary colour of {@link #overlay}. */
    public static final int BOUNDARY = 0xffe040;
    /** The box colour of {@link #overlay}. */
    public static final int BOX = 0x20e040;
    /** The part outline colour of {@link #objects}. */
    public static final int PART_OUTLINE = 0xffffff;

    private Pictures() {
    }

    /**
     * The photo with the mask tinted, superpixel boundaries drawn and the object box outlined. An image segmented at a
     * reduced working resolution ({@link Segmentation#workingFactor()} above 1) is drawn at that resolution, on
     * {@link Segmentation#workingImage()}, with the full-resolution mask sampled at the centres of the working pixels and
     * the box scaled: a picture for people, while the full-resolution mask is a separate output.
     */
    public static BufferedImage overlay(PlanarImage image, Segmentation s) {
        Objects.requireNonNull(s, "segmentation");
        int f = s.workingFactor();
        PlanarImage picture = s.workingImage().orElse(image);
        byte[] mask = f == 1 ? s.mask() : sampled(s.mask(), s.width(), s.height(), f, picture.width(), picture.height());
        Overlay o = Overlay.of(picture).tint(mask, MASK_TINT, 0.4).boundaries(s.superpixels(), BOUNDARY, 0.6);
        if (s.box().isPresent()) {
            BoundingBox b = s.box().get();
            o = o.box(f == 1 ? b : new BoundingBox(b.x0() / f, b.y0() / f, Math.max(b.x0() / f + 1, (b.x1() + f - 1) / f),
                    Math.max(b.y0() / f + 1, (b.y1() + f - 1) / f)), BOX);
        }
        return o.render();
    }

    /** The hierarchy levels of {@code s} side by side, on the image they label (the working image when reduced). */
    public static BufferedImage levels(PlanarImage image, Segmentation s) {
        Objects.requireNonNull(s, "segmentation");
        return levels(s.workingImage().orElse(image), s.levels());
    }

    /** A full-resolution mask read at the centre of each f x f block: the mask of a w x h working grid. */
    private static byte[] sampled(byte[] mask, int width, int height, int f, int w, int h) {
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int row = Math.min(height - 1, y * f + f / 2) * width;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = mask[row + Math.min(width - 1, x * f + f / 2)];
            }
        }
        return out;
    }

    /**
     * The photo with each object tinted in its {@link Palette} colour (object id = palette index), part outlines drawn in
     * white over the objects and each object's box outlined in its colour.
     */
    public static BufferedImage objects(PlanarImage image, ObjectSet objects) {
        Objects.requireNonNull(objects, "objects");
        Overlay o = Overlay.of(image).regions(objects.objectLabels(), 0, 0.45).boundaries(objects.partLabels(), PART_OUTLINE,
                0.85);
        for (DiscoveredObject d : objects.objects()) {
            o = o.box(d.box(), Palette.colour(d.id()));
        }
        return o.render();
    }

    /** Each region painted in its {@link Palette} colour; label {@code background} black (use -1 for none). */
    public static BufferedImage paletteColours(LabelMap labels, int background) {
        Objects.requireNonNull(labels, "labels");
        int w = labels.width();
        int h = labels.height();
        int[] colours = new int[labels.count()];
        for (int l = 0; l < colours.length; l++) {
            colours[l] = l == background ? 0 : Palette.colour(l);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] lbl = labels.backingArray();
        int[] pixels = rgbPixels(out);
        for (int i = 0; i < lbl.length; i++) {
            pixels[i] = colours[lbl[i]];
        }
        return out;
    }

    /** Each region painted with its mean colour in {@code image}, region boundaries black when {@code boundaries}. */
    public static BufferedImage meanColours(PlanarImage image, LabelMap labels, boolean boundaries) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        paintMeanColours(out, 0, 0, image, labels, boundaries);
        return out;
    }

    /** The levels side by side, coarse to fine, each in mean colours with boundaries and a caption. */
    public static BufferedImage levels(PlanarImage image, List<LabelMap> levels) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("levels must not be empty");
        }
        int w = image.width();
        int h = image.height();
        int gap = 6;
        int caption = 18;
        BufferedImage out = new BufferedImage(levels.size() * w + (levels.size() - 1) * gap, h + caption,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int l = 0; l < levels.size(); l++) {
            int ox = l * (w + gap);
            paintMeanColours(out, ox, caption, image, levels.get(l), true);
            g.setColor(Color.BLACK);
            g.drawString("level " + l + ": " + levels.get(l).count() + " segments", ox + 2, 13);
        }
        g.dispose();
        return out;
    }

    private static void paintMeanColours(BufferedImage out, int ox, int oy, PlanarImage image, LabelMap m,
            boolean boundaries) {
        if (m.width() != image.width() || m.height() != image.height()) {
            throw new IllegalArgumentException("labels are " + m.width() + "x" + m.height() + " but the image is "
                    + image.width() + "x" + image.height());
        }
        int w = image.width();
        int h = image.height();
        PlanarImage rgb = image.toRgb();
        int[] lbl = m.backingArray();
        double[] sum = new double[m.count() * 3];
        int[] size = m.sizes();
        float[] red = rgb.plane(0);
        float[] green = rgb.plane(1);
        float[] blue = rgb.plane(2);
        for (int i = 0; i < lbl.length; i++) {
            int k = 3 * lbl[i];
            sum[k] += red[i];
            sum[k + 1] += green[i];
            sum[k + 2] += blue[i];
        }
        int[] colour = new int[m.count()];
        for (int r = 0; r < colour.length; r++) {
            colour[r] = (to8(sum[3 * r] / size[r]) << 16) | (to8(sum[3 * r + 1] / size[r]) << 8) | to8(sum[3 * r + 2] / size[r]);
        }
        // Straight into the pixels of an RGB picture (setRGB converts each pixel through the colour model).
        int[] pixels = rgbPixels(out);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = boundaries && Overlay.isBoundary(lbl, w, h, x, y) ? 0x000000 : colour[lbl[y * w + x]];
            }
            if (pixels != null) {
                System.arraycopy(row, 0, pixels, (oy + y) * out.getWidth() + ox, w);
            } else {
                out.setRGB(ox, oy + y, w, 1, row, 0, w);
            }
        }
    }

    /**
     * The pixel array of a {@code TYPE_INT_RGB} picture with no offset or padding (0xRRGGBB, row-major), or null for
     * any other layout.
     */
    static int[] rgbPixels(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB
                || !(image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferInt data)
                || data.getNumBanks() != 1 || data.getOffset() != 0
                || image.getRaster().getSampleModelTranslateX() != 0 || image.getRaster().getSampleModelTranslateY() != 0
                || data.getSize() != image.getWidth() * image.getHeight()) {
            return null;
        }
        return data.getData();
    }

    private static int to8(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
