package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HierarchyLevelsTest {
    @Test
    void levelsGoFromCoarseToFineAndTooManySegmentsAreClampedWithANote() {
        HierarchyLevels.Result r = HierarchyLevels.run(Fixtures.chelsea(), 4, Fixtures.OUT);
        assertThat(r.levels()).hasSize(4);
        for (int i = 1; i < r.levels().size(); i++) {
            assertThat(r.levels().get(i).count()).isGreaterThan(r.levels().get(i - 1).count());
        }
        assertThat(r.eight().count()).isEqualTo(8);
        assertThat(r.eight().clamped()).isFalse();
        int finest = r.levels().get(r.levels().size() - 1).count();
        assertThat(r.forty().count()).isEqualTo(finest).isLessThan(40);
        assertThat(r.forty().clamped()).isTrue();
        assertThat(r.forty().note()).contains("asked for 40 segments").contains(Integer.toString(finest));
        assertThat(Fixtures.OUT.resolve("hierarchy-levels.png")).exists();
        assertThat(Fixtures.OUT.resolve("hierarchy-8-segments.png")).exists();
    }
}
