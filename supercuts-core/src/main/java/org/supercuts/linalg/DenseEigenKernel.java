package org.supercuts.linalg;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Dense kernel for the k smallest eigenpairs of a symmetric matrix, here {@code L_sym = I - D^-1/2 W D^-1/2}:
 * <ol>
 *   <li>Householder reduction to tridiagonal form {@code A = Q T Q^T} (Golub &amp; Van Loan, Matrix Computations, 4th ed.,
 *       Alg. 8.3.1), keeping the reflectors instead of forming Q;</li>
 *   <li>the k smallest eigenvalues of T by bisection on Sturm counts (ibid. 8.4.1);</li>
 *   <li>their eigenvectors by inverse iteration with a pivoted tridiagonal solve, re-orthogonalised within clusters of
 *       close eigenvalues;</li>
 *   <li>back-transformation by the stored reflectors.</li>
 * </ol>
 * The cost is about {@code 2 n^3} flops for step 1 and {@code O(n^2 k)} for the rest, several times less than a full
 * eigendecomposition with vectors, which is what this replaces.
 *
 * <p>Deviations from the textbook: step 1 updates the full (not half) symmetric matrix so that every inner loop runs over
 * a contiguous row (vectorisable), and fuses each step's rank-2 update with the next step's matrix-vector product; inverse iteration uses a fixed number of sweeps (3) rather than a convergence test.
 *
 * <p>Thread safety: stateless; every call allocates its own arrays.
 */
final class DenseEigenKernel {
    private static final double EPS = Math.ulp(1.0);
    private static final long INVERSE_ITERATION_SEED = 0x7a1d_0c0f_fee5_eedL;

    private DenseEigenKernel() {
    }

