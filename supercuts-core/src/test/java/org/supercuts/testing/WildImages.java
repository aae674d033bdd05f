package org.supercuts.testing;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Files of the kinds users bring, generated for tests: CMYK JPEGs, JPEGs with a grey ICC profile on colour data, EXIF
 * orientation, float and 16-bit TIFFs, RGBA PNGs, truncated and corrupted copies. The JPEG markers are spliced in by hand
 * (the JDK's writers do not write them); the pixels are encoded by the JDK's writers.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class WildImages {
    private WildImages() {
    }

    /** A 64x32 JPEG stored as Adobe CMYK (inverted samples, APP14 transform 0): left half cyan, right half yellow. */
    public static Path cmykJpeg(Path file) throws IOException {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 32, 4, null);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                boolean cyan = x < 32;
                // Adobe CMYK JPEGs store 255 - ink.
                r.setPixel(x, y, new int[] {cyan ? 0 : 255, 255, cyan ? 255 : 0, 255});
            }
        }
        byte[] jpeg = jdkJpeg(new IIOImage(r, null, null));
        byte[] app14 = concat(new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14}, "Adobe".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                new byte[] {0, 100, 0, 0, 0, 0, 0});
        Files.write(file, afterSoi(jpeg, app14));
        return file;
    }

    /** A colour JPEG carrying a one-component (grey) ICC profile, as PASCAL-S's 229.jpg does; left half red, right green. */
    public static Path rgbJpegWithGreyProfile(Path file) throws IOException {
        BufferedImage img = halves(64, 32, 0xd02020, 0x20d020);
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData();
        byte[] header = concat("ICC_PROFILE".getBytes(java.nio.charset.StandardCharsets.US_ASCII), new byte[] {0, 1, 1});
        int length = 2 + header.length + profile.length;
        byte[] app2 = concat(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length}, header, profile);
        Files.write(file, afterSoi(jdkJpeg(new IIOImage(img, null, null)), app2));
        return file;
    }

    /** A 64x32 JPEG, left half red and right half blue, with EXIF orientation {@code orientation} (1..8). */
    public static Path jpegWithOrientation(Path file, int orientation) throws IOException {
        BufferedImage img = halves(64, 32, 0xe02020, 0x2020e0);
        // EXIF: "Exif\0\0", a little-endian TIFF header, IFD0 with one entry (274 = orientation, SHORT, count 1).
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 274).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] payload = concat("Exif".getBytes(java.nio.charset.StandardCharsets.US_ASCII), new byte[] {0, 0}, tiff.array());
        int length = 2 + payload.length;
        byte[] app1 = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, payload);
        Files.write(file, afterSoi(jdkJpeg(new IIOImage(img, null, null)), app1));
        return file;
    }

    /** An RGB TIFF of 32-bit float samples, {@code r}, {@code g}, {@code b} row-major. */
    public static Path floatTiff(Path file, int width, int height, float[] r, float[] g, float[] b) throws IOException {
        return rgbTiff(file, width, height, DataBuffer.TYPE_FLOAT, (raster, i) -> raster.setPixel(i % width, i / width,
                new float[] {r[i], g[i], b[i]}));
    }

    /** An RGB TIFF of 16-bit samples. */
    public static Path ushortTiff(Path file, int width, int height, int[] r, int[] g, int[] b) throws IOException {
        return rgbTiff(file, width, height, DataBuffer.TYPE_USHORT, (raster, i) -> raster.setPixel(i % width, i / width,
                new int[] {r[i], g[i], b[i]}));
    }

    private static Path rgbTiff(Path file, int width, int height, int sampleType,
            java.util.function.ObjIntConsumer<WritableRaster> pixel) throws IOException {
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE,
                sampleType);
        WritableRaster raster = cm.createCompatibleWritableRaster(width, height);
        for (int i = 0; i < width * height; i++) {
            pixel.accept(raster, i);
        }
        return jdkTiff(file, new BufferedImage(cm, raster, false, null));
    }

    /** Writes {@code argb} (non-premultiplied) as an RGBA PNG. */
    public static Path rgbaPng(Path file, int width, int height, int[] argb) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** The first {@code fraction} of {@code source}'s bytes. */
    public static Path truncated(Path source, Path file, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Files.write(file, java.util.Arrays.copyOf(all, Math.max(1, (int) (all.length * fraction))));
        return file;
    }

    /** {@code source} with 64 bytes in its middle overwritten by a fixed pattern. */
    public static Path corrupted(Path source, Path file) throws IOException {
        byte[] all = Files.readAllBytes(source);
        for (int i = all.length / 2; i < Math.min(all.length, all.length / 2 + 64); i++) {
            all[i] = (byte) (i * 37 + 11);
        }
        Files.write(file, all);
        return file;
    }

    /** A picture with a left half of one colour and a right half of another. */
    public static BufferedImage halves(int width, int height, int left, int right) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, x < width / 2 ? left : right);
            }
        }
        return img;
    }

    private static byte[] jdkJpeg(IIOImage image) throws IOException {
        ImageWriter writer = jdkWriter("jpeg");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.95f);
            writer.write(null, image, p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static Path jdkTiff(Path file, BufferedImage img) throws IOException {
        ImageWriter writer = jdkWriter("tiff");
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(img);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** The JDK's own writer (the TwelveMonkeys ones do not write every sample type). */
    private static ImageWriter jdkWriter(String format) {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format); it.hasNext();) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.")) {
                return w;
            }
        }
        throw new IllegalStateException("no JDK " + format + " writer");
    }

    private static byte[] afterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
