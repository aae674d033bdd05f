package org.supercuts.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.supercuts.graph.RegionGraph;

/**
 * The background-prior selectors (BSCA, cellular automata, absorbing Markov chain, foreground-query ranking) on
 * {@link SaliencySelectorsTest#blocks()}: a 6x4 grid of blocks, the central 2x2 red, the rest grey-green.
 */
class BackgroundPriorSelectorsTest {
    private static ObjectSelector.Input input(RegionGraph g) {
        return new ObjectSelector.Input(g, null, null, null);
    }

    /** A fixed map, as a selector. */
    private static ObjectSelector fixed(double[] map) {
        return new ObjectSelector() {
            @Override
            public double[] foreground(Input input) {
                return map.clone();
            }

            @Override
            public String describe() {
                return "fixed";
            }
        };
    }

    private static void assertSeparates(double[] s) {
        assertThat(s).hasSize(24);
        for (int r = 0; r < 24; r++) {
            assertThat(s[r]).as("region %d", r).isBetween(0.0, 1.0);
            assertThat(s[r] >= 0.5).as("region %d score %.3f", r, s[r]).isEqualTo(SaliencySelectorsTest.isObject(r));
        }
    }

    @Test
    void backgroundClusterContrastRanksTheObjectAboveTheBackground() {
        double[] s = BackgroundClusterContrast.defaults().foreground(input(SaliencySelectorsTest.blocks()));
        double minObject = 1;
        double maxBackground = 0;
        for (int r = 0; r < 24; r++) {
            if (SaliencySelectorsTest.isObject(r)) {
                minObject = Math.min(minObject, s[r]);
            } else {
                maxBackground = Math.max(maxBackground, s[r]);
            }
        }
        assertThat(minObject).isGreaterThan(maxBackground);
    }

    @Test
    void bscaSeparatesTheCentralObject() {
        assertSeparates(CellularAutomata.backgroundBased().foreground(input(SaliencySelectorsTest.blocks())));
    }

    @Test
    void absorbingMarkovChainSeparatesTheCentralObject() {
        assertSeparates(AbsorbingMarkovChain.defaults().foreground(input(SaliencySelectorsTest.blocks())));
    }

