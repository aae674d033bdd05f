package org.supercuts.examples.study;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.ImageIO;

import org.supercuts.eval.dataset.BinaryMask;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.ObjectMatching;
import org.supercuts.image.PlanarImage;

/**
 * Generates the synthetic object set of docs/objects.md from ECSSD: ECSSD objects cut out with their ground-truth masks
 * and pasted, 1 to 4 per image, onto object-free crops of other ECSSD images, plus images without any object
 * (object-free crops, mirror-tiled background patches, smoothed colour noise). Writes {@code OUT/images/ID.jpg},
 * {@code OUT/masks/ID.png} (0/255) and {@code OUT/manifest.csv} (id, kind, objects, sources), the layout of
 * {@code evaluate --dataset folder}.
 *
 * <p>Only the ECSSD images of one parity are used ({@code odd}: the tuning half, {@code even}: the held-out half), so a
 * set generated from the even half shares no pixel with the tuning data. Every random choice comes from one seeded
 * generator: the same arguments give the same images.
 *
 * <p>Usage: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.study.SyntheticObjects ECSSD_ROOT OUT
 * odd|even [COUNT=600] [SEED=12]}. The generated images are not part of the repository.
 *
 * <p>Thread safety: a program entry point.
 */
public final class SyntheticObjects {
    /** Longer side of the generated images (ECSSD's typical size). */
    static final int SIZE = 400;
    /** Pixels kept free around each pasted object, so that two objects never form one 8-connected component. */
    static final int GAP = 4;

    private SyntheticObjects() {
    }

    /** An ECSSD object: its pixels (ARGB, alpha = mask) cropped to its box. */
    record Cutout(String source, BufferedImage argb, long area) {
    }

