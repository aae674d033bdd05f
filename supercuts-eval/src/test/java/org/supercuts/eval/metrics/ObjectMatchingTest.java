package org.supercuts.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ObjectMatchingTest {
    /** A w x h mask with the given boxes [x0, y0, x1, y1) set. */
    private static byte[] mask(int w, int h, int[]... boxes) {
        byte[] m = new byte[w * h];
        for (int[] b : boxes) {
            for (int y = b[1]; y < b[3]; y++) {
                for (int x = b[0]; x < b[2]; x++) {
                    m[y * w + x] = 1;
                }
            }
        }
        return m;
    }

    @Test
    void groundTruthObjectsAreEightConnectedComponentsOfAtLeastOnePercent() {
        // 20 x 20 = 400 pixels: 1 % = 4 pixels. Two 2x2 squares touching at a corner are one object (8-connected);
        // a 3-pixel speck is too small; a 3x3 square apart is a second object.
        byte[] m = mask(20, 20, new int[] {0, 0, 2, 2}, new int[] {2, 2, 4, 4}, new int[] {10, 0, 13, 1},
                new int[] {15, 15, 18, 18});
        ObjectMatching.ObjectLabels o = ObjectMatching.groundTruthObjects(m, 20, 20);
        assertThat(o.count()).isEqualTo(2);
        assertThat(o.labels()[0]).isEqualTo(o.labels()[3 * 20 + 3]).isEqualTo(1);
        assertThat(o.labels()[10]).isZero();
        assertThat(o.labels()[16 * 20 + 16]).isEqualTo(2);
    }

    @Test
    void matchesAreOneToOneAtIouOfOneHalf() {
        byte[] gt = mask(20, 10, new int[] {0, 0, 4, 10}, new int[] {10, 0, 14, 10});
        ObjectMatching.ObjectLabels truth = ObjectMatching.groundTruthObjects(gt, 20, 10);
        assertThat(truth.count()).isEqualTo(2);
        // IoU exactly 0.5 (20 of 40 pixels) matches; 19/40 would not.
        byte[] half = mask(20, 10, new int[] {0, 0, 4, 5});
        assertThat(ObjectMatching.match(List.of(half), truth).matched()).isEqualTo(1);
        byte[] less = mask(20, 10, new int[] {0, 0, 4, 5});
        less[4 * 20 + 3] = 0;
        assertThat(ObjectMatching.match(List.of(less), truth).matched()).isZero();
        // Two predictions on one object count once; the union of both objects matches neither.
        ObjectMatching.Match twice = ObjectMatching.match(List.of(mask(20, 10, new int[] {0, 0, 4, 10}),
                mask(20, 10, new int[] {0, 0, 4, 9})), truth);
        assertThat(twice).isEqualTo(new ObjectMatching.Match(2, 2, 1));
        assertThat(ObjectMatching.match(List.of(mask(20, 10, new int[] {0, 0, 14, 10})), truth).matched()).isZero();
        assertThat(ObjectMatching.match(List.of(), truth)).isEqualTo(new ObjectMatching.Match(0, 2, 0));
    }

    @Test
    void scoresSplitImagesByTheirGroundTruthCount() {
        ObjectScores s = new ObjectScores();
        s.add(new ObjectMatching.Match(1, 2, 1));   // multi: 1 of 2
        s.add(new ObjectMatching.Match(3, 3, 2));   // multi: 2 of 3
        s.add(new ObjectMatching.Match(2, 1, 1));   // single: 2 predicted, 1 right
        s.add(new ObjectMatching.Match(0, 1, 0));   // single: no answer
        s.add(new ObjectMatching.Match(0, 0, 0));   // empty, answered with zero
        s.add(new ObjectMatching.Match(1, 0, 0));   // empty, answered with one
        assertThat(s.multiObjectImages()).isEqualTo(2);
        assertThat(s.multiObjectRecall()).isEqualTo(3 / 5.0);
        assertThat(s.singleObjectPrecision()).isEqualTo(1 / 2.0);
        assertThat(s.singleObjectRecall()).isEqualTo(1 / 2.0);
        assertThat(s.singleObjectAnswered()).isEqualTo(1 / 2.0);
        assertThat(s.emptyAnsweredZero()).isEqualTo(1 / 2.0);
        assertThat(s.precision()).isEqualTo(4 / 7.0);
        assertThat(s.recall()).isEqualTo(4 / 7.0);
        assertThat(new ObjectScores().singleObjectPrecision()).isNaN();
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> ObjectMatching.groundTruthObjects(new byte[5], 2, 2)).hasMessageContaining("length 5");
        assertThatThrownBy(() -> new ObjectMatching.Match(1, 1, 2)).hasMessageContaining("matched");
        ObjectMatching.ObjectLabels truth = ObjectMatching.groundTruthObjects(mask(4, 4, new int[] {0, 0, 2, 2}), 4, 4);
        assertThatThrownBy(() -> ObjectMatching.match(List.of(new byte[3]), truth)).hasMessageContaining("3 pixels");
    }
}
