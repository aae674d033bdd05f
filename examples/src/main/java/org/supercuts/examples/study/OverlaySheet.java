package org.supercuts.examples.study;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.eval.metrics.ConfusionCounts;
import org.supercuts.eval.metrics.GroundTruthMasks;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.PlanarImage;
import org.supercuts.render.Pictures;

/**
 * Draws the contact sheet of docs/images: for each given ECSSD image, the default pipeline's overlay (superpixel
 * boundaries, mask tint, object box) above its soft map, downscaled, captioned with the image id and the mask IoU.
 *
 * <p>Usage: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.study.OverlaySheet ECSSD_ROOT OUT.png ID...}
 *
 * <p>Thread safety: a program entry point.
 */
public final class OverlaySheet {
    private static final int TILE_W = 240;

    private OverlaySheet() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: OverlaySheet ECSSD_ROOT OUT.png ID...");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Pipeline pipeline = SuperCuts.pipeline().build();
        int n = args.length - 2;
        int columns = Math.min(4, n);
        int rows = (n + columns - 1) / columns;
        int tileH = 2 * 200 + 20;
        BufferedImage sheet = new BufferedImage(columns * TILE_W, rows * tileH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int k = 0; k < n; k++) {
            String id = args[k + 2];
            PlanarImage img = PlanarImage.read(root.resolve("images").resolve(id + ".jpg"));
            PlanarImage gt = PlanarImage.read(root.resolve("ground_truth_mask").resolve(id + ".png"));
            Segmentation s = pipeline.segment(img);
            double iou = ConfusionCounts.of(s.mask(), GroundTruthMasks.binarise(gt.plane(0))).iou();
            BufferedImage overlay = Pictures.overlay(img, s);
            BufferedImage soft = softPicture(s);
            int x = (k % columns) * TILE_W;
            int y = (k / columns) * tileH;
            double scale = Math.min((TILE_W - 8) / (double) img.width(), 200.0 / img.height());
            int w = (int) Math.round(img.width() * scale);
            int h = (int) Math.round(img.height() * scale);
            g.drawImage(overlay, x + 4, y + 18, w, h, null);
            g.drawImage(soft, x + 4, y + 18 + 200, w, h, null);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%s  IoU %.2f", id, iou), x + 6, y + 14);
        }
        g.dispose();
        ImageFiles.writePng(sheet, Path.of(args[1]));
    }

    private static BufferedImage softPicture(Segmentation s) {
        float[] soft = s.softMask();
        BufferedImage out = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int v = Math.max(0, Math.min(255, Math.round(soft[y * s.width() + x] * 255)));
                out.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return out;
    }
}
