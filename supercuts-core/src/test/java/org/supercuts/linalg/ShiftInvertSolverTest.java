package org.supercuts.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supercuts.spectral.NCut;
import org.supercuts.spectral.PartitionTree;
import org.supercuts.spectral.SpectralEmbedding;
import org.supercuts.testing.JacobiReference;
import org.supercuts.testing.TestGraphs;

/** The spectral transformation Lanczos solver ({@link EigenSolver#shiftInvert()}) and its grounded-Laplacian factor. */
class ShiftInvertSolverTest {

    /** max over the pairs of ||L_sym u - lambda u||, u the unit eigenvector of L_sym. */
    private static double lsymResidual(AffinityMatrix w, SpectralEmbedding e) {
        AffinityOperator op = AffinityOperator.dense(w);
        int n = w.size();
        double[] d = e.degrees();
        double[] invSqrt = new double[n];
        for (int i = 0; i < n; i++) {
            invSqrt[i] = 1 / Math.sqrt(d[i]);
        }
        double worst = 0;
        for (int k = 0; k < e.count(); k++) {
            double[] u = e.normalizedEigenvector(k);
            double[] mu = new double[n];
            LanczosKernel.applyM(op, invSqrt, u, mu, new double[n]);
            double r = 0;
            for (int i = 0; i < n; i++) {
                double v = u[i] - mu[i] - e.eigenvalue(k) * u[i];
                r += v * v;
            }
            worst = Math.max(worst, Math.sqrt(r));
        }
        return worst;
    }

