package org.supercuts.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

class SaliencySelectorsTest {
    /**
     * A 60x40 image tiled into 6x4 blocks of 10x10 pixels (24 regions); the 2x2 central blocks (columns 2-3, rows 1-2) are
     * red, everything else grey-green with slight per-block variation.
     */
    static RegionGraph blocks() {
        int w = 60;
        int h = 40;
        float[] r = new float[w * h];
        float[] g = new float[w * h];
        float[] b = new float[w * h];
        int[] labels = new int[w * h];
        Random rnd = new Random(3);
        float[] jitter = new float[24];
        for (int k = 0; k < 24; k++) {
            jitter[k] = (float) (rnd.nextDouble() * 0.05);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int bx = x / 10;
                int by = y / 10;
                labels[i] = by * 6 + bx;
                boolean object = bx >= 2 && bx <= 3 && by >= 1 && by <= 2;
                r[i] = object ? 0.9f : 0.4f + jitter[labels[i]];
                g[i] = object ? 0.1f : 0.5f + jitter[labels[i]];
                b[i] = object ? 0.1f : 0.4f;
            }
        }
        return RegionGraph.build(PlanarImage.wrap(w, h, r, g, b), LabelMap.of(w, h, labels));
    }

    static boolean isObject(int region) {
        int bx = region % 6;
        int by = region / 6;
        return bx >= 2 && bx <= 3 && by >= 1 && by <= 2;
    }

    private static ObjectSelector.Input input(RegionGraph g) {
        return new ObjectSelector.Input(g, null, null, null);
    }

    @Test
    void boundaryConnectivitySeparatesTheCentralObject() {
        double[] s = BoundaryConnectivity.defaults().foreground(input(blocks()));
        for (int r = 0; r < 24; r++) {
            if (isObject(r)) {
                assertThat(s[r]).as("region %d", r).isGreaterThanOrEqualTo(0.5);
            } else {
                assertThat(s[r]).as("region %d", r).isLessThan(0.5);
            }
        }
    }

    @Test
    void manifoldRankingSeparatesTheCentralObject() {
        double[] s = ManifoldRanking.defaults().foreground(input(blocks()));
        for (int r = 0; r < 24; r++) {
            assertThat(s[r] >= 0.5).as("region %d score %.3f", r, s[r]).isEqualTo(isObject(r));
        }
    }

    @Test
    void fusionIsTheWeightedMean() {
        RegionGraph g = blocks();
        double[] a = BoundaryConnectivity.defaults().foreground(input(g));
        double[] b = ManifoldRanking.defaults().foreground(input(g));
        double[] f = SaliencyFusion.of(List.of(BoundaryConnectivity.defaults(), ManifoldRanking.defaults()), 3, 1)
                .foreground(input(g));
        for (int i = 0; i < f.length; i++) {
            assertThat(f[i]).isCloseTo(0.75 * a[i] + 0.25 * b[i], within(1e-12));
        }
        assertThatThrownBy(() -> SaliencyFusion.of(List.of(ManifoldRanking.defaults()), 0)).hasMessageContaining("all 0");
        assertThatThrownBy(() -> ManifoldRanking.defaults().alpha(1)).hasMessageContaining("alpha");
    }

    @Test
    void geodesicMatchesFloydWarshall() {
        RegionGraph g = blocks();
        int n = g.regionCount();
        double[] len = new double[g.neighbourStart(n)];
        // Symmetric random edge lengths: derive from the unordered pair.
        for (int i = 0; i < n; i++) {
            for (int k = g.neighbourStart(i); k < g.neighbourStart(i + 1); k++) {
                int j = g.neighbour(k);
                len[k] = 1 + ((Math.min(i, j) * 31 + Math.max(i, j) * 17) % 13);
            }
        }
        double[] d = GraphSolvers.geodesic(g, len);
        double[] ref = new double[n * n];
        java.util.Arrays.fill(ref, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            ref[i * n + i] = 0;
            for (int k = g.neighbourStart(i); k < g.neighbourStart(i + 1); k++) {
                ref[i * n + g.neighbour(k)] = len[k];
            }
        }
        for (int m = 0; m < n; m++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ref[i * n + j] = Math.min(ref[i * n + j], ref[i * n + m] + ref[m * n + j]);
                }
            }
        }
        for (int i = 0; i < n * n; i++) {
            assertThat(d[i]).isCloseTo(ref[i], within(1e-12));
        }
    }

    @Test
    void conjugateGradientMatchesADenseSolve() {
        RegionGraph g = blocks();
        int n = g.regionCount();
        Random rnd = new Random(9);
        double[] w = new double[g.neighbourStart(n)];
        for (int i = 0; i < n; i++) {
            for (int k = g.neighbourStart(i); k < g.neighbourStart(i + 1); k++) {
                int j = g.neighbour(k);
                w[k] = 0.1 + ((Math.min(i, j) * 7 + Math.max(i, j) * 3) % 5) / 5.0;
            }
        }
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 0.05 + rnd.nextDouble();
            b[i] = rnd.nextDouble();
        }
        double[] x = GraphSolvers.solveLaplacianSystem(g, w, a, b);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            m.add(i, i, a[i]);
            for (int k = g.neighbourStart(i); k < g.neighbourStart(i + 1); k++) {
                m.add(i, i, w[k]);
                m.add(i, g.neighbour(k), -w[k]);
            }
        }
        DMatrixRMaj ref = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.solve(m, new DMatrixRMaj(n, 1, true, b), ref);
        for (int i = 0; i < n; i++) {
            assertThat(x[i]).isCloseTo(ref.get(i, 0), within(1e-8));
        }
    }
}
