package org.supercuts.onnx.ssn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SsnSoftClusteringTest {
    /** Features {colour, s*y, s*x} with a colour step at column {@code stepX}. */
    private static float[] stepFeatures(int w, int h, int stepX, float contrast, float posScale) {
        float[] f = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                f[o] = x < stepX ? 0 : contrast;
                f[o + 1] = posScale * y;
                f[o + 2] = posScale * x;
            }
        }
        return f;
    }

    @Test
    void gridFollowsTheReferenceFormula() {
        assertThat(SsnSoftClustering.gridWidth(200, 481, 321)).isEqualTo(17);
        assertThat(SsnSoftClustering.gridHeight(200, 481, 321)).isEqualTo(11);
        assertThat(SsnSoftClustering.gridWidth(200, 321, 481)).isEqualTo(11);
        assertThat(SsnSoftClustering.gridHeight(200, 160, 128)).isEqualTo(12);
        // clamped for tiny images
        assertThat(SsnSoftClustering.gridWidth(200, 3, 2)).isEqualTo(3);
        assertThat(SsnSoftClustering.gridHeight(1, 40, 1)).isEqualTo(1); // floor(sqrt(1/40)) = 0, clamped
        assertThat(SsnSoftClustering.gridWidth(1, 1, 40)).isEqualTo(1);
    }

    @Test
    void superpixelsDoNotStraddleAStrongEdge() {
        int w = 90;
        int h = 60;
        int stepX = 37; // not on a grid line (grid step 9)
        int[] labels = SsnSoftClustering.cluster(stepFeatures(w, h, stepX, 50f, 0.15f), 3, w, h, 60, 5, true);
        Set<Integer> left = new HashSet<>();
        Set<Integer> right = new HashSet<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                (x < stepX ? left : right).add(labels[y * w + x]);
            }
        }
        left.retainAll(right);
        assertThat(left).as("labels on both sides of the edge").isEmpty();
    }

    @Test
    void flatColourGivesTheInitialGrid() {
        int w = 40;
        int h = 30;
        // With positions only, every pixel stays with the nearest centre, i.e. (nearly) its initial cell.
        int[] labels = SsnSoftClustering.cluster(stepFeatures(w, h, w, 0f, 1f), 3, w, h, 12, 3, false);
        int gw = SsnSoftClustering.gridWidth(12, w, h);
        int gh = SsnSoftClustering.gridHeight(12, w, h);
        assertThat(gw * gh).isEqualTo(12);
        // the centre pixel of every cell keeps that cell's label
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                int x = (2 * gx + 1) * w / (2 * gw);
                int y = (2 * gy + 1) * h / (2 * gh);
                assertThat(labels[y * w + x]).isEqualTo(gy * gw + gx);
            }
        }
    }

    @Test
    void parallelAndSequentialRunsAreIdentical() {
        int w = 123;
        int h = 77;
        float[] f = new float[w * h * 4];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < f.length; i++) {
            f[i] = random.nextFloat() * 3;
        }
        int[] a = SsnSoftClustering.cluster(f, 4, w, h, 100, 5, true);
        int[] b = SsnSoftClustering.cluster(f, 4, w, h, 100, 5, false);
        assertThat(a).containsExactly(b);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SsnSoftClustering.cluster(new float[5], 1, 2, 2, 4, 5, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features has length 5");
        assertThatThrownBy(() -> SsnSoftClustering.cluster(new float[4], 1, 2, 2, 4, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterations must be >= 1, got 0");
        assertThatThrownBy(() -> SsnSoftClustering.cluster(new float[4], 1, 2, 2, 0, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("superpixels");
    }
}
