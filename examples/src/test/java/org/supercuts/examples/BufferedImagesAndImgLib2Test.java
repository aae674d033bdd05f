package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.supercuts.image.PlanarImage;

class BufferedImagesAndImgLib2Test {
    @Test
    void masksComeBackAsBufferedImageAndAsImgLib2() {
        BufferedImage photo = Fixtures.chelsea().toBufferedImage();
        BufferedImagesAndImgLib2.Result r = BufferedImagesAndImgLib2.run(photo, BufferedImagesAndImgLib2.disc(160, 120, 100, 60, 30),
                Fixtures.OUT);
        assertThat(r.maskPicture().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(r.maskPicture().getWidth()).isEqualTo(451);
        int sample = r.maskPicture().getRaster().getSample(225, 150, 0);
        assertThat(sample).isIn(0, 255);
        assertThat(r.softPicture().getHeight()).isEqualTo(300);
        // The disc of radius 30 at (100, 60): its mask, read through the ImgLib2 view, covers the disc and little else.
        var ra = r.imgMask().randomAccess();
        int inside = 0;
        int outside = 0;
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                ra.setPosition(new long[] {x, y});
                boolean disc = (x - 100) * (x - 100) + (y - 60) * (y - 60) <= 30 * 30;
                if (ra.get().get() != 0) {
                    inside += disc ? 1 : 0;
                    outside += disc ? 0 : 1;
                }
            }
        }
        double discArea = Math.PI * 30 * 30;
        assertThat(inside / discArea).isGreaterThan(0.9);
        assertThat(outside / discArea).isLessThan(0.1);
        assertThat(PlanarImage.fromImg(BufferedImagesAndImgLib2.disc(160, 120, 100, 60, 30)).channels()).isEqualTo(3);
        assertThat(Fixtures.OUT.resolve("imglib2-mask.png")).exists();
    }
}
