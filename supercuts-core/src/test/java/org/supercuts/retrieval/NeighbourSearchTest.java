package org.supercuts.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Exact search against a brute-force reference, batched against single queries, HNSW recall, and the argument checks. */
class NeighbourSearchTest {

    private static float[] randomQueries(int count, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] q = new float[count * d];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) rnd.nextDouble(-1, 1);
        }
        return q;
    }

    /** Sorted (similarity desc, entry asc) brute-force top k in double precision. */
    private static int[] bruteForce(SegmentIndex index, float[] q, int k) {
        Integer[] order = new Integer[index.size()];
        double[] sim = new double[index.size()];
        double qn = 0;
        for (float v : q) {
            qn += v * v;
        }
        for (int i = 0; i < index.size(); i++) {
            float[] v = index.vector(i);
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += v[j] * q[j];
            }
            sim[i] = s / Math.sqrt(qn);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> sim[a] != sim[b] ? Double.compare(sim[b], sim[a]) : Integer.compare(a, b));
        int[] top = new int[k];
        for (int i = 0; i < k; i++) {
            top[i] = order[i];
        }
        return top;
    }

    @Test
    void exactSearchFindsTheBruteForceNeighboursInOrder() {
        SegmentIndex index = SegmentIndexTest.random(4, 300, 16, 11, "f");
        NeighbourSearch search = NeighbourSearch.exact(index);
        float[] queries = randomQueries(40, 16, 12);
        Neighbours[] batch = search.nearest(queries, 40, 10);
        for (int i = 0; i < 40; i++) {
            float[] q = Arrays.copyOfRange(queries, i * 16, (i + 1) * 16);
            Neighbours one = search.nearest(q, 10);
            assertThat(one.entries()).containsExactly(bruteForce(index, q, 10));
            assertThat(batch[i].entries()).containsExactly(one.entries());
            assertThat(batch[i].similarities()).containsExactly(one.similarities());
            for (int j = 1; j < 10; j++) {
                assertThat(one.similarities()[j]).isLessThanOrEqualTo(one.similarities()[j - 1]);
            }
        }
    }

    @Test
    void aSegmentOfTheIndexIsItsOwnNearestNeighbourWithSimilarityOne() {
        SegmentIndex index = SegmentIndexTest.random(1, 500, 8, 3, "f");
        Neighbours n = NeighbourSearch.exact(index).nearest(index.vector(321), 1);
        assertThat(n.entries()).containsExactly(321);
        assertThat(n.similarities()[0]).isBetween(0.99999f, 1.00001f);
    }

    @Test
    void tiesGoToTheLowerEntry() {
        SegmentIndex.Builder b = SegmentIndex.builder(2, "f");
        b.addImage("a", new double[] {1, 0, 1, 0, 0, 1, 1, 0}, new int[] {0, 1, 2, 3}, null, new int[] {1, 1, 1, 1});
        Neighbours n = NeighbourSearch.exact(b.build()).nearest(new float[] {1, 0}, 2);
        assertThat(n.entries()).containsExactly(0, 1);
    }

    @Test
    void hnswFindsMostOfTheExactNeighbours() {
        SegmentIndex index = SegmentIndexTest.random(4, 500, 16, 21, "f");
        NeighbourSearch exact = NeighbourSearch.exact(index);
        NeighbourSearch hnsw = HnswSearch.defaults().build(index);
        assertThat(hnsw.describe()).isEqualTo("hnsw(m=16,efConstruction=200,ef=100)");
        float[] queries = randomQueries(50, 16, 22);
        int found = 0;
        for (int i = 0; i < 50; i++) {
            float[] q = Arrays.copyOfRange(queries, i * 16, (i + 1) * 16);
            Set<Integer> truth = new HashSet<>();
            for (int e : exact.nearest(q, 10).entries()) {
                truth.add(e);
            }
            Neighbours approx = hnsw.nearest(q, 10);
            assertThat(approx.size()).isEqualTo(10);
            for (int e : approx.entries()) {
                found += truth.contains(e) ? 1 : 0;
            }
        }
        // Recall@10 of HNSW with ef = 100 on 2000 random 16-d vectors; in practice about 0.99.
        assertThat(found / 500.0).isGreaterThan(0.9);
    }

    @Test
    void autoScansSmallIndexesExactly() {
        SegmentIndex index = SegmentIndexTest.random(1, 10, 4, 1, "f");
        assertThat(NeighbourSearch.auto(index).describe()).isEqualTo("exact");
    }

    @Test
    void refusesBadKEmptyIndexesAndOtherDimensions() {
        SegmentIndex index = SegmentIndexTest.random(1, 10, 4, 1, "f");
        NeighbourSearch search = NeighbourSearch.exact(index);
        float[] q = {1, 0, 0, 0};
        assertThatThrownBy(() -> search.nearest(q, 0)).hasMessageContaining("k must be >= 1, got 0");
        assertThatThrownBy(() -> search.nearest(q, 11)).hasMessageContaining("k = 11 is larger than the index, which holds 10 segments");
        assertThatThrownBy(() -> search.nearest(new float[] {1, 0, 0}, 1)).hasMessageContaining("query has dimension 3 but the index has dimension 4");
        assertThatThrownBy(() -> search.nearest(new float[4], 1)).hasMessageContaining("norm 0.0");
        SegmentIndex empty = SegmentIndex.builder(4, "f").build();
        assertThatThrownBy(() -> NeighbourSearch.exact(empty).nearest(q, 1)).hasMessageContaining("the segment index is empty");
        assertThatThrownBy(() -> NeighbourSearch.approximate(empty)).hasMessageContaining("the segment index is empty");
        assertThatThrownBy(() -> HnswSearch.defaults().m(1)).hasMessageContaining("HNSW m must be >= 2, got 1");
    }
}
