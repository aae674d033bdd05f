package org.supercuts.examples;

import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.supercuts.Pipeline;
import org.supercuts.Presets;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.PlanarImage;
import org.supercuts.refine.GuidedFilter;
import org.supercuts.render.Pictures;
import org.supercuts.spectral.NCut;
import org.supercuts.superpixel.Slic;

/**
 * Changing the pipeline: start from the defaults ({@link SuperCuts#pipeline()}) or a preset ({@link Presets}) and replace
 * only what you need. Every factory returns the tuned default and every wither changes only what it names, so
 * {@code Slic.segments(250)} keeps the tuned compactness and {@code NCut.recursive().maxSegments(24)} the tuned
 * eigensolver. The result's provenance lists every stage as it ran.
 *
 * <p>Usage: {@code CustomPipeline [photo]}. Writes {@code target/examples/custom-pipeline.png}.
 *
 * <p>Thread safety: stateless.
 */
public final class CustomPipeline {
    private CustomPipeline() {
    }

    /** The default pipeline with fewer superpixels, a deeper hierarchy and guided-filter refinement. */
    public static Pipeline pipeline() {
        return SuperCuts.pipeline()
                .superpixels(Slic.segments(250))
                .partition(NCut.recursive().maxSegments(24))
                .refine(GuidedFilter.radius(9).eps(1e-3))
                .levels(5)
                .build();
    }

    /** Segments {@code image} with {@link #pipeline()} and writes the overlay into {@code outDir}. */
    public static Segmentation run(PlanarImage image, Path outDir) {
        Segmentation s = pipeline().segment(image);
        ImageFiles.writePng(Pictures.overlay(image, s), outDir.resolve("custom-pipeline.png"));
        return s;
    }

    /** Runs the example on the photo named by {@code args[0]}, or on the bundled sample photo. */
    public static void main(String[] args) throws IOException {
        PlanarImage image = args.length > 0 ? PlanarImage.read(Path.of(args[0]))
                : PlanarImage.fromBufferedImage(ImageIO.read(CustomPipeline.class.getResource("sample/chelsea.png")));
        Segmentation s = run(image, Path.of("target", "examples"));
        s.provenance().stages().forEach((stage, spec) -> System.out.println(stage + ": " + spec));
    }
}