    @Test
    void absorbedTimesMatchTheFundamentalMatrixOfTheExplicitChain() {
        RegionGraph g = SaliencySelectorsTest.blocks();
        int n = g.regionCount();
        ManifoldRanking.Csr c = ManifoldRanking.defaults().graph(g);
        int[] border = ManifoldRanking.borderRegions(g);
        int m = border.length;
        // States 0..n-1 transient, n..n+m-1 the absorbing copies of the border regions; the copy of b is linked to b
        // with weight 1 and to b's graph neighbours with b's weights.
        double[][] w = new double[n + m][n + m];
        for (int i = 0; i < n; i++) {
            for (int k = c.start()[i]; k < c.start()[i + 1]; k++) {
                w[i][c.nb()[k]] = c.w()[k];
            }
        }
        for (int a = 0; a < m; a++) {
            int b = border[a];
            w[b][n + a] = 1;
            for (int k = c.start()[b]; k < c.start()[b + 1]; k++) {
                w[c.nb()[k]][n + a] = c.w()[k];
            }
        }
        DMatrixRMaj iMinusQ = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n + m; j++) {
                row += w[i][j];
            }
            for (int j = 0; j < n; j++) {
                iMinusQ.set(i, j, (i == j ? 1 : 0) - w[i][j] / row);
            }
        }
        DMatrixRMaj ones = new DMatrixRMaj(n, 1);
        ones.fill(1);
        DMatrixRMaj times = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.solve(iMinusQ, ones, times);
        double[] expected = GraphSolvers.normalise(times.getData().clone());
        double[] actual = AbsorbingMarkovChain.defaults().foreground(input(g));
        for (int i = 0; i < n; i++) {
            assertThat(actual[i]).as("region %d", i).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void cellularAutomataRepairsAnObjectCellThePriorMissed() {
        RegionGraph g = SaliencySelectorsTest.blocks();
        double[] prior = new double[24];
        for (int r = 0; r < 24; r++) {
            prior[r] = SaliencySelectorsTest.isObject(r) ? 0.9 : 0.1 + 0.02 * (r % 3);
        }
        int missed = 1 * 6 + 2; // an object block (column 2, row 1) the prior scores like background
        prior[missed] = 0.12;
        double[] s = CellularAutomata.of(fixed(prior)).foreground(input(g));
        assertSeparates(s);
        // Without updates the map is the prior rescaled, so the missed cell stays background.
        assertThat(CellularAutomata.of(fixed(prior)).iterations(0).foreground(input(g))[missed]).isLessThan(0.5);
    }

    @Test
    void foregroundQueriesFromANoisyPriorRankTheWholeObject() {
        RegionGraph g = SaliencySelectorsTest.blocks();
        double[] prior = new double[24];
        for (int r = 0; r < 24; r++) {
            prior[r] = SaliencySelectorsTest.isObject(r) ? 0.8 : 0.1;
        }
        prior[1 * 6 + 3] = 0.1; // one object block missed by the prior
        prior[0] = 0.5; // one background corner wrongly raised
        assertSeparates(ForegroundQueryRanking.of(fixed(prior)).foreground(input(g)));
        assertSeparates(ForegroundQueryRanking.of(fixed(prior)).softQueries(true).foreground(input(g)));
    }

    @Test
    void fusionWithManifoldRankingStillSeparatesTheObject() {
        RegionGraph g = SaliencySelectorsTest.blocks();
        assertSeparates(SaliencyFusion.of(List.of(ManifoldRanking.defaults(), CellularAutomata.backgroundBased()), 1, 1)
                .stretched(true).foreground(input(g)));
    }

    @Test
    void multiLayerIntegrationSharpensWhereTheLayersAgree() {
        RegionGraph g = SaliencySelectorsTest.blocks();
        double[] a = new double[24];
        double[] b = new double[24];
        for (int r = 0; r < 24; r++) {
            boolean object = SaliencySelectorsTest.isObject(r);
            a[r] = object ? 0.7 : 0.3 - 0.01 * (r % 5);
            b[r] = object ? 0.8 : 0.2 + 0.01 * (r % 7);
        }
        a[0] = 1.0; // map A also calls a background corner foreground; B disagrees
        b[0] = 0.0;
        b[5] = 1.0; // and B calls another corner foreground, A disagrees
        a[5] = 0.0; // (both maps span [0, 1], so the layers' rescaling leaves them as they are)
        double[] plain = MultiLayerCellularAutomata.of(List.of(fixed(a), fixed(b))).steps(0).foreground(input(g));
        double[] s = MultiLayerCellularAutomata.of(List.of(fixed(a), fixed(b))).foreground(input(g));
        for (int r = 0; r < 24; r++) {
            assertThat(plain[r]).isCloseTo((a[r] + b[r]) / 2, within(1e-12));
            if (r == 0 || r == 5) {
                // one vote each way: the layers move towards each other, the mean stays undecided
                assertThat(s[r]).as("region %d", r).isBetween(0.3, 0.7);
            } else if (SaliencySelectorsTest.isObject(r)) {
                assertThat(s[r]).as("region %d", r).isGreaterThan(plain[r]);
            } else {
                assertThat(s[r]).as("region %d", r).isLessThan(plain[r]);
            }
        }
    }

    @Test
    void otsuThresholdFallsBetweenTheModes() {
        RegionGraph g = SaliencySelectorsTest.blocks();
        double[] s = new double[24];
        for (int r = 0; r < 24; r++) {
            s[r] = SaliencySelectorsTest.isObject(r) ? 0.85 + 0.01 * (r % 3) : 0.1 + 0.01 * (r % 4);
        }
        assertThat(MultiLayerCellularAutomata.otsuThreshold(s, g)).isBetween(0.14, 0.85);
    }

    @Test
    void integratedRankingAndAbsorptionSeparateTheCentralObject() {
        assertSeparates(MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults(), AbsorbingMarkovChain.defaults()
                .sigmaSquared(0.05))).foreground(input(SaliencySelectorsTest.blocks())));
    }

    @Test
    void badParametersNameTheParameter() {
        assertThatThrownBy(() -> MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layers");
        assertThatThrownBy(() -> MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults(),
                AbsorbingMarkovChain.defaults())).lambda(0)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults(),
                AbsorbingMarkovChain.defaults())).steps(-1)).hasMessageContaining("steps");
        assertThatThrownBy(() -> BackgroundClusterContrast.defaults().clusters(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clusters");
        assertThatThrownBy(() -> BackgroundClusterContrast.defaults().sigmaColor(0)).hasMessageContaining("sigmaColor");
        assertThatThrownBy(() -> BackgroundClusterContrast.defaults().beta(Double.NaN)).hasMessageContaining("beta");
        assertThatThrownBy(() -> BackgroundClusterContrast.defaults().sigmaSpace(-1)).hasMessageContaining("sigmaSpace");
        assertThatThrownBy(() -> CellularAutomata.backgroundBased().iterations(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterations");
        assertThatThrownBy(() -> CellularAutomata.backgroundBased().sigmaSquared(Double.POSITIVE_INFINITY))
                .hasMessageContaining("sigmaSquared");
        assertThatThrownBy(() -> CellularAutomata.backgroundBased().coherence(0.7, 0.4)).hasMessageContaining("coherence");
        assertThatThrownBy(() -> CellularAutomata.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("prior");
        assertThatThrownBy(() -> AbsorbingMarkovChain.defaults().sigmaSquared(0)).hasMessageContaining("sigmaSquared");
        assertThatThrownBy(() -> ForegroundQueryRanking.of(null)).hasMessageContaining("prior");
    }
}
