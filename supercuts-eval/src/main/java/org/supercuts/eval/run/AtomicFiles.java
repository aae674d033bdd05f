package org.supercuts.eval.run;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import org.supercuts.image.ImageFiles;
import org.supercuts.image.SafeFiles;

/**
 * Writes files so that a reader (or a later resumed run) sees either the old file or the complete new one: the bytes go
 * to a temporary file in the same directory, which is then moved over the target ({@link SafeFiles}).
 *
 * <p>Thread safety: stateless static methods; concurrent writes to different targets are safe.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code bytes} through a temporary file ({@link SafeFiles#write}: umask permissions, nothing left on failure). */
    public static void write(Path target, byte[] bytes) throws IOException {
        SafeFiles.write(target, bytes);
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
        ImageFiles.encodePng(img, out);
        write(target, out.toByteArray());
    }
}
