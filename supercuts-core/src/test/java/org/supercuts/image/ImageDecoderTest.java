package org.supercuts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supercuts.testing.SharedData;
import org.supercuts.testing.WildImages;

class ImageDecoderTest {
    @TempDir
    Path dir;

    @Test
    void cmykJpegDecodesToItsColours() throws IOException {
        PlanarImage img = ImageDecoder.read(WildImages.cmykJpeg(dir.resolve("cmyk.jpg"))).image();
        assertThat(img.channels()).isEqualTo(3);
        // Cyan on the left: no red, full green and blue; yellow on the right: full red and green, no blue.
        assertThat(img.get(0, 8, 16)).isLessThan(0.1f);
        assertThat(img.get(1, 8, 16)).isGreaterThan(0.9f);
        assertThat(img.get(2, 8, 16)).isGreaterThan(0.9f);
        assertThat(img.get(0, 56, 16)).isGreaterThan(0.9f);
        assertThat(img.get(1, 56, 16)).isGreaterThan(0.9f);
        assertThat(img.get(2, 56, 16)).isLessThan(0.1f);
    }

    @Test
    void greyProfileOnColourDataDecodesWithANote() throws IOException {
        DecodedImage d = ImageDecoder.read(WildImages.rgbJpegWithGreyProfile(dir.resolve("grey-icc.jpg")));
        assertThat(d.image().channels()).isEqualTo(3);
        assertThat(d.image().get(0, 8, 16)).isGreaterThan(0.7f);
        assertThat(d.image().get(1, 56, 16)).isGreaterThan(0.7f);
        assertThat(d.partial()).isFalse();
    }

    @Test
    void pascalImage229WithItsGreyProfileDecodes() {
        Path img = SharedData.require("datasets/PASCAL-S-dev/images/229.jpg");
        DecodedImage d = ImageDecoder.read(img);
        assertThat(d.image().width()).isGreaterThan(100);
        assertThat(d.image().channels()).isEqualTo(3);
        assertThat(d.notes()).anyMatch(n -> n.contains("ICC"));
    }

    @Test
    void exifOrientationIsAppliedOrKept() throws IOException {
        Path file = WildImages.jpegWithOrientation(dir.resolve("phone.jpg"), 6);
        DecodedImage upright = ImageDecoder.read(file);
        // Stored 64x32 with red on the left; turned 90 degrees clockwise it is 32x64 with red on top.
        assertThat(upright.image().width()).isEqualTo(32);
        assertThat(upright.image().height()).isEqualTo(64);
        assertThat(upright.image().get(0, 16, 8)).isGreaterThan(0.7f);
        assertThat(upright.image().get(2, 16, 56)).isGreaterThan(0.7f);
        assertThat(upright.orientation()).isEqualTo(ExifOrientation.ROTATE_90_CW);
        assertThat(upright.orientationApplied()).isTrue();
        assertThat(upright.describe()).containsEntry("exif_orientation", 6);

        DecodedImage raw = ImageDecoder.read(file, ImageReadOptions.defaults().withApplyOrientation(false));
        assertThat(raw.image().width()).isEqualTo(64);
        assertThat(raw.orientationApplied()).isFalse();
        assertThat(raw.describe().get("orientation").toString()).contains("kept as stored");
    }

    @Test
    void everyOrientationMapsTheCornersAsExifSays() {
        // A 3x2 image with distinct samples 0..5: stored row-major.
        PlanarImage img = PlanarImage.wrap(3, 2, new float[] {0, 1, 2, 3, 4, 5});
        assertThat(ExifOrientation.FLIP_HORIZONTAL.apply(img).plane(0)).containsExactly(2, 1, 0, 5, 4, 3);
        assertThat(ExifOrientation.ROTATE_180.apply(img).plane(0)).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(ExifOrientation.FLIP_VERTICAL.apply(img).plane(0)).containsExactly(3, 4, 5, 0, 1, 2);
        assertThat(ExifOrientation.TRANSPOSE.apply(img).plane(0)).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(ExifOrientation.ROTATE_90_CW.apply(img).plane(0)).containsExactly(3, 0, 4, 1, 5, 2);
        assertThat(ExifOrientation.TRANSVERSE.apply(img).plane(0)).containsExactly(5, 2, 4, 1, 3, 0);
        assertThat(ExifOrientation.ROTATE_90_CCW.apply(img).plane(0)).containsExactly(2, 5, 1, 4, 0, 3);
        assertThat(ExifOrientation.ROTATE_90_CW.apply(img).width()).isEqualTo(2);
    }

    @Test
    void floatTiffInTheUnitRangeKeepsItsValues() throws IOException {
        float[] r = {0f, 0.25f, 0.5f, 1f};
        float[] g = {0.1f, 0.2f, 0.3f, 0.4f};
        float[] b = {1f, 0.75f, 0.5f, 0f};
        PlanarImage img = ImageDecoder.read(WildImages.floatTiff(dir.resolve("f.tif"), 2, 2, r, g, b)).image();
        assertThat(img.plane(0)).containsExactly(r);
        assertThat(img.plane(1)).containsExactly(g);
        assertThat(img.plane(2)).containsExactly(b);
    }

    @Test
    void floatSamplesOutsideTheUnitRangeAreClampedWithANote() {
        // (Float TIFFs reach the decoder already clamped by the TIFF plug-in, so this goes through a float BufferedImage.)
        java.util.List<String> notes = new java.util.ArrayList<>();
        PlanarImage img = ImageDecoder.toPlanar(floatImage(-0.5f, 2f), null, notes);
        assertThat(img.plane(0)).containsExactly(0f, 1f);
        assertThat(notes).anyMatch(n -> n.contains("clamped"));
    }

