package org.supercuts.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import javax.imageio.ImageIO;

/**
 * Label maps as PNG files, read from 16-bit or 8-bit grey
 * (the value is the label) or from 8-bit colour (label = R + 256 G + 65536 B, the usual encoding of tools that write more
 * than 256 labels in colour), then compacted to {@code 0..K-1} in raster order of first appearance (gaps are allowed in the
 * file). They are written with {@link ImageFiles#writeLabels} (16-bit grey, every pixel labelled); {@link #write16} writes
 * other unsigned 16-bit maps such as contour maps.
 *
 * <p>An 8-bit grey file that uses all 256 values is refused: a tool that wrote more than 255 regions into 8 bits has
 * wrapped labels around, and the regions cannot be told apart any more.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class LabelImages {
    private LabelImages() {
    }

    /** Writes unsigned 16-bit values (e.g. {@code Ucm.toUnsigned16()}) as a 16-bit grey PNG, atomically. */
    public static void write16(short[] values, int width, int height, Path path) {
        ImageFiles.writePng(toBufferedImage16(values, width, height), path);
    }

    /** Unsigned 16-bit values, row-major, as a 16-bit grey picture. */
    public static BufferedImage toBufferedImage16(short[] values, int width, int height) {
        Objects.requireNonNull(values, "values");
        if ((long) width * height != values.length) {
            throw new IllegalArgumentException("values has length " + values.length + ", expected width*height="
                    + ((long) width * height));
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        System.arraycopy(values, 0, ((java.awt.image.DataBufferUShort) out.getRaster().getDataBuffer()).getData(), 0,
                values.length);
        return out;
    }

    /**
     * Reads a label map.
     *
     * @throws ImageReadException naming the file when it is missing or not decodable, and when it is an 8-bit grey map
     *                            using all 256 values (labels wrapped around)
     */
    public static LabelMap read(Path path) {
        Objects.requireNonNull(path, "path");
        if (!Files.isRegularFile(path)) {
            throw new ImageReadException(path, "file does not exist");
        }
        // ImageIO directly, not ImageDecoder: the raw samples are the labels (no scaling to [0, 1], no orientation).
        BufferedImage image;
        try (InputStream in = Files.newInputStream(path)) {
            image = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(path, "could not be decoded (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new ImageReadException(path, "is not an image format ImageIO can decode");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int bits = image.getColorModel().getComponentSize(0);
        int[] labels = new int[w * h];
        int[] row = new int[w];
        if (bands >= 3) {
            if (bits > 8) {
                throw new ImageReadException(path, "is a " + bits + "-bit colour image; label maps must be 16-bit grey, 8-bit"
                        + " grey or 8-bit colour (label = R + 256 G + 65536 B)");
            }
            for (int c = 0; c < 3; c++) {
                int shift = 8 * c;
                for (int y = 0; y < h; y++) {
                    raster.getSamples(0, y, w, 1, c, row);
                    for (int x = 0; x < w; x++) {
                        labels[y * w + x] |= row[x] << shift;
                    }
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                System.arraycopy(row, 0, labels, y * w, w);
            }
            if (bits <= 8) {
                boolean[] used = new boolean[256];
                int distinct = 0;
                for (int l : labels) {
                    if (!used[l & 0xff]) {
                        used[l & 0xff] = true;
                        distinct++;
                    }
                }
                if (distinct == 256) {
                    throw new ImageReadException(path, "is an 8-bit grey label map using all 256 values: more than 255 regions"
                            + " cannot be told apart in 8 bits (labels wrap around); save it as a 16-bit PNG");
                }
            }
        }
        return LabelMap.compact(w, h, labels);
    }
}
