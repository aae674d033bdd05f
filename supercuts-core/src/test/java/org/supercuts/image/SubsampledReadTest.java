package org.supercuts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubsampledReadTest {
    @TempDir
    Path dir;

    /** A 7 x 5 PNG whose red channel encodes x and green channel encodes y (value 10x, 10y). */
    private Path coordinates() throws IOException {
        BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                img.setRGB(x, y, (10 * x << 16) | (10 * y << 8));
            }
        }
        Path p = dir.resolve("coordinates.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void readsEveryFthPixelOfEveryFthRow() throws IOException {
        Path p = coordinates();
        assertThat(SubsampledRead.size(p)).containsExactly(7, 5);
        PlanarImage small = SubsampledRead.read(p, 3);
        assertThat(small.width()).isEqualTo(3); // columns 0, 3, 6
        assertThat(small.height()).isEqualTo(2); // rows 0, 3
        assertThat(Math.round(small.get(0, 2, 1) * 255)).isEqualTo(60);
        assertThat(Math.round(small.get(1, 2, 1) * 255)).isEqualTo(30);
        assertThat(SubsampledRead.read(p, 1)).isEqualTo(PlanarImage.read(p));
        // Within 6 pixels: factor 2 gives 4 x 3 = 12, factor 3 gives 3 x 2 = 6.
        assertThat(SubsampledRead.readWithin(p, 6).width()).isEqualTo(3);
        assertThat(SubsampledRead.readWithin(p, 1000).width()).isEqualTo(7);
    }

    @Test
    void factorWithinIsTheSmallestThatFits() {
        assertThat(SubsampledRead.factorWithin(6000, 4000, 1 << 20)).isEqualTo(5);
        assertThat(SubsampledRead.factorWithin(1024, 1024, 1 << 20)).isEqualTo(1);
        assertThat(SubsampledRead.factorWithin(1, 1, 1)).isEqualTo(1);
        assertThatThrownBy(() -> SubsampledRead.factorWithin(0, 5, 10)).hasMessageContaining("width");
    }

    @Test
    void badInputIsReportedWithThePath() throws IOException {
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> SubsampledRead.read(missing, 2)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("missing.png").hasMessageContaining("does not exist");
        Path junk = Files.writeString(dir.resolve("junk.png"), "not an image");
        assertThatThrownBy(() -> SubsampledRead.read(junk, 2)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("junk.png");
        assertThatThrownBy(() -> SubsampledRead.read(coordinates(), 0)).hasMessageContaining("factor");
    }
}
