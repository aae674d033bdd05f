package org.supercuts.linalg;



/**
 * Small dense vector kernels used by the eigensolvers.
 *
 * <p>Thread safety: stateless.
 */
public final class Vectors {
    private Vectors() {
    }

    /** The dot product of the first {@code n} entries of {@code a} and {@code b}. */
    public static double dot(double[] a, double[] b, int n) {
        // Four partial sums: fewer dependent additions, so the loop pipelines well.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y += alpha * x. */
    public static void axpy(double alpha, double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** The Euclidean norm of {@code a}. */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a, a.length));
    }

    /** Scales {@code a} to unit length; returns the old length. */
    public static double normalize(double[] a) {
        double len = norm(a);
        if (len > 0) {
            double inv = 1.0 / len;
            for (int i = 0; i < a.length; i++) {
                a[i] *= inv;
            }
        }
        return len;
    }
}
