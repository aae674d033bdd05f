package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supercuts.Segmentation;
import org.supercuts.onnx.TestModels;

class SegmentWithDinoTest {
    @Test
    void segmentsWithTheFeaturesOfAGeneratedTinyVit() {
        // A tiny ViT with random weights (seed 1), exported by supercuts-onnx/tools/make_dino_test_models.sh (64x64, patch 8).
        Segmentation s = SegmentWithDino.run(TestModels.path("tiny_vit_p8_64.onnx"), 60, TestModels.squareScene(32, 72, 24, 64),
                Fixtures.OUT);
        assertThat(s.provenance().stages().get("features")).startsWith("dino-pool(vit(tiny_vit_p8_64.onnx");
        assertThat(s.provenance().stages().get("affinity")).startsWith("cosine");
        assertThat(Fixtures.iouWithBox(s.mask(), 96, 32, 72, 24, 64)).isGreaterThan(0.8);
        assertThat(Fixtures.OUT.resolve("dino-overlay.png")).exists();
    }
}
