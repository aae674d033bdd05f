package org.supercuts.testing;

import java.util.SplittableRandom;

import org.supercuts.linalg.AffinityMatrix;

/** Carefully constructed affinity graphs for the spectral tests. */
public final class TestGraphs {
    private TestGraphs() {
    }

    /** Dense random affinities in [0, 1) with a fraction {@code density} of the pairs non-zero; no self-loops. */
    public static AffinityMatrix random(int n, double density, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (r.nextDouble() < density) {
                    double v = r.nextDouble();
                    w[i * n + j] = v;
                    w[j * n + i] = v;
                }
            }
        }
        return AffinityMatrix.wrap(n, w);
    }

    /**
     * Planted clusters: node i belongs to cluster {@code i % clusters}; within-cluster weights in [0.5, 1), between-cluster
     * weights in [0, between) with probability {@code crossDensity}.
     */
    public static AffinityMatrix clusters(int n, int clusters, double between, double crossDensity, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v;
                if (i % clusters == j % clusters) {
                    v = 0.5 + 0.5 * r.nextDouble();
                } else {
                    v = r.nextDouble() < crossDensity ? between * r.nextDouble() : 0.0;
                }
                w[i * n + j] = v;
                w[j * n + i] = v;
            }
        }
        return AffinityMatrix.wrap(n, w);
    }

    /** A width x height 4-connected grid with random positive weights (a sparse, structured, slowly mixing graph). */
    public static AffinityMatrix grid(int width, int height, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = width * height;
        double[] w = new double[n * n];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (x + 1 < width) {
                    double v = 0.5 + r.nextDouble();
                    w[i * n + i + 1] = v;
                    w[(i + 1) * n + i] = v;
                }
                if (y + 1 < height) {
                    double v = 0.5 + r.nextDouble();
                    w[i * n + i + width] = v;
                    w[(i + width) * n + i] = v;
                }
            }
        }
        return AffinityMatrix.wrap(n, w);
    }

    /** Cosine affinities of random clustered feature vectors, clipped at 0 (like a dense patch graph), no self-loops. */
    public static AffinityMatrix cosinePatches(int n, int dims, int clusters, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = new double[clusters][dims];
        for (double[] c : centres) {
            for (int d = 0; d < dims; d++) {
                c[d] = r.nextGaussian();
            }
        }
        double[][] f = new double[n][dims];
        for (int i = 0; i < n; i++) {
            double[] c = centres[i % clusters];
            double len = 0;
            for (int d = 0; d < dims; d++) {
                f[i][d] = c[d] + noise * r.nextGaussian();
                len += f[i][d] * f[i][d];
            }
            len = Math.sqrt(len);
            for (int d = 0; d < dims; d++) {
                f[i][d] /= len;
            }
        }
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int d = 0; d < dims; d++) {
                    s += f[i][d] * f[j][d];
                }
                s = Math.max(0, s);
                w[i * n + j] = s;
                w[j * n + i] = s;
            }
        }
        return AffinityMatrix.wrap(n, w);
    }

    /** The block-diagonal union of the given matrices (no edges between blocks). */
    public static AffinityMatrix union(AffinityMatrix... blocks) {
        int n = 0;
        for (AffinityMatrix b : blocks) {
            n += b.size();
        }
        double[] w = new double[n * n];
        int off = 0;
        for (AffinityMatrix b : blocks) {
            int m = b.size();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    w[(off + i) * n + off + j] = b.get(i, j);
                }
            }
            off += m;
        }
        return AffinityMatrix.wrap(n, w);
    }

    /** A graph with planted groups and its truth. */
    public record Planted(AffinityMatrix affinity, int[] truth) {
    }

    /**
     * Groups of the given sizes at shuffled node positions; within-group weights in [0.6, 1), between groups
     * {@code between[a][b]} times a factor in [0.5, 1).
     */
    public static Planted planted(int[] sizes, double[][] between, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        int[] truth = new int[n];
        int f = 0;
        for (int g = 0; g < sizes.length; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                truth[f++] = g;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = truth[i];
            truth[i] = truth[j];
            truth[j] = t;
        }
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = truth[i] == truth[j] ? 0.6 + 0.4 * r.nextDouble()
                        : between[truth[i]][truth[j]] * (0.5 + 0.5 * r.nextDouble());
                w[i * n + j] = v;
                w[j * n + i] = v;
            }
        }
        return new Planted(AffinityMatrix.wrap(n, w), truth);
    }

    /** Whether two labellings are the same partition (equal up to renaming the labels). */
    public static boolean samePartition(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        java.util.Map<Integer, Integer> ab = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> ba = new java.util.HashMap<>();
        for (int i = 0; i < a.length; i++) {
            Integer x = ab.putIfAbsent(a[i], b[i]);
            Integer y = ba.putIfAbsent(b[i], a[i]);
            if ((x != null && x != b[i]) || (y != null && y != a[i])) {
                return false;
            }
        }
        return true;
    }
}
