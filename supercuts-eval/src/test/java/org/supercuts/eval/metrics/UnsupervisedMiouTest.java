package org.supercuts.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnsupervisedMiouTest {
    @Test
    void hungarianMatchedMiouByHand() {
        UnsupervisedMiou m = new UnsupervisedMiou(3, 2);
        // Cluster 0 = class 1 (2 px), cluster 1 = class 0 (2 px), cluster 2 splits 1/1; one ignored pixel.
        m.add(new int[] {0, 0, 1, 1, 2, 2, 0}, new int[] {1, 1, 0, 0, 0, 1, 255});
        UnsupervisedMiou.Result r = m.result();
        assertThat(r.classOfCluster()).containsExactly(1, 0, -1);
        // Class 0: matched 2, predicted-as 2, in class 3 -> 2/3; class 1 likewise.
        assertThat(r.classIou()[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.classIou()[1]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.meanIou()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.pixelAccuracy()).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void permutedPerfectPredictionScoresOne() {
        UnsupervisedMiou m = new UnsupervisedMiou(3, 3);
        m.add(new int[] {2, 2, 0, 1, 1}, new int[] {0, 0, 1, 2, 2});
        assertThat(m.result().meanIou()).isEqualTo(1.0);
        assertThatThrownBy(() -> m.add(new int[] {3}, new int[] {0})).hasMessageContaining("predicted[0] = 3");
    }

    @Test
    void majorityVoteLetsSeveralClustersShareAClass() {
        UnsupervisedMiou m = new UnsupervisedMiou(3, 2);
        // Clusters 0 and 2 are mostly class 1, cluster 1 is class 0.
        m.add(new int[] {0, 0, 1, 1, 2, 2, 2}, new int[] {1, 1, 0, 0, 1, 1, 0});
        UnsupervisedMiou.Result r = m.majorityVote();
        assertThat(r.classOfCluster()).containsExactly(1, 0, 1);
        // Class 1: 4 matched, predicted-as 5, in class 4 -> 4/5; class 0: 2 matched, predicted 2, in class 3 -> 2/3.
        assertThat(r.classIou()[1]).isCloseTo(4.0 / 5, within(1e-12));
        assertThat(r.classIou()[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.pixelAccuracy()).isCloseTo(6.0 / 7, within(1e-12));
        // One-to-one matching can use only one of the two class-1 clusters.
        assertThat(m.result().pixelAccuracy()).isCloseTo(4.0 / 7, within(1e-12));
    }
}
