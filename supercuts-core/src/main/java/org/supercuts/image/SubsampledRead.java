package org.supercuts.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reading an image already reduced, for when only a working resolution is needed: the decoder's source subsampling
 * ({@link ImageReadParam#setSourceSubsampling}) keeps every f-th pixel of every f-th row, so the full-resolution raster is
 * never held (a 6000 x 4000 JPEG read at f = 5 needs 1200 x 800 pixels of memory, and decodes faster because only those
 * rows are colour-converted and stored). Subsampling picks pixels, it does not average them: use
 * {@link PlanarImage#downsample} on a full read when aliasing matters more than memory.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class SubsampledRead {
    private SubsampledRead() {
    }

    /**
     * The smallest integer factor f >= 1 with ceil(width / f) * ceil(height / f) <= maxPixels.
     *
     * @throws IllegalArgumentException when a size or {@code maxPixels} is below 1
     */
    public static int factorWithin(int width, int height, long maxPixels) {
        if (width < 1 || height < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("width, height and maxPixels must be >= 1, got " + width + ", " + height + ", "
                    + maxPixels);
        }
        int f = Math.max(1, (int) Math.floor(Math.sqrt((double) width * height / maxPixels)));
        while ((long) ((width + f - 1) / f) * ((height + f - 1) / f) > maxPixels) {
            f++;
        }
        return f;
    }

    /** The width and height stored in the file's header, without decoding its pixels. */
    public static int[] size(Path path) {
        try (ImageInputStream in = open(path)) {
            ImageReader reader = reader(path, in);
            try {
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new ImageReadException(path, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Decodes every {@code factor}-th pixel of every {@code factor}-th row: a ceil(width / factor) x ceil(height / factor)
     * image ({@code factor} 1 decodes everything).
     *
     * @throws IllegalArgumentException when {@code factor < 1}
     * @throws ImageReadException       naming the path when the file is missing or not decodable
     */
    public static PlanarImage read(Path path, int factor) {
        Objects.requireNonNull(path, "path");
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be >= 1, got " + factor);
        }
        BufferedImage image;
        try (ImageInputStream in = open(path)) {
            ImageReader reader = reader(path, in);
            try {
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(factor, factor, 0, 0);
                image = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(path, "could not be decoded (" + e.getMessage() + ")", e);
        }
        return PlanarImage.fromBufferedImage(image);
    }

    /** Decodes the image subsampled by the smallest factor that brings it within {@code maxPixels} (see {@link #read}). */
    public static PlanarImage readWithin(Path path, long maxPixels) {
        int[] wh = size(path);
        return read(path, factorWithin(wh[0], wh[1], maxPixels));
    }

    private static ImageInputStream open(Path path) throws IOException {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ImageReadException(path, Files.exists(path) ? "not a readable regular file" : "file does not exist");
        }
        ImageInputStream in = ImageIO.createImageInputStream(path.toFile());
        if (in == null) {
            throw new ImageReadException(path, "could not be opened for reading");
        }
        return in;
    }

    private static ImageReader reader(Path path, ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageReadException(path, "is not an image format ImageIO can decode (corrupt or unsupported file)");
        }
        ImageReader reader = readers.next();
        reader.setInput(in, true, true);
        return reader;
    }
}
