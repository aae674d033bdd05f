package org.supercuts.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.linalg.AffinityOperator;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.linalg.SparseAffinity;
import org.supercuts.testing.JacobiReference;
import org.supercuts.testing.TestGraphs;

class SpectralEmbeddingTest {

    /** max_i ||(D - W) x_i - lambda_i D x_i|| over the pairs, with the embedding's degrees. */
    private static double generalizedResidual(AffinityMatrix w, SpectralEmbedding e) {
        int n = w.size();
        double[] d = e.degrees();
        double[] rowSums = w.degrees();
        double worst = 0;
        for (int k = 0; k < e.count(); k++) {
            double[] x = e.eigenvector(k);
            double[] wx = new double[n];
            w.multiply(x, wx);
            double lambda = e.eigenvalue(k);
            double r = 0;
            for (int i = 0; i < n; i++) {
                // D - W with the implicit unit self-loop of an isolated node: (D - W)_ii = d_i - W_ii - (1 if isolated).
                double selfLoopFix = rowSums[i] > 0 ? 0 : 1;
                double v = d[i] * x[i] - wx[i] - selfLoopFix * x[i] - lambda * d[i] * x[i];
                r += v * v;
            }
            worst = Math.max(worst, Math.sqrt(r));
        }
        return worst;
    }

