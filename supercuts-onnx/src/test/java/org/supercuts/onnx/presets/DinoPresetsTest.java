package org.supercuts.onnx.presets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.affinity.TokenCutAffinity;
import org.supercuts.image.PlanarImage;
import org.supercuts.io.NpyReader;
import org.supercuts.onnx.TestModels;
import org.supercuts.onnx.dino.DinoFeatures;
import org.supercuts.onnx.dino.DinoOptions;

/**
 * The ViT presets end to end: ONNX Runtime computes the keys of the tiny random ViT on its torch parity image, and the
 * {@code tokencut} and {@code deepspectral} presets must give exactly the masks that supercuts-core/tools/paper_presets.py
 * computed from torch's keys for that image (fixture case {@code vit_tiny} in the core test jar). The two key sets differ by
 * at most 1e-4 (TinyVitParityTest); the fixture's decisions are at least 2.9e-4 from tau and 0.7% of max|v| from the split
 * points, so the masks must agree exactly.
 */
class DinoPresetsTest {
    /** The fixture's tau: the median cosine of the random ViT's keys (cases.tsv). */
    private static final double FIXTURE_TAU = 0.24;
    private static DinoFeatures vit;

    @BeforeAll
    static void load() {
        vit = DinoFeatures.load(TestModels.path("tiny_vit_p8_64.onnx"), DinoOptions.defaults());
    }

    @AfterAll
    static void close() {
        vit.close();
    }

    @Test
    void tokenCutOnThePatchGridMatchesThePaperOnTorchKeys() {
        Pipeline p = DinoPresets.tokenCut(vit).affinity(TokenCutAffinity.defaults().tau(FIXTURE_TAU)).build();
        checkPatchMask(p, "vit_tiny_tokencut_mask.npy");
    }

    @Test
    void deepSpectralOnThePatchGridMatchesThePaperOnTorchKeys() {
        checkPatchMask(DinoPresets.deepSpectral(vit).build(), "vit_tiny_deepspectral_mask.npy");
    }

    private static void checkPatchMask(Pipeline p, String fixture) {
        PlanarImage image = TestModels.image("tiny_vit_p8_64_image.npy");
        Segmentation s = p.segment(image);
        double[] expected = NpyReader.read(corePreset(fixture)).toDoubleArray();
        assertThat(s.superpixels().count()).isEqualTo(64);
        // 64x64 image, 8x8 patches of 8x8 pixels, row-major: patch (r, c) holds pixel (8c, 8r).
        for (int patch = 0; patch < 64; patch++) {
            int x = 8 * (patch % 8);
            int y = 8 * (patch / 8);
            assertThat(s.superpixels().label(x, y)).isEqualTo(patch);
            assertThat(s.isForeground(x, y)).as("patch %d of %s", patch, fixture).isEqualTo(expected[patch] != 0);
        }
        assertThat(s.provenance().stages().get("superpixels")).startsWith("patch-grid(");
    }

    @Test
    void dinoPresetIsTheDefaultWithPooledKeysCosineAndBorderPrior() {
        Pipeline p = DinoPresets.dino(vit).build();
        assertThat(p.provenance().stages())
                .containsEntry("affinity", "cosine")
                .containsEntry("selection", "border-prior");
        assertThat(p.provenance().stages().get("features")).startsWith("dino-pool(vit(tiny_vit_p8_64.onnx");
        assertThat(p.provenance().stages().get("superpixels")).startsWith("slic(");
        assertThat(p.provenance().device()).isEqualTo("cpu");
    }

    private static Path corePreset(String file) {
        try {
            return Path.of(DinoPresetsTest.class.getResource("/presets/" + file).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("presets/" + file + " is missing from the supercuts-core test jar", e);
        }
    }
}
