package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.supercuts.image.PlanarImage;

class OverlayPicturesTest {
    @Test
    void layersAreDrawnAndThePngStreamDecodesToThePicture() throws Exception {
        PlanarImage photo = Fixtures.chelsea();
        OverlayPictures.Result r = OverlayPictures.run(photo, Fixtures.OUT);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(r.png()));
        assertThat(back.getWidth()).isEqualTo(451);
        assertThat(back.getRGB(10, 10)).isEqualTo(r.picture().getRGB(10, 10));
        // Every pixel differs from the photo (the region colours cover all of it), and the mask pixels are redder.
        byte[] mask = r.segmentation().mask();
        BufferedImage plain = photo.toBufferedImage();
        int changed = 0;
        int redder = 0;
        int objectPixels = 0;
        for (int i = 0; i < mask.length; i++) {
            int x = i % 451;
            int y = i / 451;
            changed += plain.getRGB(x, y) != r.picture().getRGB(x, y) ? 1 : 0;
            if (mask[i] != 0) {
                objectPixels++;
                redder += ((r.picture().getRGB(x, y) >> 16) & 0xff) >= ((plain.getRGB(x, y) >> 16) & 0xff) ? 1 : 0;
            }
        }
        assertThat(changed).isGreaterThan(mask.length * 9 / 10);
        assertThat(redder).isGreaterThan(objectPixels * 9 / 10);
        assertThat(Fixtures.OUT.resolve("overlay-layers.png")).exists();
    }
}
