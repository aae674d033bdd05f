package org.supercuts.onnx.dino;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.affinity.CosineAffinity;
import org.supercuts.affinity.TokenCutAffinity;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.TestModels;
import org.supercuts.selection.ObjectSelectors;
import org.supercuts.spectral.NCut;
import org.supercuts.superpixel.Slic;

/** The whole pipeline with ViT features, on a synthetic image: a bright textured square on a dark textured background. */
class DinoPipelineTest {
    private static DinoFeatures vit;

    @BeforeAll
    static void load() {
        vit = DinoFeatures.load(TestModels.path("tiny_vit_p8_64.onnx"), DinoOptions.defaults());
    }

    @AfterAll
    static void close() {
        vit.close();
    }

    /** 96x80 with the object in [x0, x1) x [y0, y1). */
    private static PlanarImage squareScene(int x0, int x1, int y0, int y1) {
        return TestModels.squareScene(x0, x1, y0, y1);
    }

    private static double iouWithSquare(Segmentation s, int x0, int x1, int y0, int y1) {
        int inter = 0;
        int union = 0;
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                boolean truth = x >= x0 && x < x1 && y >= y0 && y < y1;
                boolean fg = s.isForeground(x, y);
                inter += truth && fg ? 1 : 0;
                union += truth || fg ? 1 : 0;
            }
        }
        return inter / (double) union;
    }

    @Test
    void superpixelPipelineWithPooledVitFeatures() {
        Pipeline p = Pipeline.builder().superpixels(Slic.segments(60)).features(new DinoRegionFeatures(vit))
                .affinity(CosineAffinity.dense()).partition(NCut.bipartition()).selection(ObjectSelectors.tokenCut())
                .build();
        PlanarImage image = squareScene(32, 72, 24, 64);
        Segmentation s = p.segment(image);
        assertThat(s.width()).isEqualTo(96);
        assertThat(s.superpixels().count()).isGreaterThan(20);
        assertThat(s.regionForeground()).hasSize(s.superpixels().count());
        assertThat(s.provenance().stages().get("features")).startsWith("dino-pool(vit(tiny_vit_p8_64.onnx");
        double iou = iouWithSquare(s, 32, 72, 24, 64);
        System.out.printf("SLIC + pooled tiny-ViT keys + NCut: IoU with the square %.3f%n", iou);
        assertThat(iou).isGreaterThan(0.8);
        assertThat(p.segment(image).mask()).containsExactly(s.mask());
    }

    @Test
    void patchLevelPipelineRunsOnTheViTGrid() {
        // RESIZE_EXACT maps the 96x80 image onto the 8x8 grid in 12x10 cells; the square is aligned with them.
        try (DinoFeatures exact = DinoFeatures.load(vit.modelPath(),
                DinoOptions.defaults().withResizePolicy(ResizePolicy.RESIZE_EXACT))) {
            Pipeline p = Pipeline.builder().superpixels(new PatchGridSuperpixelizer(exact))
                    .features(new DinoRegionFeatures(exact).withUpsampling(DinoRegionFeatures.Upsampling.NEAREST))
                    .affinity(TokenCutAffinity.defaults()).partition(NCut.bipartition())
                    .selection(ObjectSelectors.tokenCut()).build();
            Segmentation s = p.segment(squareScene(36, 72, 20, 60));
            assertThat(s.superpixels().count()).isEqualTo(64);
            double iou = iouWithSquare(s, 36, 72, 20, 60);
            System.out.printf("patch grid + tiny-ViT keys + TokenCut affinity + NCut: IoU with the square %.3f%n", iou);
            assertThat(iou).isGreaterThan(0.8);
        }
    }
}
