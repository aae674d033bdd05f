package org.supercuts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images above the working resolution through {@code segment}: full-resolution masks by default, all reduced on request. */
class SegmentWorkingResolutionTest {
    @TempDir
    Path dir;

    /** 1100 x 1000 = 1.1 megapixels (working factor 2): a red disc on a blue-grey gradient. */
    private Path photo() throws Exception {
        BufferedImage img = new BufferedImage(1100, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int x = 0; x < 1100; x++) {
            g.setColor(new Color(60 + x / 20, 90, 140));
            g.drawLine(x, 0, x, 999);
        }
        g.setColor(new Color(220, 40, 30));
        g.fillOval(420, 330, 360, 300);
        g.dispose();
        Path p = dir.resolve("photo.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void masksComeAtFullResolutionAndPicturesAtTheWorkingResolution() throws Exception {
        Path image = photo();
        Path out = dir.resolve("full");
        CliRun r = CliRun.of("segment", "--threads", "2", "--out", out.toString(), image.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        BufferedImage mask = ImageIO.read(out.resolve("photo-mask.png").toFile());
        assertThat(mask.getWidth()).isEqualTo(1100);
        assertThat(mask.getHeight()).isEqualTo(1000);
        assertThat(mask.getRaster().getSample(600, 480, 0)).as("inside the disc").isEqualTo(255);
        assertThat(mask.getRaster().getSample(100, 100, 0)).as("background").isZero();
        assertThat(ImageIO.read(out.resolve("photo-soft.png").toFile()).getWidth()).isEqualTo(1100);
        assertThat(ImageIO.read(out.resolve("photo-overlay.png").toFile()).getWidth()).isEqualTo(550);

        Path reduced = dir.resolve("reduced");
        CliRun small = CliRun.of("segment", "--threads", "2", "--reduced-outputs", "--out", reduced.toString(), image.toString());
        assertThat(small.exit()).as(small.err()).isZero();
        BufferedImage smallMask = ImageIO.read(reduced.resolve("photo-mask.png").toFile());
        assertThat(smallMask.getWidth()).isEqualTo(550);
        assertThat(smallMask.getHeight()).isEqualTo(500);
        assertThat(smallMask.getRaster().getSample(300, 240, 0)).as("inside the disc").isEqualTo(255);
    }

    @Test
    void memoryEstimateCountsOnlyTheFullResolutionBuffersAboveTheWorkingResolution() {
        MemoryEstimate m = MemoryEstimate.of(4, true, false, false);
        long photo = 24_000_000L;
        long working = org.supercuts.Pipeline.DEFAULT_WORKING_PIXELS;
        assertThat(m.bytes(photo, 400)).isEqualTo(photo * MemoryEstimate.FULL_RESOLUTION_BYTES + working * m.perPixelBytes()
                + 48L * 400 * 400 + MemoryEstimate.FIXED_BYTES);
        // At or below the working resolution the model is unchanged.
        assertThat(m.bytes(working, 400)).isEqualTo(working * m.perPixelBytes() + 48L * 400 * 400 + MemoryEstimate.FIXED_BYTES);
        assertThat(m.bytes(photo, 400)).isLessThan(photo * m.perPixelBytes() / 2);
    }
}
