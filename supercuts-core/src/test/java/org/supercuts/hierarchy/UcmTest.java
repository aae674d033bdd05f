package org.supercuts.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supercuts.image.LabelMap;

class UcmTest {
    @Test
    void valuesAreMergeHeightsAndTheDoubleLayoutsComponentsAreTheLevels() {
        // Three vertical stripes 0 | 1 | 2 of a 6 x 2 image; 0 and 1 join at 0.25, then 2 at 0.75.
        LabelMap sp = LabelMap.of(6, 2, new int[] {0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2});
        MergeTree t = MergeTree.of(3, new int[] {0, 3}, new int[] {1, 2}, new double[] {0.25, 0.75});
        Ucm u = Ucm.of(sp, t);
        assertThat(u.value(1, 0)).isEqualTo(0.25f);
        assertThat(u.value(3, 1)).isEqualTo(0.75f);
        assertThat(u.value(0, 0)).isZero();
        assertThat(u.boundaries(0.5)).containsExactly(0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0);
        short[] v16 = u.toUnsigned16();
        assertThat(v16[3] & 0xffff).isEqualTo(Math.round(0.75 * 65535));
        float[] d = u.doubleSize();
        int w2 = 13;
        assertThat(d).hasSize(13 * 5);
        // Between pixels (1, 0) and (2, 0): (2*1+2, 1); between (3, 0) and (4, 0): (8, 1); a pixel site is 0.
        assertThat(d[1 * w2 + 4]).isEqualTo(0.25f);
        assertThat(d[1 * w2 + 8]).isEqualTo(0.75f);
        assertThat(d[1 * w2 + 3]).isZero();
        // The corner between the rows at the first boundary takes the largest of its edges.
        assertThat(d[2 * w2 + 4]).isEqualTo(0.25f);
    }
}
