package org.supercuts.onnx.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.TestModels;
import org.supercuts.onnx.runtime.ModelLoadException;
import org.supercuts.onnx.runtime.ModelSignatureException;

/** The tiny random U-Net (tools/export_unet_onnx.py) against torch's logits. */
class OnnxSemanticSegmenterTest {
    private static OnnxSemanticSegmenter unet;

    @BeforeAll
    static void load() {
        unet = OnnxSemanticSegmenter.load(TestModels.path("tiny_unet.onnx"), SemanticOptions.defaults());
    }

    @AfterAll
    static void close() {
        unet.close();
    }

    @Test
    void probabilitiesAndClassMapMatchTorchSoftmax() {
        PlanarImage image = TestModels.image("tiny_unet_image.npy");
        float[] logits = TestModels.npy("tiny_unet_logits.npy").toFloatArray();
        int w = image.width();
        int h = image.height();
        assertThat(w).isEqualTo(64);
        assertThat(h).isEqualTo(48);
        SemanticSegmentation s = unet.segment(image);
        assertThat(s.classCount()).isEqualTo(4);
        assertThat(unet.declaredClassCount()).isEqualTo(4);
        int plane = w * h;
        double maxDiff = 0;
        int compared = 0;
        boolean[] seen = new boolean[4];
        for (int i = 0; i < plane; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 4; c++) {
                max = Math.max(max, logits[c * plane + i]);
            }
            double sum = 0;
            for (int c = 0; c < 4; c++) {
                sum += Math.exp(logits[c * plane + i] - max);
            }
            int best = 0;
            double second = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 4; c++) {
                double p = Math.exp(logits[c * plane + i] - max) / sum;
                maxDiff = Math.max(maxDiff, Math.abs(p - s.probability(c, i % w, i / w)));
                if (logits[c * plane + i] > logits[best * plane + i]) {
                    best = c;
                }
            }
            for (int c = 0; c < 4; c++) {
                if (c != best) {
                    second = Math.max(second, logits[c * plane + i]);
                }
            }
            // Compare the arg-max only where torch's top two logits are clearly apart.
            if (logits[best * plane + i] - second > 1e-3) {
                assertThat(s.classAt(i % w, i / w)).as("class at pixel %d", i).isEqualTo(best);
                compared++;
            }
            seen[s.classAt(i % w, i / w)] = true;
        }
        System.out.printf("tiny U-Net: max |p_ORT - p_torch| = %.3g over %d pixels; arg-max compared at %d%n", maxDiff,
                plane, compared);
        assertThat(maxDiff).isLessThanOrEqualTo(1e-4);
        assertThat(compared).isGreaterThan(plane * 9 / 10);
        assertThat(seen).as("the reference uses all four classes").containsOnly(true);
    }

    @Test
    void quarterResolutionLogitsAreResizedLikeTorchBeforeTheSoftmax() {
        // A tiny FCN whose logits are [1, 3, 8, 12] for a 32x48 input; torch's reference resizes them bilinearly
        // (align_corners=False) to 32x48 and applies the softmax.
        PlanarImage image = TestModels.image("tiny_fcn_quarter_image.npy");
        org.supercuts.io.NpyReader.Array probs = TestModels.npy("tiny_fcn_quarter_probs.npy");
        assertThat(TestModels.npy("tiny_fcn_quarter_logits.npy").shape()).containsExactly(1, 3, 8, 12);
        assertThat(probs.shape()).containsExactly(1, 3, 32, 48);
        float[] expected = probs.toFloatArray();
        try (OnnxSemanticSegmenter fcn = OnnxSemanticSegmenter.load(TestModels.path("tiny_fcn_quarter.onnx"),
                SemanticOptions.defaults())) {
            SemanticSegmentation s = fcn.segment(image);
            assertThat(s.width()).isEqualTo(48);
            assertThat(s.height()).isEqualTo(32);
            double maxDiff = 0;
            for (int c = 0; c < 3; c++) {
                float[] p = s.probabilities(c);
                for (int i = 0; i < p.length; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(p[i] - expected[c * p.length + i]));
                }
            }
            System.out.printf("tiny FCN (1/4 logits): max |p_ORT - p_torch| = %.3g%n", maxDiff);
            assertThat(maxDiff).isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void outputHasTheImageSizeAndProbabilitiesSumToOne() {
        for (PlanarImage image : new PlanarImage[] {TestModels.gradient(128, 96), TestModels.gradient(37, 81),
                PlanarImage.wrap(20, 10, TestModels.gradient(20, 10).plane(0))}) {
            SemanticSegmentation s = unet.segment(image);
            assertThat(s.width()).isEqualTo(image.width());
            assertThat(s.height()).isEqualTo(image.height());
            int[] map = s.classMap();
            assertThat(map).hasSize(image.pixelCount());
            float[][] prob = new float[4][];
            for (int c = 0; c < 4; c++) {
                prob[c] = s.probabilities(c);
            }
            for (int i = 0; i < map.length; i++) {
                double sum = 0;
                float best = -1;
                for (int c = 0; c < 4; c++) {
                    float p = prob[c][i];
                    assertThat(p).isBetween(0f, 1f);
                    sum += p;
                    best = Math.max(best, p);
                }
                assertThat(sum).isCloseTo(1, within(1e-5));
                assertThat(prob[map[i]][i]).isEqualTo(best);
            }
            assertThat(s.toLabelMap().count()).isBetween(1, 4);
        }
    }

    @Test
    void enlargedImageGivesNearlyTheEnlargedSegmentation() {
        // A 2x nearest-enlarged reference image is shrunk back to the graph's 64x48 by the anti-aliased tent kernel (a
        // slight blur of the original), and the logits are enlarged bilinearly: the class map is the enlarged reference
        // except near class boundaries.
        PlanarImage small = TestModels.image("tiny_unet_image.npy");
        float[][] planes = new float[3][128 * 96];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 96; y++) {
                for (int x = 0; x < 128; x++) {
                    planes[c][y * 128 + x] = small.get(c, x / 2, y / 2);
                }
            }
        }
        SemanticSegmentation big = unet.segment(PlanarImage.wrap(128, 96, planes));
        SemanticSegmentation ref = unet.segment(small);
        int agree = 0;
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 128; x++) {
                if (big.classAt(x, y) == ref.classAt(x / 2, y / 2)) {
                    agree++;
                }
            }
        }
        assertThat(agree).isGreaterThan(128 * 96 * 88 / 100);
    }

    @Test
    void aVitIsNotASegmentationNetwork() {
        Path vit = TestModels.path("tiny_vit_p8_64.onnx");
        assertThatThrownBy(() -> OnnxSemanticSegmenter.load(vit, SemanticOptions.defaults()))
                .isInstanceOf(ModelSignatureException.class).hasMessageContaining(vit.toString())
                .hasMessageContaining("none is named 'logits'");
        assertThatThrownBy(() -> OnnxSemanticSegmenter.load(vit, SemanticOptions.defaults().withOutputName("keys")))
                .isInstanceOf(ModelSignatureException.class).hasMessageContaining("rank 3");
        assertThatThrownBy(() -> OnnxSemanticSegmenter.load(vit, SemanticOptions.defaults().withOutputName("scores")))
                .isInstanceOf(ModelSignatureException.class).hasMessageContaining("no output named 'scores'");
    }

    @Test
    void missingModelAndBadOptionsAreRejected() {
        assertThatThrownBy(() -> OnnxSemanticSegmenter.load(Path.of("absent/unet.onnx"), SemanticOptions.defaults()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("unet.onnx");
        assertThatThrownBy(() -> OnnxSemanticSegmenter.load(TestModels.path("tiny_unet.onnx"),
                SemanticOptions.defaults().withInputSize(32, 32))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixed input 64x48");
        assertThatThrownBy(() -> SemanticOptions.defaults().withInputScale(0)).hasMessageContaining("inputScale");
        assertThatThrownBy(() -> SemanticOptions.defaults().withNormalization(new float[2], new float[] {1, 1, 1}))
                .hasMessageContaining("mean must have 3 values");
    }
}
