package org.supercuts.examples.bench;

import java.util.SplittableRandom;

import org.supercuts.linalg.AffinityMatrix;

/**
 * Dense "ViT-like" patch affinity graphs for the eigensolver comparison: {@code n} patches on a square-ish grid, each
 * with a feature vector drawn around the centre of one of a few clusters (image regions are contiguous blocks of
 * patches, as objects are in a patch grid), plus a component shared by all patches (real ViT features are far from
 * zero-mean); the affinity is the clipped cosine {@code max(0, cos(f_i, f_j))} with no self-loops, as in Deep Spectral
 * Methods' feature affinity. ViT-S/8 at 480x480 gives 60 x 60 = 3600 such nodes.
 *
 * <p>Thread safety: stateless static methods.
 */
final class PatchGraphs {
    static final int DIMENSION = 64;
    static final int CLUSTERS = 6;

    private PatchGraphs() {
    }

    /**
     * The unit-length patch features, row-major {@code n x DIMENSION}, deterministic for a seed; {@link #clippedCosine}
     * turns them into the affinity (the Python side does the same from the same features).
     */
    static double[] features(int n, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2 patches, got " + n);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] centres = new double[CLUSTERS][DIMENSION];
        double[] shared = new double[DIMENSION];
        for (int j = 0; j < DIMENSION; j++) {
            shared[j] = rnd.nextDouble(-1, 1);
            for (int c = 0; c < CLUSTERS; c++) {
                centres[c][j] = rnd.nextDouble(-1, 1);
            }
        }
        int cols = (int) Math.ceil(Math.sqrt(n));
        double[] unit = new double[n * DIMENSION];
        for (int i = 0; i < n; i++) {
            int x = i % cols;
            int y = i / cols;
            // Clusters as stripes with a wavy border, so regions are contiguous but not axis-aligned.
            double across = (x + 0.5 + 0.15 * cols * Math.sin(y * 0.3)) / cols;
            int c = Math.max(0, Math.min(CLUSTERS - 1, (int) Math.floor(CLUSTERS * across)));
            double norm = 0;
            for (int j = 0; j < DIMENSION; j++) {
                double v = 0.8 * shared[j] + centres[c][j] + 0.6 * rnd.nextDouble(-1, 1);
                unit[i * DIMENSION + j] = v;
                norm += v * v;
            }
            double inv = 1 / Math.sqrt(norm);
            for (int j = 0; j < DIMENSION; j++) {
                unit[i * DIMENSION + j] *= inv;
            }
        }
        return unit;
    }

    /** {@code W_ij = max(0, u_i . u_j)} for {@code i != j}, 0 on the diagonal. */
    static AffinityMatrix clippedCosine(double[] unit, int n) {
        if (unit.length != (long) n * DIMENSION) {
            throw new IllegalArgumentException("features have length " + unit.length + ", expected n*" + DIMENSION + "="
                    + ((long) n * DIMENSION));
        }
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = i + 1; k < n; k++) {
                double dot = 0;
                for (int j = 0; j < DIMENSION; j++) {
                    dot += unit[i * DIMENSION + j] * unit[k * DIMENSION + j];
                }
                double a = Math.max(0, dot);
                w[i * n + k] = a;
                w[k * n + i] = a;
            }
        }
        return AffinityMatrix.wrap(n, w);
    }
}
