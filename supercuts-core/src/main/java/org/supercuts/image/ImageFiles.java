package org.supercuts.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

/**
 * Writing result images: binary masks (0/255), soft maps (0..255) and pictures, each written atomically (to a temporary
 * file in the same folder, then moved into place), so an interrupted batch run never leaves a half-written file under
 * the final name.
 *
 * <p>Thread safety: stateless static methods; concurrent writes to different paths are safe.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** Writes a binary mask (non-zero = foreground) as an 8-bit grey PNG with values 0 and 255. */
    public static void writeMask(byte[] mask, int width, int height, Path path) {
        checkLength(mask.length, width, height, "mask");
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] row = new byte[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = mask[y * width + x] != 0 ? (byte) 255 : 0;
            }
            out.getRaster().setDataElements(0, y, width, 1, row);
        }
        writePng(out, path);
    }

    /** Writes a soft map in [0, 1] as an 8-bit grey PNG (value * 255, rounded, clamped). */
    public static void writeSoft(float[] soft, int width, int height, Path path) {
        checkLength(soft.length, width, height, "soft map");
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] row = new byte[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = Math.round(soft[y * width + x] * 255f);
                row[x] = (byte) Math.max(0, Math.min(255, v));
            }
            out.getRaster().setDataElements(0, y, width, 1, row);
        }
        writePng(out, path);
    }

    /** Writes any picture as PNG, atomically. */
    public static void writePng(BufferedImage image, Path path) {
        Path dir = path.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
            try {
                if (!ImageIO.write(image, "png", tmp.toFile())) {
                    throw new IllegalStateException("no PNG writer available for " + path);
                }
                moveIntoPlace(tmp, path);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Moves a finished temporary file to its final name, atomically where the file system allows it. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void checkLength(int length, int width, int height, String what) {
        if (length != width * height) {
            throw new IllegalArgumentException(what + " has length " + length + ", expected width*height=" + width * height);
        }
    }
}
