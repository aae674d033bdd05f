package org.supercuts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelImagesTest {
    @TempDir
    Path dir;

    @Test
    void sixteenBitLabelMapsRoundTripWithMoreThan256Labels() {
        int w = 40;
        int h = 30;
        int[] l = new int[w * h];
        for (int i = 0; i < l.length; i++) {
            l[i] = i;
        }
        LabelMap m = LabelMap.of(w, h, l);
        ImageFiles.writeLabels(m, dir.resolve("m.png"));
        assertThat(LabelImages.read(dir.resolve("m.png"))).isEqualTo(m);
    }

    @Test
    void gapsAreCompactedAndColourMapsAreDecodedAsRPlus256G() throws Exception {
        BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 7);
        grey.getRaster().setSample(1, 0, 0, 200);
        grey.getRaster().setSample(2, 0, 0, 7);
        ImageIO.write(grey, "png", dir.resolve("g.png").toFile());
        assertThat(LabelImages.read(dir.resolve("g.png")).labels()).containsExactly(0, 1, 0);
        BufferedImage colour = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        colour.setRGB(0, 0, 0x000105);   // label 5 + 256
        colour.setRGB(1, 0, 0x000005);   // label 5
        colour.setRGB(2, 0, 0x000105);
        ImageIO.write(colour, "png", dir.resolve("c.png").toFile());
        LabelMap c = LabelImages.read(dir.resolve("c.png"));
        assertThat(c.count()).isEqualTo(2);
        assertThat(c.labels()).containsExactly(0, 1, 0);
    }

    @Test
    void anEightBitMapUsingAll256ValuesIsRefusedNamingTheFile() throws Exception {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 256; i++) {
            grey.getRaster().setSample(i % 16, i / 16, 0, i);
        }
        ImageIO.write(grey, "png", dir.resolve("wrapped.png").toFile());
        assertThatThrownBy(() -> LabelImages.read(dir.resolve("wrapped.png"))).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("wrapped.png").hasMessageContaining("16-bit");
        assertThatThrownBy(() -> LabelImages.read(dir.resolve("missing.png"))).hasMessageContaining("missing.png");
    }
}
