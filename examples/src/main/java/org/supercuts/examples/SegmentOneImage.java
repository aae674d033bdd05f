package org.supercuts.examples;

import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.PlanarImage;
import org.supercuts.render.Pictures;

/**
 * Segments one photo with the default pipeline: the object mask, its box and the overlay picture.
 *
 * <p>Usage: {@code SegmentOneImage [photo]} (default: the bundled sample photo). Writes
 * {@code target/examples/segment-one-image.png} (overlay) and {@code segment-one-image-mask.png}.
 *
 * <p>Thread safety: stateless.
 */
public final class SegmentOneImage {
    private SegmentOneImage() {
    }

    /** Segments {@code image}, writes the overlay and the mask into {@code outDir}, returns the result. */
    public static Segmentation run(PlanarImage image, Path outDir) {
        Segmentation s = SuperCuts.segment(image);
        ImageFiles.writePng(Pictures.overlay(image, s), outDir.resolve("segment-one-image.png"));
        ImageFiles.writeMask(s.mask(), s.width(), s.height(), outDir.resolve("segment-one-image-mask.png"));
        return s;
    }

    /** Runs the example on the photo named by {@code args[0]}, or on the bundled sample photo. */
    public static void main(String[] args) throws IOException {
        PlanarImage image = args.length > 0 ? PlanarImage.read(Path.of(args[0]))
                : PlanarImage.fromBufferedImage(ImageIO.read(SegmentOneImage.class.getResource("sample/chelsea.png")));
        Segmentation s = run(image, Path.of("target", "examples"));
        System.out.println(s.superpixels().count() + " superpixels; object box " + s.box().orElse(null) + "; "
                + s.timingsMillis().get("total") + " ms; pictures in target/examples/");
    }
}
