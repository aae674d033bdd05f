package org.supercuts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelMapTest {
    @Test
    void ofRejectsGapsAndNegatives() {
        assertThatThrownBy(() -> LabelMap.of(2, 2, new int[] {0, 2, 2, 0})).hasMessageContaining("label 1 is unused");
        assertThatThrownBy(() -> LabelMap.of(2, 1, new int[] {0, -1})).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> LabelMap.of(2, 2, new int[] {0, 1, 1})).hasMessageContaining("length 3");
    }

    @Test
    void compactRenumbersInRasterOrder() {
        LabelMap m = LabelMap.compact(3, 2, new int[] {7, 7, 3, 9, 3, 3});
        assertThat(m.labels()).containsExactly(0, 0, 1, 2, 1, 1);
        assertThat(m.count()).isEqualTo(3);
        assertThat(m.sizes()).containsExactly(2, 3, 1);
    }

    @Test
    void mapRegionsMergesAndCompacts() {
        LabelMap m = LabelMap.of(4, 1, new int[] {0, 1, 2, 3});
        LabelMap merged = m.mapRegions(new int[] {5, 5, 2, 5});
        assertThat(merged.labels()).containsExactly(0, 0, 1, 0);
        assertThatThrownBy(() -> m.mapRegions(new int[] {0})).hasMessageContaining("region count 4");
    }

    @Test
    void asImgViewsTheSameLabels() {
        LabelMap m = LabelMap.of(2, 2, new int[] {0, 1, 1, 0});
        var ra = m.asImg().randomAccess();
        ra.setPosition(new long[] {1, 0});
        assertThat(ra.get().get()).isEqualTo(1);
        ra.setPosition(new long[] {1, 1});
        assertThat(ra.get().get()).isEqualTo(0);
    }
}
