package org.supercuts.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiscoveryRulesTest {
    @Test
    void badRulesAreRejectedNamingTheRuleAndTheValue() {
        DiscoveryRules r = DiscoveryRules.defaults();
        assertThatThrownBy(() -> r.maxObjects(0)).hasMessage("maxObjects must be >= 1, got 0");
        assertThatThrownBy(() -> r.minArea(-0.01)).hasMessageContaining("minArea").hasMessageContaining("-0.01");
        assertThatThrownBy(() -> r.minArea(1)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> r.minScore(1.5)).hasMessageContaining("minScore must be in [0, 1]");
        assertThatThrownBy(() -> r.maxOverlap(-1)).hasMessageContaining("maxOverlap");
    }

    @Test
    void withersChangeOnlyWhatTheyName() {
        DiscoveryRules r = DiscoveryRules.defaults().maxObjects(3);
        assertThat(r.maxObjects()).isEqualTo(3);
        assertThat(r.minArea()).isEqualTo(DiscoveryRules.defaults().minArea());
        assertThat(r.minScore()).isEqualTo(DiscoveryRules.defaults().minScore());
        assertThat(DiscoveryRules.defaults().minArea(0.02).maxObjects()).isEqualTo(DiscoveryRules.defaults().maxObjects());
        DiscoveryRules split = DiscoveryRules.defaults().splitScore(0.7);
        assertThat(split.splitScore()).isEqualTo(0.7);
        assertThat(split.splitCover()).isEqualTo(DiscoveryRules.defaults().splitCover());
        assertThat(split.minExtraScore()).isEqualTo(DiscoveryRules.defaults().minExtraScore());
        assertThat(DiscoveryRules.defaults().splitCover(0.9).splitScore()).isEqualTo(DiscoveryRules.defaults().splitScore());
    }

    @Test
    void objectnessGrowsWithSaliencyContrastAndStaysInTheUnitInterval() {
        Objectness o = Objectness.defaults();
        double previous = -1;
        for (double ring = 0.9; ring >= 0; ring -= 0.1) {
            double s = o.score(new Cues(0.1, 0.95, ring, 0.1, 30, 20, 0, 0.6, 0.1, 5, 10));
            assertThat(s).isBetween(0.0, 1.0).isGreaterThan(previous);
            previous = s;
        }
        assertThatThrownBy(() -> Objectness.of(1, 2)).hasMessageContaining("intercept and " + Objectness.FEATURES.length);
    }
}
