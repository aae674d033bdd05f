package org.supercuts.eval.run;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

/**
 * Writes files so that a reader (or a later resumed run) sees either the old file or the complete new one: the bytes go
 * to a temporary file in the same directory, which is then moved over the target (atomically where the file system
 * supports it).
 *
 * <p>Thread safety: stateless static methods; concurrent writes to different targets are safe.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code target} through a temporary file in the same folder, so readers never see half a
     * file.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code text} as UTF-8, atomically as {@link #write}. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An 8-bit grey PNG of {@code levels} (0..255), row-major. */
    public static void writeGreyPng(Path target, int width, int height, byte[] levels) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, width, height, levels);
        ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 4 + 128);
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available for " + target);
        }
        write(target, out.toByteArray());
    }
}
