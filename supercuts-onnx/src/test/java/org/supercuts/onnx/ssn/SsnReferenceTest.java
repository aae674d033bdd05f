package org.supercuts.onnx.ssn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supercuts.image.PlanarImage;
import org.supercuts.testing.SharedData;
import org.supercuts.onnx.runtime.FloatTensor;
import org.supercuts.onnx.runtime.ModelOptions;

/** Parity with the reference pair in shared/models/ssn: a 128x160 crop of BSDS500 test/100007.jpg at K = 200. */
class SsnReferenceTest {
    static final int ROW0 = 96;
    static final int COL0 = 160;
    static final int H = 128;
    static final int W = 160;
    private static SsnSuperpixelizer ssn;

    @BeforeAll
    static void open() {
        Path model = SharedData.require("models/ssn/ssn_bsds_pixel_features.onnx");
        ssn = SsnSuperpixelizer.open(SsnSpec.defaults(model).withModelOptions(ModelOptions.defaults().withIntraOpThreads(2)));
    }

    @AfterAll
    static void close() {
        if (ssn != null) {
            ssn.close();
        }
    }

    static PlanarImage referenceCrop() {
        PlanarImage full = PlanarImage.read(SharedData.require("datasets/BSDS500/data/images/test/100007.jpg"));
        float[][] planes = new float[3][H * W];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    planes[c][y * W + x] = full.get(c, COL0 + x, ROW0 + y);
                }
            }
        }
        return PlanarImage.wrap(W, H, planes);
    }

    static float[] readF32(String name, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.require("models/ssn/" + name));
        assertThat(bytes).hasSize(count * 4);
        float[] out = new float[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    static float maxAbsDiff(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void inputTensorMatchesReference() throws IOException {
        float[] expected = readF32("reference_input_f32le.bin", 5 * H * W);
        FloatTensor input = ssn.encode(referenceCrop());
        assertThat(input.shape()).containsExactly(1, 5, H, W);
        assertThat(SsnInputEncoder.effectivePositionScale(2.5, 200, W, H)).isEqualTo(0.2734375);
        float[] actual = input.toArray();
        for (int c = 0; c < 5; c++) {
            float[] ea = java.util.Arrays.copyOfRange(expected, c * H * W, (c + 1) * H * W);
            float[] aa = java.util.Arrays.copyOfRange(actual, c * H * W, (c + 1) * H * W);
            assertThat(maxAbsDiff(aa, ea)).as("max |diff| in input channel %d", c).isLessThanOrEqualTo(1e-3f);
        }
    }

    @Test
    void featuresOfTheReferenceInputMatch() throws IOException {
        float[] input = readF32("reference_input_f32le.bin", 5 * H * W);
        float[] expected = readF32("reference_features_f32le.bin", 20 * H * W);
        Path model = SharedData.require("models/ssn/ssn_bsds_pixel_features.onnx");
        try (var onnx = SsnSuperpixelizer.loadModel(model, ModelOptions.defaults().withIntraOpThreads(2))) {
            float[] actual = onnx.run("input", FloatTensor.copyOf(input, 1, 5, H, W)).get("features").toArray();
            assertThat(maxAbsDiff(actual, expected)).isLessThanOrEqualTo(1e-3f);
        }
    }

    @Test
    void featuresOfOurEncodingMatch() throws IOException {
        float[] expected = readF32("reference_features_f32le.bin", 20 * H * W);
        FloatTensor features = ssn.features(referenceCrop());
        assertThat(features.shape()).containsExactly(1, 20, H, W);
        assertThat(maxAbsDiff(features.toArray(), expected)).isLessThanOrEqualTo(1e-3f);
    }
}
