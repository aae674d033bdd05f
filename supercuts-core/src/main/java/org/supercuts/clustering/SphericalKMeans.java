package org.supercuts.clustering;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Spherical k-means (Dhillon and Modha, Machine Learning 2001): k unit centroids maximising the summed cosine
 * similarity of each vector to its centroid. Each restart seeds the centroids by k-means++ on the cosine distance
 * 1 − cos (Arthur and Vassilvitskii, SODA 2007), then alternates assignment to the most similar centroid and
 * re-normalised means until no assignment changes or {@code iterations} is reached; the restart with the highest
 * objective wins. Restart r uses the seed {@code seed + r}, so a result is a pure function of the data and the spec, and
 * {@link Result#restartObjectives()} shows the spread over seeds.
 *
 * <p>Deviations from the paper: an empty cluster is re-seeded with the vector farthest from its centroid (the paper
 * leaves it empty).
 *
 * <p>Thread safety: immutable; {@link #cluster} may run concurrently.
 */
public final class SphericalKMeans {
    private final int k;
    private final int restarts;
    private final int iterations;
    private final long seed;

    private SphericalKMeans(int k, int restarts, int iterations, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k (clusters) must be >= 1, got " + k);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        this.k = k;
        this.restarts = restarts;
        this.iterations = iterations;
        this.seed = seed;
    }

    /** k clusters, 5 restarts, at most 50 iterations, seed 0. */
    public static SphericalKMeans clusters(int k) {
        return new SphericalKMeans(k, 5, 50, 0);
    }

    /** This spec with {@code r} restarts (seeds seed..seed+r-1), at least 1. */
    public SphericalKMeans restarts(int r) {
        return new SphericalKMeans(k, r, iterations, seed);
    }

    /** This spec with at most {@code i} assignment/update rounds per restart, at least 1. */
    public SphericalKMeans iterations(int i) {
        return new SphericalKMeans(k, restarts, i, seed);
    }

    /** This spec with first seed {@code s}. */
    public SphericalKMeans seed(long s) {
        return new SphericalKMeans(k, restarts, iterations, s);
    }

    /** The number of clusters. */
    public int k() {
        return k;
    }

    /** The seed of the first restart. */
    public long seed() {
        return seed;
    }

    /**
     * The clustering of the best restart.
     *
     * <p>Thread safety: immutable by contract (do not modify the arrays).
     *
     * @param assignment        the cluster of each vector, 0..k-1
     * @param centroids         {@code k x d} unit centroids, row-major
     * @param objective         mean cosine similarity of the vectors to their centroids (best restart)
     * @param restartObjectives the objective of every restart, in seed order
     * @param bestRestart       which restart won
     */
    public record Result(int[] assignment, float[] centroids, double objective, double[] restartObjectives, int bestRestart) {
        /** Standard deviation of the objective over the restarts (the seed variance). */
        public double objectiveSpread() {
            double mean = Arrays.stream(restartObjectives).average().orElse(0);
            double var = Arrays.stream(restartObjectives).map(o -> (o - mean) * (o - mean)).average().orElse(0);
            return Math.sqrt(var);
        }
    }

    /**
     * Clusters {@code n} vectors of length {@code d}, row-major in {@code vectors} (normalised here; a zero vector is
     * refused).
     *
     * @throws IllegalArgumentException when k > n, lengths disagree, or a vector is zero or not finite
     */
    public Result cluster(float[] vectors, int n, int d) {
        Objects.requireNonNull(vectors, "vectors");
        if (n < 1 || d < 1 || vectors.length != (long) n * d) {
            throw new IllegalArgumentException(n + " vectors of d=" + d + " need " + ((long) n * d) + " values, got " + vectors.length);
        }
        if (k > n) {
            throw new IllegalArgumentException("k = " + k + " clusters need at least as many vectors, got " + n);
        }
        float[] x = normalise(vectors, n, d);
        Result best = null;
        double[] objectives = new double[restarts];
        for (int r = 0; r < restarts; r++) {
            Result one = run(x, n, d, seed + r);
            objectives[r] = one.objective();
            if (best == null || one.objective() > best.objective()) {
                best = new Result(one.assignment(), one.centroids(), one.objective(), null, r);
            }
        }
        return new Result(best.assignment(), best.centroids(), best.objective(), objectives, best.bestRestart());
    }

    private static float[] normalise(float[] v, int n, int d) {
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                float a = v[i * d + j];
                if (!Float.isFinite(a)) {
                    throw new IllegalArgumentException("vector " + i + " has value " + a + " at " + j + "; values must be finite");
                }
                norm += a * a;
            }
            if (norm == 0) {
                throw new IllegalArgumentException("vector " + i + " is all zeros; it has no direction to cluster by");
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < d; j++) {
                x[i * d + j] = v[i * d + j] * inv;
            }
        }
        return x;
    }

    private Result run(float[] x, int n, int d, long runSeed) {
        SplittableRandom rnd = new SplittableRandom(runSeed);
        float[] c = seedPlusPlus(x, n, d, rnd);
        int[] assign = new int[n];
        Arrays.fill(assign, -1);
        float[] sim = new float[n];
        for (int it = 0; it < iterations; it++) {
            boolean changed = assign(x, n, d, c, assign, sim);
            if (!changed && it > 0) {
                break;
            }
            update(x, n, d, c, assign, sim);
        }
        assign(x, n, d, c, assign, sim);
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += sim[i];
        }
        return new Result(assign, c, total / n, null, 0);
    }

    /** k-means++ seeding with the distance 1 − cos. */
    private float[] seedPlusPlus(float[] x, int n, int d, SplittableRandom rnd) {
        float[] c = new float[k * d];
        int first = rnd.nextInt(n);
        System.arraycopy(x, first * d, c, 0, d);
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            dist[i] = Math.max(0, 1 - dot(x, i * d, c, 0, d));
        }
        for (int m = 1; m < k; m++) {
            double total = 0;
            for (double v : dist) {
                total += v;
            }
            int pick;
            if (total <= 0) {
                pick = rnd.nextInt(n);
            } else {
                double u = rnd.nextDouble() * total;
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    u -= dist[i];
                    if (u < 0) {
                        pick = i;
                        break;
                    }
                }
            }
            System.arraycopy(x, pick * d, c, m * d, d);
            for (int i = 0; i < n; i++) {
                dist[i] = Math.min(dist[i], Math.max(0, 1 - dot(x, i * d, c, m * d, d)));
            }
        }
        return c;
    }

    private boolean assign(float[] x, int n, int d, float[] c, int[] assign, float[] sim) {
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            int best = 0;
            float bestSim = Float.NEGATIVE_INFINITY;
            for (int m = 0; m < k; m++) {
                float s = dot(x, i * d, c, m * d, d);
                if (s > bestSim) {
                    bestSim = s;
                    best = m;
                }
            }
            if (assign[i] != best) {
                changed = true;
                assign[i] = best;
            }
            sim[i] = bestSim;
        }
        return changed;
    }

    private void update(float[] x, int n, int d, float[] c, int[] assign, float[] sim) {
        double[] sum = new double[k * d];
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            int m = assign[i];
            count[m]++;
            for (int j = 0; j < d; j++) {
                sum[m * d + j] += x[i * d + j];
            }
        }
        for (int m = 0; m < k; m++) {
            if (count[m] == 0) {
                // Re-seed an empty cluster with the vector least similar to its own centroid.
                int far = 0;
                for (int i = 1; i < n; i++) {
                    if (sim[i] < sim[far]) {
                        far = i;
                    }
                }
                sim[far] = Float.POSITIVE_INFINITY;
                for (int j = 0; j < d; j++) {
                    sum[m * d + j] = x[far * d + j];
                }
            }
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += sum[m * d + j] * sum[m * d + j];
            }
            double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int j = 0; j < d; j++) {
                c[m * d + j] = (float) (sum[m * d + j] * inv);
            }
        }
    }

    private static float dot(float[] a, int ao, float[] b, int bo, int d) {
        float s = 0;
        for (int j = 0; j < d; j++) {
            s += a[ao + j] * b[bo + j];
        }
        return s;
    }

    /** A short description of the spec, for provenance. */
    public String describe() {
        return "spherical-kmeans(k=" + k + ",restarts=" + restarts + ",iterations=" + iterations + ",seed=" + seed + ")";
    }
}
