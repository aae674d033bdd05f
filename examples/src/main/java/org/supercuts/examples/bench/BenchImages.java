package org.supercuts.examples.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

import org.supercuts.image.PlanarImage;

/**
 * Inputs for the benchmarks: a real image from {@code ../shared} when present (found by walking up from the working
 * directory), else a synthetic one with a few coloured shapes on a gradient, both at a requested size.
 *
 * <p>Thread safety: stateless static methods.
 */
final class BenchImages {
    private BenchImages() {
    }

    /** Walks up from the working directory to the first {@code shared/REL} or {@code ../shared/REL}; null when none. */
    static Path findShared(String rel) {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            for (Path candidate : new Path[] {dir.resolve("shared").resolve(rel), dir.resolveSibling("shared").resolve(rel)}) {
                if (candidate != null && Files.exists(candidate)) {
                    return candidate;
                }
            }
            dir = dir.getParent();
        }
        return null;
    }

    /** ECSSD image 0001 resized to {@code w x h}, or a synthetic image of that size when ECSSD is absent. */
    static PlanarImage ecssdOrSynthetic(int w, int h) {
        Path p = findShared("datasets/ECSSD/images/0001.jpg");
        if (p != null) {
            return resize(PlanarImage.read(p).toRgb(), w, h);
        }
        return synthetic(w, h, 3);
    }

    /** Bilinear resize through Java2D, quantized to 8 bits per channel. */
    static PlanarImage resize(PlanarImage rgb, int w, int h) {
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(rgb.toBufferedImage(), 0, 0, w, h, null);
        g.dispose();
        return PlanarImage.fromBufferedImage(dst).toRgb();
    }

    /**
     * Writes a photo-sized JPEG (quality 0.92) of {@code w x h}: BSDS500 test image 100007 (or a synthetic image when the
     * shared data is absent) enlarged bilinearly, with seeded noise of 4 grey levels so that it compresses like a camera
     * picture rather than a smooth enlargement.
     */
    static void writePhoto(Path file, int w, int h) throws java.io.IOException {
        Path p = findShared("datasets/BSDS500/data/images/test/100007.jpg");
        PlanarImage base = p != null ? PlanarImage.read(p).toRgb() : synthetic(481, 321, 7);
        BufferedImage big = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(base.toBufferedImage(), 0, 0, w, h, null);
        g.dispose();
        Random rnd = new Random(24);
        byte[] data = ((java.awt.image.DataBufferByte) big.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            int v = (data[i] & 0xff) + (int) Math.round(4 * rnd.nextGaussian());
            data[i] = (byte) Math.max(0, Math.min(255, v));
        }
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.92f);
        Files.deleteIfExists(file);
        try (javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(big, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** Coloured ellipses on a horizontal gradient with mild noise. */
    static PlanarImage synthetic(int w, int h, long seed) {
        Random rnd = new Random(seed);
        float[][] planes = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    planes[c][y * w + x] = 0.2f + 0.3f * x / w + 0.1f * c;
                }
            }
        }
        for (int s = 0; s < 6; s++) {
            double cx = rnd.nextDouble() * w;
            double cy = rnd.nextDouble() * h;
            double rx = 10 + rnd.nextDouble() * w / 4;
            double ry = 10 + rnd.nextDouble() * h / 4;
            float[] col = {rnd.nextFloat(), rnd.nextFloat(), rnd.nextFloat()};
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = (x - cx) / rx;
                    double dy = (y - cy) / ry;
                    if (dx * dx + dy * dy < 1) {
                        for (int c = 0; c < 3; c++) {
                            planes[c][y * w + x] = col[c];
                        }
                    }
                }
            }
        }
        for (float[] p : planes) {
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.max(0f, Math.min(1f, p[i] + 0.02f * (float) rnd.nextGaussian()));
            }
        }
        return PlanarImage.wrap(w, h, planes);
    }
}
