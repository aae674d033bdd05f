package org.supercuts.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.supercuts.image.PlanarImage;

/** What the example tests share: the bundled photo, the output folder the programs write to, a mask IoU. */
final class Fixtures {
    static final Path OUT = Path.of("target", "examples");

    private Fixtures() {
    }

    static PlanarImage chelsea() {
        try {
            return PlanarImage.fromBufferedImage(ImageIO.read(SegmentOneImage.class.getResource("sample/chelsea.png")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** IoU of a mask with the box [x0, x1) x [y0, y1) of a {@code width}-wide image. */
    static double iouWithBox(byte[] mask, int width, int x0, int x1, int y0, int y1) {
        int inter = 0;
        int union = 0;
        for (int i = 0; i < mask.length; i++) {
            int x = i % width;
            int y = i / width;
            boolean truth = x >= x0 && x < x1 && y >= y0 && y < y1;
            boolean fg = mask[i] != 0;
            inter += truth && fg ? 1 : 0;
            union += truth || fg ? 1 : 0;
        }
        return union == 0 ? 1 : inter / (double) union;
    }
}
