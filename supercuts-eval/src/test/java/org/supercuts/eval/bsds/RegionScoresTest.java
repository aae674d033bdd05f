package org.supercuts.eval.bsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.supercuts.image.LabelMap;

class RegionScoresTest {
    private static LabelMap row(int... labels) {
        return LabelMap.of(labels.length, 1, labels);
    }

    private static RegionScores flat(LabelMap machine, List<LabelMap> humans) {
        int[] identity = new int[machine.count()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return RegionScores.of(machine, new int[][] {identity}, new int[] {machine.count()}, humans);
    }

    @Test
    void handComputedCoveringRandIndexAndVariationOfInformation() {
        // Machine [0 0 1 1], human [0 0 0 1]: human region 0 (3 px) best IoU 2/3, region 1 (1 px) 1/2: covering 2.5 / 4.
        // Pairs: 3 of 6 agree, RI 0.5. VoI = H(S) + H(G) - 2 I = 1 + 0.811278 - 2 * 0.311278 bits.
        RegionScores r = flat(row(0, 0, 1, 1), List.of(row(0, 0, 0, 1)));
        assertThat(r.coverCount()[0]).isCloseTo(2.5, within(1e-12));
        assertThat(r.coverTotal()).isEqualTo(4.0);
        assertThat(r.covering(0)).isCloseTo(0.625, within(1e-12));
        assertThat(r.randIndex()[0]).isCloseTo(0.5, within(1e-12));
        double hg = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2);
        double mi = (0.5 * Math.log(4.0 / 3) + 0.25 * Math.log(2.0 / 3) + 0.25 * Math.log(2)) / Math.log(2);
        assertThat(r.voi()[0]).isCloseTo(1 + hg - 2 * mi, within(1e-12));
        assertThat(r.voi()[0]).isCloseTo(1.188722, within(1e-6));
    }

    @Test
    void annotatorsArePooledForCoveringAndAveragedForRandIndexAndVoi() {
        LabelMap machine = row(0, 0, 1, 1);
        RegionScores r = flat(machine, List.of(row(0, 0, 0, 1), row(0, 0, 1, 1)));
        assertThat(r.coverTotal()).isEqualTo(8.0);
        assertThat(r.coverCount()[0]).isCloseTo(2.5 + 4, within(1e-12));
        assertThat(r.randIndex()[0]).isCloseTo((0.5 + 1) / 2, within(1e-12));
        assertThat(r.voi()[0]).isCloseTo(1.188722 / 2, within(1e-6));
    }

    @Test
    void groupingSuperpixelsScoresLikeTheGroupedLabelMap() {
        LabelMap superpixels = LabelMap.of(3, 2, new int[] {0, 1, 2, 3, 4, 5});
        List<LabelMap> humans = List.of(LabelMap.of(3, 2, new int[] {0, 0, 1, 2, 2, 1}));
        int[][] groups = {{0, 1, 2, 3, 4, 5}, {0, 0, 1, 2, 2, 1}, {0, 0, 0, 1, 1, 1}, {0, 0, 0, 0, 0, 0}};
        int[] segments = {6, 3, 2, 1};
        RegionScores r = RegionScores.of(superpixels, groups, segments, humans);
        for (int s = 0; s < groups.length; s++) {
            RegionScores direct = flat(superpixels.mapRegions(groups[s]), humans);
            assertThat(r.coverCount()[s]).as("scale %d", s).isCloseTo(direct.coverCount()[0], within(1e-12));
            assertThat(r.randIndex()[s]).isCloseTo(direct.randIndex()[0], within(1e-12));
            assertThat(r.voi()[s]).isCloseTo(direct.voi()[0], within(1e-12));
        }
        // Scale 1 is the human segmentation itself.
        assertThat(r.covering(1)).isEqualTo(1.0);
        assertThat(r.randIndex()[1]).isEqualTo(1.0);
        assertThat(r.voi()[1]).isCloseTo(0, within(1e-12));
    }
}
