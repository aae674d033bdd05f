package org.supercuts.examples.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.retrieval.ImageSegments;
import org.supercuts.retrieval.Neighbours;
import org.supercuts.retrieval.SegmentEmbedder;
import org.supercuts.retrieval.SegmentIndex;
import org.supercuts.retrieval.TransferResult;

/**
 * Pictures of retrieval results: the explanation sheet of a label transfer (each of the largest query segments beside
 * thumbnails of the annotated segments that voted for it) and label maps as 8-bit images.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class RetrievalPictures {
    static final int THUMB = 96;
    private static final int GAP = 6;
    private static final int CAPTION = 16;
    private static final int MAX_NEIGHBOURS_SHOWN = 6;

    private RetrievalPictures() {
    }

    /** Labels as grey values 0..254, {@link SegmentIndex#UNLABELLED} as 255. */
    static BufferedImage labelImage(int[] labels, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int[] v = new int[labels.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = labels[i] < 0 || labels[i] > 254 ? 255 : labels[i];
        }
        img.getRaster().setSamples(0, 0, w, h, 0, v);
        return img;
    }

    /**
     * One row per shown segment (largest first): the query segment, then up to six of its neighbours, each a thumbnail of
     * the segment's box (with a margin) where pixels outside the segment are dimmed, framed in the colour of its label
     * and captioned with label and similarity. A neighbour whose image is not in {@code indexImages} is a grey tile.
     */
    static BufferedImage explain(PlanarImage image, ImageSegments query, TransferResult t, SegmentIndex index, Path indexImages,
            SegmentEmbedder embedder, int segments) {
        int[] areas = query.areas();
        Integer[] order = new Integer[areas.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> areas[b] != areas[a] ? Integer.compare(areas[b], areas[a]) : Integer.compare(a, b));
        int rows = Math.min(segments, order.length);
        int columns = 1 + Math.min(MAX_NEIGHBOURS_SHOWN, t.neighbours(0).size());
        int cell = THUMB + CAPTION;
        BufferedImage out = new BufferedImage(columns * (THUMB + GAP) + GAP, Math.max(1, rows) * (cell + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        Map<String, Source> sources = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            int s = order[r];
            int y = GAP + r * (cell + GAP);
            drawThumb(g, image, query.segments(), s, GAP, y, colourOf(t.segmentLabels()[s]),
                    String.format(Locale.ROOT, "query fg %.2f", t.share(s, TransferResult.FOREGROUND)));
            Neighbours nb = t.neighbours(s);
            for (int j = 0; j < Math.min(MAX_NEIGHBOURS_SHOWN, nb.size()); j++) {
                int e = nb.entries()[j];
                int x = GAP + (j + 1) * (THUMB + GAP);
                String caption = String.format(Locale.ROOT, "%s L%d %.3f", index.imageId(e), index.label(e), nb.similarities()[j]);
                Source src = sources.computeIfAbsent(index.imageId(e), id -> Source.find(indexImages, id, embedder));
                if (src == null) {
                    g.setColor(Color.LIGHT_GRAY);
                    g.fillRect(x, y, THUMB, THUMB);
                    g.setColor(Color.DARK_GRAY);
                    g.drawString("not found", x + 4, y + THUMB / 2);
                    g.drawString(caption, x, y + THUMB + CAPTION - 4);
                } else {
                    drawThumb(g, src.image, src.segments, index.segmentId(e), x, y, colourOf(index.label(e)), caption);
                }
            }
        }
        g.dispose();
        return out;
    }

    /** A source image and its segmentation (recomputed: superpixelizers are pure functions of the image). */
    private record Source(PlanarImage image, LabelMap segments) {
        static Source find(Path dir, String id, SegmentEmbedder embedder) {
            if (dir == null) {
                return null;
            }
            for (String ext : new String[] {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".JPG", ".PNG"}) {
                Path p = dir.resolve(id + ext);
                if (Files.isRegularFile(p)) {
                    PlanarImage img = PlanarImage.read(p);
                    return new Source(img, embedder.pipeline().superpixelizer().segment(img));
                }
            }
            return null;
        }
    }

    private static Color colourOf(int label) {
        if (label == 1) {
            return new Color(0x20c040);
        }
        if (label == 0) {
            return new Color(0x808080);
        }
        if (label < 0) {
            return Color.BLACK;
        }
        return new Color(org.supercuts.render.Palette.colour(label));
    }

    private static void drawThumb(Graphics2D g, PlanarImage image, LabelMap segments, int segment, int x, int y, Color frame,
            String caption) {
        int w = image.width();
        int h = image.height();
        int[] lbl = segments.backingArray();
        int x0 = w;
        int y0 = h;
        int x1 = 0;
        int y1 = 0;
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                if (lbl[yy * w + xx] == segment) {
                    x0 = Math.min(x0, xx);
                    y0 = Math.min(y0, yy);
                    x1 = Math.max(x1, xx + 1);
                    y1 = Math.max(y1, yy + 1);
                }
            }
        }
        BoundingBox box = x1 > x0 ? new BoundingBox(x0, y0, x1, y1) : new BoundingBox(0, 0, w, h);
        // A square crop around the box, half the box again as margin, clipped to the image.
        int side = (int) Math.ceil(Math.max(box.width(), box.height()) * 1.5) + 2;
        int cx = (box.x0() + box.x1()) / 2;
        int cy = (box.y0() + box.y1()) / 2;
        int sx = Math.max(0, Math.min(w - 1, cx - side / 2));
        int sy = Math.max(0, Math.min(h - 1, cy - side / 2));
        PlanarImage rgb = image.toRgb();
        BufferedImage thumb = new BufferedImage(THUMB, THUMB, BufferedImage.TYPE_INT_RGB);
        for (int ty = 0; ty < THUMB; ty++) {
            for (int tx = 0; tx < THUMB; tx++) {
                int px = sx + tx * side / THUMB;
                int py = sy + ty * side / THUMB;
                if (px >= w || py >= h) {
                    thumb.setRGB(tx, ty, 0xffffff);
                    continue;
                }
                int i = py * w + px;
                double dim = lbl[i] == segment ? 1 : 0.35;
                int r = to8(rgb.plane(0)[i] * dim + (1 - dim) * 0.5);
                int gg = to8(rgb.plane(1)[i] * dim + (1 - dim) * 0.5);
                int b = to8(rgb.plane(2)[i] * dim + (1 - dim) * 0.5);
                thumb.setRGB(tx, ty, (r << 16) | (gg << 8) | b);
            }
        }
        g.drawImage(thumb, x, y, null);
        g.setColor(frame);
        g.setStroke(new java.awt.BasicStroke(3));
        g.drawRect(x, y, THUMB - 1, THUMB - 1);
        g.setColor(Color.BLACK);
        g.drawString(caption, x, y + THUMB + CAPTION - 4);
    }

    private static int to8(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