    private static BufferedImage floatImage(float first, float second) {
        var cm = new java.awt.image.ComponentColorModel(java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB),
                false, false, java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_FLOAT);
        var raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new float[] {first, 0.5f, 0.5f});
        raster.setPixel(1, 0, new float[] {second, 0.5f, 0.5f});
        return new BufferedImage(cm, raster, false, null);
    }

    @Test
    void nanAndInfiniteSamplesAreNamedErrors() throws IOException {
        float[] ok = {0.5f, 0.5f, 0.5f, 0.5f};
        float[] nan = {0.5f, 0.5f, 0.5f, Float.NaN};
        Path file = WildImages.floatTiff(dir.resolve("nan.tif"), 2, 2, ok, nan, ok);
        assertThatThrownBy(() -> ImageDecoder.read(file)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("nan.tif").hasMessageContaining("x=1, y=1").hasMessageContaining("NaN")
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> PlanarImage.fromBufferedImage(floatImage(0.5f, Float.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x=1, y=0").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> PlanarImage.wrap(2, 1, new float[] {0f, Float.NaN})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }

    @Test
    void sixteenBitTiffIsScaledBy65535() throws IOException {
        int[] r = {65535, 0};
        int[] g = {32768, 0};
        int[] b = {0, 65535};
        PlanarImage img = ImageDecoder.read(WildImages.ushortTiff(dir.resolve("u16.tif"), 2, 1, r, g, b)).image();
        assertThat(img.get(0, 0, 0)).isEqualTo(1f);
        assertThat(img.get(1, 0, 0)).isCloseTo(32768f / 65535f, within(1e-6f));
        assertThat(img.get(2, 1, 0)).isEqualTo(1f);
    }

    @Test
    void alphaIsCompositedOnWhiteNotTheHiddenColours() throws IOException {
        // Transparent pixels hiding pure black, a half-transparent red, an opaque blue.
        int[] argb = {0x00000000, 0x80ff0000, 0xff0000ff, 0x00000000};
        DecodedImage d = ImageDecoder.read(WildImages.rgbaPng(dir.resolve("cutout.png"), 2, 2, argb));
        PlanarImage img = d.image();
        assertThat(d.alphaComposited()).isTrue();
        assertThat(new float[] {img.get(0, 0, 0), img.get(1, 0, 0), img.get(2, 0, 0)}).containsExactly(1f, 1f, 1f);
        float a = 0x80 / 255f;
        assertThat(img.get(0, 1, 0)).isCloseTo(1f, within(1e-6f));
        assertThat(img.get(1, 1, 0)).isCloseTo(1f - a, within(1e-6f));
        assertThat(new float[] {img.get(0, 0, 1), img.get(1, 0, 1), img.get(2, 0, 1)}).containsExactly(0f, 0f, 1f);
        assertThat(d.describe()).containsEntry("alpha", "composited on white");
    }

    @Test
    void truncatedJpegIsAnErrorUnlessPartialFilesAreAllowed() throws IOException {
        Path whole = dir.resolve("whole.jpg");
        ImageIO.write(WildImages.halves(256, 128, 0x305080, 0xc08040), "jpeg", whole.toFile());
        Path cut = WildImages.truncated(whole, dir.resolve("cut.jpg"), 0.5);
        assertThatThrownBy(() -> ImageDecoder.read(cut)).isInstanceOf(ImageReadException.class).hasMessageContaining("cut.jpg")
                .hasMessageContaining("truncated or corrupt").hasMessageContaining("--allow-partial");
        DecodedImage partial = ImageDecoder.read(cut, ImageReadOptions.defaults().withAllowPartial(true));
        assertThat(partial.partial()).isTrue();
        assertThat(partial.image().width()).isEqualTo(256);
        assertThat(partial.notes()).anyMatch(n -> n.startsWith("partial file accepted"));
    }

    @Test
    void truncatedAndCorruptPngAreErrors() throws IOException {
        Path whole = dir.resolve("whole.png");
        BufferedImage noisy = new BufferedImage(128, 64, BufferedImage.TYPE_INT_RGB);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 128; x++) {
                noisy.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ImageIO.write(noisy, "png", whole.toFile());
        Path cut = WildImages.truncated(whole, dir.resolve("cut.png"), 0.6);
        assertThatThrownBy(() -> ImageDecoder.read(cut)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("truncated or corrupt");
        DecodedImage partial = ImageDecoder.read(cut, ImageReadOptions.defaults().withAllowPartial(true));
        assertThat(partial.partial()).isTrue();
        Path bad = WildImages.corrupted(whole, dir.resolve("bad.png"));
        assertThatThrownBy(() -> ImageDecoder.read(bad)).isInstanceOf(ImageReadException.class).hasMessageContaining("bad.png");
    }

    @Test
    void filesThatAreNotImagesSayWhat() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "hello, not a picture");
        assertThatThrownBy(() -> ImageDecoder.read(text)).hasMessageContaining("notes.jpg")
                .hasMessageContaining("not an image in a format that can be decoded");
        byte[] heic = new byte[64];
        System.arraycopy("\0\0\0\u0018ftypheic".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
        Path phone = Files.write(dir.resolve("IMG_1.heic"), heic);
        assertThatThrownBy(() -> ImageDecoder.read(phone)).hasMessageContaining("HEIC");
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertThatThrownBy(() -> ImageDecoder.read(empty)).hasMessageContaining("empty (0 bytes)");
        assertThatThrownBy(() -> ImageDecoder.read(dir)).hasMessageContaining("is a folder, not an image file");
    }

    @Test
    void headerSizeIsReadWithoutDecoding() throws IOException {
        Path p = dir.resolve("s.png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", p.toFile());
        assertThat(ImageDecoder.storedSize(p)).containsExactly(40, 30);
    }
}
