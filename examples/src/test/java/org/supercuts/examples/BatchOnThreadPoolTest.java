package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.PlanarImage;

class BatchOnThreadPoolTest {
    @Test
    void resultsComeBackInInputOrderAndEqualOneThreadsResults() throws Exception {
        List<PlanarImage> images = new ArrayList<>();
        int[][] corners = {{8, 6}, {70, 50}, {40, 10}, {12, 52}, {76, 8}, {44, 30}};
        for (int[] c : corners) {
            images.add(BatchOnThreadPool.square(c[0], c[1]));
        }
        List<Segmentation> results = BatchOnThreadPool.run(images, 3, Fixtures.OUT);
        assertThat(results).hasSize(corners.length);
        for (int i = 0; i < corners.length; i++) {
            Segmentation s = results.get(i);
            int x = corners[i][0];
            int y = corners[i][1];
            assertThat(Fixtures.iouWithBox(s.mask(), 120, x, x + 36, y, y + 30)).as("image %d", i).isGreaterThan(0.8);
            assertThat(s.mask()).as("image %d as on one thread", i).isEqualTo(SuperCuts.segment(images.get(i)).mask());
            assertThat(s.hasIntermediates()).isFalse();
        }
        assertThat(Fixtures.OUT.resolve("batch-5-mask.png")).exists();
    }
}
