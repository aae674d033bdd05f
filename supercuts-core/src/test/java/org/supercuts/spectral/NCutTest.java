package org.supercuts.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.linalg.AffinityOperator;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.testing.TestGraphs;

class NCutTest {
    private static final double[][] TWO = {{0, 0.02}, {0.02, 0}};

    @ParameterizedTest
    @EnumSource(NCut.SplitRule.class)
    void bipartitionSplitsTwoBlobsExactlyUnderEveryRule(NCut.SplitRule rule) {
        TestGraphs.Planted p = TestGraphs.planted(new int[] {23, 37}, TWO, 5);
        for (EigenSolver solver : new EigenSolver[] {EigenSolver.dense(), EigenSolver.lanczos()}) {
            SpectralPartition part = NCut.bipartition().splitRule(rule).solver(solver).partition(p.affinity());
            PartitionTree tree = part.tree();
            assertThat(tree.splitCount()).isEqualTo(1);
            int[] labels = tree.labelsAfterSplits(1);
            assertThat(TestGraphs.samePartition(labels, p.truth())).as("rule %s, solver %s", rule, solver).isTrue();
            // fiedler >= threshold is exactly child 0 of the root.
            double[] f = part.fiedler();
            int[] child0 = tree.node(tree.root().children()[0]).members();
            boolean[] in0 = new boolean[f.length];
            for (int i : child0) {
                in0[i] = true;
            }
            for (int i = 0; i < f.length; i++) {
                assertThat(f[i] >= part.fiedlerThreshold()).isEqualTo(in0[i]);
            }
            double expected = NCut.value(AffinityOperator.of(p.affinity()), p.truth());
            assertThat(tree.root().splitCost()).isCloseTo(expected, Offset.offset(1e-12));
            assertThat(part.eigenpairCount()).isEqualTo(2);
        }
    }

    @Test
    void bestNcutIsNoWorseThanFixedThresholds() {
        AffinityMatrix w = TestGraphs.cosinePatches(150, 8, 3, 1.2, 4);
        double best = NCut.bipartition().splitRule(NCut.SplitRule.BEST_NCUT).partition(w).tree().root().splitCost();
        for (NCut.SplitRule rule : List.of(NCut.SplitRule.ZERO, NCut.SplitRule.MEAN)) {
            double other = NCut.bipartition().splitRule(rule).partition(w).tree().root().splitCost();
            assertThat(best).isLessThanOrEqualTo(other + 1e-12);
        }
    }

    @Test
    void kwayRecoversThreeClustersGivenKAndByEigengap() {
        double[][] between = {{0, 0.03, 0.02}, {0.03, 0, 0.04}, {0.02, 0.04, 0}};
        TestGraphs.Planted p = TestGraphs.planted(new int[] {20, 31, 44}, between, 8);
        SpectralPartition given = NCut.kway(3).partition(p.affinity());
        assertThat(given.tree().leafCount()).isEqualTo(3);
        assertThat(TestGraphs.samePartition(given.tree().labelsAfterSplits(1), p.truth())).isTrue();
        SpectralPartition auto = NCut.kway().partition(p.affinity());
        assertThat(auto.tree().leafCount()).isEqualTo(3);
        assertThat(TestGraphs.samePartition(auto.tree().labelsAfterSplits(1), p.truth())).isTrue();
        assertThat(auto.eigenpairCount()).isEqualTo(9);
        assertThat(auto.tree().root().splitCost()).isCloseTo(NCut.value(AffinityOperator.of(p.affinity()), p.truth()),
                Offset.offset(1e-12));
        // Labels are numbered by smallest member.
        assertThat(given.tree().labelsAfterSplits(1)[0]).isZero();
    }

    @Test
    void kwayEigengapFindsFourClusters() {
        double[][] between = new double[4][4];
        for (double[] row : between) {
            java.util.Arrays.fill(row, 0.01);
        }
        TestGraphs.Planted p = TestGraphs.planted(new int[] {15, 25, 35, 45}, between, 3);
        SpectralPartition auto = NCut.kway().maxK(6).partition(p.affinity());
        assertThat(TestGraphs.samePartition(auto.tree().labelsAfterSplits(1), p.truth())).isTrue();
    }

    /** Two pairs of groups: {0,1} and {2,3} tightly bound within, loosely between. */
    private static TestGraphs.Planted hierarchy() {
        double[][] between = {
            {0, 0.06, 0.002, 0.002},
            {0.06, 0, 0.002, 0.002},
            {0.002, 0.002, 0, 0.03},
            {0.002, 0.002, 0.03, 0}};
        return TestGraphs.planted(new int[] {18, 22, 26, 30}, between, 21);
    }

