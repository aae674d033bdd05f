package org.supercuts.onnx.dino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.TestModels;
import org.supercuts.onnx.runtime.ModelOptions;
import org.supercuts.onnx.runtime.OnnxModel;
import org.supercuts.onnx.ssn.SsnSpec;
import org.supercuts.onnx.ssn.SsnSuperpixelizer;
import org.supercuts.superpixel.Superpixelizer;
import org.supercuts.superpixel.SuperpixelizerContract;
import org.supercuts.testing.SharedData;

/** SSN_DINO: the contract, equality with SSN at weight 0, and that DINO features change the result at weight > 0. */
class SsnDinoTest extends SuperpixelizerContract {
    static OnnxModel ssnModel;
    static Path ssnPath;
    static DinoFeatures vit;

    @BeforeAll
    static void load() {
        Optional<Path> shared = SharedData.root();
        if (shared.isPresent() && shared.get().resolve("models/ssn/ssn_bsds_pixel_features.onnx").toFile().exists()) {
            ssnPath = shared.get().resolve("models/ssn/ssn_bsds_pixel_features.onnx");
            ssnModel = SsnSuperpixelizer.loadModel(ssnPath, ModelOptions.defaults());
        }
        vit = DinoFeatures.load(TestModels.path("tiny_vit_p8_64.onnx"), DinoOptions.defaults());
    }

    @AfterAll
    static void close() {
        if (ssnModel != null) {
            ssnModel.close();
        }
        vit.close();
    }

    private static SsnSuperpixelizer ssn(int k) {
        SharedData.require("models/ssn/ssn_bsds_pixel_features.onnx");
        return SsnSuperpixelizer.usingModel(ssnModel, SsnSpec.defaults(ssnPath).withSuperpixels(k));
    }

    @Override
    protected Superpixelizer create(int k) {
        return SsnDino.of(ssn(k), vit);
    }

    /** Two-colour image with a textured square, so DINO's (random) features vary across the image. */
    private static PlanarImage image() {
        int w = 64;
        int h = 48;
        float[][] p = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x > 16 && x < 44 && y > 10 && y < 36;
                float t = ((x / 3 + y / 3) % 2) * 0.2f;
                p[0][y * w + x] = in ? 0.7f + t : 0.2f;
                p[1][y * w + x] = in ? 0.3f : 0.5f + t / 2;
                p[2][y * w + x] = 0.3f;
            }
        }
        return PlanarImage.wrap(w, h, p);
    }

    @Test
    void weightZeroEqualsSsn() {
        SsnSuperpixelizer base = ssn(40);
        LabelMap expected = base.segment(image());
        LabelMap joint = SsnDino.of(base, vit).weight(0).segment(image());
        assertThat(joint).isEqualTo(expected);
    }

    @Test
    void dinoFeaturesChangeTheClustering() {
        SsnSuperpixelizer base = ssn(40);
        LabelMap plain = base.segment(image());
        LabelMap joint = SsnDino.of(base, vit).weight(3).segment(image());
        assertThat(joint).isNotEqualTo(plain);
        assertThat(SsnDino.of(base, vit).describe()).contains("ssn-dino(").contains("components=8");
    }

    @Test
    void principalComponentsHaveUnitVarianceTimesWeight() {
        PatchFeatures pf = vit.extract(image());
        float[] pcs = SsnDino.of(ssn(40), vit).weight(2).components(3).principalComponents(pf);
        int m = pf.patchCount();
        for (int t = 0; t < 3; t++) {
            double mean = 0;
            double sq = 0;
            for (int p = 0; p < m; p++) {
                mean += pcs[p * 3 + t];
                sq += pcs[p * 3 + t] * (double) pcs[p * 3 + t];
            }
            mean /= m;
            assertThat(mean).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(Math.sqrt(sq / m - mean * mean)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void invalidSettingsAreNamed() {
        SsnSuperpixelizer base = ssn(40);
        assertThatThrownBy(() -> SsnDino.of(base, vit).components(0)).hasMessageContaining("components");
        assertThatThrownBy(() -> SsnDino.of(base, vit).weight(-1)).hasMessageContaining("weight");
    }
}
