package org.supercuts.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.linalg.AffinityMatrix;

class AffinityBuildersTest {
    /** A 1 x n strip of single-pixel regions: region i is adjacent to i-1 and i+1 only. */
    private static RegionGraph strip(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i;
        }
        return RegionGraph.build(PlanarImage.wrap(n, 1, new float[n]), LabelMap.of(n, 1, labels));
    }

    private static RegionFeatures random(int n, int d, long seed) {
        Random r = new Random(seed);
        double[] f = new double[n * d];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextGaussian();
        }
        return RegionFeatures.wrap(n, d, f);
    }

    private static void assertValid(AffinityMatrix w) {
        int n = w.size();
        for (int i = 0; i < n; i++) {
            assertThat(w.get(i, i)).isZero();
            for (int j = 0; j < n; j++) {
                assertThat(w.get(i, j)).isEqualTo(w.get(j, i)).isGreaterThanOrEqualTo(0).isFinite();
            }
        }
    }

    @Test
    void allBuildersGiveSymmetricFiniteNonNegativeMatrices() {
        RegionGraph g = strip(12);
        RegionFeatures f = random(12, 5, 1);
        for (AffinityBuilder b : List.of(CosineAffinity.dense(), CosineAffinity.dense().nearest(3),
                TokenCutAffinity.defaults().selfLoops(false),
                GaussianAffinity.adjacent(), GaussianAffinity.adjacent().hops(2).sigmaPosition(0.5),
                GaussianAffinity.adjacent().nearest(4), GaussianAffinity.adjacent().allPairs(),
                Affinities.sum(List.of(CosineAffinity.dense(), GaussianAffinity.adjacent()), new double[] {1, 0.5}))) {
            assertValid(b.build(g, f));
            assertThat(b.describe()).isNotBlank();
        }
    }

    @Test
    void cosineIsClippedAtZero() {
        RegionGraph g = strip(3);
        RegionFeatures f = RegionFeatures.wrap(3, 2, new double[] {1, 0, -1, 0, 1, 1});
        AffinityMatrix w = CosineAffinity.dense().build(g, f);
        assertThat(w.get(0, 1)).isZero();
        assertThat(w.get(0, 2)).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(w.get(1, 2)).isZero();
    }

    @Test
    void tokenCutRuleIsBinaryWithEpsilon() {
        RegionGraph g = strip(3);
        RegionFeatures f = RegionFeatures.wrap(3, 2, new double[] {1, 0, 0.9, 0.1, 0, 1});
        AffinityMatrix w = TokenCutAffinity.defaults().build(g, f);
        assertThat(w.get(0, 1)).isEqualTo(1.0);
        assertThat(w.get(0, 2)).isEqualTo(1e-5);
        assertThat(w.get(1, 2)).isEqualTo(1e-5);
        assertThatThrownBy(() -> TokenCutAffinity.defaults().tau(2)).hasMessageContaining("tau");
    }

    @Test
    void tokenCutKeepsSelfLoopsAndThresholdsStrictly() {
        RegionGraph g = strip(3);
        // cos(f0, f1) = 0.6; f2 = 0 has cosine 0 with everything, itself included.
        RegionFeatures f = RegionFeatures.wrap(3, 2, new double[] {1, 0, 0.6, 0.8, 0, 0});
        AffinityMatrix paper = TokenCutAffinity.defaults().tau(0.5).build(g, f);
        assertThat(paper.get(0, 0)).isEqualTo(1.0);
        assertThat(paper.get(1, 1)).isEqualTo(1.0);
        assertThat(paper.get(2, 2)).isEqualTo(1e-5);
        assertThat(paper.get(0, 1)).isEqualTo(1.0);
        // Strict: a cosine equal to tau is not similar (orthogonal vectors: cosine exactly 0).
        RegionFeatures atTau = RegionFeatures.wrap(2, 2, new double[] {1, 0, 0, 1});
        AffinityMatrix tie = TokenCutAffinity.defaults().tau(0).build(strip(2), atTau);
        assertThat(tie.get(0, 1)).isEqualTo(1e-5);
        AffinityMatrix noLoops = TokenCutAffinity.defaults().tau(0.5).selfLoops(false).build(g, f);
        assertThat(noLoops.get(0, 0)).isZero();
        assertThat(noLoops.get(0, 1)).isEqualTo(1.0);
        assertThat(TokenCutAffinity.defaults().describe()).isEqualTo("tokencut(tau=0.2,eps=1.0E-5)");
    }

    @Test
    void dotProductIsClippedScaledByItsMaximumAndKeepsTheDiagonal() {
        RegionGraph g = strip(3);
        RegionFeatures f = RegionFeatures.wrap(3, 2, new double[] {2, 0, 1, 1, -1, 0});
        AffinityMatrix raw = DotProductAffinity.raw().build(g, f);
        // F F^T = [[4, 2, -2], [2, 2, -1], [-2, -1, 1]], clipped at 0 and divided by 4.
        assertThat(raw.get(0, 0)).isEqualTo(1.0);
        assertThat(raw.get(0, 1)).isEqualTo(0.5);
        assertThat(raw.get(1, 1)).isEqualTo(0.5);
        assertThat(raw.get(2, 2)).isEqualTo(0.25);
        assertThat(raw.get(0, 2)).isZero();
        AffinityMatrix unit = DotProductAffinity.normalized().build(g, f);
        assertThat(unit.get(1, 1)).isCloseTo(1.0, within(1e-15));
        assertThat(unit.get(0, 1)).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(unit.get(1, 2)).isZero();
        // Off the diagonal, the normalized form is the clipped cosine.
        AffinityMatrix cos = CosineAffinity.dense().build(g, f);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    assertThat(unit.get(i, j)).isCloseTo(cos.get(i, j), within(1e-15));
                }
            }
        }
    }

    @Test
    void gaussianAdjacentOnlyConnectsNeighbours() {
        RegionGraph g = strip(5);
        RegionFeatures f = RegionFeatures.wrap(5, 1, new double[] {0, 0.1, 0.2, 0.3, 0.4});
        AffinityMatrix w = GaussianAffinity.adjacent().sigmaFeature(0.1).build(g, f);
        assertThat(w.get(0, 1)).isCloseTo(Math.exp(-1), within(1e-12));
        assertThat(w.get(0, 2)).isZero();
        AffinityMatrix w2 = GaussianAffinity.adjacent().hops(2).sigmaFeature(0.1).build(g, f);
        assertThat(w2.get(0, 2)).isCloseTo(Math.exp(-4), within(1e-12));
        assertThat(w2.get(0, 3)).isZero();
    }

    @Test
    void nearestKeepsKPerRowSymmetrised() {
        RegionGraph g = strip(8);
        RegionFeatures f = random(8, 3, 7);
        AffinityMatrix w = CosineAffinity.dense().nearest(2).build(g, f);
        AffinityMatrix dense = CosineAffinity.dense().build(g, f);
        for (int i = 0; i < 8; i++) {
            int kept = 0;
            for (int j = 0; j < 8; j++) {
                if (w.get(i, j) > 0) {
                    kept++;
                    assertThat(w.get(i, j)).isEqualTo(dense.get(i, j));
                }
            }
            // Own k (possibly fewer when the k best are clipped to zero) plus others that chose i.
            assertThat(kept).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void mismatchedFeaturesAreRejected() {
        assertThatThrownBy(() -> GaussianAffinity.adjacent().build(strip(3), random(4, 2, 1)))
                .hasMessageContaining("4 rows").hasMessageContaining("3 regions");
    }

    @Test
    void affinityMatrixRejectsBadEntries() {
        assertThatThrownBy(() -> AffinityMatrix.wrap(2, new double[] {0, 1, 2, 0})).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> AffinityMatrix.wrap(2, new double[] {0, -1, -1, 0})).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> AffinityMatrix.wrap(2, new double[] {0, Double.NaN, Double.NaN, 0})).hasMessageContaining("NaN");
    }

    @Test
    void nanFeaturesAreRejectedByName() {
        assertThatThrownBy(() -> RegionFeatures.wrap(2, 2, new double[] {0, 1, Double.POSITIVE_INFINITY, 0}))
                .hasMessageContaining("region 1").hasMessageContaining("dimension 0").hasMessageContaining("finite");
    }
}
