package org.supercuts.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.LabelMap;
import org.supercuts.image.Masks;
import org.supercuts.image.PlanarImage;

class PicturesTest {
    /** A 4x2 grey image of value 0.2 (8-bit 51) with labels 0 0 1 1 / 0 0 1 1. */
    private static final PlanarImage GREY = PlanarImage.wrap(4, 2, new float[] {.2f, .2f, .2f, .2f, .2f, .2f, .2f, .2f});
    private static final LabelMap HALVES = LabelMap.of(4, 2, new int[] {0, 0, 1, 1, 0, 0, 1, 1});

    @Test
    void tintBlendsOnlyMaskedPixels() {
        BufferedImage out = Overlay.of(GREY).tint(new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, 0xff0000, 0.5).render();
        assertThat(out.getRGB(0, 0) & 0xffffff).isEqualTo((153 << 16) | (26 << 8) | 26); // round(51*.5 + 255*.5) = 153
        assertThat(out.getRGB(1, 0) & 0xffffff).isEqualTo(0x333333);
    }

    @Test
    void boundariesMarkPixelsWhoseRightOrLowerNeighbourDiffers() {
        BufferedImage out = Overlay.of(GREY).boundaries(HALVES, 0xffffff, 1.0).render();
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                int expected = x == 1 ? 0xffffff : 0x333333;
                assertThat(out.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void regionsUsePaletteColoursAndSkipTheBackgroundLabel() {
        BufferedImage out = Overlay.of(GREY).regions(HALVES, 0, 1.0).render();
        assertThat(out.getRGB(0, 0) & 0xffffff).isEqualTo(0x333333);
        assertThat(out.getRGB(3, 1) & 0xffffff).isEqualTo(Palette.colour(1));
        BufferedImage flat = Pictures.paletteColours(HALVES, 0);
        assertThat(flat.getRGB(0, 0) & 0xffffff).isZero();
        assertThat(flat.getRGB(2, 0) & 0xffffff).isEqualTo(Palette.colour(1));
    }

    @Test
    void boxOutlineIsDrawnAfterThePixelLayers() {
        PlanarImage img = PlanarImage.wrap(10, 10, new float[100]);
        BufferedImage out = Overlay.of(img).box(new BoundingBox(2, 2, 8, 8), 0x00ff00).render();
        assertThat(out.getRGB(2, 5) & 0xffffff).isEqualTo(0x00ff00);
        assertThat(out.getRGB(5, 5) & 0xffffff).isZero();
        assertThat(out.getRGB(0, 0) & 0xffffff).isZero();
    }

    @Test
    void layersAreImmutable() {
        Overlay base = Overlay.of(GREY);
        Overlay tinted = base.tint(new byte[8], 0xff0000, 0.5);
        assertThat(tinted).isNotSameAs(base);
        assertThat(base.render().getRGB(0, 0)).isEqualTo(GREY.toBufferedImage().getRGB(0, 0));
    }

    @Test
    void meanColoursAndLevels() {
        PlanarImage img = PlanarImage.wrap(4, 2, new float[] {0, 0, 1, 1, 0, 0, 1, 1});
        BufferedImage m = Pictures.meanColours(img, HALVES, false);
        assertThat(m.getRGB(0, 1) & 0xffffff).isZero();
        assertThat(m.getRGB(3, 0) & 0xffffff).isEqualTo(0xffffff);
        BufferedImage strip = Pictures.levels(img, List.of(HALVES, HALVES));
        assertThat(strip.getWidth()).isEqualTo(4 + 6 + 4);
        assertThat(strip.getHeight()).isEqualTo(2 + 18);
        assertThatThrownBy(() -> Pictures.levels(img, List.of())).hasMessageContaining("levels must not be empty");
    }

    @Test
    void paletteIsDeterministicAndDistinct() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 32; i++) {
            assertThat(Palette.colour(i)).isEqualTo(Palette.colour(i));
            seen.add(Palette.colour(i));
        }
        assertThat(seen).hasSize(32);
        assertThatThrownBy(() -> Palette.colour(-1)).hasMessageContaining("palette index must be >= 0");
    }

    @Test
    void sizesAndAlphaAreChecked() {
        assertThatThrownBy(() -> Overlay.of(GREY).tint(new byte[3], 0, 0.5)).hasMessageContaining("width*height=8");
        assertThatThrownBy(() -> Overlay.of(GREY).tint(new byte[8], 0, 1.5)).hasMessageContaining("alpha must be in [0, 1]");
        assertThatThrownBy(() -> Overlay.of(GREY).boundaries(LabelMap.of(2, 1, new int[] {0, 1}), 0, 1))
                .hasMessageContaining("labels are 2x1 but the image is 4x2");
    }

    @Test
    void masksLabelsAndStreamsRoundTrip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageFiles.writePng(Masks.toBufferedImage(new byte[] {1, 0, 0, 1}, 2, 2), bytes);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(back.getRaster().getSample(0, 0, 0)).isEqualTo(255);
        assertThat(back.getRaster().getSample(1, 0, 0)).isZero();

        int[] ids = new int[70000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % 300;
        }
        LabelMap many = LabelMap.of(700, 100, ids);
        bytes.reset();
        ImageFiles.writePng(many.toBufferedImage(), bytes);
        BufferedImage labels = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(labels.getRaster().getSample(299, 0, 0)).isEqualTo(299);
        assertThat(labels.getColorModel().getComponentSize(0)).isEqualTo(16);
        BufferedImage soft = Masks.softToBufferedImage(new float[] {0f, 0.5f, 1f, 2f}, 2, 2);
        assertThat(soft.getRaster().getSample(1, 0, 0)).isEqualTo(128);
        assertThat(soft.getRaster().getSample(1, 1, 0)).isEqualTo(255);
    }
}
