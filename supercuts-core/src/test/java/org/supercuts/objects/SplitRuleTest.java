package org.supercuts.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.supercuts.image.LabelMap;

/**
 * The split rule of {@link DiscoveryRules#splitScore(double)} on the two squares of {@link ObjectScenes#twoObjects()},
 * with hand-set scores: the merged candidate (both squares and the background strip between them, 2 875 pixels of
 * which the squares are 2 125, i.e. 74 %) scores highest, each square less.
 */
class SplitRuleTest {
    /** The background between the squares, joining them into one connected candidate. */
    private static final int[] BRIDGE = {45, 30, 70, 60};
    private static final ObjectDiscovery.Input INPUT = ObjectScenes.input(ObjectScenes.twoObjects());

    /** The superpixels whose pixels lie mostly inside {@code box}. */
    private static int[] regionsIn(int[] box) {
        LabelMap sp = INPUT.superpixels();
        int[] inside = new int[sp.count()];
        int[] size = new int[sp.count()];
        for (int y = 0; y < sp.height(); y++) {
            for (int x = 0; x < sp.width(); x++) {
                int r = sp.label(x, y);
                size[r]++;
                inside[r] += ObjectScenes.inside(box, x, y) ? 1 : 0;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < size.length; r++) {
            if (2 * inside[r] > size[r]) {
                out.add(r);
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static ObjectCandidate scored(Scene scene, int[] regions, double score, String source) {
        return new ObjectCandidate(regions, RegionSets.area(scene.graph, regions), Cues.of(scene, regions), score, source);
    }

    /** Both squares and the bridge as one candidate scoring 0.9, the red one scoring {@code red}, the yellow one {@code yellow}. */
    private static ObjectSet select(DiscoveryRules rules, double red, double yellow) {
        Scene scene = new Scene(INPUT);
        int[] r = regionsIn(ObjectScenes.RED);
        int[] y = regionsIn(ObjectScenes.YELLOW);
        int[] both = Stream.of(r, y, regionsIn(BRIDGE)).flatMapToInt(IntStream::of).sorted().toArray();
        List<ObjectCandidate> pool = List.of(scored(scene, both, 0.9, "both"), scored(scene, r, red, "red"),
                scored(scene, y, yellow, "yellow"));
        return CandidateSelection.select(scene, new CandidateSelection.Generated(pool, "none"), rules);
    }

    @Test
    void withoutTheRuleTheMergedCandidateIsTheOnlyObject() {
        ObjectSet set = select(DiscoveryRules.defaults().splitScore(0), 0.6, 0.4);
        assertThat(set.objects()).hasSize(1);
        assertThat(set.objects().get(0).source()).isEqualTo("both");
    }

    @Test
    void piecesScoringTheShareReplaceTheMergedCandidate() {
        ObjectSet set = select(DiscoveryRules.defaults().splitScore(0.4).splitCover(0.7), 0.6, 0.4);
        assertThat(set.objects()).extracting(DiscoveredObject::source).containsExactly("red", "yellow");
        assertThat(ObjectScenes.iou(set.objects().get(0).mask(), 120, ObjectScenes.RED)).isGreaterThan(0.9);
        assertThat(ObjectScenes.iou(set.objects().get(1).mask(), 120, ObjectScenes.YELLOW)).isGreaterThan(0.9);
    }

    @Test
    void theRuleIsOffByDefaultAndSplitsAtFourTenthsWhenAsked() {
        assertThat(DiscoveryRules.defaults().splitScore()).isZero();
        assertThat(DiscoveryRules.defaults().splitCover()).isEqualTo(0.5);
        assertThat(select(DiscoveryRules.defaults(), 0.6, 0.4).objects()).extracting(DiscoveredObject::source)
                .containsExactly("both");
        DiscoveryRules split = DiscoveryRules.defaults().splitScore(0.4);
        assertThat(select(split, 0.6, 0.4).objects()).extracting(DiscoveredObject::source).containsExactly("red", "yellow");
        // 0.3 < 0.4 * 0.9
        assertThat(select(split, 0.6, 0.3).objects()).extracting(DiscoveredObject::source).containsExactly("both");
    }

    @Test
    void aPieceBelowTheShareKeepsTheMergedCandidate() {
        // 0.4 < 0.5 * 0.9: the yellow square is not good enough, so the pair stays one object.
        ObjectSet set = select(DiscoveryRules.defaults().splitScore(0.5).splitCover(0.7), 0.6, 0.4);
        assertThat(set.objects()).extracting(DiscoveredObject::source).containsExactly("both");
    }

    @Test
    void piecesCoveringTooLittleKeepTheMergedCandidate() {
        // The squares cover 74 % of the merged candidate: enough for a cover of 0.7, not for 0.8.
        assertThat(select(DiscoveryRules.defaults().splitScore(0.4).splitCover(0.7), 0.6, 0.4).objects()).hasSize(2);
        assertThat(select(DiscoveryRules.defaults().splitScore(0.4).splitCover(0.8), 0.6, 0.4).objects())
                .extracting(DiscoveredObject::source).containsExactly("both");
    }

    @Test
    void badSplitSettingsAreRejectedNamingTheRule() {
        assertThatThrownBy(() -> DiscoveryRules.defaults().splitCover(0)).hasMessageContaining("splitCover")
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> DiscoveryRules.defaults().splitScore(1.5)).hasMessageContaining("splitScore must be in [0, 1]");
    }
}
