package org.supercuts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderSubsamplingTest {
    @TempDir
    Path dir;

    /** A 7 x 5 PNG whose red channel encodes x and green channel encodes y (values 10x, 10y). */
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
    void subsamplingDecodesEveryFthPixelOfEveryFthRow() throws IOException {
        Path p = coordinates();
        DecodedImage decoded = ImageDecoder.read(p, ImageReadOptions.defaults().withSubsampling(3));
        PlanarImage small = decoded.image();
        assertThat(small.width()).isEqualTo(3); // stored columns 0, 3, 6
        assertThat(small.height()).isEqualTo(2); // stored rows 0, 3
        assertThat(Math.round(small.get(0, 2, 1) * 255)).isEqualTo(60);
        assertThat(Math.round(small.get(1, 2, 1) * 255)).isEqualTo(30);
        assertThat(decoded.storedWidth()).isEqualTo(7);
        assertThat(decoded.storedHeight()).isEqualTo(5);
        assertThat(decoded.notes()).anyMatch(n -> n.contains("subsampled"));
        assertThat(ImageDecoder.read(p, ImageReadOptions.defaults().withSubsampling(1)).image())
                .isEqualTo(ImageDecoder.read(p).image());
        PlanarImage partialPath = ImageDecoder.read(p, ImageReadOptions.defaults().withSubsampling(2).withAllowPartial(true))
                .image();
        assertThat(partialPath.width()).isEqualTo(4);
        assertThat(partialPath.height()).isEqualTo(3);
    }

    @Test
    void subsamplingBelowOneIsRejected() {
        assertThatThrownBy(() -> ImageReadOptions.defaults().withSubsampling(0)).hasMessageContaining("subsampling")
                .hasMessageContaining("0");
        assertThat(ImageReadOptions.defaults().subsampling()).isEqualTo(1);
        assertThat(ImageReadOptions.defaults().withSubsampling(4).withApplyOrientation(false).subsampling()).isEqualTo(4);
    }
}
