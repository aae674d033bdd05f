package org.supercuts.examples.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.linalg.AffinityOperator;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.linalg.SparseAffinity;
import org.supercuts.spectral.SpectralEmbedding;

/**
 * JMH benchmarks of the spectral eigensolvers on patch-like graphs: the dense solver at 100/400/1000 nodes and the Lanczos
 * solver at 1600/3600/10000 nodes, each on a dense graph (cosine affinities of clustered random features, clipped at 0,
 * as for ViT patch tokens) and on a sparse variant: the symmetric 10-nearest-neighbours in feature space plus the 4
 * spatial neighbours on a sqrt(n) x sqrt(n) patch grid (the spatial edges keep the graph connected, as in patch graphs
 * that mix feature and position affinities).
 *
 * <p>Run: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.bench.EigenBenchmark [jmh options]}, or
 * {@code ... EigenBenchmark --dump DIR n...} to write the same matrices as raw little-endian float64 files
 * ({@code patch-n<N>-dense.f64}, row-major n x n) for comparisons with other libraries.
 *
 * <p>Thread safety: JMH state objects, one per benchmark thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class EigenBenchmark {
    /** Feature dimension of the synthetic patch features. */
    public static final int FEATURE_DIMS = 64;
    /** Number of feature clusters ("objects and background"). */
    public static final int CLUSTERS = 6;
    /** Per-coordinate noise around a cluster centre (unit-variance centres). */
    public static final double NOISE = 0.8;
    /** Seed of the synthetic features. */
    public static final long SEED = 42L;
    /** Neighbours per node in the sparse variant. */
    public static final int NEIGHBOURS = 10;

    /** Dense-solver sizes. */
    @State(Scope.Benchmark)
    public static class DenseCase {
        @Param({"100", "400", "1000"})
        public int nodes;
        @Param({"4", "10"})
        public int k;
        @Param({"dense", "knn"})
        public String graph;
        AffinityOperator operator;

        @Setup(Level.Trial)
        public void setUp() {
            operator = operator(nodes, graph);
        }
    }

    /** Iterative-solver sizes. */
    @State(Scope.Benchmark)
    public static class IterativeCase {
        @Param({"1600", "3600", "10000"})
        public int nodes;
        @Param({"4", "10"})
        public int k;
        @Param({"dense", "knn"})
        public String graph;
        AffinityOperator operator;

        @Setup(Level.Trial)
        public void setUp() {
            operator = operator(nodes, graph);
        }
    }

    @Benchmark
    public SpectralEmbedding dense(DenseCase c) {
        return SpectralEmbedding.smallest(c.operator, c.k, EigenSolver.dense());
    }

    @Benchmark
    public SpectralEmbedding lanczos(IterativeCase c) {
        return SpectralEmbedding.smallest(c.operator, c.k, EigenSolver.lanczos());
    }

    /** Lanczos on the dense-solver sizes too, to show where {@link EigenSolver#auto()} should switch. */
    @Benchmark
    public SpectralEmbedding lanczosSmall(DenseCase c) {
        return SpectralEmbedding.smallest(c.operator, c.k, EigenSolver.lanczos());
    }

    static AffinityOperator operator(int nodes, String graph) {
        return switch (graph) {
            case "dense" -> AffinityOperator.dense(patchGraph(nodes));
            case "knn" -> knnPatchGraph(nodes, NEIGHBOURS);
            default -> throw new IllegalArgumentException("graph must be dense or knn, got " + graph);
        };
    }

    /** Unit feature vectors: node i belongs to cluster i % CLUSTERS, centre plus Gaussian noise, normalised. */
    public static double[][] features(int nodes) {
        SplittableRandom r = new SplittableRandom(SEED);
        double[][] centres = new double[CLUSTERS][FEATURE_DIMS];
        for (double[] c : centres) {
            for (int d = 0; d < FEATURE_DIMS; d++) {
                c[d] = r.nextGaussian();
            }
        }
        double[][] f = new double[nodes][FEATURE_DIMS];
        for (int i = 0; i < nodes; i++) {
            double len = 0;
            for (int d = 0; d < FEATURE_DIMS; d++) {
                f[i][d] = centres[i % CLUSTERS][d] + NOISE * r.nextGaussian();
                len += f[i][d] * f[i][d];
            }
            len = Math.sqrt(len);
            for (int d = 0; d < FEATURE_DIMS; d++) {
                f[i][d] /= len;
            }
        }
        return f;
    }

    /** W_ij = max(0, cos(f_i, f_j)) for i != j, W_ii = 0. */
    public static AffinityMatrix patchGraph(int nodes) {
        double[][] f = features(nodes);
        double[] w = new double[nodes * nodes];
        for (int i = 0; i < nodes; i++) {
            for (int j = i + 1; j < nodes; j++) {
                double s = Math.max(0, dot(f[i], f[j]));
                w[i * nodes + j] = s;
                w[j * nodes + i] = s;
            }
        }
        return AffinityMatrix.wrap(nodes, w);
    }

    /** The symmetric k-nearest-neighbour graph of the same affinities, built row by row (no n x n matrix). */
    public static SparseAffinity knnPatchGraph(int nodes, int neighbours) {
        double[][] f = features(nodes);
        int kk = Math.min(neighbours, nodes - 1);
        int side = (int) Math.ceil(Math.sqrt(nodes));
        long[] keys = new long[2 * nodes * (kk + 2)];
        int count = 0;
        double[] row = new double[nodes];
        Integer[] order = new Integer[nodes];
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < nodes; j++) {
                row[j] = j == i ? Double.NEGATIVE_INFINITY : Math.max(0, dot(f[i], f[j]));
                order[j] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> {
                int c = Double.compare(row[b], row[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int r = 0; r < kk; r++) {
                int j = order[r];
                if (row[j] > 0) {
                    keys[count++] = (long) i * nodes + j;
                    keys[count++] = (long) j * nodes + i;
                }
            }
            int x = i % side;
            int right = x + 1 < side && i + 1 < nodes ? i + 1 : -1;
            int below = i + side < nodes ? i + side : -1;
            for (int j : new int[] {right, below}) {
                if (j >= 0) {
                    keys[count++] = (long) i * nodes + j;
                    keys[count++] = (long) j * nodes + i;
                }
            }
        }
        keys = java.util.Arrays.copyOf(keys, count);
        java.util.Arrays.sort(keys);
        int distinct = 0;
        for (int p = 0; p < keys.length; p++) {
            if (p == 0 || keys[p] != keys[p - 1]) {
                keys[distinct++] = keys[p];
            }
        }
        int[] start = new int[nodes + 1];
        int[] columns = new int[distinct];
        double[] weights = new double[distinct];
        for (int p = 0; p < distinct; p++) {
            int i = (int) (keys[p] / nodes);
            int j = (int) (keys[p] % nodes);
            start[i + 1]++;
            columns[p] = j;
            // A spatial neighbour may be dissimilar: a small floor keeps its edge.
            weights[p] = Math.max(1e-3, dot(f[i], f[j]));
        }
        for (int i = 0; i < nodes; i++) {
            start[i + 1] += start[i];
        }
        return SparseAffinity.of(nodes, start, columns, weights);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += a[d] * b[d];
        }
        return s;
    }

    /** Writes a dense affinity as raw little-endian float64, row-major. */
    public static void writeRaw(AffinityMatrix w, Path file) throws IOException {
        double[] data = w.backingArray();
        ByteBuffer buffer = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = 0; i < data.length; i++) {
                buffer.putDouble(data[i]);
                if (!buffer.hasRemaining()) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
            }
            out.write(buffer.array(), 0, buffer.position());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--dump")) {
            Path dir = Path.of(args[1]);
            Files.createDirectories(dir);
            for (int a = 2; a < args.length; a++) {
                int n = Integer.parseInt(args[a]);
                Path file = dir.resolve("patch-n" + n + "-dense.f64");
                writeRaw(patchGraph(n), file);
                System.out.println("wrote " + file);
            }
            return;
        }
        String[] jmhArgs = args;
        if (args.length == 0 || args[0].startsWith("-")) {
            jmhArgs = new String[args.length + 1];
            jmhArgs[0] = EigenBenchmark.class.getSimpleName();
            System.arraycopy(args, 0, jmhArgs, 1, args.length);
        }
        org.openjdk.jmh.Main.main(jmhArgs);
    }
}
