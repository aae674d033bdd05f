package org.supercuts.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.supercuts.Pipeline;
import org.supercuts.Presets;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;

class SaliencyComponentsTest extends ObjectDiscoveryContract {
    @Override
    protected ObjectDiscovery create(DiscoveryRules rules) {
        return SaliencyComponents.defaults().rules(rules);
    }

    @Test
    void findsBothSquaresInDescendingScore() {
        ObjectSet set = SaliencyComponents.defaults().discover(ObjectScenes.input(ObjectScenes.twoObjects()));
        assertThat(set.objects()).hasSize(2);
        List<DiscoveredObject> o = set.objects();
        assertThat(o.get(0).score()).isGreaterThanOrEqualTo(o.get(1).score()).isGreaterThan(0.5);
        double redFirst = ObjectScenes.iou(o.get(0).mask(), 120, ObjectScenes.RED) + ObjectScenes.iou(o.get(1).mask(), 120,
                ObjectScenes.YELLOW);
        double yellowFirst = ObjectScenes.iou(o.get(0).mask(), 120, ObjectScenes.YELLOW) + ObjectScenes.iou(o.get(1).mask(), 120,
                ObjectScenes.RED);
        assertThat(Math.max(redFirst, yellowFirst)).isGreaterThan(2 * 0.9);
        assertThat(set.reason()).startsWith("2 object(s)");
    }

    @Test
    void pureNoiseHasNoObject() {
        for (long seed = 1; seed <= 3; seed++) {
            ObjectSet set = SaliencyComponents.defaults().discover(ObjectScenes.input(ObjectScenes.noise(120, 90, seed)));
            assertThat(set.objects()).as("noise seed " + seed + ": " + set.reason()).isEmpty();
            assertThat(set.reason()).startsWith("no region stands out");
        }
    }

    @Test
    void flatImageSaysThereIsNoSalientRegion() {
        ObjectSet set = SaliencyComponents.defaults().discover(ObjectScenes.input(ObjectScenes.flat(80, 60)));
        assertThat(set.reason()).startsWith("no salient region");
    }

    @Test
    void minimumAreaAboveEveryCandidateIsNamedInTheReason() {
        ObjectSet set = SaliencyComponents.defaults().rules(DiscoveryRules.defaults().minArea(0.5))
                .discover(ObjectScenes.input(ObjectScenes.twoObjects()));
        assertThat(set.objects()).isEmpty();
        assertThat(set.reason()).contains("minimum area 50.00%");
    }

    @Test
    void pipelineReturnsTheObjectsWithItsResult() {
        Pipeline p = SuperCuts.pipeline().objects(Presets.objectDiscovery()).build();
        Segmentation s = p.segment(ObjectScenes.twoObjects());
        assertThat(s.hasObjects()).isTrue();
        assertThat(s.objects()).hasSize(2);
        assertThat(s.timingsMillis()).containsKey("objects");
        assertThat(p.provenance().stages().get("objects")).startsWith("saliency-components(");
        assertThat(s.objectSet().objectLabels().count()).isEqualTo(3);
    }

    @Test
    void pipelineWithoutDiscoverySaysHowToAskForObjects() {
        Segmentation s = SuperCuts.pipeline().build().segment(ObjectScenes.twoObjects());
        assertThat(s.hasObjects()).isFalse();
        assertThatThrownBy(s::objects).isInstanceOf(IllegalStateException.class).hasMessageContaining("Pipeline.Builder.objects");
    }

    @Test
    void badSettingsAreRejectedNamingTheRule() {
        assertThatThrownBy(() -> SaliencyComponents.defaults().thresholds()).hasMessageContaining("thresholds");
        assertThatThrownBy(() -> SaliencyComponents.defaults().thresholds(0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> SaliencyComponents.defaults().splitSegments(1)).hasMessageContaining("splitSegments must be >= 2");
    }
}
