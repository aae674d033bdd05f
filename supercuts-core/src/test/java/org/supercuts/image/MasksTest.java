package org.supercuts.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTest {
    @Test
    void boxOfLargestComponent() {
        // 6x4: a 1-pixel blob at (0,0) and a 3x2 blob at x=2..4, y=1..2.
        byte[] m = new byte[24];
        m[0] = 1;
        for (int y = 1; y <= 2; y++) {
            for (int x = 2; x <= 4; x++) {
                m[y * 6 + x] = 1;
            }
        }
        BoundingBox b = Masks.largestComponentBox(m, 6, 4).orElseThrow();
        assertThat(b.toArray()).containsExactly(2, 1, 5, 3);
        assertThat(Masks.count(m)).isEqualTo(7);
    }

    @Test
    void emptyMaskHasNoBox() {
        assertThat(Masks.largestComponentBox(new byte[9], 3, 3)).isEmpty();
    }

    @Test
    void boxIou() {
        BoundingBox a = new BoundingBox(0, 0, 10, 10);
        BoundingBox b = new BoundingBox(5, 0, 15, 10);
        assertThat(a.iou(b)).isEqualTo(50.0 / 150.0);
        assertThat(a.iou(a)).isEqualTo(1.0);
    }

    @Test
    void imgLib2ViewsShareTheArrays() {
        byte[] mask = {0, 1, 1, 0, 0, 1};
        var img = Masks.asImg(mask, 3, 2);
        assertThat(img.dimension(0)).isEqualTo(3);
        assertThat(img.dimension(1)).isEqualTo(2);
        var ra = img.randomAccess();
        ra.setPosition(new long[] {2, 1});
        assertThat(ra.get().get()).isEqualTo(1);
        ra.get().set(0);
        assertThat(mask[5]).as("a view, not a copy").isZero();
        float[] soft = {0.25f, 0.5f};
        var softImg = Masks.softAsImg(soft, 2, 1);
        var sr = softImg.randomAccess();
        sr.setPosition(new long[] {1, 0});
        assertThat(sr.get().get()).isEqualTo(0.5f);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Masks.asImg(mask, 4, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask has length 6");
    }
}
