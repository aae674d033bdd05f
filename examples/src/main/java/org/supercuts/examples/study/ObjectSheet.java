package org.supercuts.examples.study;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

import org.supercuts.Pipeline;
import org.supercuts.Presets;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.eval.dataset.BinaryMask;
import org.supercuts.eval.metrics.ObjectMatching;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.PlanarImage;
import org.supercuts.objects.DiscoveredObject;
import org.supercuts.objects.ObjectSet;
import org.supercuts.render.Pictures;

/**
 * Draws the objects-and-parts contact sheet of docs/images: for each image, the default pipeline's objects (one tint and
 * box per object, part outlines in white) above its parts in palette colours, captioned with the image name, the
 * objects' scores and, when a ground-truth mask is given, how many objects it holds and how many were matched (IoU
 * &gt;= 0.5); an image with no object shows the reason instead.
 *
 * <p>Usage: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.study.ObjectSheet OUT.png
 * IMAGE[,MASK]...}
 *
 * <p>Thread safety: a program entry point.
 */
public final class ObjectSheet {
    private static final int TILE_W = 240;
    private static final int PICTURE_H = 180;

    private ObjectSheet() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ObjectSheet OUT.png IMAGE[,MASK]...");
            System.exit(2);
        }
        Pipeline pipeline = SuperCuts.pipeline().objects(Presets.objectDiscovery()).build();
        int n = args.length - 1;
        int columns = Math.min(4, n);
        int rows = (n + columns - 1) / columns;
        int tileH = 2 * PICTURE_H + 36;
        BufferedImage sheet = new BufferedImage(columns * TILE_W, rows * tileH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int k = 0; k < n; k++) {
            String[] entry = args[k + 1].split(",");
            Path imagePath = Path.of(entry[0]);
            PlanarImage img = PlanarImage.read(imagePath);
            Segmentation s = pipeline.segment(img);
            ObjectSet objects = s.objectSet();
            String truth = "";
            if (entry.length > 1 && Files.exists(Path.of(entry[1]))) {
                BinaryMask gt = BinaryMask.read(Path.of(entry[1]));
                ObjectMatching.Match m = ObjectMatching.match(ObjectStudy.masks(objects),
                        ObjectMatching.groundTruthObjects(gt.pixels(), gt.width(), gt.height()));
                truth = String.format(Locale.ROOT, "; GT %d, matched %d", m.groundTruth(), m.matched());
            }
            int x = (k % columns) * TILE_W;
            int y = (k / columns) * tileH;
            double scale = Math.min((TILE_W - 8) / (double) img.width(), PICTURE_H / (double) img.height());
            int w = (int) Math.round(img.width() * scale);
            int h = (int) Math.round(img.height() * scale);
            g.drawImage(Pictures.objects(img, objects), x + 4, y + 32, w, h, null);
            g.drawImage(Pictures.paletteColours(objects.partLabels(), 0), x + 4, y + 32 + PICTURE_H + 2, w, h, null);
            g.setColor(Color.BLACK);
            String name = imagePath.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            g.drawString(name + ": " + objects.size() + " obj, " + objects.partCount() + " parts" + truth, x + 6, y + 13);
            StringJoiner scores = new StringJoiner(" ");
            for (DiscoveredObject o : objects.objects()) {
                scores.add(String.format(Locale.ROOT, "%.2f", o.score()));
            }
            String second = objects.isEmpty() ? objects.reason() : "scores " + scores;
            g.drawString(second.length() > 44 ? second.substring(0, 43) + "…" : second, x + 6, y + 27);
        }
        g.dispose();
        ImageFiles.writePng(sheet, Path.of(args[0]));
    }
}
