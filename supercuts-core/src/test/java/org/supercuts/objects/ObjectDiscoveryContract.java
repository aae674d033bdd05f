package org.supercuts.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.CocoRle;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * The {@link ObjectDiscovery} contract as tests: every implementation's test class extends this one and supplies
 * {@link #create(DiscoveryRules)}. The invariants hold whatever the implementation finds: objects in descending score
 * with ids 1..n, scores in [0, 1], pairwise disjoint, at least the minimum area, never the whole image, at most the
 * maximum count, parts that partition each object into connected pieces numbered 1..m over the image, label maps and
 * run-length encodings that agree with the masks; zero objects with a reason; deterministic and thread-safe.
 *
 * <p>Thread safety: JUnit creates one instance per test.
 */
public abstract class ObjectDiscoveryContract {
    /** The implementation under test with the given rules. */
    protected abstract ObjectDiscovery create(DiscoveryRules rules);

    private static final PlanarImage[] SCENES = {ObjectScenes.twoObjects(), ObjectScenes.twoPartObject(),
            ObjectScenes.noise(96, 72, 3)};

    @Test
    void resultsKeepTheInvariantsOnEveryScene() {
        ObjectDiscovery d = create(DiscoveryRules.defaults().minScore(0).minExtraScore(0));
        for (PlanarImage image : SCENES) {
            ObjectDiscovery.Input in = ObjectScenes.input(image);
            checkInvariants(in, d.discover(in), d.rules());
        }
    }

    @Test
    void sameInputGivesTheSameObjects() {
        ObjectDiscovery d = create(DiscoveryRules.defaults().minScore(0).minExtraScore(0));
        ObjectDiscovery.Input in = ObjectScenes.input(ObjectScenes.twoObjects());
        assertThat(summary(d.discover(in))).isEqualTo(summary(d.discover(in)));
    }

    @Test
    void concurrentCallsGiveTheSameObjects() throws Exception {
        ObjectDiscovery d = create(DiscoveryRules.defaults().minScore(0).minExtraScore(0));
        ObjectDiscovery.Input in = ObjectScenes.input(ObjectScenes.twoObjects());
        String expected = summary(d.discover(in));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                fs.add(pool.submit(() -> summary(d.discover(in))));
            }
            for (Future<String> f : fs) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void flatImageHasNoObjectAndSaysWhy() {
        ObjectSet set = create(DiscoveryRules.defaults()).discover(ObjectScenes.input(ObjectScenes.flat(80, 60)));
        assertThat(set.objects()).isEmpty();
        assertThat(set.reason()).isNotBlank();
        assertThat(set.objectLabels().count()).isEqualTo(1);
    }

    @Test
    void tinyImageHasNoObjectAndSaysWhy() {
        ObjectSet set = create(DiscoveryRules.defaults().minScore(0)).discover(ObjectScenes.input(tiny()));
        assertThat(set.objects()).isEmpty();
        assertThat(set.reason()).contains("24x24").contains("pixels");
    }

    @Test
    void everyCandidateBelowTheMinimumAreaGivesNoObject() {
        ObjectSet set = create(DiscoveryRules.defaults().minScore(0).minExtraScore(0).minArea(0.95))
                .discover(ObjectScenes.input(ObjectScenes.twoObjects()));
        assertThat(set.objects()).isEmpty();
        assertThat(set.reason()).isNotBlank();
    }

    @Test
    void maximumCountIsKept() {
        ObjectDiscovery.Input in = ObjectScenes.input(ObjectScenes.noise(96, 72, 5));
        assertThat(create(DiscoveryRules.defaults().minScore(0).minExtraScore(0).maxObjects(1)).discover(in).size())
                .isLessThanOrEqualTo(1);
    }

    @Test
    void candidatesCarryScoresInTheUnitInterval() {
        for (ObjectCandidate c : create(DiscoveryRules.defaults()).candidates(ObjectScenes.input(ObjectScenes.twoObjects()))) {
            assertThat(c.score()).isBetween(0.0, 1.0);
            assertThat(c.regions()).isSorted().isNotEmpty();
        }
    }

    /** 24 x 24 (576 pixels): below {@link DiscoveryRules#MIN_IMAGE_PIXELS}. */
    private static PlanarImage tiny() {
        float[][] p = new float[3][24 * 24];
        for (int i = 0; i < p[0].length; i++) {
            boolean in = ObjectScenes.inside(new int[] {6, 6, 18, 18}, i % 24, i / 24);
            p[0][i] = in ? 0.9f : 0.1f;
            p[1][i] = in ? 0.2f : 0.1f;
            p[2][i] = 0.1f;
        }
        return PlanarImage.wrap(24, 24, p);
    }

    static String summary(ObjectSet set) {
        StringBuilder sb = new StringBuilder(set.reason());
        for (DiscoveredObject o : set.objects()) {
            sb.append('|').append(o.id()).append(':').append(o.score()).append(':').append(Arrays.toString(o.regions()));
            for (ObjectPart p : o.parts()) {
                sb.append('/').append(p.id()).append(Arrays.toString(p.regions()));
            }
        }
        return sb.toString();
    }

    static void checkInvariants(ObjectDiscovery.Input in, ObjectSet set, DiscoveryRules rules) {
        RegionGraph g = in.graph();
        int w = g.width();
        int h = g.height();
        assertThat(set.reason()).isNotBlank();
        assertThat(set.size()).isLessThanOrEqualTo(rules.maxObjects());
        int[] owner = new int[g.regionCount()];
        double previous = Double.POSITIVE_INFINITY;
        int nextPart = 1;
        long covered = 0;
        LabelMap objectLabels = set.objectLabels();
        LabelMap partLabels = set.partLabels();
        for (int k = 0; k < set.size(); k++) {
            DiscoveredObject o = set.objects().get(k);
            assertThat(o.id()).isEqualTo(k + 1);
            assertThat(o.score()).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
            previous = o.score();
            byte[] mask = o.mask();
            long area = 0;
            int x0 = w;
            int y0 = h;
            int x1 = -1;
            int y1 = -1;
            for (int i = 0; i < mask.length; i++) {
                if (mask[i] != 0) {
                    area++;
                    x0 = Math.min(x0, i % w);
                    y0 = Math.min(y0, i / w);
                    x1 = Math.max(x1, i % w);
                    y1 = Math.max(y1, i / w);
                    assertThat(objectLabels.labelAt(i)).isEqualTo(o.id());
                }
            }
            assertThat(o.area()).isEqualTo(area);
            assertThat(area).isGreaterThanOrEqualTo((long) Math.ceil(rules.minArea() * w * h));
            assertThat(o.box().toArray()).containsExactly(x0, y0, x1 + 1, y1 + 1);
            assertThat(CocoRle.fromCompressed(h, w, o.rle().compressedCounts()).decode()).containsExactly(mask);
            covered += area;
            for (int r : o.regions()) {
                assertThat(owner[r]).as("region " + r + " in two objects").isZero();
                owner[r] = o.id();
            }
            assertThat(o.parts()).isNotEmpty();
            int[] partOwner = new int[g.regionCount()];
            long partArea = 0;
            for (ObjectPart p : o.parts()) {
                assertThat(p.id()).isEqualTo(nextPart++);
                assertThat(p.objectId()).isEqualTo(o.id());
                assertThat(RegionSets.components(g, p.regions())).hasSize(1);
                if (o.parts().size() > 1) {
                    assertThat(p.area()).isGreaterThanOrEqualTo((long) Math.floor(0.05 * o.area()));
                }
                for (int r : p.regions()) {
                    assertThat(owner[r]).isEqualTo(o.id());
                    assertThat(partOwner[r]).isZero();
                    partOwner[r] = p.id();
                }
                byte[] pm = p.mask();
                for (int i = 0; i < pm.length; i++) {
                    if (pm[i] != 0) {
                        assertThat(partLabels.labelAt(i)).isEqualTo(p.id());
                    }
                }
                partArea += p.area();
            }
            assertThat(partArea).isEqualTo(o.area());
        }
        assertThat(covered).isLessThan((long) w * h);
        assertThat(set.partCount()).isEqualTo(nextPart - 1);
    }
}
