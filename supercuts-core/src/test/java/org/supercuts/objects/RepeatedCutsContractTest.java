package org.supercuts.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepeatedCutsContractTest extends ObjectDiscoveryContract {
    @Override
    protected ObjectDiscovery create(DiscoveryRules rules) {
        return RepeatedCuts.defaults().rules(rules);
    }

    @Test
    void cutsRemoveWhatTheyFoundAndFindBothSquares() {
        ObjectSet set = RepeatedCuts.defaults().minContrast(0).rules(DiscoveryRules.defaults().minScore(0).minExtraScore(0))
                .discover(ObjectScenes.input(ObjectScenes.twoObjects()));
        double red = 0;
        double yellow = 0;
        for (DiscoveredObject o : set.objects()) {
            red = Math.max(red, ObjectScenes.iou(o.mask(), 120, ObjectScenes.RED));
            yellow = Math.max(yellow, ObjectScenes.iou(o.mask(), 120, ObjectScenes.YELLOW));
        }
        assertThat(red).as(set.toString()).isGreaterThan(0.8);
        assertThat(yellow).as(set.toString()).isGreaterThan(0.8);
    }

    @Test
    void aCutCostLimitBelowTheFirstCutStopsTheSearch() {
        // Noise has no free cut: its first cut costs more than 1e-6.
        ObjectSet set = RepeatedCuts.defaults().maxNcut(1e-6).discover(ObjectScenes.input(ObjectScenes.noise(96, 72, 4)));
        assertThat(set.objects()).isEmpty();
        assertThat(set.reason()).contains("cut cost");
    }

    @Test
    void anEigengapLimitOfOneStopsTheSearchOnNoise() {
        ObjectSet set = RepeatedCuts.defaults().minEigengap(1).discover(ObjectScenes.input(ObjectScenes.noise(96, 72, 4)));
        assertThat(set.objects()).isEmpty();
        assertThat(set.reason()).contains("eigengap");
    }

    @Test
    void aContrastLimitOfOneStopsBeforeTheFirstObject() {
        ObjectSet set = RepeatedCuts.defaults().minContrast(1).discover(ObjectScenes.input(ObjectScenes.twoObjects()));
        assertThat(set.objects()).isEmpty();
        assertThat(set.reason()).contains("saliency contrast");
    }

    @Test
    void badSettingsAreRejectedNamingTheRule() {
        assertThatThrownBy(() -> RepeatedCuts.defaults().maxCuts(0)).hasMessageContaining("maxCuts");
        assertThatThrownBy(() -> RepeatedCuts.defaults().minEigengap(2)).hasMessageContaining("minEigengap");
        assertThatThrownBy(() -> RepeatedCuts.defaults().maxNcut(-1)).hasMessageContaining("maxNcut");
        assertThatThrownBy(() -> RepeatedCuts.defaults().maxBoxOverlap(1.5)).hasMessageContaining("maxBoxOverlap");
    }
}
