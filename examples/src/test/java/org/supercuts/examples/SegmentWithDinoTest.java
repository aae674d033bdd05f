package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supercuts.Segmentation;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.TestModels;

class SegmentWithDinoTest {
    /** 96x80: a bright, finely textured square [32, 72) x [24, 64) on a dark textured background. */
    static PlanarImage squareScene() {
        int w = 96;
        int h = 80;
        float[][] p = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x >= 32 && x < 72 && y >= 24 && y < 64;
                float tex = 0.05f * (float) Math.sin(0.9 * x + 1.7 * y);
                int i = y * w + x;
                p[0][i] = (in ? 0.9f : 0.15f) + tex;
                p[1][i] = (in ? 0.7f : 0.25f) - tex;
                p[2][i] = (in ? 0.1f : 0.45f) + tex;
            }
        }
        return PlanarImage.wrap(w, h, p);
    }

    @Test
    void segmentsWithTheFeaturesOfAGeneratedTinyVit() {
        // A 2-block ViT with random weights, exported by supercuts-onnx/tools/make_dino_test_models.sh (64x64, patch 8).
        Segmentation s = SegmentWithDino.run(TestModels.path("tiny_vit_p8_64.onnx"), 60, squareScene(), Fixtures.OUT);
        assertThat(s.provenance().stages().get("features")).startsWith("dino-pool(vit(tiny_vit_p8_64.onnx");
        assertThat(s.provenance().stages().get("affinity")).startsWith("cosine");
        assertThat(Fixtures.iouWithBox(s.mask(), 96, 32, 72, 24, 64)).isGreaterThan(0.8);
        assertThat(Fixtures.OUT.resolve("dino-overlay.png")).exists();
    }
}
