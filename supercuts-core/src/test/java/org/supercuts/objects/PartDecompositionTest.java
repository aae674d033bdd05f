package org.supercuts.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supercuts.Segmentation;
import org.supercuts.graph.RegionGraph;

/** Both part decompositions on an object with a blue and a green half, and on a plain one. */
class PartDecompositionTest {
    private static final Segmentation TWO_PARTS = ObjectScenes.segment(ObjectScenes.twoPartObject());

    /** The superpixels mostly inside the object of {@link ObjectScenes#twoPartObject()}. */
    private static int[] objectRegions(Segmentation s) {
        RegionGraph g = s.regionGraph();
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < g.regionCount(); r++) {
            if (ObjectScenes.inside(new int[] {30, 15, 90, 75}, (int) g.centroidX(r), (int) g.centroidY(r))) {
                out.add(r);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void splitsIntoTheTwoHalves(PartDecomposition d) {
        ObjectDiscovery.Input in = ObjectScenes.input(TWO_PARTS);
        int[] regions = objectRegions(TWO_PARTS);
        int[] parts = d.parts(in, regions);
        assertThat(parts).hasSize(regions.length);
        RegionGraph g = in.graph();
        // Part 0 and part 1 each lie in one half: every region's part agrees with the half its centroid is in.
        int[] votes = new int[4];
        for (int i = 0; i < regions.length; i++) {
            assertThat(parts[i]).isBetween(0, 1);
            boolean upper = g.centroidY(regions[i]) < 45;
            votes[parts[i] * 2 + (upper ? 0 : 1)]++;
        }
        int agree = Math.max(votes[0] + votes[3], votes[1] + votes[2]);
        assertThat(agree).as(d.describe()).isGreaterThanOrEqualTo(regions.length - 1);
    }

    @Test
    void treePartsSplitTheObjectIntoItsTwoHalves() {
        splitsIntoTheTwoHalves(TreeParts.defaults().maxParts(2));
    }

    @Test
    void subgraphPartsSplitTheObjectIntoItsTwoHalves() {
        splitsIntoTheTwoHalves(SubgraphParts.defaults().maxParts(2));
    }

    @Test
    void onePartWhenOneIsAskedFor() {
        ObjectDiscovery.Input in = ObjectScenes.input(TWO_PARTS);
        int[] regions = objectRegions(TWO_PARTS);
        assertThat(TreeParts.defaults().maxParts(1).parts(in, regions)).containsOnly(0);
        assertThat(SubgraphParts.defaults().maxParts(1).parts(in, regions)).containsOnly(0);
    }

    @Test
    void partsBelowTheMinimumAreaAreMergedIntoANeighbour() {
        ObjectDiscovery.Input in = ObjectScenes.input(TWO_PARTS);
        int[] regions = objectRegions(TWO_PARTS);
        // Halves are 50 % of the object each: a 60 % minimum leaves one part.
        assertThat(TreeParts.defaults().minPartArea(0.6).parts(in, regions)).containsOnly(0);
        assertThat(SubgraphParts.defaults().minPartArea(0.6).parts(in, regions)).containsOnly(0);
    }

    @Test
    void badSettingsAreRejectedNamingTheRule() {
        assertThatThrownBy(() -> TreeParts.defaults().maxParts(0)).hasMessageContaining("maxParts must be >= 1");
        assertThatThrownBy(() -> TreeParts.defaults().minPartArea(-0.1)).hasMessageContaining("minPartArea");
        assertThatThrownBy(() -> SubgraphParts.defaults().minPartArea(1)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> SubgraphParts.defaults().maxCut(-1)).hasMessageContaining("maxCut");
    }
}