    @Test
    void recursiveTreeLevelsPartitionNestAndFollowCostOrder() {
        TestGraphs.Planted p = hierarchy();
        SpectralPartition part = NCut.recursive().maxSegments(8).maxNcut(Double.POSITIVE_INFINITY).partition(p.affinity());
        PartitionTree tree = part.tree();
        int n = p.truth().length;
        assertThat(tree.leafCount()).isEqualTo(8);
        int[] previous = new int[n];
        for (int s = 0; s <= tree.splitCount(); s++) {
            int[] labels = tree.labelsAfterSplits(s);
            // A partition of all nodes into exactly segmentsAfterSplits(s) non-empty segments.
            int segments = tree.segmentsAfterSplits(s);
            boolean[] used = new boolean[segments];
            for (int l : labels) {
                assertThat(l).isBetween(0, segments - 1);
                used[l] = true;
            }
            for (boolean u : used) {
                assertThat(u).isTrue();
            }
            // Nesting: nodes together now were together before.
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (labels[i] == labels[j]) {
                        assertThat(previous[i]).isEqualTo(previous[j]);
                    }
                }
            }
            previous = labels;
        }
        // Split order: each split is no more expensive than any split of a node that already existed at that time.
        for (int s = 0; s < tree.splitCount(); s++) {
            PartitionTree.Node chosen = tree.split(s);
            for (int t = s + 1; t < tree.splitCount(); t++) {
                PartitionTree.Node later = tree.split(t);
                boolean existed = later.parent() < 0 || tree.node(later.parent()).splitOrder() < s;
                if (existed) {
                    assertThat(chosen.splitCost()).isLessThanOrEqualTo(later.splitCost());
                }
            }
        }
        // The cheapest cut separates the two pairs, then the looser pair {2,3}, then {0,1}.
        int[] truthPairs = p.truth().clone();
        for (int i = 0; i < n; i++) {
            truthPairs[i] = p.truth()[i] / 2;
        }
        assertThat(TestGraphs.samePartition(tree.labelsAfterSplits(1), truthPairs)).isTrue();
        assertThat(TestGraphs.samePartition(tree.labelsAfterSplits(3), p.truth())).isTrue();
        int[] afterTwo = tree.labelsAfterSplits(2);
        int[] expectedTwo = new int[n];
        for (int i = 0; i < n; i++) {
            expectedTwo[i] = p.truth()[i] < 2 ? 0 : p.truth()[i];
        }
        assertThat(TestGraphs.samePartition(afterTwo, expectedTwo)).isTrue();
        assertThat(part.fiedlerThreshold()).isFinite();
    }

    @Test
    void recursiveStoppingRules() {
        TestGraphs.Planted p = hierarchy();
        assertThat(NCut.recursive().maxSegments(3).partition(p.affinity()).tree().leafCount()).isEqualTo(3);
        assertThat(NCut.recursive().maxNcut(0.0).partition(p.affinity()).tree().splitCount()).isZero();
        // The four planted groups cost far less than 0.5, any split inside a group about 1.
        PartitionTree byCost = NCut.recursive().maxNcut(0.5).partition(p.affinity()).tree();
        assertThat(byCost.leafCount()).isEqualTo(4);
        for (int s = 0; s < byCost.splitCount(); s++) {
            assertThat(byCost.split(s).splitCost()).isLessThanOrEqualTo(0.5);
        }
        PartitionTree big = NCut.recursive().maxSegments(64).minRegionNodes(10).partition(p.affinity()).tree();
        for (int id = 0; id < big.treeNodeCount(); id++) {
            assertThat(big.node(id).size()).isGreaterThanOrEqualTo(10);
        }
        assertThat(big.leafCount()).isGreaterThan(4);
    }

    @Test
    void tinyGraphs() {
        AffinityMatrix two = AffinityMatrix.wrap(2, new double[] {0, 0.5, 0.5, 0});
        AffinityMatrix three = AffinityMatrix.wrap(3, new double[] {0, 1, 0.1, 1, 0, 0.1, 0.1, 0.1, 0});
        for (SpectralPartitioner spec : List.<SpectralPartitioner>of(NCut.bipartition(), NCut.kway(2), NCut.kway(),
                NCut.recursive().maxNcut(Double.POSITIVE_INFINITY), NCut.bipartition().splitRule(NCut.SplitRule.ZERO),
                NCut.bipartition().splitRule(NCut.SplitRule.MEAN))) {
            SpectralPartition p2 = spec.partition(two);
            assertThat(p2.tree().labelsAfterSplits(1)).as(spec.describe()).containsExactly(0, 1);
            SpectralPartition p3 = spec.partition(three);
            assertThat(p3.eigenpairCount()).isGreaterThanOrEqualTo(2);
            int[] l3 = p3.tree().labelsAfterSplits(1);
            // Node 2 is the loosely attached one: it is cut off first.
            assertThat(l3[0]).as(spec.describe()).isEqualTo(l3[1]);
            assertThat(l3[2]).as(spec.describe()).isNotEqualTo(l3[0]);
            assertThat(p3.fiedlerThreshold()).isFinite();
        }
        // With the default maxNcut = 1 neither is split: cutting off node 2 costs 1 + 0.2/2.2, splitting a pair costs 2.
        assertThat(NCut.recursive().partition(three).tree().splitCount()).isZero();
        assertThat(NCut.recursive().partition(two).tree().splitCount()).isZero();
        assertThat(NCut.recursive().maxNcut(Double.POSITIVE_INFINITY).partition(three).tree().leafCount()).isEqualTo(3);
        assertThat(NCut.kway(3).partition(three).tree().labelsAfterSplits(1)).containsExactly(0, 1, 2);
        assertThat(NCut.kway(3).partition(two).tree().labelsAfterSplits(1)).containsExactly(0, 1); // k clamped to n
    }

    @Test
    void componentsAndIsolatedNodesGiveFiniteResults() {
        AffinityMatrix w = TestGraphs.union(TestGraphs.random(12, 0.6, 1), AffinityMatrix.wrap(1, new double[1]),
                TestGraphs.random(20, 0.6, 2), AffinityMatrix.wrap(1, new double[1]));
        for (SpectralPartitioner spec : List.<SpectralPartitioner>of(NCut.bipartition(), NCut.kway(4), NCut.kway(),
                NCut.recursive())) {
            SpectralPartition p = spec.partition(w);
            for (int k = 0; k < p.eigenpairCount(); k++) {
                for (double v : p.eigenvector(k)) {
                    assertThat(v).isFinite();
                }
            }
            for (int s = 0; s < p.tree().splitCount(); s++) {
                assertThat(p.tree().split(s).splitCost()).isFinite();
            }
            assertThat(p.fiedlerThreshold()).isFinite();
        }
        // The root split separates the largest component (nodes 13..32) from the rest, at zero cost.
        SpectralPartition bi = NCut.bipartition().partition(w);
        int[] labels = bi.tree().labelsAfterSplits(1);
        for (int i = 0; i < w.size(); i++) {
            assertThat(labels[i] == labels[13]).isEqualTo(i >= 13 && i < 33);
        }
        assertThat(bi.tree().root().splitCost()).isZero();
        // Recursive: components first (all at zero cost), isolated nodes included.
        PartitionTree rec = NCut.recursive().maxSegments(4).partition(w).tree();
        assertThat(TestGraphs.samePartition(rec.labelsAfterSplits(3), new SpectralEmbeddingAccess(w).components())).isTrue();
    }

    /** The component labels, through the public embedding. */
    private record SpectralEmbeddingAccess(AffinityMatrix w) {
        int[] components() {
            return SpectralEmbedding.smallest(w, 1).componentLabels();
        }
    }

    @Test
    void repeatedCallsAreIdentical() {
        AffinityMatrix w = TestGraphs.cosinePatches(300, 12, 4, 0.9, 6);
        for (SpectralPartitioner spec : List.<SpectralPartitioner>of(NCut.bipartition(), NCut.kway(4), NCut.kway(),
                NCut.recursive())) {
            SpectralPartition a = spec.partition(w);
            SpectralPartition b = spec.partition(w);
            assertThat(a.eigenvalues()).isEqualTo(b.eigenvalues());
            assertThat(a.fiedler()).isEqualTo(b.fiedler());
            assertThat(a.fiedlerThreshold()).isEqualTo(b.fiedlerThreshold());
            assertThat(a.tree().splitCount()).isEqualTo(b.tree().splitCount());
            for (int s = 0; s <= a.tree().splitCount(); s++) {
                assertThat(a.tree().labelsAfterSplits(s)).isEqualTo(b.tree().labelsAfterSplits(s));
            }
        }
    }

    @Test
    void describeNamesTheSpec() {
        assertThat(NCut.recursive().describe()).isEqualTo(
                "ncut-recursive(maxSegments=16,maxNcut=1.0,minRegionNodes=1,split=BEST_NCUT,solver=shift-invert(tol=1e-10))");
        assertThat(NCut.bipartition().splitRule(NCut.SplitRule.MEAN).describe()).startsWith("ncut-bipartition(split=MEAN");
        assertThat(NCut.kway().describe()).startsWith("ncut-kway(k=eigengap[2..8]");
        assertThat(NCut.kway(5).seed(7).describe()).contains("k=5").contains("seed=7");
    }

    @Test
    void rejectsBadSpecsAndGraphs() {
        assertThatThrownBy(() -> NCut.kway(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be >= 2");
        assertThatThrownBy(() -> NCut.recursive().maxSegments(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSegments");
        assertThatThrownBy(() -> NCut.recursive().maxNcut(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NCut.recursive().minRegionNodes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NCut.bipartition().eigenpairs(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NCut.bipartition().partition(AffinityMatrix.wrap(1, new double[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n >= 2");
    }
}
