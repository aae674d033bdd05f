package org.supercuts.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MergeTreeTest {
    /**
     * Five regions: 0+1 at 0.1 (node 5), 2+3 at 0.2 (node 6), 5+6 at 0.5 (node 7), 7+4 at 0.9 (node 8).
     */
    private static MergeTree five() {
        return MergeTree.of(5, new int[] {0, 2, 5, 7}, new int[] {1, 3, 6, 4}, new double[] {0.1, 0.2, 0.5, 0.9});
    }

    @Test
    void cutsByCountAndThresholdGiveTheExpectedNestedPartitions() {
        MergeTree t = five();
        assertThat(t.cutWithSegments(5).regionLabels()).containsExactly(0, 1, 2, 3, 4);
        assertThat(t.cutWithSegments(4).regionLabels()).containsExactly(0, 0, 1, 2, 3);
        assertThat(t.cutWithSegments(3).regionLabels()).containsExactly(0, 0, 1, 1, 2);
        assertThat(t.cutWithSegments(2).regionLabels()).containsExactly(0, 0, 0, 0, 1);
        assertThat(t.cutWithSegments(1).regionLabels()).containsExactly(0, 0, 0, 0, 0);
        assertThat(t.cutAtThreshold(0.15, 1).regionLabels()).containsExactly(0, 0, 1, 2, 3);
        assertThat(t.cutAtThreshold(0.2, 1).segments()).isEqualTo(3);
        assertThat(t.cutAtThreshold(0.2, 1).threshold()).isEqualTo(0.2);
        assertThat(t.cutAtThreshold(0.6, 1).regionLabels()).containsExactly(0, 0, 0, 0, 1);
        assertThat(t.cutWithSegments(3).threshold()).isEqualTo(0.2);
        assertThat(t.cutWithSegments(3).clamped()).isFalse();
        assertThat(t.cutWithSegments(3).note()).isEmpty();
    }

    @Test
    void outOfRangeScalesAreClampedAndSaySo() {
        MergeTree t = five();
        Cut many = t.cutWithSegments(40);
        assertThat(many.segments()).isEqualTo(5);
        assertThat(many.clamped()).isTrue();
        assertThat(many.note()).contains("40").contains("finest");
        Cut none = t.cutWithSegments(0);
        assertThat(none.segments()).isEqualTo(1);
        assertThat(none.note()).contains("coarsest");
        Cut high = t.cutAtThreshold(3.5, 1);
        assertThat(high.segments()).isEqualTo(1);
        assertThat(high.threshold()).isEqualTo(1.0);
        assertThat(high.note()).contains("3.5").contains("coarsest");
        Cut low = t.cutAtThreshold(-2, 1);
        assertThat(low.segments()).isEqualTo(5);
        assertThat(low.clamped()).isTrue();
        assertThatThrownBy(() -> t.cutAtThreshold(Double.NaN, 1)).hasMessageContaining("NaN");
    }

    @Test
    void distancesAreTheMergeHeightsOfTheLowestCommonAncestor() {
        MergeTree t = five();
        double[] d = t.distances(new int[] {0, 0, 1, 3, 4, 2}, new int[] {1, 2, 3, 2, 0, 2});
        assertThat(d).containsExactly(0.1, 0.5, 0.5, 0.2, 0.9, 0.0);
        MergeTree forest = MergeTree.of(3, new int[] {0}, new int[] {1}, new double[] {0.3});
        assertThat(forest.distances(new int[] {0, 0}, new int[] {1, 2})).containsExactly(0.3, Double.POSITIVE_INFINITY);
        assertThat(forest.minSegments()).isEqualTo(2);
    }

    @Test
    void restrictionKeepsTheUltrametricAndCutsConsistently() {
        MergeTree t = five();
        int[] subset = {4, 1, 3};
        MergeTree r = t.restrictTo(subset);
        assertThat(r.regionCount()).isEqualTo(3);
        assertThat(r.mergeCount()).isEqualTo(2);
        // 1 and 3 join at 0.5 (node 7), then 4 at 0.9.
        assertThat(r.distances(new int[] {1, 0, 0}, new int[] {2, 1, 2})).containsExactly(0.5, 0.9, 0.9);
        for (double th : new double[] {0, 0.15, 0.3, 0.6, 1}) {
            int[] whole = t.cutAtThreshold(th, 1).regionLabels();
            int[] part = r.cutAtThreshold(th, 1).regionLabels();
            for (int i = 0; i < subset.length; i++) {
                for (int j = 0; j < subset.length; j++) {
                    assertThat(part[i] == part[j]).as("t=%s, %s vs %s", th, subset[i], subset[j])
                            .isEqualTo(whole[subset[i]] == whole[subset[j]]);
                }
            }
        }
        assertThat(r.cutWithSegments(2).regionLabels()).containsExactly(0, 1, 1);
    }

    @Test
    void invalidMergeSequencesAreRefusedNamingTheRule() {
        assertThatThrownBy(() -> MergeTree.of(3, new int[] {0, 1}, new int[] {1, 2}, new double[] {0.1, 0.2}))
                .hasMessageContaining("merge 1 reuses node 1");
        assertThatThrownBy(() -> MergeTree.of(3, new int[] {0, 3}, new int[] {1, 2}, new double[] {0.5, 0.2}))
                .hasMessageContaining("non-decreasing");
        assertThatThrownBy(() -> MergeTree.of(3, new int[] {0}, new int[] {5}, new double[] {0.1}))
                .hasMessageContaining("[0, 3)");
        assertThatThrownBy(() -> five().restrictTo(new int[] {1, 1})).hasMessageContaining("repeats region 1");
        assertThatThrownBy(() -> five().restrictTo(new int[] {7})).hasMessageContaining("not a region");
        assertThatThrownBy(() -> five().restrictTo(new int[0])).hasMessageContaining("at least one");
    }
}
