package org.supercuts.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PartitionTreeTest {
    private static PartitionTree tree() {
        // 6 nodes: root -> {0,1,2} / {3,4,5}; then {3,4,5} -> {3} / {4,5}; then {0,1,2} -> {0,1} / {2}
        PartitionTree.Builder b = PartitionTree.builder(6);
        int[] c = b.split(0, new int[] {0, 0, 0, 1, 1, 1}, 0.1);
        b.split(c[1], new int[] {0, 1, 1}, 0.2);
        b.split(c[0], new int[] {0, 0, 1}, 0.3);
        return b.build();
    }

    @Test
    void labelsAfterSplitsRefineInOrder() {
        PartitionTree t = tree();
        assertThat(t.splitCount()).isEqualTo(3);
        assertThat(t.labelsAfterSplits(0)).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(t.labelsAfterSplits(1)).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(t.labelsAfterSplits(2)).containsExactly(0, 0, 0, 1, 2, 2);
        assertThat(t.labelsAfterSplits(3)).containsExactly(0, 0, 1, 2, 3, 3);
        assertThat(t.leafCount()).isEqualTo(4);
        assertThat(t.labelsWithSegments(3)).containsExactly(0, 0, 0, 1, 2, 2);
        assertThat(t.labelsWithSegments(10)).containsExactly(0, 0, 1, 2, 3, 3);
    }

    @Test
    void levelsGoFromCoarseToFine() {
        List<int[]> levels = tree().levels(3);
        assertThat(levels).hasSize(3);
        assertThat(levels.get(0)).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(levels.get(2)).containsExactly(0, 0, 1, 2, 3, 3);
        assertThat(tree().levels(10)).hasSize(3);
    }

    @Test
    void flatTreeAndBadSplits() {
        PartitionTree flat = PartitionTree.flat(new int[] {2, 0, 1, 2}, 0.5);
        assertThat(flat.leafCount()).isEqualTo(3);
        assertThat(flat.labelsAfterSplits(1)).containsExactly(0, 1, 2, 0);
        PartitionTree.Builder b = PartitionTree.builder(3);
        assertThatThrownBy(() -> b.split(0, new int[] {0, 0, 0}, 0)).hasMessageContaining("at least 2 groups");
        assertThatThrownBy(() -> b.split(0, new int[] {0, 2, 2}, 0)).hasMessageContaining("group 1");
    }
}
