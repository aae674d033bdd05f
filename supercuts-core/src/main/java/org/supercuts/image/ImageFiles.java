package org.supercuts.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Writing result images: binary masks (0/255), soft maps (0..255), 16-bit label maps and pictures. Writes to a path are
 * atomic (to a temporary file in the same folder, then moved into place), so an interrupted batch run never leaves a
 * half-written file under the final name; writes to an {@link OutputStream} leave the stream open.
 *
 * <p>Thread safety: stateless static methods; concurrent writes to different paths are safe.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** Writes a binary mask (non-zero = foreground) as an 8-bit grey PNG with values 0 and 255. */
    public static void writeMask(byte[] mask, int width, int height, Path path) {
        writePng(Masks.toBufferedImage(mask, width, height), path);
    }

    /** Writes a soft map in [0, 1] as an 8-bit grey PNG (value * 255, rounded, clamped). */
    public static void writeSoft(float[] soft, int width, int height, Path path) {
        writePng(Masks.softToBufferedImage(soft, width, height), path);
    }

    /** Writes a label map as a 16-bit grey PNG of the raw labels ({@link LabelMap#toBufferedImage()}). */
    public static void writeLabels(LabelMap labels, Path path) {
        writePng(labels.toBufferedImage(), path);
    }

    /**
     * Writes any picture as PNG to a stream; the stream is flushed, not closed.
     *
     * @throws UncheckedIOException naming the cause when the stream fails
     */
    public static void writePng(BufferedImage image, OutputStream out) {
        try {
            encodePng(image, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write PNG: " + e.getMessage(), e);
        }
    }

    /** Writes any picture as PNG, atomically ({@link SafeFiles#write}: umask permissions, nothing left on failure). */
    public static void writePng(BufferedImage image, Path path) {
        try {
            SafeFiles.write(path, out -> encodePng(image, out));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage().startsWith("could not ") ? e.getMessage()
                    : "could not write " + path + ": " + SafeFiles.describe(e), e);
        }
    }

    /**
     * PNG-encodes through an in-memory image stream: {@code ImageIO.write} to an OutputStream would cache the stream in a
     * temporary file first (ImageIO's global cache setting, which a library must not change), a sixth of the encoding
     * time. Same bytes as {@code ImageIO.write}; the stream is not closed.
     *
     * @throws IOException when writing to {@code out} fails
     */
    public static void encodePng(BufferedImage image, OutputStream out) throws IOException {
        java.util.Iterator<javax.imageio.ImageWriter> writers = ImageIO.getImageWriters(
                javax.imageio.ImageTypeSpecifier.createFromRenderedImage(image), "png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no PNG writer available for a " + image.getType() + " image");
        }
        javax.imageio.ImageWriter writer = writers.next();
        try (javax.imageio.stream.ImageOutputStream stream = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } finally {
            writer.dispose();
        }
    }

    /** Moves a finished temporary file to its final name, atomically where the file system allows it. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        SafeFiles.moveIntoPlace(tmp, target);
    }
}