    private static void assertSameUpToSign(SpectralEmbedding a, SpectralEmbedding b, double valueTol, double vectorTol) {
        assertThat(a.count()).isEqualTo(b.count());
        for (int k = 0; k < a.count(); k++) {
            assertThat(a.eigenvalue(k)).as("eigenvalue %d", k).isCloseTo(b.eigenvalue(k), within(valueTol));
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
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void matchesJacobiReferenceOnSmallRandomGraphs(long seed) {
        int n = 12 + (int) seed * 7;
        AffinityMatrix w = TestGraphs.random(n, 0.4, seed);
        double[] reference = JacobiReference.eigenvaluesOfLsym(w);
        int k = 5;
        SpectralEmbedding e = SpectralEmbedding.smallest(w, k, EigenSolver.shiftInvert());
        assertThat(e.method()).isEqualTo("shift-invert");
        for (int i = 0; i < k; i++) {
            assertThat(e.eigenvalue(i)).as("eigenvalue %d", i).isCloseTo(reference[i], within(1e-9));
        }
        assertThat(lsymResidual(w, e)).isLessThan(1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 200, 500})
    void matchesDenseOnRandomClusteredAndGridGraphs(int n) {
        AffinityMatrix random = TestGraphs.random(n, 0.05, n);
        assertSameUpToSign(SpectralEmbedding.smallest(random, 4, EigenSolver.shiftInvert()),
                SpectralEmbedding.smallest(random, 4, EigenSolver.dense()), 1e-9, 1e-6);
        AffinityMatrix clustered = TestGraphs.clusters(n, 4, 0.3, 0.05, n + 1);
        SpectralEmbedding c = SpectralEmbedding.smallest(clustered, 5, EigenSolver.shiftInvert());
        assertThat(c.method()).isEqualTo("shift-invert");
        assertSameUpToSign(c, SpectralEmbedding.smallest(clustered, 5, EigenSolver.dense()), 1e-9, 1e-6);
    }

    @Test
    void gridWithItsTinyFiedlerValue() {
        // A 9 x 47 grid: lambda_2 is small and lambda_3 close to it (the case that is slow for Lanczos on W).
        AffinityMatrix grid = TestGraphs.grid(9, 47, 3);
        SpectralEmbedding e = SpectralEmbedding.smallest(grid, 3, EigenSolver.shiftInvert());
        assertThat(e.method()).isEqualTo("shift-invert");
        assertSameUpToSign(e, SpectralEmbedding.smallest(grid, 3, EigenSolver.dense()), 1e-10, 1e-6);
        assertThat(lsymResidual(grid, e)).isLessThan(1e-9);
    }

    @Test
    void nearlyDisconnectedGraphFallsBackAndStaysAccurate() {
        // Two random blocks joined by one edge far below the pivot floor: the grounded factorization breaks down.
        AffinityMatrix a = TestGraphs.random(40, 0.4, 8);
        AffinityMatrix b = TestGraphs.random(30, 0.4, 9);
        AffinityMatrix u = TestGraphs.union(a, b);
        double[] w = u.backingArray().clone();
        int n = u.size();
        w[0 * n + 45] = 1e-17;
        w[45 * n + 0] = 1e-17;
        AffinityMatrix joined = AffinityMatrix.wrap(n, w);
        assertThatThrownBy(() -> GroundedLaplacian.factor(AffinityOperator.of(joined)))
                .isInstanceOf(GroundedLaplacian.BreakdownException.class).hasMessageContaining("pivot");
        SpectralEmbedding e = SpectralEmbedding.smallest(joined, 3, EigenSolver.shiftInvert());
        assertThat(e.method()).startsWith("shift-invert->auto");
        assertThat(e.componentCount()).isEqualTo(1);
        assertThat(lsymResidual(joined, e)).isLessThan(1e-9);
        // The fallback is exactly the automatic solver (dense at this size): lambda_2 is below rounding, so no solver can
        // resolve its vector better.
        SpectralEmbedding auto = SpectralEmbedding.smallest(joined, 3, EigenSolver.auto());
        for (int k = 0; k < 3; k++) {
            assertThat(e.eigenvector(k)).isEqualTo(auto.eigenvector(k));
        }
    }

    @Test
    void denseGraphsFallBackToTheAutomaticSolver() {
        // 1200 nodes, half of all pairs linked: the envelope is nearly the whole triangle (~n^3/6 work to factor).
        AffinityMatrix w = TestGraphs.random(1200, 0.5, 12);
        assertThatThrownBy(() -> GroundedLaplacian.factor(AffinityOperator.of(w)))
                .isInstanceOf(GroundedLaplacian.BreakdownException.class).hasMessageContaining("envelope");
        SpectralEmbedding e = SpectralEmbedding.smallest(w, 3, EigenSolver.shiftInvert());
        assertThat(e.method()).isEqualTo("shift-invert->auto,lanczos");
        assertThat(lsymResidual(w, e)).isLessThan(1e-9);
    }

    @Test
    void disconnectedGraphsAreSplitIntoComponentsFirst() {
        AffinityMatrix w = TestGraphs.union(TestGraphs.random(50, 0.3, 1), TestGraphs.random(30, 0.3, 2));
        SpectralEmbedding e = SpectralEmbedding.smallest(w, 4, EigenSolver.shiftInvert());
        assertThat(e.method()).isEqualTo("components=2,shift-invert");
        assertSameUpToSign(e, SpectralEmbedding.smallest(w, 4, EigenSolver.dense()), 1e-9, 1e-6);
    }

    @Test
    void repeatedCallsAreIdenticalAndSignsFixed() {
        AffinityMatrix w = TestGraphs.random(300, 0.05, 99);
        SpectralEmbedding a = SpectralEmbedding.smallest(w, 4, EigenSolver.shiftInvert());
        SpectralEmbedding b = SpectralEmbedding.smallest(w, 4, EigenSolver.shiftInvert());
        for (int k = 0; k < 4; k++) {
            assertThat(a.eigenvector(k)).isEqualTo(b.eigenvector(k));
            double[] x = a.eigenvector(k);
            int arg = 0;
            for (int i = 1; i < x.length; i++) {
                if (Math.abs(x[i]) > Math.abs(x[arg])) {
                    arg = i;
                }
            }
            assertThat(x[arg]).isPositive();
        }
    }

    @Test
    void recursiveCutGivesTheDenseTree() {
        double[][] between = {{0, 0.02, 0.004, 0.004}, {0.02, 0, 0.004, 0.004}, {0.004, 0.004, 0, 0.05},
                {0.004, 0.004, 0.05, 0}};
        TestGraphs.Planted p = TestGraphs.planted(new int[] {18, 22, 26, 30}, between, 21);
        PartitionTree dense = NCut.recursive().maxSegments(8).solver(EigenSolver.dense()).partition(p.affinity()).tree();
        PartitionTree shift = NCut.recursive().maxSegments(8).solver(EigenSolver.shiftInvert()).partition(p.affinity()).tree();
        assertThat(shift.splitCount()).isEqualTo(dense.splitCount());
        for (int s = 0; s <= dense.splitCount(); s++) {
            assertThat(shift.labelsAfterSplits(s)).as("partition after %d splits", s).isEqualTo(dense.labelsAfterSplits(s));
        }
    }

    @Test
    void groundedSolveSatisfiesTheLaplacianSystem() {
        int n = 150;
        AffinityMatrix w = TestGraphs.random(n, 0.06, 5);
        AffinityOperator op = AffinityOperator.of(w);
        assertThat(GraphComponents.of(op).count()).isEqualTo(1);
        GroundedLaplacian lap = GroundedLaplacian.factor(op);
        SplittableRandom r = new SplittableRandom(3);
        double[] b = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            b[i] = r.nextDouble() - 0.5;
            mean += b[i] / n;
        }
        for (int i = 0; i < n; i++) {
            b[i] -= mean;
        }
        double[] y = new double[n];
        lap.solve(b, y, new double[n]);
        double[] wy = new double[n];
        op.multiply(y, wy);
        double[] d = op.rowSums();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(d[i] * y[i] - wy[i] - b[i]));
        }
        assertThat(worst).isLessThan(1e-10);
        assertThat(lap.envelopeSize()).isLessThan(n * (n - 1) / 2);
    }

    @Test
    void groundedFactorRejectsDisconnectedGraphs() {
        AffinityMatrix w = TestGraphs.union(TestGraphs.random(10, 0.6, 1), TestGraphs.random(10, 0.6, 2));
        assertThatThrownBy(() -> GroundedLaplacian.factor(AffinityOperator.of(w)))
                .isInstanceOf(GroundedLaplacian.BreakdownException.class);
    }

    @Test
    void reverseCuthillMcKeeOrdersAPathByItsEnds() {
        // Path 0-1-2-...-9 given with shuffled labels; RCM must walk it end to end (envelope width 1).
        int[] label = {3, 7, 0, 9, 5, 1, 8, 2, 6, 4};
        int n = label.length;
        int[][] neighbours = new int[n][];
        for (int p = 0; p < n; p++) {
            int count = (p > 0 ? 1 : 0) + (p < n - 1 ? 1 : 0);
            neighbours[label[p]] = new int[count];
            int f = 0;
            if (p > 0) {
                neighbours[label[p]][f++] = label[p - 1];
            }
            if (p < n - 1) {
                neighbours[label[p]][f] = label[p + 1];
            }
        }
        int[] start = new int[n + 1];
        for (int v = 0; v < n; v++) {
            Arrays.sort(neighbours[v]);
            start[v + 1] = start[v] + neighbours[v].length;
        }
        int[] adj = new int[start[n]];
        for (int v = 0; v < n; v++) {
            System.arraycopy(neighbours[v], 0, adj, start[v], neighbours[v].length);
        }
        int[] order = GroundedLaplacian.reverseCuthillMcKee(n, start, adj, -1);
        int[] walk = order.clone();
        int[] reversed = new int[n];
        for (int p = 0; p < n; p++) {
            reversed[p] = label[n - 1 - p];
        }
        assertThat(walk).satisfiesAnyOf(o -> assertThat(o).isEqualTo(label), o -> assertThat(o).isEqualTo(reversed));
        // Skipping an inner node leaves two pieces, each still ordered along the path.
        int[] skipped = GroundedLaplacian.reverseCuthillMcKee(n, start, adj, label[4]);
        assertThat(skipped).hasSize(n - 1).doesNotContain(label[4]);
        int[] sorted = skipped.clone();
        Arrays.sort(sorted);
        assertThat(sorted).doesNotHaveDuplicates();
    }

    @Test
    void specDescribesItself() {
        assertThat(EigenSolver.shiftInvert().describe()).isEqualTo("shift-invert(tol=1e-10)");
        assertThat(EigenSolver.shiftInvert().tolerance(1e-8)).isEqualTo(EigenSolver.shiftInvert().tolerance(1e-8))
                .isNotEqualTo(EigenSolver.auto().tolerance(1e-8));
        assertThat(EigenSolver.shiftInvert().kind()).isEqualTo(EigenSolver.Kind.SHIFT_INVERT);
    }
}
