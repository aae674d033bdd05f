package org.supercuts.examples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.PlanarImage;
import org.supercuts.render.Overlay;
import org.supercuts.render.Pictures;

/**
 * Pictures of a result, built layer by layer with {@link Overlay}: the 4 coarsest segments in palette colours, their
 * boundaries, the object mask tinted and the object box; and the same picture written to an {@link OutputStream} (here
 * a byte array, as a web service would send it) as well as to a file.
 *
 * <p>Usage: {@code OverlayPictures [photo]}. Writes {@code target/examples/overlay-layers.png}.
 *
 * <p>Thread safety: stateless.
 */
public final class OverlayPictures {
    private OverlayPictures() {
    }

    /**
     * The picture and its PNG bytes.
     *
     * @param picture      the layered overlay
     * @param png          the same picture as PNG, written to a stream
     * @param segmentation the result it shows
     */
    public record Result(BufferedImage picture, byte[] png, Segmentation segmentation) {
    }

    /** Segments {@code image}, draws the layers, writes the picture to a stream and into {@code outDir}. */
    public static Result run(PlanarImage image, Path outDir) throws IOException {
        Segmentation s = SuperCuts.segment(image);
        Overlay overlay = Overlay.of(image)
                .regions(s.withSegments(4).labels(), -1, 0.35)
                .boundaries(s.withSegments(4).labels(), 0x000000, 1.0)
                .tint(s.mask(), Pictures.MASK_TINT, 0.4);
        if (s.box().isPresent()) {
            overlay = overlay.box(s.box().get(), Pictures.BOX);
        }
        BufferedImage picture = overlay.render();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageFiles.writePng(picture, bytes);
        Files.createDirectories(outDir);
        try (OutputStream file = Files.newOutputStream(outDir.resolve("overlay-layers.png"))) {
            bytes.writeTo(file);
        }
        return new Result(picture, bytes.toByteArray(), s);
    }

    /** Runs the example on the photo named by {@code args[0]}, or on the bundled sample photo. */
    public static void main(String[] args) throws IOException {
        PlanarImage image = args.length > 0 ? PlanarImage.read(Path.of(args[0]))
                : PlanarImage.fromBufferedImage(ImageIO.read(OverlayPictures.class.getResource("sample/chelsea.png")));
        Result r = run(image, Path.of("target", "examples"));
        System.out.println(r.png().length + " PNG bytes; target/examples/overlay-layers.png");
    }
}
