package org.supercuts.spectral;

import java.util.SplittableRandom;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii, "k-means++: The Advantages of Careful Seeding",
 * SODA 2007), several seeded restarts, the lowest within-cluster sum of squares kept.
 *
 * <p>Deviations from the paper: an emptied cluster is re-seeded with the point farthest from its centre; iterations are
 * capped (100 per restart).
 *
 * <p>Thread safety: stateless.
 */
public final class KMeans {
    private static final int MAX_ITERATIONS = 100;

    private KMeans() {
    }

    /** Labels 0..k-1 (some possibly unused when there are fewer than k distinct points) of the rows of {@code points}. */
    public static int[] cluster(double[][] points, int k, long seed, int restarts) {
        int n = points.length;
        SplittableRandom random = new SplittableRandom(seed);
        int[] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int r = 0; r < restarts; r++) {
            int[] labels = new int[n];
            double inertia = run(points, k, random.split(), labels);
            if (inertia < bestInertia) {
                bestInertia = inertia;
                best = labels;
            }
        }
        return best;
    }

    private static double run(double[][] points, int k, SplittableRandom random, int[] labels) {
        int n = points.length;
        int dims = points[0].length;
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = squaredDistance(points[i], centres[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : nearest) {
                total += d;
            }
            int pick = 0;
            if (total > 0) {
                double target = random.nextDouble() * total;
                double acc = 0;
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    acc += nearest[i];
                    if (acc > target && nearest[i] > 0) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = random.nextInt(n);
            }
            centres[c] = points[pick].clone();
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(points[i], centres[c]));
            }
        }
        java.util.Arrays.fill(labels, -1);
        double inertia = 0;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            boolean changed = false;
            inertia = 0;
            double[] distance = new double[n];
            for (int i = 0; i < n; i++) {
                int arg = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double d = squaredDistance(points[i], centres[c]);
                    if (d < bestD) {
                        bestD = d;
                        arg = c;
                    }
                }
                distance[i] = bestD;
                inertia += bestD;
                if (labels[i] != arg) {
                    labels[i] = arg;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][dims];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[labels[i]]++;
                double[] s = sums[labels[i]];
                for (int d = 0; d < dims; d++) {
                    s[d] += points[i][d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    int far = 0;
                    for (int i = 1; i < n; i++) {
                        if (distance[i] > distance[far]) {
                            far = i;
                        }
                    }
                    centres[c] = points[far].clone();
                    distance[far] = 0;
                } else {
                    for (int d = 0; d < dims; d++) {
                        centres[c][d] = sums[c][d] / counts[c];
                    }
                }
            }
        }
        return inertia;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double t = a[d] - b[d];
            s += t * t;
        }
        return s;
    }
}
