package org.supercuts.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.supercuts.graph.RegionGraph;
import org.supercuts.spectral.PartitionTree;

class SpectralTreeHierarchyTest extends HierarchyBuilderContract {
    @Override
    protected HierarchyBuilder create() {
        return SpectralTreeHierarchy.fromPartition();
    }

    @Test
    void splitsBecomeMergesInReverseOrderWithRankHeights() {
        // 4 nodes: split {0,1,2,3} into {0,1} and {2,3}, then {2,3} into {2} and {3}; leaf {0,1} joins at height 0.
        PartitionTree.Builder b = PartitionTree.builder(4);
        int[] kids = b.split(0, new int[] {0, 0, 1, 1}, 0.1);
        b.split(kids[1], new int[] {0, 1}, 0.3);
        MergeTree t = SpectralTreeHierarchy.of(b.build());
        assertThat(t.mergeCount()).isEqualTo(3);
        assertThat(t.height(0)).isEqualTo(0.0);
        assertThat(t.height(1)).isEqualTo(1.0 / 3);
        assertThat(t.height(2)).isEqualTo(2.0 / 3);
        assertThat(t.cutWithSegments(3).regionLabels()).containsExactly(0, 0, 1, 2);
        assertThat(t.cutWithSegments(2).regionLabels()).containsExactly(0, 0, 1, 1);
    }

    @Test
    void withoutAPartitionTreeTheErrorSaysWhatIsMissing() {
        var img = twoHalves();
        HierarchyInput in = HierarchyInput.of(img, grid(), RegionGraph.build(img, grid()));
        assertThatThrownBy(() -> SpectralTreeHierarchy.fromPartition().build(in)).hasMessageContaining("partition tree");
    }
}
