package org.supercuts.onnx.dino;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supercuts.image.PlanarImage;
import org.supercuts.io.NpyReader;
import org.supercuts.onnx.TestModels;

/** ONNX Runtime output of the tiny ViT graphs against torch's, on the image torch used, through DinoFeatures. */
class TinyVitParityTest {
    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"tiny_vit_p8_64", "tiny_vit_p14_56", "tiny_vit_p8_dynamic"})
    void keysTokensAndClsAttentionMatchTorch(String stem) {
        PlanarImage image = TestModels.image(stem + "_image.npy");
        DinoOptions options = DinoOptions.defaults().withClsAttention(true);
        try (DinoFeatures keys = DinoFeatures.load(TestModels.path(stem + ".onnx"), options);
                DinoFeatures tokens = DinoFeatures.load(TestModels.path(stem + ".onnx"), options.withFeature(FeatureKind.TOKENS))) {
            PatchFeatures k = keys.extract(image);
            PatchFeatures t = tokens.extract(image);
            // The reference image has the graph's (or, for the dynamic graph, a patch-multiple) size: no resampling.
            assertThat(k.geometry().inputWidth()).isEqualTo(image.width());
            assertThat(k.geometry().inputHeight()).isEqualTo(image.height());
            compare(k.backingArray(), TestModels.npy(stem + "_keys.npy"), k.patchCount(), k.dimension(), stem + " keys");
            compare(t.backingArray(), TestModels.npy(stem + "_tokens.npy"), t.patchCount(), t.dimension(), stem + " tokens");
            NpyReader.Array attention = TestModels.npy(stem + "_cls_attention.npy");
            int heads = attention.shape()[1];
            assertThat(k.heads()).isEqualTo(heads);
            float[] all = new float[heads * k.patchCount()];
            for (int h = 0; h < heads; h++) {
                System.arraycopy(k.clsAttention(h).orElseThrow(), 0, all, h * k.patchCount(), k.patchCount());
            }
            compare(all, attention, heads, k.patchCount(), stem + " cls_attention");
        }
    }

    private static void compare(float[] actual, NpyReader.Array expected, int rows, int cols, String what) {
        assertThat(expected.shape()).as(what + " reference shape").containsExactly(1, rows, cols);
        float[] e = expected.toFloatArray();
        assertThat(actual).as(what + " length").hasSize(e.length);
        double maxDiff = 0;
        double maxAbs = 0;
        for (int i = 0; i < e.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - e[i]));
            maxAbs = Math.max(maxAbs, Math.abs(e[i]));
        }
        System.out.printf("%s: max abs diff ORT vs torch %.3g (max |value| %.3g)%n", what, maxDiff, maxAbs);
        assertThat(maxAbs).as(what + " is not trivially zero").isGreaterThan(1e-3);
        assertThat(maxDiff).as(what + " max |ORT - torch|").isLessThanOrEqualTo(TOLERANCE);
    }
}
