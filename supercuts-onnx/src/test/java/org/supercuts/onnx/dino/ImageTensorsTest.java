package org.supercuts.onnx.dino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.runtime.FloatTensor;

class ImageTensorsTest {
    private static final float[] ZERO = {0, 0, 0};
    private static final float[] ONE = {1, 1, 1};

    private static PlanarImage ramp(int w, int h) {
        float[] r = new float[w * h];
        for (int i = 0; i < r.length; i++) {
            r[i] = (i % w) / (float) w;
        }
        return PlanarImage.wrap(w, h, r, r.clone(), r.clone());
    }

    @Test
    void unitScaleIsTheIdentityAndNormalisationIsApplied() {
        PlanarImage im = ramp(5, 3);
        FloatTensor t = ImageTensors.normalizedTensor(im, 5, 3, 1, 1, 0, 0, new float[] {0.5f, 0, 0},
                new float[] {0.25f, 1, 2}, 1);
        assertThat(t.shape()).containsExactly(1, 3, 3, 5);
        for (int x = 0; x < 5; x++) {
            assertThat(t.get(x)).isCloseTo((x / 5f - 0.5f) / 0.25f, within(1e-6f));
            assertThat(t.get(2 * 15 + x)).isCloseTo(x / 5f / 2, within(1e-6f));
        }
    }

    @Test
    void enlargingIsBilinearWithHalfPixelCentresAndClampedEdges() {
        // 2x enlargement of [0, 0.25, 0.5, 0.75] along x: samples at (i + 0.5) / 2 - 0.5, as torch's bilinear.
        FloatTensor t = ImageTensors.normalizedTensor(ramp(4, 1), 8, 1, 2, 1, 0, 0, ZERO, ONE, 1);
        float[] expected = {0, 0.0625f, 0.1875f, 0.3125f, 0.4375f, 0.5625f, 0.6875f, 0.75f};
        for (int i = 0; i < 8; i++) {
            assertThat(t.get(i)).as("sample %d", i).isCloseTo(expected[i], within(1e-6f));
        }
    }

    @Test
    void shrinkingAveragesWithAWidenedTent() {
        // Halving: output i is centred between source pixels 2i and 2i+1; the tent of half-width 2 gives weights
        // 1/8, 3/8, 3/8, 1/8 to pixels 2i-1 .. 2i+2 (edges repeated).
        float[] v = {1, 0, 0, 0, 0, 1, 0, 0};
        PlanarImage im = PlanarImage.wrap(8, 1, v, v.clone(), v.clone());
        FloatTensor t = ImageTensors.normalizedTensor(im, 4, 1, 0.5, 1, 0, 0, ZERO, ONE, 1);
        assertThat(t.get(0)).isCloseTo(1 / 8f + 3 / 8f, within(1e-6f));
        assertThat(t.get(1)).isCloseTo(0, within(1e-6f));
        assertThat(t.get(2)).isCloseTo(3 / 8f, within(1e-6f));
        assertThat(t.get(3)).isCloseTo(1 / 8f, within(1e-6f));
        // A constant image stays constant whatever the scale.
        float[] c = new float[37 * 23];
        java.util.Arrays.fill(c, 0.3f);
        FloatTensor k = ImageTensors.normalizedTensor(PlanarImage.wrap(37, 23, c), 8, 16, 8 / 37.0, 16 / 23.0, 0, 0, ZERO,
                ONE, 255);
        for (float f : k.toArray()) {
            assertThat(f).isCloseTo(0.3f * 255, within(1e-3f));
        }
    }

    @Test
    void cropOffsetsShiftTheSamplingWindow() {
        FloatTensor t = ImageTensors.normalizedTensor(ramp(10, 1), 4, 1, 1, 1, 3, 0, ZERO, ONE, 1);
        for (int i = 0; i < 4; i++) {
            assertThat(t.get(i)).isCloseTo((i + 3) / 10f, within(1e-6f));
        }
    }
}
