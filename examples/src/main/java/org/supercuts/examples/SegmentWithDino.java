package org.supercuts.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.affinity.CosineAffinity;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.dino.DinoFeatures;
import org.supercuts.onnx.dino.DinoOptions;
import org.supercuts.onnx.dino.DinoRegionFeatures;
import org.supercuts.render.Pictures;
import org.supercuts.selection.ObjectSelectors;
import org.supercuts.superpixel.Slic;

/**
 * Self-supervised ViT features instead of colour: each superpixel gets the mean of the DINO patch keys it covers, the
 * graph is their cosine affinity, and the object is the side of the root normalized cut that touches the image border
 * less -- the pipeline {@code ./supercuts segment --model} runs. The ViT is an ONNX export (docs/dino.md tells how to
 * make one); {@link DinoFeatures} owns its native session, so it is closed after use.
 *
 * <p>Usage: {@code SegmentWithDino model.onnx [photo]}. Writes {@code target/examples/dino-overlay.png}.
 *
 * <p>Thread safety: stateless.
 */
public final class SegmentWithDino {
    private SegmentWithDino() {
    }

    /** Segments {@code image} on {@code superpixels} SLIC superpixels with the ViT {@code model}, writes the overlay. */
    public static Segmentation run(Path model, int superpixels, PlanarImage image, Path outDir) {
        try (DinoFeatures vit = DinoFeatures.load(model, DinoOptions.defaults())) {
            Segmentation s = SuperCuts.pipeline()
                    .superpixels(Slic.segments(superpixels))
                    .features(new DinoRegionFeatures(vit))
                    .affinity(CosineAffinity.dense())
                    .selection(ObjectSelectors.borderPrior())
                    .device(vit.model().device().toString())
                    .build().segment(image);
            ImageFiles.writePng(Pictures.overlay(image, s), outDir.resolve("dino-overlay.png"));
            return s;
        }
    }

    /** Runs the example with the ViT named by {@code args[0]} on {@code args[1]} or the sample photo. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !Files.exists(Path.of(args[0]))) {
            System.err.println("usage: SegmentWithDino model.onnx [photo] (export a DINO ViT as docs/dino.md shows)");
            System.exit(2);
        }
        PlanarImage image = args.length > 1 ? PlanarImage.read(Path.of(args[1]))
                : PlanarImage.fromBufferedImage(ImageIO.read(SegmentWithDino.class.getResource("sample/chelsea.png")));
        Segmentation s = run(Path.of(args[0]), 400, image, Path.of("target", "examples"));
        System.out.println("features " + s.provenance().stages().get("features") + "; object box " + s.box().orElse(null));
    }
}
