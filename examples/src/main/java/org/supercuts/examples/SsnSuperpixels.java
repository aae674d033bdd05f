package org.supercuts.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.ssn.SsnSpec;
import org.supercuts.onnx.ssn.SsnSuperpixelizer;
import org.supercuts.render.Pictures;

/**
 * The pipeline on learned superpixels: a Superpixel Sampling Network (Jampani et al., ECCV 2018) computes pixel features
 * through ONNX Runtime and the library clusters them. The network is the pixel-feature graph
 * ({@code ssn_bsds_pixel_features.onnx}, input {@code [N,5,H,W]}, output {@code [N,20,H,W]}; docs/onnx.md). The
 * superpixelizer owns a native ONNX session, so it is closed after use (try-with-resources).
 *
 * <p>Usage: {@code SsnSuperpixels [model.onnx [photo]]} (default model: {@code ../shared/models/ssn/...}). Writes
 * {@code target/examples/ssn-overlay.png}.
 *
 * <p>Thread safety: stateless.
 */
public final class SsnSuperpixels {
    /** Where the development checkout keeps the published BSDS500 SSN weights. */
    public static final Path SHARED_MODEL = Path.of("../shared/models/ssn/ssn_bsds_pixel_features.onnx");

    private SsnSuperpixels() {
    }

    /** Segments {@code image} on {@code superpixels} SSN superpixels of {@code model}, writes the overlay into {@code outDir}. */
    public static Segmentation run(Path model, int superpixels, PlanarImage image, Path outDir) {
        try (SsnSuperpixelizer ssn = SsnSuperpixelizer.open(SsnSpec.defaults(model).withSuperpixels(superpixels))) {
            Segmentation s = SuperCuts.pipeline().superpixels(ssn).device(ssn.device()).build().segment(image);
            ImageFiles.writePng(Pictures.overlay(image, s), outDir.resolve("ssn-overlay.png"));
            return s;
        }
    }

    /** Runs the example with the model named by {@code args[0]} (or the shared one) on {@code args[1]} or the sample photo. */
    public static void main(String[] args) throws IOException {
        Path model = args.length > 0 ? Path.of(args[0]) : SHARED_MODEL;
        if (!Files.exists(model)) {
            System.err.println("no SSN model at " + model + "; pass the path of ssn_bsds_pixel_features.onnx (docs/onnx.md)");
            System.exit(2);
        }
        PlanarImage image = args.length > 1 ? PlanarImage.read(Path.of(args[1]))
                : PlanarImage.fromBufferedImage(ImageIO.read(SsnSuperpixels.class.getResource("sample/chelsea.png")));
        Segmentation s = run(model, 200, image, Path.of("target", "examples"));
        System.out.println(s.superpixels().count() + " SSN superpixels on " + s.provenance().device() + "; object box "
                + s.box().orElse(null));
    }
}