    private static double dOrthonormalityError(SpectralEmbedding e) {
        double[] d = e.degrees();
        double worst = 0;
        for (int a = 0; a < e.count(); a++) {
            for (int b = 0; b < e.count(); b++) {
                double[] xa = e.eigenvector(a);
                double[] xb = e.eigenvector(b);
                double s = 0;
                for (int i = 0; i < d.length; i++) {
                    s += xa[i] * d[i] * xb[i];
                }
                worst = Math.max(worst, Math.abs(s - (a == b ? 1 : 0)));
            }
        }
        return worst;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void denseMatchesJacobiReferenceOnSmallRandomGraphs(long seed) {
        int n = 10 + (int) seed * 7;
        AffinityMatrix w = TestGraphs.random(n, 0.6, seed);
        double[] reference = JacobiReference.eigenvaluesOfLsym(w);
        SpectralEmbedding e = SpectralEmbedding.smallest(w, n, EigenSolver.dense());
        assertThat(e.componentCount()).isEqualTo(1);
        for (int i = 0; i < n; i++) {
            assertThat(e.eigenvalue(i)).as("eigenvalue %d", i).isCloseTo(reference[i], org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(generalizedResidual(w, e)).isLessThan(1e-9);
        assertThat(dOrthonormalityError(e)).isLessThan(1e-9);
        for (int i = 1; i < n; i++) {
            assertThat(e.eigenvalue(i)).isGreaterThanOrEqualTo(e.eigenvalue(i - 1));
        }
    }

    private static void assertSameUpToSign(SpectralEmbedding a, SpectralEmbedding b, double valueTol, double vectorTol) {
        assertThat(a.count()).isEqualTo(b.count());
        for (int k = 0; k < a.count(); k++) {
            assertThat(a.eigenvalue(k)).as("eigenvalue %d", k).isCloseTo(b.eigenvalue(k),
                    org.assertj.core.data.Offset.offset(valueTol));
            double[] ua = a.normalizedEigenvector(k);
            double[] ub = b.normalizedEigenvector(k);
            double plus = 0;
            double minus = 0;
            for (int i = 0; i < ua.length; i++) {
                plus = Math.max(plus, Math.abs(ua[i] - ub[i]));
                minus = Math.max(minus, Math.abs(ua[i] + ub[i]));
            }
            assertThat(Math.min(plus, minus)).as("vector %d difference up to sign", k).isLessThan(vectorTol);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 500, 1100})
    void lanczosMatchesDenseOnRandomGraphs(int n) {
        AffinityMatrix w = TestGraphs.random(n, 0.05, n);
        SpectralEmbedding dense = SpectralEmbedding.smallest(w, 6, EigenSolver.dense());
        SpectralEmbedding lanczos = SpectralEmbedding.smallest(w, 6, EigenSolver.lanczos());
        assertThat(lanczos.method()).isEqualTo("lanczos");
        assertSameUpToSign(lanczos, dense, 1e-8, 1e-6);
    }

    @Test
    void lanczosMatchesDenseOnClusteredAndGridGraphs() {
        AffinityMatrix clustered = TestGraphs.cosinePatches(800, 16, 5, 0.6, 7);
        assertSameUpToSign(SpectralEmbedding.smallest(clustered, 8, EigenSolver.lanczos()),
                SpectralEmbedding.smallest(clustered, 8, EigenSolver.dense()), 1e-8, 1e-6);
        // A 23 x 37 grid (not square: its low eigenvalues are simple) -- the slowly mixing, sparse case.
        AffinityMatrix grid = TestGraphs.grid(23, 37, 3);
        SpectralEmbedding gl = SpectralEmbedding.smallest(grid, 5, EigenSolver.lanczos());
        assertThat(gl.method()).isEqualTo("lanczos");
        assertSameUpToSign(gl, SpectralEmbedding.smallest(grid, 5, EigenSolver.dense()), 1e-8, 1e-6);
    }

    @Test
    void lanczosOnSixteenHundredNodes() {
        AffinityMatrix w = TestGraphs.clusters(1600, 4, 0.3, 0.05, 11);
        SpectralEmbedding dense = SpectralEmbedding.smallest(w, 5, EigenSolver.dense());
        SpectralEmbedding lanczos = SpectralEmbedding.smallest(w, 5, EigenSolver.lanczos());
        assertSameUpToSign(lanczos, dense, 1e-8, 1e-6);
        assertThat(generalizedResidual(w, lanczos)).isLessThan(1e-8);
        assertThat(dOrthonormalityError(lanczos)).isLessThan(1e-9);
    }

    @Test
    void signIsFixedAndRepeatedCallsAreIdentical() {
        AffinityMatrix w = TestGraphs.random(300, 0.1, 99);
        for (EigenSolver solver : new EigenSolver[] {EigenSolver.dense(), EigenSolver.lanczos()}) {
            SpectralEmbedding a = SpectralEmbedding.smallest(w, 5, solver);
            SpectralEmbedding b = SpectralEmbedding.smallest(w, 5, solver);
            for (int k = 0; k < 5; k++) {
                assertThat(a.eigenvector(k)).isEqualTo(b.eigenvector(k));
                double[] x = a.eigenvector(k);
                int arg = 0;
                for (int i = 1; i < x.length; i++) {
                    if (Math.abs(x[i]) > Math.abs(x[arg])) {
                        arg = i;
                    }
                }
                assertThat(x[arg]).as("largest-magnitude entry of vector %d (%s)", k, solver).isPositive();
            }
            assertThat(a.eigenvalues()).isEqualTo(b.eigenvalues());
        }
    }

    @Test
    void signTieGoesToLowestIndex() {
        // A path of 2 nodes: the Fiedler vector is (a, -a); the tie must make entry 0 positive.
        AffinityMatrix w = AffinityMatrix.wrap(2, new double[] {0, 1, 1, 0});
        SpectralEmbedding e = SpectralEmbedding.smallest(w, 2);
        assertThat(e.eigenvalue(1)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(e.eigenvector(1)[0]).isPositive();
        assertThat(e.eigenvector(1)[1]).isNegative();
    }

    @Test
    void disconnectedGraphWithIsolatedNodes() {
        AffinityMatrix a = TestGraphs.random(30, 0.5, 1);
        AffinityMatrix b = TestGraphs.random(20, 0.5, 2);
        AffinityMatrix isolated = AffinityMatrix.wrap(2, new double[4]);
        AffinityMatrix w = TestGraphs.union(b, isolated, a); // nodes 0..19 = b, 20, 21 isolated, 22..51 = a
        int n = w.size();
        for (EigenSolver solver : new EigenSolver[] {EigenSolver.dense(), EigenSolver.lanczos()}) {
            SpectralEmbedding e = SpectralEmbedding.smallest(w, 7, solver);
            assertThat(e.componentCount()).isEqualTo(4);
            int[] comp = e.componentLabels();
            assertThat(comp[22]).isEqualTo(0); // the 30-node block is the largest
            assertThat(comp[0]).isEqualTo(1);
            assertThat(comp[20]).isEqualTo(2);
            assertThat(comp[21]).isEqualTo(3);
            for (int k = 0; k < 4; k++) {
                assertThat(e.eigenvalue(k)).isEqualTo(0.0);
            }
            assertThat(e.eigenvalue(4)).isGreaterThan(1e-3);
            for (int k = 0; k < 7; k++) {
                for (double v : e.eigenvector(k)) {
                    assertThat(v).isFinite();
                }
            }
            assertThat(generalizedResidual(w, e)).isLessThan(1e-9);
            assertThat(dOrthonormalityError(e)).isLessThan(1e-9);
            // The Fiedler vector separates the largest component from the rest.
            double[] f = e.eigenvector(1);
            for (int i = 0; i < n; i++) {
                boolean inLargest = i >= 22;
                assertThat(Math.signum(f[i])).isEqualTo(Math.signum(f[22]) * (inLargest ? 1 : -1));
            }
            // The non-zero eigenvalues are those of the blocks' own Laplacians.
            double[] ra = JacobiReference.eigenvaluesOfLsym(a);
            double[] rb = JacobiReference.eigenvaluesOfLsym(b);
            double[] merged = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(ra, 1, ra.length),
                    java.util.Arrays.stream(rb, 1, rb.length)).sorted().toArray();
            for (int k = 4; k < 7; k++) {
                assertThat(e.eigenvalue(k)).isCloseTo(merged[k - 4], org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void allIsolatedNodes() {
        SpectralEmbedding e = SpectralEmbedding.smallest(AffinityMatrix.wrap(3, new double[9]), 3);
        assertThat(e.componentCount()).isEqualTo(3);
        assertThat(e.eigenvalues()).containsExactly(0, 0, 0);
        for (int k = 0; k < 3; k++) {
            for (double v : e.eigenvector(k)) {
                assertThat(v).isFinite();
            }
        }
    }

    @Test
    void sparseAndDenseOperatorsAgree() {
        AffinityMatrix w = TestGraphs.grid(15, 21, 5);
        SpectralEmbedding viaDense = SpectralEmbedding.smallest(AffinityOperator.dense(w), 4, EigenSolver.lanczos());
        SpectralEmbedding viaSparse = SpectralEmbedding.smallest(SparseAffinity.fromDense(w), 4, EigenSolver.lanczos());
        assertSameUpToSign(viaSparse, viaDense, 1e-9, 1e-7);
    }

    @Test
    void rejectsBadK() {
        AffinityMatrix w = TestGraphs.random(5, 1, 1);
        assertThatThrownBy(() -> SpectralEmbedding.smallest(w, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be in [1, n=5], got 0");
        assertThatThrownBy(() -> SpectralEmbedding.smallest(w, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lanczosFallsBackToDenseWhenNotConverging() {
        AffinityMatrix w = TestGraphs.grid(30, 31, 2);
        EigenSolver starved = EigenSolver.lanczos().maxRestarts(0).basisSize(8).tolerance(1e-14);
        SpectralEmbedding e = SpectralEmbedding.smallest(w, 3, starved);
        assertThat(e.method()).isEqualTo("lanczos->dense");
        assertSameUpToSign(e, SpectralEmbedding.smallest(w, 3, EigenSolver.dense()), 1e-12, 1e-9);
    }

    @Test
    void autoChoosesTheSolverByComponentSize() {
        assertThat(SpectralEmbedding.smallest(TestGraphs.random(100, 0.3, 1), 3).method()).isEqualTo("dense");
        assertThat(SpectralEmbedding.smallest(TestGraphs.random(300, 0.3, 1), 3).method()).isEqualTo("lanczos");
        assertThat(SpectralEmbedding.smallest(TestGraphs.random(300, 0.3, 1), 3, EigenSolver.auto(500)).method())
                .isEqualTo("dense");
        // Per component: a 300-node and a 40-node block.
        AffinityMatrix two = TestGraphs.union(TestGraphs.random(300, 0.3, 2), TestGraphs.random(40, 0.5, 3));
        assertThat(SpectralEmbedding.smallest(two, 5).method()).isEqualTo("components=2,lanczos,dense");
    }

    @Test
    void solverSpecsAreValidated() {
        assertThatThrownBy(() -> EigenSolver.lanczos().tolerance(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> EigenSolver.lanczos().basisSize(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("basisSize");
        assertThatThrownBy(() -> EigenSolver.auto(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("denseThreshold must be >= 0, got -1");
        assertThatThrownBy(() -> EigenSolver.dense().maxRestarts(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EigenSolver.auto().describe()).isEqualTo("auto(dense<=128,tol=1e-10)");
        assertThat(EigenSolver.lanczos().tolerance(1e-8)).isEqualTo(EigenSolver.lanczos().tolerance(1e-8));
    }
}
