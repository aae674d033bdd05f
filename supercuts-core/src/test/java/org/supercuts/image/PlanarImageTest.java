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

import net.imglib2.img.array.ArrayImgs;

class PlanarImageTest {
    @TempDir
    Path dir;

    @Test
    void readsRgbPngExactly() throws IOException {
        BufferedImage bi = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        bi.setRGB(0, 0, 0xff0000);
        bi.setRGB(2, 1, 0x0080ff);
        Path p = dir.resolve("a.png");
        ImageIO.write(bi, "png", p.toFile());
        PlanarImage img = PlanarImage.read(p);
        assertThat(img.width()).isEqualTo(3);
        assertThat(img.height()).isEqualTo(2);
        assertThat(img.channels()).isEqualTo(3);
        assertThat(img.get(0, 0, 0)).isEqualTo(1f);
        assertThat(img.get(1, 0, 0)).isEqualTo(0f);
        assertThat(img.get(1, 2, 1)).isEqualTo(128 / 255f);
        assertThat(img.get(2, 2, 1)).isEqualTo(1f);
    }

    @Test
    void greyImageHasOneChannel() throws IOException {
        BufferedImage bi = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        bi.getRaster().setSample(1, 2, 0, 51);
        Path p = dir.resolve("g.png");
        ImageIO.write(bi, "png", p.toFile());
        PlanarImage img = PlanarImage.read(p);
        assertThat(img.channels()).isEqualTo(1);
        assertThat(img.get(0, 1, 2)).isEqualTo(51 / 255f);
        assertThat(img.toRgb().channels()).isEqualTo(3);
    }

    @Test
    void sixteenBitGreyIsScaledToUnitRange() throws IOException {
        BufferedImage bi = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
        bi.getRaster().setSample(1, 1, 0, 65535);
        bi.getRaster().setSample(0, 1, 0, 32768);
        Path p = dir.resolve("g16.png");
        ImageIO.write(bi, "png", p.toFile());
        PlanarImage img = PlanarImage.read(p);
        assertThat(img.channels()).isEqualTo(1);
        assertThat(img.get(0, 1, 1)).isEqualTo(1f);
        assertThat(img.get(0, 0, 1)).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void alphaIsDropped() throws IOException {
        BufferedImage bi = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        bi.setRGB(0, 0, 0x8000ff00);
        Path p = dir.resolve("alpha.png");
        ImageIO.write(bi, "png", p.toFile());
        PlanarImage img = PlanarImage.read(p);
        assertThat(img.channels()).isEqualTo(3);
        assertThat(img.get(1, 0, 0)).isEqualTo(1f);
    }

    @Test
    void missingFileNamesThePath() {
        Path p = dir.resolve("nope.png");
        assertThatThrownBy(() -> PlanarImage.read(p)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("nope.png").hasMessageContaining("does not exist");
    }

    @Test
    void corruptFileIsRejectedWithItsName() throws IOException {
        Path p = dir.resolve("corrupt.jpg");
        Files.write(p, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> PlanarImage.read(p)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("corrupt.jpg");
    }

    @Test
    void truncatedPngIsRejected() throws IOException {
        BufferedImage bi = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Path full = dir.resolve("full.png");
        ImageIO.write(bi, "png", full.toFile());
        byte[] bytes = Files.readAllBytes(full);
        Path p = dir.resolve("trunc.png");
        Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> PlanarImage.read(p)).isInstanceOf(ImageReadException.class).hasMessageContaining("trunc.png");
    }

    @Test
    void wrapRejectsBadInput() {
        assertThatThrownBy(() -> PlanarImage.wrap(0, 0, new float[0])).hasMessageContaining("width=0");
        assertThatThrownBy(() -> PlanarImage.wrap(2, 2, new float[3])).hasMessageContaining("length 3");
        assertThatThrownBy(() -> PlanarImage.wrap(1, 1, new float[1], new float[1])).hasMessageContaining("channels");
        assertThatThrownBy(() -> PlanarImage.wrap(2, 1, new float[] {0, Float.NaN})).hasMessageContaining("NaN")
                .hasMessageContaining("x=1");
    }

    @Test
    void fromImgCopiesTheInterval() {
        float[] data = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
        PlanarImage img = PlanarImage.fromImg(ArrayImgs.floats(data, 3, 2));
        assertThat(img.width()).isEqualTo(3);
        assertThat(img.get(0, 2, 1)).isEqualTo(0.6f);
        PlanarImage rgb = PlanarImage.fromImg(ArrayImgs.floats(new float[12], 2, 2, 3));
        assertThat(rgb.channels()).isEqualTo(3);
        assertThatThrownBy(() -> PlanarImage.fromImg(ArrayImgs.floats(new float[8], 2, 2, 2))).hasMessageContaining("1 or 3");
    }

    @Test
    void channelViewIsCopyFree() {
        float[] plane = new float[4];
        PlanarImage img = PlanarImage.wrap(2, 2, plane);
        var view = img.channelAsImg(0);
        plane[3] = 0.75f;
        var ra = view.randomAccess();
        ra.setPosition(new long[] {1, 1});
        assertThat(ra.get().get()).isEqualTo(0.75f);
    }

    @Test
    void toImgRoundTripsThroughFromImg() {
        PlanarImage rgb = PlanarImage.wrap(3, 2, new float[] {0, .1f, .2f, .3f, .4f, .5f}, new float[] {1, 1, 1, 0, 0, 0},
                new float[] {.5f, .5f, .5f, .5f, .5f, .25f});
        var img = rgb.toImg();
        assertThat(img.numDimensions()).isEqualTo(3);
        assertThat(img.dimension(2)).isEqualTo(3);
        assertThat(PlanarImage.fromImg(img)).isEqualTo(rgb);
        PlanarImage grey = PlanarImage.wrap(2, 2, new float[] {0, .25f, .5f, 1});
        assertThat(PlanarImage.fromImg(grey.toImg())).isEqualTo(grey);
    }
}
