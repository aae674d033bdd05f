package org.supercuts.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.testing.TestGraphs;

class SparseAffinityTest {

    @Test
    void denseRoundTripAndProducts() {
        AffinityMatrix w = TestGraphs.random(40, 0.2, 3);
        SparseAffinity s = SparseAffinity.fromDense(w);
        assertThat(s.toDense().backingArray()).isEqualTo(w.backingArray());
        double[] x = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = Math.sin(i);
        }
        double[] expected = new double[40];
        w.multiply(x, expected);
        double[] viaSparse = new double[40];
        s.multiply(x, viaSparse);
        double[] viaDense = new double[40];
        AffinityOperator.dense(w).multiply(x, viaDense);
        for (int i = 0; i < 40; i++) {
            assertThat(viaSparse[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-12));
            assertThat(viaDense[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(s.rowSums()).containsExactly(w.degrees(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(AffinityOperator.of(w)).isInstanceOf(SparseAffinity.class);
        assertThat(AffinityOperator.of(TestGraphs.random(40, 0.9, 3))).isNotInstanceOf(SparseAffinity.class);
    }

    @Test
    void subgraphKeepsTheInducedEntries() {
        AffinityMatrix w = TestGraphs.random(30, 0.5, 8);
        int[] nodes = {1, 4, 5, 17, 29};
        AffinityOperator sparseSub = SparseAffinity.fromDense(w).subgraph(nodes);
        AffinityOperator denseSub = AffinityOperator.dense(w).subgraph(nodes);
        for (AffinityOperator sub : new AffinityOperator[] {sparseSub, denseSub}) {
            assertThat(sub.size()).isEqualTo(5);
            double[][] seen = new double[5][5];
            for (int a = 0; a < 5; a++) {
                final int row = a;
                sub.forEachInRow(a, (b, v) -> seen[row][b] = v);
            }
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    assertThat(seen[a][b]).isEqualTo(w.get(nodes[a], nodes[b]));
                }
            }
        }
        assertThatThrownBy(() -> SparseAffinity.fromDense(w).subgraph(new int[] {3, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly ascending");
    }

    @Test
    void nearestNeighboursIsSymmetricAndKeepsTheStrongestEdges() {
        AffinityMatrix w = TestGraphs.random(50, 1.0, 12);
        SparseAffinity knn = SparseAffinity.nearestNeighbours(w, 3);
        for (int i = 0; i < 50; i++) {
            // Row i keeps at least its 3 strongest off-diagonal entries, with their weights.
            double[] row = new double[50];
            for (int j = 0; j < 50; j++) {
                row[j] = j == i ? -1 : w.get(i, j);
            }
            double[] sorted = row.clone();
            java.util.Arrays.sort(sorted);
            double third = sorted[47];
            for (int j = 0; j < 50; j++) {
                if (row[j] >= third) {
                    assertThat(knn.get(i, j)).isEqualTo(w.get(i, j));
                }
                assertThat(knn.get(i, j)).isEqualTo(knn.get(j, i));
                if (knn.get(i, j) != 0) {
                    assertThat(knn.get(i, j)).isEqualTo(w.get(i, j));
                }
            }
            assertThat(knn.get(i, i)).isZero();
        }
        assertThatThrownBy(() -> SparseAffinity.nearestNeighbours(w, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neighbours must be >= 1, got 0");
    }

    @Test
    void validationNamesTheOffendingEntry() {
        assertThatThrownBy(() -> SparseAffinity.of(2, new int[] {0, 1, 1}, new int[] {1}, new double[] {0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> SparseAffinity.of(2, new int[] {0, 1, 2}, new int[] {1, 0}, new double[] {0.5, -0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W[1][0] = -0.5");
        assertThatThrownBy(() -> SparseAffinity.of(2, new int[] {0, 2, 2}, new int[] {1, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> SparseAffinity.of(2, new int[] {0, 1, 2}, new int[] {1, 5}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 5 in row 1");
        SparseAffinity ok = SparseAffinity.of(2, new int[] {0, 1, 2}, new int[] {1, 0}, new double[] {0.5, 0.5});
        assertThat(ok.get(0, 1)).isEqualTo(0.5);
        assertThat(ok.nonZeros()).isEqualTo(2);
    }
}
