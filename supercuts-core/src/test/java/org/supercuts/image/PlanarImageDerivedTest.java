package org.supercuts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The images derived from a {@link PlanarImage}: its area-averaged reductions and its shared CIELAB planes. */
class PlanarImageDerivedTest {

    @Test
    void downsampleAveragesBlocksClippedAtTheBorders() {
        // 5 x 3, factor 2: blocks of 2 x 2, the last column and row are partial (2 x 1, 1 x 2, 1 x 1).
        float[] v = {
            0, 1, 2, 3, 4,
            5, 6, 7, 8, 9,
            10, 11, 12, 13, 14};
        PlanarImage small = PlanarImage.wrap(5, 3, v).downsample(2);
        assertThat(small.width()).isEqualTo(3);
        assertThat(small.height()).isEqualTo(2);
        assertThat(small.plane(0)).containsExactly(3f, 5f, 6.5f, 10.5f, 12.5f, 14f);
        PlanarImage same = PlanarImage.wrap(5, 3, v);
        assertThat(same.downsample(1)).isSameAs(same);
        assertThat(PlanarImage.wrap(5, 3, v).downsample(9).plane(0)).containsExactly(7f);
        assertThatThrownBy(() -> same.downsample(0)).hasMessageContaining("factor").hasMessageContaining("0");
    }

    @Test
    void downsampleOnSeveralThreadsGivesTheSameImage() {
        int w = 301;
        int h = 2003; // several bands of output rows, the last one short, and clipped blocks at both borders
        java.util.Random rnd = new java.util.Random(3);
        float[][] planes = new float[3][w * h];
        for (float[] p : planes) {
            for (int i = 0; i < p.length; i++) {
                p[i] = rnd.nextFloat();
            }
        }
        PlanarImage image = PlanarImage.wrap(w, h, planes);
        PlanarImage one = image.downsample(3);
        for (int threads : new int[] {2, 7}) {
            PlanarImage many = image.downsample(3, threads);
            for (int c = 0; c < 3; c++) {
                assertThat(many.plane(c)).isEqualTo(one.plane(c));
            }
        }
        assertThatThrownBy(() -> image.downsample(3, 0)).hasMessageContaining("threads").hasMessageContaining("0");
    }

    @Test
    void downsampleKeepsTheChannels() {
        float[] r = {0.2f, 0.4f, 0.6f, 0.8f};
        float[] g = {0f, 0f, 1f, 1f};
        float[] b = {1f, 1f, 1f, 1f};
        PlanarImage small = PlanarImage.wrap(2, 2, r, g, b).downsample(2);
        assertThat(small.channels()).isEqualTo(3);
        assertThat(small.get(0, 0, 0)).isEqualTo(0.5f);
        assertThat(small.get(1, 0, 0)).isEqualTo(0.5f);
        assertThat(small.get(2, 0, 0)).isEqualTo(1f);
    }

    @Test
    void cielabIsComputedOnceAndEqualsTheConversion() {
        float[] r = {0.9f, 0.1f, 0.5f};
        float[] g = {0.2f, 0.8f, 0.5f};
        float[] b = {0.1f, 0.3f, 0.5f};
        PlanarImage image = PlanarImage.wrap(3, 1, r, g, b);
        float[][] lab = image.cielab();
        assertThat(image.cielab()).isSameAs(lab);
        assertThat(Cielab.planes(image)).isSameAs(lab);
        float[] expected = new float[3];
        for (int i = 0; i < 3; i++) {
            FastCielab.fromSrgb(r[i], g[i], b[i], expected);
            assertThat(new float[] {lab[0][i], lab[1][i], lab[2][i]}).containsExactly(expected);
        }
        PlanarImage grey = PlanarImage.wrap(3, 1, g);
        assertThat(grey.cielab()[0]).containsExactly(grey.toRgb().cielab()[0]);
    }

    @Test
    void interleavedByteImagesConvertAsGetRgbSaysWhateverTheBandOrder() {
        java.util.Random rnd = new java.util.Random(9);
        java.awt.image.BufferedImage bgr = new java.awt.image.BufferedImage(13, 7, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 13; x++) {
                bgr.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        // The same pixels in R, G, B order in a custom interleaved raster, and in a sub-image (translated raster).
        java.awt.image.WritableRaster rgbRaster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, 13, 7, 3, null);
        java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE);
        java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(cm, rgbRaster, false, null);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 13; x++) {
                rgb.setRGB(x, y, bgr.getRGB(x, y));
            }
        }
        for (java.awt.image.BufferedImage img : new java.awt.image.BufferedImage[] {bgr, rgb, bgr.getSubimage(2, 1, 9, 5)}) {
            PlanarImage p = PlanarImage.fromBufferedImage(img);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int v = img.getRGB(x, y);
                    assertThat(p.get(0, x, y)).isEqualTo(((v >> 16) & 0xff) / 255f);
                    assertThat(p.get(1, x, y)).isEqualTo(((v >> 8) & 0xff) / 255f);
                    assertThat(p.get(2, x, y)).isEqualTo((v & 0xff) / 255f);
                }
            }
        }
    }
}