    /**
     * The k smallest eigenpairs of L_sym of {@code w}.
     *
     * @param invSqrtDegree {@code 1 / sqrt(d_i)}, all finite and positive
     */
    static Eigenpairs smallest(AffinityOperator w, double[] invSqrtDegree, int k) {
        int n = w.size();
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            final int row = i * n;
            final double si = invSqrtDegree[i];
            w.forEachInRow(i, (j, v) -> a[row + j] = -si * v * invSqrtDegree[j]);
            a[row + i] += 1.0;
        }
        // Average the two triangles: the affinity is symmetric only to a relative 1e-9.
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0.5 * (a[i * n + j] + a[j * n + i]);
                a[i * n + j] = s;
                a[j * n + i] = s;
            }
        }
        return smallestOfSymmetric(a, n, k);
    }

    /** The k smallest eigenpairs (unit vectors) of the symmetric row-major n x n matrix {@code a}, which is overwritten. */
    static Eigenpairs smallestOfSymmetric(double[] a, int n, int k) {
        if (n == 1) {
            return new Eigenpairs(new double[] {a[0]}, new double[][] {{1.0}}, 0, 0);
        }
        double[] diag = new double[n];
        double[] off = new double[n - 1];
        double[][] reflectors = new double[Math.max(n - 2, 0)][];
        double[] betas = new double[Math.max(n - 2, 0)];
        tridiagonalize(a, n, diag, off, reflectors, betas);
        double[] values = smallestTridiagonalEigenvalues(diag, off, k);
        double[][] vectors = tridiagonalEigenvectors(diag, off, values);
        for (double[] z : vectors) {
            backTransform(z, reflectors, betas);
            Vectors.normalize(z);
        }
        return new Eigenpairs(values, vectors, 0, 0);
    }

    private static void tridiagonalize(double[] a, int n, double[] diag, double[] off, double[][] reflectors, double[] betas) {
        // One pass over the trailing matrix per step: row i is updated by the current reflector and, in the same visit,
        // added into the product needed by the next reflector (p' = A22' v' as sum_i v'_i * row_i, by symmetry). Both
        // inner loops are contiguous axpys, and the matrix streams through the cache once per step instead of twice.
        double[] product = new double[n];
        double[] q = new double[n];
        if (n > 2) {
            makeReflector(a, n, 0, diag, off, reflectors, betas);
            accumulateProduct(a, n, 0, reflectors[0], betas[0], product);
        }
        for (int k = 0; k < n - 2; k++) {
            int from = k + 1;
            int m = n - from;
            double[] v = reflectors[k];
            double beta = betas[k];
            boolean nextExists = k + 1 < n - 2;
            if (beta == 0) {
                if (nextExists) {
                    makeReflector(a, n, k + 1, diag, off, reflectors, betas);
                    accumulateProduct(a, n, k + 1, reflectors[k + 1], betas[k + 1], product);
                }
                continue;
            }
            // q = beta p - (beta/2)(beta p . v) v, with p = A22 v accumulated in 'product'.
            for (int i = 0; i < m; i++) {
                q[i] = beta * product[i];
            }
            double kappa = 0.5 * beta * Vectors.dot(q, v, m);
            for (int i = 0; i < m; i++) {
                q[i] -= kappa * v[i];
            }
            // Row k+1 first: the next reflector is read from it.
            updateRow(a, n, from, 0, m, v, q);
            double[] next = null;
            double nextBeta = 0;
            if (nextExists) {
                makeReflector(a, n, k + 1, diag, off, reflectors, betas);
                next = reflectors[k + 1];
                nextBeta = betas[k + 1];
                java.util.Arrays.fill(product, 0, m - 1, 0.0);
            }
            for (int i = 1; i < m; i++) {
                updateRow(a, n, from + i, i, m, v, q);
                if (nextBeta != 0) {
                    double c = next[i - 1];
                    if (c != 0) {
                        int row = (from + i) * n + from + 1;
                        for (int j = 0; j < m - 1; j++) {
                            product[j] += c * a[row + j];
                        }
                    }
                }
            }
        }
        diag[n - 2] = a[(n - 2) * n + n - 2];
        diag[n - 1] = a[(n - 1) * n + n - 1];
        off[n - 2] = a[(n - 2) * n + n - 1];
    }

    /** A[from + i][from..n) -= v_i q + q_i v for the trailing block starting at {@code from}. */
    private static void updateRow(double[] a, int n, int absRow, int i, int m, double[] v, double[] q) {
        int row = absRow * n + (n - m);
        double vi = v[i];
        double qi = q[i];
        for (int j = 0; j < m; j++) {
            a[row + j] -= vi * q[j] + qi * v[j];
        }
    }

    /** The Householder reflector that zeroes row/column k below the sub-diagonal; records diag[k] and off[k]. */
    private static void makeReflector(double[] a, int n, int k, double[] diag, double[] off, double[][] reflectors,
            double[] betas) {
        int from = k + 1;
        int m = n - from;
        double[] v = new double[m];
        // Column k below the diagonal equals row k right of it (symmetry): contiguous.
        System.arraycopy(a, k * n + from, v, 0, m);
        diag[k] = a[k * n + k];
        reflectors[k] = v;
        double norm = Vectors.norm(v);
        if (norm == 0) {
            off[k] = 0;
            betas[k] = 0;
            return;
        }
        double alpha = v[0] > 0 ? -norm : norm;
        v[0] -= alpha;
        double vv = Vectors.dot(v, v, m);
        off[k] = alpha;
        betas[k] = vv == 0 ? 0 : 2.0 / vv;
    }

    /** product = A22 v for the trailing block after row k (a plain pass, used for the first reflector only). */
    private static void accumulateProduct(double[] a, int n, int k, double[] v, double beta, double[] product) {
        int from = k + 1;
        int m = n - from;
        java.util.Arrays.fill(product, 0, m, 0.0);
        if (beta == 0) {
            return;
        }
        for (int i = 0; i < m; i++) {
            double c = v[i];
            int row = (from + i) * n + from;
            for (int j = 0; j < m; j++) {
                product[j] += c * a[row + j];
            }
        }
    }

    /** y = Q z with Q = H_0 H_1 ... H_{n-3}: apply the reflectors last to first. */
    private static void backTransform(double[] z, double[][] reflectors, double[] betas) {
        for (int k = reflectors.length - 1; k >= 0; k--) {
            double beta = betas[k];
            if (beta == 0) {
                continue;
            }
            double[] v = reflectors[k];
            int from = k + 1;
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += v[j] * z[from + j];
            }
            s *= beta;
            for (int j = 0; j < v.length; j++) {
                z[from + j] -= s * v[j];
            }
        }
    }

    /** Number of eigenvalues of T smaller than x (Sturm count through the LDL^T pivots of T - x I). */
    private static int countBelow(double[] diag, double[] off, double x, double pivotMin) {
        int count = 0;
        double q = diag[0] - x;
        if (Math.abs(q) < pivotMin) {
            q = -pivotMin;
        }
        if (q < 0) {
            count++;
        }
        for (int i = 1; i < diag.length; i++) {
            q = diag[i] - x - off[i - 1] * off[i - 1] / q;
            if (Math.abs(q) < pivotMin) {
                q = -pivotMin;
            }
            if (q < 0) {
                count++;
            }
        }
        return count;
    }

    static double[] smallestTridiagonalEigenvalues(double[] diag, double[] off, int k) {
        int n = diag.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double maxOffSq = 0;
        for (int i = 0; i < n; i++) {
            double r = (i > 0 ? Math.abs(off[i - 1]) : 0) + (i < n - 1 ? Math.abs(off[i]) : 0);
            lo = Math.min(lo, diag[i] - r);
            hi = Math.max(hi, diag[i] + r);
            if (i < n - 1) {
                maxOffSq = Math.max(maxOffSq, off[i] * off[i]);
            }
        }
        double scale = Math.max(Math.abs(lo), Math.abs(hi));
        double pivotMin = Math.max(Double.MIN_NORMAL, Double.MIN_NORMAL * maxOffSq) * 1e10;
        lo -= 2 * EPS * scale * n + pivotMin;
        hi += 2 * EPS * scale * n + pivotMin;
        double[] values = new double[k];
        double lower = lo;
        for (int r = 0; r < k; r++) {
            // Find the smallest x with countBelow(x) > r; eigenvalue r lies in [left, right).
            double left = lower;
            double right = hi;
            while (right - left > 2 * EPS * Math.max(Math.abs(left), Math.abs(right)) + pivotMin) {
                double mid = 0.5 * (left + right);
                if (mid <= left || mid >= right) {
                    break;
                }
                if (countBelow(diag, off, mid, pivotMin) > r) {
                    right = mid;
                } else {
                    left = mid;
                }
            }
            values[r] = 0.5 * (left + right);
            lower = left;
        }
        return values;
    }

    static double[][] tridiagonalEigenvectors(double[] diag, double[] off, double[] values) {
        int n = diag.length;
        int k = values.length;
        double tnorm = 0;
        for (int i = 0; i < n; i++) {
            tnorm = Math.max(tnorm, Math.abs(diag[i]) + (i > 0 ? Math.abs(off[i - 1]) : 0) + (i < n - 1 ? Math.abs(off[i]) : 0));
        }
        double tiny = Math.max(EPS * tnorm, Double.MIN_NORMAL);
        double clusterGap = 1e-3 * Math.max(tnorm, Double.MIN_NORMAL);
        double[][] vectors = new double[k][];
        SplittableRandom random = new SplittableRandom(INVERSE_ITERATION_SEED);
        double[] dd = new double[n];
        double[] dl = new double[n];
        double[] du = new double[n];
        double[] du2 = new double[n];
        boolean[] swapped = new boolean[n];
        int clusterStart = 0;
        for (int r = 0; r < k; r++) {
            if (r > 0 && values[r] - values[r - 1] > clusterGap) {
                clusterStart = r;
            }
            // Perturb coincident eigenvalues apart so each solve sees a distinct shift.
            double shift = values[r];
            if (r > clusterStart && Math.abs(shift - values[r - 1]) < 10 * tiny) {
                shift = values[r - 1] + 10 * tiny;
            }
            factor(diag, off, shift, tiny, dd, dl, du, du2, swapped);
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = random.nextDouble() - 0.5;
            }
            for (int sweep = 0; sweep < 3; sweep++) {
                solve(dd, dl, du, du2, swapped, z);
                for (int q = clusterStart; q < r; q++) {
                    Vectors.axpy(-Vectors.dot(vectors[q], z, n), vectors[q], z, n);
                }
                Vectors.normalize(z);
            }
            vectors[r] = z;
        }
        return vectors;
    }

    /** LU with partial pivoting of the tridiagonal T - shift I (the LAPACK gttrf layout: diag, sub, super, second super). */
    private static void factor(double[] diag, double[] off, double shift, double tiny, double[] dd, double[] dl, double[] du,
            double[] du2, boolean[] swapped) {
        int n = diag.length;
        for (int i = 0; i < n; i++) {
            dd[i] = diag[i] - shift;
        }
        System.arraycopy(off, 0, dl, 0, n - 1);
        System.arraycopy(off, 0, du, 0, n - 1);
        for (int i = 0; i < n - 1; i++) {
            du2[i] = 0;
            if (Math.abs(dd[i]) >= Math.abs(dl[i])) {
                swapped[i] = false;
                if (dd[i] == 0) {
                    dd[i] = tiny;
                }
                double fact = dl[i] / dd[i];
                dl[i] = fact;
                dd[i + 1] -= fact * du[i];
            } else {
                swapped[i] = true;
                double fact = dd[i] / dl[i];
                dd[i] = dl[i];
                dl[i] = fact;
                double t = du[i];
                du[i] = dd[i + 1];
                dd[i + 1] = t - fact * dd[i + 1];
                if (i < n - 2) {
                    du2[i] = du[i + 1];
                    du[i + 1] = -fact * du[i + 1];
                }
            }
            if (Math.abs(dd[i]) < tiny) {
                dd[i] = dd[i] < 0 ? -tiny : tiny;
            }
        }
        if (Math.abs(dd[n - 1]) < tiny) {
            dd[n - 1] = dd[n - 1] < 0 ? -tiny : tiny;
        }
    }

    /** Solves (T - shift I) x = b in place with the factors of {@link #factor}, rescaling to avoid overflow. */
    private static void solve(double[] dd, double[] dl, double[] du, double[] du2, boolean[] swapped, double[] b) {
        int n = b.length;
        for (int i = 0; i < n - 1; i++) {
            if (!swapped[i]) {
                b[i + 1] -= dl[i] * b[i];
            } else {
                double t = b[i];
                b[i] = b[i + 1];
                b[i + 1] = t - dl[i] * b[i];
            }
        }
        b[n - 1] /= dd[n - 1];
        if (n > 1) {
            b[n - 2] = (b[n - 2] - du[n - 2] * b[n - 1]) / dd[n - 2];
        }
        for (int i = n - 3; i >= 0; i--) {
            b[i] = (b[i] - du[i] * b[i + 1] - du2[i] * b[i + 2]) / dd[i];
            if (Math.abs(b[i]) > 1e150) {
                // Near-singular shifts make the solution huge; rescale (only its direction matters).
                for (int j = i; j < n; j++) {
                    b[j] *= 1e-150;
                }
            }
        }
    }
}
