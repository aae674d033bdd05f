package org.supercuts.objects;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HierarchyNodesContractTest extends ObjectDiscoveryContract {
    @Override
    protected ObjectDiscovery create(DiscoveryRules rules) {
        return HierarchyNodes.defaults().rules(rules);
    }

    @Test
    void maxAreaMustBeAShare() {
        assertThatThrownBy(() -> HierarchyNodes.defaults().maxArea(0)).hasMessageContaining("maxArea");
        assertThatThrownBy(() -> HierarchyNodes.defaults().maxArea(1.5)).hasMessageContaining("(0, 1]");
    }
}