    /** An object-free rectangle of an ECSSD image. */
    record Background(String source, BufferedImage rgb) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: SyntheticObjects ECSSD_ROOT OUT odd|even [COUNT] [SEED]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String half = args[2];
        if (!half.equals("odd") && !half.equals("even")) {
            throw new IllegalArgumentException("the half must be odd or even, got " + half);
        }
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 600;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 12;
        generate(root, out, half, count, seed);
    }

    static void generate(Path root, Path out, String half, int count, long seed) throws IOException {
        List<Cutout> cutouts = new ArrayList<>();
        List<Background> backgrounds = new ArrayList<>();
        for (Sample s : Datasets.ecssd(root)) {
            if (!ObjectStudy.inHalf(s, half)) {
                continue;
            }
            BufferedImage img = s.loadImage().toRgb().toBufferedImage();
            BinaryMask m = s.loadMask();
            Cutout c = cutout(s.id(), img, m);
            if (c != null) {
                cutouts.add(c);
            }
            Background b = background(s.id(), img, m);
            if (b != null) {
                backgrounds.add(b);
            }
        }
        if (cutouts.isEmpty() || backgrounds.isEmpty()) {
            throw new IllegalStateException("no usable ECSSD object or background under " + root);
        }
        Files.createDirectories(out.resolve("images"));
        Files.createDirectories(out.resolve("masks"));
        Random rnd = new Random(seed);
        try (BufferedWriter manifest = Files.newBufferedWriter(out.resolve("manifest.csv"), StandardCharsets.UTF_8)) {
            manifest.write("id,kind,objects,sources\n");
            for (int i = 1; i <= count; i++) {
                String id = String.format(Locale.ROOT, "syn%04d", i);
                double u = rnd.nextDouble();
                Background bg = backgrounds.get(rnd.nextInt(backgrounds.size()));
                BufferedImage canvas;
                byte[] mask;
                String kind;
                List<String> sources = new ArrayList<>();
                int objects = 0;
                if (u < 0.70) {
                    int k = u < 0.30 ? 1 : u < 0.48 ? 2 : u < 0.60 ? 3 : 4;
                    canvas = resized(bg.rgb());
                    sources.add(bg.source());
                    mask = new byte[canvas.getWidth() * canvas.getHeight()];
                    for (int o = 0; o < k; o++) {
                        Cutout c = cutouts.get(rnd.nextInt(cutouts.size()));
                        if (paste(canvas, mask, c, k, rnd)) {
                            sources.add(c.source());
                            objects++;
                        }
                    }
                    kind = "objects";
                } else if (u < 0.80) {
                    canvas = resized(bg.rgb());
                    mask = new byte[canvas.getWidth() * canvas.getHeight()];
                    sources.add(bg.source());
                    kind = "crop";
                } else if (u < 0.90) {
                    canvas = tiled(bg.rgb(), rnd);
                    mask = new byte[canvas.getWidth() * canvas.getHeight()];
                    sources.add(bg.source());
                    kind = "texture-tiled";
                } else {
                    canvas = noise(rnd);
                    mask = new byte[canvas.getWidth() * canvas.getHeight()];
                    kind = "texture-noise";
                }
                int w = canvas.getWidth();
                int h = canvas.getHeight();
                int truth = ObjectMatching.groundTruthObjects(mask, w, h).count();
                ImageIO.write(canvas, "jpg", out.resolve("images").resolve(id + ".jpg").toFile());
                BufferedImage m = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                byte[] grey = ((java.awt.image.DataBufferByte) m.getRaster().getDataBuffer()).getData();
                for (int p = 0; p < mask.length; p++) {
                    grey[p] = mask[p] != 0 ? (byte) 255 : 0;
                }
                ImageIO.write(m, "png", out.resolve("masks").resolve(id + ".png").toFile());
                manifest.write(id + "," + kind + "," + truth + "," + String.join(";", sources) + "\n");
                if (truth != objects) {
                    System.err.println(id + ": pasted " + objects + " object(s), the ground truth counts " + truth);
                }
            }
        }
        System.out.println("wrote " + count + " images to " + out.toAbsolutePath() + " from " + cutouts.size() + " objects and "
                + backgrounds.size() + " backgrounds of ECSSD's " + half + " half");
    }

    /** The largest 8-connected component of the mask when it holds >= 95 % of the mask (one clean object), else null. */
    static Cutout cutout(String id, BufferedImage img, BinaryMask m) {
        ObjectMatching.ObjectLabels comps = ObjectMatching.components(m.pixels(), m.width(), m.height(), 0);
        long total = 0;
        long[] area = new long[comps.count() + 1];
        for (int l : comps.labels()) {
            if (l > 0) {
                area[l]++;
                total++;
            }
        }
        int best = 0;
        for (int l = 1; l <= comps.count(); l++) {
            if (best == 0 || area[l] > area[best]) {
                best = l;
            }
        }
        if (best == 0 || area[best] < 0.95 * total || area[best] > 0.5 * m.width() * m.height()) {
            return null;
        }
        int x0 = m.width();
        int y0 = m.height();
        int x1 = -1;
        int y1 = -1;
        int[] lbl = comps.labels();
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                if (lbl[y * m.width() + x] == best) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        int w = x1 - x0 + 1;
        int h = y1 - y0 + 1;
        BufferedImage argb = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = lbl[(y + y0) * m.width() + x + x0] == best;
                int rgb = img.getRGB(x + x0, y + y0) & 0xffffff;
                argb.setRGB(x, y, in ? 0xff000000 | rgb : 0);
            }
        }
        return new Cutout(id, argb, area[best]);
    }

    /**
     * The largest axis-aligned rectangle without ground-truth foreground (maximal rectangle in a binary matrix by row
     * histograms), dilated away from the object by {@link #GAP}; null when it is smaller than 96 x 72 or its aspect ratio
     * is outside [0.6, 2].
     */
    static Background background(String id, BufferedImage img, BinaryMask m) {
        int w = m.width();
        int h = m.height();
        byte[] px = m.pixels();
        boolean[] blocked = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (px[y * w + x] == 0) {
                    continue;
                }
                for (int dy = -GAP; dy <= GAP; dy++) {
                    for (int dx = -GAP; dx <= GAP; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                            blocked[yy * w + xx] = true;
                        }
                    }
                }
            }
        }
        int[] height = new int[w];
        long bestArea = 0;
        int[] best = null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                height[x] = blocked[y * w + x] ? 0 : height[x] + 1;
            }
            int[] stack = new int[w + 1];
            int top = 0;
            for (int x = 0; x <= w; x++) {
                int cur = x == w ? 0 : height[x];
                while (top > 0 && height[stack[top - 1]] >= cur) {
                    int hh = height[stack[--top]];
                    int left = top == 0 ? 0 : stack[top - 1] + 1;
                    int ww = x - left;
                    // Clamp the aspect ratio so that a thin strip never wins over a usable rectangle.
                    int useW = Math.min(ww, 2 * hh);
                    int useH = Math.min(hh, (int) (ww / 0.6));
                    long a = (long) useW * useH;
                    if (a > bestArea) {
                        bestArea = a;
                        best = new int[] {left, y - hh + 1, useW, useH};
                    }
                }
                stack[top++] = x;
            }
        }
        if (best == null || best[2] < 96 || best[3] < 72) {
            return null;
        }
        return new Background(id, img.getSubimage(best[0], best[1], best[2], best[3]));
    }

    /** The crop scaled (bilinear) so that its longer side is {@link #SIZE}. */
    static BufferedImage resized(BufferedImage src) {
        double s = SIZE / (double) Math.max(src.getWidth(), src.getHeight());
        return scaled(src, Math.max(1, (int) Math.round(src.getWidth() * s)), Math.max(1, (int) Math.round(src.getHeight() * s)),
                BufferedImage.TYPE_INT_RGB);
    }

    static BufferedImage scaled(BufferedImage src, int w, int h, int type) {
        BufferedImage out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * Pastes the cutout, scaled to a random share of the canvas ([3 %, 30 %] alone, [1.5 %, 18 %] with others), at a
     * random place that keeps {@link #GAP} pixels from the objects already there; false when no place was found.
     */
    static boolean paste(BufferedImage canvas, byte[] mask, Cutout c, int objects, Random rnd) {
        int cw = canvas.getWidth();
        int ch = canvas.getHeight();
        double share = objects == 1 ? 0.03 + 0.27 * rnd.nextDouble() : 0.015 + 0.165 * rnd.nextDouble();
        double s = Math.sqrt(share * cw * ch / c.area());
        int w = (int) Math.round(c.argb().getWidth() * s);
        int h = (int) Math.round(c.argb().getHeight() * s);
        if (w > cw - 2 || h > ch - 2) {
            double fit = Math.min((cw - 2) / (double) w, (ch - 2) / (double) h);
            w = (int) (w * fit);
            h = (int) (h * fit);
        }
        if (w < 4 || h < 4) {
            return false;
        }
        BufferedImage obj = scaled(c.argb(), w, h, BufferedImage.TYPE_INT_ARGB);
        for (int attempt = 0; attempt < 60; attempt++) {
            int ox = rnd.nextInt(cw - w + 1);
            int oy = rnd.nextInt(ch - h + 1);
            if (!free(mask, cw, ch, obj, ox, oy)) {
                continue;
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = obj.getRGB(x, y);
                    int a = argb >>> 24;
                    if (a == 0) {
                        continue;
                    }
                    int p = (oy + y) * cw + ox + x;
                    int under = canvas.getRGB(ox + x, oy + y);
                    canvas.setRGB(ox + x, oy + y, blend(under, argb, a / 255.0));
                    if (a >= 128) {
                        mask[p] = 1;
                    }
                }
            }
            return true;
        }
        return false;
    }

    /** Whether the object's opaque pixels, grown by {@link #GAP}, miss every object already pasted. */
    private static boolean free(byte[] mask, int cw, int ch, BufferedImage obj, int ox, int oy) {
        for (int y = 0; y < obj.getHeight(); y++) {
            for (int x = 0; x < obj.getWidth(); x++) {
                if ((obj.getRGB(x, y) >>> 24) == 0) {
                    continue;
                }
                for (int dy = -GAP; dy <= GAP; dy += GAP) {
                    for (int dx = -GAP; dx <= GAP; dx += GAP) {
                        int xx = ox + x + dx;
                        int yy = oy + y + dy;
                        if (xx >= 0 && yy >= 0 && xx < cw && yy < ch && mask[yy * cw + xx] != 0) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private static int blend(int under, int over, double alpha) {
        int r = (int) Math.round(((under >> 16) & 0xff) * (1 - alpha) + ((over >> 16) & 0xff) * alpha);
        int g = (int) Math.round(((under >> 8) & 0xff) * (1 - alpha) + ((over >> 8) & 0xff) * alpha);
        int b = (int) Math.round((under & 0xff) * (1 - alpha) + (over & 0xff) * alpha);
        return (r << 16) | (g << 8) | b;
    }

    /** A texture: a random 40-100 px patch of the crop, mirror-tiled over a 400 x 300 canvas. */
    static BufferedImage tiled(BufferedImage crop, Random rnd) {
        int p = Math.min(Math.min(crop.getWidth(), crop.getHeight()), 40 + rnd.nextInt(61));
        int px = rnd.nextInt(crop.getWidth() - p + 1);
        int py = rnd.nextInt(crop.getHeight() - p + 1);
        BufferedImage out = new BufferedImage(SIZE, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            int ty = y % (2 * p);
            int sy = ty < p ? ty : 2 * p - 1 - ty;
            for (int x = 0; x < out.getWidth(); x++) {
                int tx = x % (2 * p);
                int sx = tx < p ? tx : 2 * p - 1 - tx;
                out.setRGB(x, y, crop.getRGB(px + sx, py + sy));
            }
        }
        return out;
    }

    /** A texture: uniform colour noise smoothed by a box filter of random width, around two random colours. */
    static BufferedImage noise(Random rnd) {
        int w = SIZE;
        int h = 300;
        int radius = 1 + rnd.nextInt(6);
        float[][] planes = new float[3][w * h];
        float[] a = {rnd.nextFloat(), rnd.nextFloat(), rnd.nextFloat()};
        float[] b = {rnd.nextFloat(), rnd.nextFloat(), rnd.nextFloat()};
        float[] t = new float[w * h];
        for (int i = 0; i < t.length; i++) {
            t[i] = rnd.nextFloat();
        }
        t = boxBlur(t, w, h, radius);
        for (int i = 0; i < t.length; i++) {
            float v = Math.min(1, Math.max(0, 0.5f + 3f * (t[i] - 0.5f) * (float) Math.sqrt(radius)));
            for (int c = 0; c < 3; c++) {
                planes[c][i] = a[c] * (1 - v) + b[c] * v;
            }
        }
        return PlanarImage.wrap(w, h, planes).toBufferedImage();
    }

    private static float[] boxBlur(float[] v, int w, int h, int r) {
        float[] tmp = new float[v.length];
        float[] out = new float[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                int n = 0;
                for (int k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) {
                    s += v[y * w + k];
                    n++;
                }
                tmp[y * w + x] = s / n;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                int n = 0;
                for (int k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) {
                    s += tmp[k * w + x];
                    n++;
                }
                out[y * w + x] = s / n;
            }
        }
        return out;
    }
}
