package org.supercuts.superpixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.supercuts.concurrent.BandRunner;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

class ConnectivityTest {

    @Test
    void splitsADisconnectedLabel() {
        int[] labels = {
            0, 0, 1, 0,
            0, 0, 1, 0,
            1, 1, 1, 0,
        };
        LabelMap out = Connectivity.enforce(labels, 4, 3, 1);
        assertArrayEquals(new int[] {
            0, 0, 1, 2,
            0, 0, 1, 2,
            1, 1, 1, 2,
        }, out.labels());
    }

    @Test
    void mergesASmallIslandIntoTheComponentBeforeIt() {
        int[] labels = new int[5 * 5];
        labels[2 * 5 + 2] = 7; // a one-pixel island in the middle
        labels[4 * 5 + 4] = 3; // and one in the last corner
        LabelMap out = Connectivity.enforce(labels, 5, 5, 2);
        assertThat(out.count()).isEqualTo(1);
        LabelMap kept = Connectivity.enforce(labels, 5, 5, 1);
        assertThat(kept.count()).isEqualTo(3);
    }

    @Test
    void smallComponentAtTheOriginMergesIntoANeighbourAfterIt() {
        int[] labels = {
            5, 1, 1,
            1, 1, 1,
            2, 2, 2,
        };
        LabelMap out = Connectivity.enforce(labels, 3, 3, 2);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1}, out.labels());
    }

    @Test
    void maxSizeSplitsLargeComponentsIntoBoundedConnectedPieces() {
        int[] labels = new int[10 * 10];
        LabelMap out = Connectivity.enforce(labels, 10, 10, 1, 30);
        // At least 4 pieces (100 / 30); more when a flood fill cuts the rest of the component in two.
        assertThat(out.count()).isBetween(4, 10);
        for (int size : out.sizes()) {
            assertThat(size).isLessThanOrEqualTo(30);
        }
        assertConnected(out);
        assertThat(Connectivity.enforce(labels, 10, 10, 1).count()).isEqualTo(1);
    }

    @Test
    void randomLabellingsGiveConnectedRegionsOfAtLeastMinSize() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 60; trial++) {
            int w = 1 + random.nextInt(40);
            int h = 1 + random.nextInt(30);
            int[] labels = randomBlobs(w, h, 1 + random.nextInt(6), random);
            for (int minSize : new int[] {1, 3, 12}) {
                int maxSize = random.nextBoolean() ? Integer.MAX_VALUE : Math.max(minSize, 5 + random.nextInt(60));
                LabelMap out = Connectivity.enforce(labels, w, h, minSize, maxSize);
                String context = "trial " + trial + " " + w + "x" + h + " minSize " + minSize + " maxSize " + maxSize;
                assertConnected(out);
                if (w * h >= minSize) {
                    for (int size : out.sizes()) {
                        assertThat(size).as(context).isGreaterThanOrEqualTo(minSize);
                    }
                }
                // Without merging, an output region never spans two input components.
                if (minSize == 1) {
                    assertSameLabelWithinComponents(labels, w, h, out, maxSize == Integer.MAX_VALUE, context);
                }
                if (maxSize == Integer.MAX_VALUE) {
                    assertArrayEquals(reference(labels, w, h, minSize), out.labels(), context);
                }
            }
        }
    }

    @Test
    void bandParallelLabellingGivesTheSameResult() {
        SplittableRandom random = new SplittableRandom(9);
        for (int trial = 0; trial < 20; trial++) {
            int w = 1 + random.nextInt(50);
            int h = 1 + random.nextInt(50);
            int[] labels = randomBlobs(w, h, 1 + random.nextInt(5), random);
            int minSize = 1 + random.nextInt(8);
            int maxSize = random.nextBoolean() ? Integer.MAX_VALUE : minSize + random.nextInt(80);
            LabelMap single = Connectivity.enforce(labels, w, h, minSize, maxSize);
            for (int threads : new int[] {2, 3, 7}) {
                try (BandRunner runner = BandRunner.create(threads, null)) {
                    assertArrayEquals(single.labels(), Connectivity.enforce(labels, w, h, minSize, maxSize, runner).labels(),
                            "trial " + trial + ", " + threads + " threads");
                }
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Connectivity.enforce(new int[6], 2, 3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minSize").hasMessageContaining("0");
        assertThatThrownBy(() -> Connectivity.enforce(new int[5], 2, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 5").hasMessageContaining("width*height=6");
        assertThatThrownBy(() -> Connectivity.enforce(new int[6], 2, 3, 4, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSize").hasMessageContaining("3");
        assertThatThrownBy(() -> Connectivity.enforce(new int[0], 0, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width=0");
    }

    @Test
    void slicLabelsBeforeEnforcementAreRepaired() {
        // Without any merging, SLIC's own output already splits stray pieces; check a labelling SLIC could produce.
        PlanarImage image = SuperpixelizerContract.texturedImage(60, 40, 3);
        LabelMap slic = Slic.segments(30).minSizeFactor(0).segment(image);
        assertConnected(slic);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Blobs: a coarse random grid of labels, upsampled, with random single-pixel speckles. */
    private static int[] randomBlobs(int w, int h, int alphabet, SplittableRandom random) {
        int cell = 1 + random.nextInt(6);
        int gw = (w + cell - 1) / cell;
        int gh = (h + cell - 1) / cell;
        int[] coarse = new int[gw * gh];
        for (int i = 0; i < coarse.length; i++) {
            coarse[i] = random.nextInt(alphabet);
        }
        int[] labels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                labels[y * w + x] = random.nextInt(10) == 0 ? random.nextInt(alphabet) : coarse[(y / cell) * gw + x / cell];
            }
        }
        return labels;
    }

    private static void assertConnected(LabelMap labels) {
        int w = labels.width();
        int h = labels.height();
        int[] l = labels.labels();
        int[] size = labels.sizes();
        boolean[] seen = new boolean[labels.count()];
        boolean[] visited = new boolean[w * h];
        for (int s = 0; s < l.length; s++) {
            if (seen[l[s]]) {
                continue;
            }
            seen[l[s]] = true;
            int reached = flood(l, w, h, s, visited, null, 0);
            assertThat(reached).as("label %d reachable pixels", l[s]).isEqualTo(size[l[s]]);
        }
    }

    /** Flood fill over equal labels from s; marks visited, optionally writes {@code id} into comp; returns the count. */
    private static int flood(int[] l, int w, int h, int s, boolean[] visited, int[] comp, int id) {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(s);
        visited[s] = true;
        int count = 0;
        while (!queue.isEmpty()) {
            int p = queue.poll();
            count++;
            if (comp != null) {
                comp[p] = id;
            }
            int x = p % w;
            int y = p / w;
            int[] nb = {x > 0 ? p - 1 : -1, x + 1 < w ? p + 1 : -1, y > 0 ? p - w : -1, y + 1 < h ? p + w : -1};
            for (int q : nb) {
                if (q >= 0 && !visited[q] && l[q] == l[p]) {
                    visited[q] = true;
                    queue.add(q);
                }
            }
        }
        return count;
    }

    /** With no merging: output labels never mix input components, and without a size bound they equal them exactly. */
    private static void assertSameLabelWithinComponents(int[] labels, int w, int h, LabelMap out, boolean exact,
            String context) {
        int[] comp = new int[w * h];
        boolean[] visited = new boolean[w * h];
        int components = 0;
        for (int s = 0; s < w * h; s++) {
            if (!visited[s]) {
                flood(labels, w, h, s, visited, comp, components++);
            }
        }
        int[] o = out.labels();
        int[] compOfOutput = new int[out.count()];
        Arrays.fill(compOfOutput, -1);
        for (int p = 0; p < o.length; p++) {
            if (compOfOutput[o[p]] < 0) {
                compOfOutput[o[p]] = comp[p];
            }
            assertThat(comp[p]).as("%s: output label %d spans input components", context, o[p]).isEqualTo(compOfOutput[o[p]]);
        }
        if (exact) {
            assertThat(out.count()).as(context).isEqualTo(components);
        }
    }

    /**
     * A straightforward reference of the documented rule: breadth-first components in raster order, then each small
     * component (in that order) joins the group of the pixel left of its first pixel, else above it, else the first other
     * group on its outline in raster order.
     */
    private static int[] reference(int[] labels, int w, int h, int minSize) {
        int n = w * h;
        int[] comp = new int[n];
        boolean[] visited = new boolean[n];
        int components = 0;
        for (int s = 0; s < n; s++) {
            if (!visited[s]) {
                flood(labels, w, h, s, visited, comp, components++);
            }
        }
        int[] group = new int[components];
        int[] first = new int[components];
        Arrays.fill(first, -1);
        for (int c = 0; c < components; c++) {
            group[c] = c;
        }
        for (int p = 0; p < n; p++) {
            if (first[comp[p]] < 0) {
                first[comp[p]] = p;
            }
        }
        for (int c = 0; c < components; c++) {
            int g = group[c];
            int size = 0;
            for (int p = 0; p < n; p++) {
                if (group[comp[p]] == g) {
                    size++;
                }
            }
            if (size >= minSize) {
                continue;
            }
            int p0 = first[c];
            int target = -1;
            if (p0 % w > 0 && group[comp[p0 - 1]] != g) {
                target = group[comp[p0 - 1]];
            } else if (p0 % w == 0 && p0 >= w && group[comp[p0 - w]] != g) {
                target = group[comp[p0 - w]];
            } else {
                for (int p = 0; p < n && target < 0; p++) {
                    if (group[comp[p]] != g) {
                        continue;
                    }
                    int x = p % w;
                    int[] nb = {x + 1 < w ? p + 1 : -1, p + w < n ? p + w : -1, x > 0 ? p - 1 : -1, p >= w ? p - w : -1};
                    for (int q : nb) {
                        if (q >= 0 && group[comp[q]] != g) {
                            target = group[comp[q]];
                            break;
                        }
                    }
                }
            }
            if (target >= 0) {
                for (int d = 0; d < components; d++) {
                    if (group[d] == g) {
                        group[d] = target;
                    }
                }
            }
        }
        int[] out = new int[n];
        for (int p = 0; p < n; p++) {
            out[p] = group[comp[p]];
        }
        return LabelMap.compact(w, h, out).labels();
    }
}
