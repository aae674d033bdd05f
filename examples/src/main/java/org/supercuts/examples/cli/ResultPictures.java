package org.supercuts.examples.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.supercuts.Segmentation;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * Pictures of a result for people: the overlay (image, superpixel boundaries, mask tint, object box) and the hierarchy
 * levels side by side (each segment painted with its mean colour, boundaries drawn).
 *
 * <p>Thread safety: stateless static methods.
 */
public final class ResultPictures {
    private static final int TINT = 0xff3030;
    private static final int BOUNDARY = 0xffe040;

    private ResultPictures() {
    }

    public static BufferedImage overlay(PlanarImage image, Segmentation s) {
        BufferedImage out = image.toBufferedImage();
        int w = image.width();
        int h = image.height();
        byte[] mask = s.mask();
        int[] sp = s.superpixels().backingArray();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int rgb = out.getRGB(x, y);
                if (mask[i] != 0) {
                    rgb = blend(rgb, TINT, 0.4);
                }
                if (isBoundary(sp, w, h, x, y)) {
                    rgb = blend(rgb, BOUNDARY, 0.6);
                }
                out.setRGB(x, y, rgb);
            }
        }
        s.box().ifPresent(b -> drawBox(out, b));
        return out;
    }

    public static BufferedImage levels(PlanarImage image, Segmentation s) {
        List<String> captions = new java.util.ArrayList<>();
        for (int l = 0; l < s.levels().size(); l++) {
            captions.add("level " + l + ": " + s.levels().get(l).count() + " segments");
        }
        return levels(image, s.levels(), captions);
    }

    /** Label maps side by side, each region painted its mean colour with black boundaries, a caption above each. */
    public static BufferedImage levels(PlanarImage image, List<LabelMap> levels, List<String> captions) {
        int w = image.width();
        int h = image.height();
        int gap = 6;
        int label = 18;
        BufferedImage out = new BufferedImage(levels.size() * w + (levels.size() - 1) * gap, h + label, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        PlanarImage rgb = image.toRgb();
        for (int l = 0; l < levels.size(); l++) {
            LabelMap m = levels.get(l);
            int[] lbl = m.backingArray();
            double[] sum = new double[m.count() * 3];
            int[] size = m.sizes();
            for (int i = 0; i < lbl.length; i++) {
                for (int c = 0; c < 3; c++) {
                    sum[3 * lbl[i] + c] += rgb.plane(c)[i];
                }
            }
            int ox = l * (w + gap);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int r = lbl[y * w + x];
                    int colour = isBoundary(lbl, w, h, x, y) ? 0x000000
                            : (to8(sum[3 * r] / size[r]) << 16) | (to8(sum[3 * r + 1] / size[r]) << 8) | to8(sum[3 * r + 2] / size[r]);
                    out.setRGB(ox + x, label + y, colour);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(captions.get(l), ox + 2, 13);
        }
        g.dispose();
        return out;
    }

    private static boolean isBoundary(int[] lbl, int w, int h, int x, int y) {
        int i = y * w + x;
        return (x + 1 < w && lbl[i + 1] != lbl[i]) || (y + 1 < h && lbl[i + w] != lbl[i]);
    }

    private static void drawBox(BufferedImage out, BoundingBox b) {
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0x20e040));
        g.setStroke(new BasicStroke(2f));
        g.drawRect(b.x0(), b.y0(), b.width() - 1, b.height() - 1);
        g.dispose();
    }

    private static int blend(int rgb, int over, double alpha) {
        int r = (int) Math.round(((rgb >> 16) & 0xff) * (1 - alpha) + ((over >> 16) & 0xff) * alpha);
        int gr = (int) Math.round(((rgb >> 8) & 0xff) * (1 - alpha) + ((over >> 8) & 0xff) * alpha);
        int b = (int) Math.round((rgb & 0xff) * (1 - alpha) + (over & 0xff) * alpha);
        return (r << 16) | (gr << 8) | b;
    }

    private static int to8(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
