package org.supercuts.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The Vector API scan against the scalar loop: the same neighbours in the same order and the same similarities up to
 * float rounding, for one query and for blocks of queries (4 at a time plus a remainder), over full and partly filled
 * tiles, dimensions that are and are not multiples of 8, and k from 1 to more than a vector of lanes.
 */
class ScanKernelTest {

    private static float[][] unitQueries(int count, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] q = new float[count][d];
        for (float[] row : q) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                row[j] = (float) rnd.nextGaussian();
                norm += row[j] * row[j];
            }
            for (int j = 0; j < d; j++) {
                row[j] /= (float) Math.sqrt(norm);
            }
        }
        return q;
    }

    private static Neighbours[] run(ScanKernel kernel, SegmentIndex index, float[][] queries, int k) {
        ExactSearch.TopK[] best = new ExactSearch.TopK[queries.length];
        for (int i = 0; i < best.length; i++) {
            best[i] = new ExactSearch.TopK(k);
        }
        kernel.scan(index.tiles(), index.size(), index.dimension(), queries, best);
        Neighbours[] out = new Neighbours[best.length];
        for (int i = 0; i < best.length; i++) {
            out[i] = best[i].sorted();
        }
        return out;
    }

    private static ScanKernel vector() {
        ScanKernel v = ScanKernel.vectorOrNull();
        assumeThat(v).as("jdk.incubator.vector is not in the boot layer (surefire adds it with --add-modules)").isNotNull();
        return v;
    }

    @Test
    void vectorScanFindsTheScalarNeighboursWithTheSameSimilarities() {
        ScanKernel vector = vector();
        int[][] shapes = {{64, 7, 613}, {13, 3, 300}, {8, 1, 256}, {5, 2, 1}};
        for (int[] shape : shapes) {
            int d = shape[0];
            SegmentIndex index = SegmentIndexTest.random(shape[1], shape[2], d, 31 + d, "f");
            for (int count : new int[] {1, 3, 4, 9}) {
                float[][] queries = unitQueries(count, d, 100L * d + count);
                for (int k : new int[] {1, 10, 40}) {
                    int kk = Math.min(k, index.size());
                    Neighbours[] expected = run(ScanKernel.scalar(), index, queries, kk);
                    Neighbours[] actual = run(vector, index, queries, kk);
                    for (int i = 0; i < count; i++) {
                        String what = "d=" + d + " n=" + index.size() + " queries=" + count + " k=" + kk + " query " + i;
                        assertThat(actual[i].entries()).as(what).containsExactly(expected[i].entries());
                        for (int j = 0; j < kk; j++) {
                            assertThat(actual[i].similarities()[j]).as(what).isCloseTo(expected[i].similarities()[j], within(1e-5f));
                        }
                    }
                }
            }
        }
    }

    @Test
    void vectorScanKeepsTiesOnTheLowerEntry() {
        ScanKernel vector = vector();
        // Twenty copies of the same vector in one tile, scattered among others: ties must resolve by entry position.
        SegmentIndex.Builder b = SegmentIndex.builder(4, "f");
        double[] v = new double[300 * 4];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble(-1, 0);
        }
        int[] copies = new int[20];
        for (int c = 0; c < copies.length; c++) {
            copies[c] = 7 + 13 * c;
            System.arraycopy(new double[] {1, 2, 3, 4}, 0, v, copies[c] * 4, 4);
        }
        int[] seg = new int[300];
        for (int s = 0; s < seg.length; s++) {
            seg[s] = s;
        }
        b.addImage("a", v, seg, null, new int[300]);
        SegmentIndex index = b.build();
        Neighbours n = run(vector, index, new float[][] {{1, 2, 3, 4}}, 5)[0];
        assertThat(n.entries()).containsExactly(7, 20, 33, 46, 59);
        if (vector.prefilters()) {
            float[] q = Searches.normalised(new float[] {1, 2, 3, 4}, 0, 4, 4);
            ExactSearch.TopK best = new ExactSearch.TopK(5);
            vector.scanOne(index.tiles(), ScanKernel.Int8Tiles.of(index.tiles(), index.size(), 4), index.size(), 4, q, best);
            assertThat(best.sorted().entries()).as("single query with the int8 prefilter").containsExactly(7, 20, 33, 46, 59);
        }
    }

    @Test
    void singleQueryPrefilterOnInt8GivesExactlyTheFullScan() {
        ScanKernel vector = vector();
        assumeThat(vector.prefilters()).as("no int8 prefilter at this vector width").isTrue();
        // Clustered vectors (many near-ties around the k-th score) as well as uniform ones, odd and round dimensions.
        int[][] shapes = {{64, 5, 997}, {13, 2, 300}, {64, 1, 3}};
        for (int[] shape : shapes) {
            int d = shape[0];
            SegmentIndex index = shape[2] == 3 ? SegmentIndexTest.random(1, 3, d, 1, "f") : clustered(shape[1] * shape[2], d, 70 + d);
            ScanKernel.Int8Tiles quantised = ScanKernel.Int8Tiles.of(index.tiles(), index.size(), d);
            float[][] queries = unitQueries(12, d, 900 + d);
            for (int k : new int[] {1, 3, 25}) {
                int kk = Math.min(k, index.size());
                Neighbours[] full = run(vector, index, queries, kk);
                for (int i = 0; i < queries.length; i++) {
                    ExactSearch.TopK best = new ExactSearch.TopK(kk);
                    vector.scanOne(index.tiles(), quantised, index.size(), d, queries[i], best);
                    Neighbours one = best.sorted();
                    String what = "d=" + d + " k=" + kk + " query " + i;
                    assertThat(one.entries()).as(what).containsExactly(full[i].entries());
                    assertThat(one.similarities()).as(what).containsExactly(full[i].similarities());
                }
            }
        }
    }

    @Test
    void int8ErrorBoundHoldsForEveryEntry() {
        // Spiky vectors (one large coordinate, the rest small: coarse steps) and uniform ones, partly filled last tile.
        for (boolean spiky : new boolean[] {false, true}) {
            int d = 24;
            int n = 700;
            SplittableRandom rnd = new SplittableRandom(spiky ? 3 : 4);
            double[] v = new double[n * d];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextGaussian() * (spiky && i % d == 5 ? 40 : 1);
            }
            int[] seg = new int[n];
            java.util.Arrays.setAll(seg, i -> i);
            SegmentIndex index = SegmentIndex.builder(d, "f").addImage("a", v, seg, null, new int[n]).build();
            ScanKernel.Int8Tiles quantised = ScanKernel.Int8Tiles.of(index.tiles(), n, d);
            for (float[] q : unitQueries(20, d, 77)) {
                for (int e = 0; e < n; e++) {
                    int o = (e / SegmentIndex.TILE) * SegmentIndex.TILE * d + e % SegmentIndex.TILE;
                    double exact = 0;
                    double rounded = 0;
                    for (int j = 0; j < d; j++, o += SegmentIndex.TILE) {
                        exact += (double) index.tiles()[o] * q[j];
                        rounded += (double) quantised.values[o] * q[j];
                    }
                    rounded *= quantised.scales[e];
                    assertThat(Math.abs(exact - rounded)).as("entry " + e + (spiky ? " (spiky)" : "")).isLessThanOrEqualTo(
                            quantised.errors[e]);
                }
            }
        }
    }

    /** Unit vectors around a few centres (cosine about 0.99 to their centre), so that scores crowd near the top. */
    private static SegmentIndex clustered(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] centres = unitQueries(4, d, seed + 1);
        double[] v = new double[n * d];
        for (int i = 0; i < n; i++) {
            float[] c = centres[rnd.nextInt(centres.length)];
            for (int j = 0; j < d; j++) {
                v[i * d + j] = c[j] + 0.02 * rnd.nextGaussian();
            }
        }
        int[] seg = new int[n];
        for (int s = 0; s < n; s++) {
            seg[s] = s;
        }
        SegmentIndex.Builder b = SegmentIndex.builder(d, "f");
        b.addImage("a", v, seg, null, new int[n]);
        return b.build();
    }

    @Test
    void theWarmUpCheckAcceptsTheVectorScan() {
        assertThat(ScanKernel.agreesWithScalar(vector(), 9)).isTrue();
    }
}
