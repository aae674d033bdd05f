package org.supercuts.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Spherical k-means on vectors scattered around three known directions. */
class SphericalKMeansTest {
    /** 3 x 40 vectors near the axes of 3-d space (each component perturbed by up to 0.2), as group 0, 1, 2 in turn. */
    private static float[] threeDirections(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[120 * 3];
        for (int i = 0; i < 120; i++) {
            for (int j = 0; j < 3; j++) {
                v[i * 3 + j] = (float) ((j == i % 3 ? 1 : 0) + rnd.nextDouble(-0.2, 0.2));
            }
            // Lengths must not matter: scale each vector by a random factor.
            double s = rnd.nextDouble(0.1, 10);
            for (int j = 0; j < 3; j++) {
                v[i * 3 + j] *= (float) s;
            }
        }
        return v;
    }

    @Test
    void recoversTheThreeDirectionsExactly() {
        SphericalKMeans.Result r = SphericalKMeans.clusters(3).seed(7).cluster(threeDirections(1), 120, 3);
        int[] a = r.assignment();
        for (int i = 3; i < 120; i++) {
            assertThat(a[i]).isEqualTo(a[i % 3]);
        }
        assertThat(a[0]).isNotEqualTo(a[1]).isNotEqualTo(a[2]);
        assertThat(a[1]).isNotEqualTo(a[2]);
        assertThat(r.objective()).isGreaterThan(0.9);
        assertThat(r.restartObjectives()).hasSize(5);
        // Each centroid is a unit vector near its axis.
        for (int m = 0; m < 3; m++) {
            double norm = 0;
            for (int j = 0; j < 3; j++) {
                norm += r.centroids()[m * 3 + j] * r.centroids()[m * 3 + j];
            }
            assertThat(norm).isBetween(0.9999, 1.0001);
        }
    }

    @Test
    void isAPureFunctionOfDataAndSeed() {
        float[] v = threeDirections(2);
        SphericalKMeans.Result a = SphericalKMeans.clusters(4).seed(3).cluster(v, 120, 3);
        SphericalKMeans.Result b = SphericalKMeans.clusters(4).seed(3).cluster(v, 120, 3);
        assertThat(a.assignment()).containsExactly(b.assignment());
        assertThat(a.restartObjectives()).containsExactly(b.restartObjectives());
        assertThat(a.objectiveSpread()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void refusesBadSpecsAndInputs() {
        assertThatThrownBy(() -> SphericalKMeans.clusters(0)).hasMessageContaining("k (clusters) must be >= 1, got 0");
        assertThatThrownBy(() -> SphericalKMeans.clusters(2).restarts(0)).hasMessageContaining("restarts must be >= 1, got 0");
        assertThatThrownBy(() -> SphericalKMeans.clusters(5).cluster(new float[] {1, 0, 0, 1}, 2, 2))
                .hasMessageContaining("k = 5 clusters need at least as many vectors, got 2");
        assertThatThrownBy(() -> SphericalKMeans.clusters(1).cluster(new float[] {1, 0, 0, 0}, 2, 2))
                .hasMessageContaining("vector 1 is all zeros");
    }
}
