package org.supercuts.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Matrix-free-in-W, factored-in-L kernel for the k smallest eigenpairs of {@code L_sym = I - D^-1/2 W D^-1/2} of a
 * connected graph: the spectral transformation Lanczos method (Ericsson &amp; Ruhe, "The spectral transformation Lanczos
 * method for the numerical solution of large sparse generalized symmetric eigenvalue problems", Math. Comp. 35(152),
 * 1980) with the pole at 0. The null vector {@code u0 = D^1/2 1 / ||D^1/2 1||} is known exactly; on its orthogonal
 * complement {@code L_sym} is invertible, and its inverse {@code B u = D^1/2 y}, where {@code L y = D^1/2 u} and y is
 * D-orthogonal to the constant vector, is applied with one solve of the {@link GroundedLaplacian}. Lanczos with full
 * reorthogonalisation on B finds B's largest eigenvalues {@code 1 / lambda_2 >= 1 / lambda_3 >= ...}.
 *
 * <p>Why: the Fiedler values of superpixel graphs are tiny and crowded (a weakly attached region gives lambda_2 near 1e-6)
 * while the spectrum reaches 2, so Lanczos on W converges slowly (often 100-200 products and several restarts); after the
 * transformation the wanted eigenvalues are the largest and well separated, so 10-30 steps suffice and no restart is needed.
 *
 * <p>Convergence: a Ritz pair {@code (theta, u)} of B with residual norm rho has {@code ||L_sym u - u / theta|| <= 2 rho /
 * theta} (as {@code ||L_sym|| <= 2}); the iteration stops when that bound is below the tolerance for every wanted pair, and
 * the pairs are accepted only if their explicit residuals {@code ||L_sym u - lambda u||}, with lambda the Rayleigh quotient,
 * are within 10 times the tolerance (the bound of {@link LanczosKernel}).
 *
 * <p>Deviations from the paper: no restarts (the basis is capped, and the caller falls back to another kernel if the cap is
 * reached); the projected tridiagonal problem is solved by bisection and inverse iteration for the wanted pairs only.
 *
 * <p>Thread safety: stateless; every call allocates its own arrays.
 */
final class ShiftInvertKernel {
    /** Thrown when the kernel cannot deliver the pairs; the caller falls back to another kernel. */
    static final class NoConvergenceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoConvergenceException(String message) {
            super(message);
        }
    }

    /** The fixed seed of the deterministic start vector. */
    static final long START_SEED = 0x51f7_1e7e_5eed_0001L;
    /** Largest Krylov basis before giving up (the transformed problem normally converges in well under 40 steps). */
    static final int MAX_STEPS = 80;
    /**
     * Steps beyond the wanted count before convergence is first checked: on ECSSD superpixel graphs (1086 cuts) the
     * Fiedler pair needed 3 to 16 steps, 9.4 on average, so earlier checks (a bisection on T each) are mostly wasted.
     */
    static final int FIRST_CHECK = 4;

    private ShiftInvertKernel() {
    }

    /**
     * The k smallest eigenpairs (unit vectors u of L_sym, ascending eigenvalues) of a connected graph with positive degrees.
     *
     * @param degree the degrees d_i (row sums, self-loops included)
     * @throws NoConvergenceException           when the tolerance is not reached within {@link #MAX_STEPS} steps or the
     *                                          explicit residual check fails
     * @throws GroundedLaplacian.BreakdownException when the Laplacian cannot be factored safely
     */
    static Eigenpairs smallest(AffinityOperator w, double[] degree, int k, double tolerance) {
        int n = w.size();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, n=" + n + "], got " + k);
        }
        double[] sqrtD = new double[n];
        double[] invSqrtD = new double[n];
        double volume = 0;
        for (int i = 0; i < n; i++) {
            sqrtD[i] = Math.sqrt(degree[i]);
            invSqrtD[i] = 1.0 / sqrtD[i];
            volume += degree[i];
        }
        double[] u0 = new double[n];
        double invNorm = 1.0 / Math.sqrt(volume);
        for (int i = 0; i < n; i++) {
            u0[i] = sqrtD[i] * invNorm;
        }
        int wanted = k - 1;
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        vectors[0] = u0;
        if (wanted == 0) {
            return new Eigenpairs(values, vectors, 0, 0);
        }
        GroundedLaplacian laplacian = GroundedLaplacian.factor(w);
        int maxSteps = Math.min(n - 1, Math.max(MAX_STEPS, 2 * wanted + 40));
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[maxSteps];
        double[] beta = new double[maxSteps];
        double[] coef = new double[maxSteps + 1];
        double[] b = new double[n];
        double[] y = new double[n];
        double[] work = new double[n];
        double[] v = new double[n];
        SplittableRandom random = new SplittableRandom(START_SEED);
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        orthogonalise(v, u0, basis, 0, coef, n);
        if (Vectors.normalize(v) == 0) {
            throw new NoConvergenceException("start vector vanished on " + n + " nodes");
        }
        basis.add(v);
        double normEstimate = 0;
        for (int j = 0; j < maxSteps; j++) {
            double[] vj = basis.get(j);
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = sqrtD[i] * vj[i];
            }
            laplacian.solve(b, y, work);
            double dy = 0;
            for (int i = 0; i < n; i++) {
                dy += degree[i] * y[i];
            }
            double shift = dy / volume;
            for (int i = 0; i < n; i++) {
                next[i] = sqrtD[i] * (y[i] - shift);
            }
            orthogonalise(next, u0, basis, j + 1, coef, n);
            alpha[j] = coef[j];
            double betaJ = Vectors.normalize(next);
            beta[j] = betaJ;
            normEstimate = Math.max(normEstimate, Math.abs(alpha[j]) + betaJ);
            int size = j + 1;
            boolean invariant = betaJ <= 1e-13 * normEstimate;
            if (size >= wanted && (invariant || size >= Math.min(wanted + FIRST_CHECK, maxSteps))) {
                Eigenpairs found = tryConverge(w, invSqrtD, alpha, beta, size, wanted, invariant ? 0 : betaJ, basis,
                        tolerance, values, vectors, j + 1);
                if (found != null) {
                    return found;
                }
            }
            if (invariant) {
                throw new NoConvergenceException("the Krylov space of B became invariant after " + size + " steps on " + n
                        + " nodes before " + wanted + " pairs converged");
            }
            basis.add(next);
        }
        throw new NoConvergenceException("shift-invert Lanczos did not reach residual " + tolerance + " for " + k
                + " eigenpairs of a " + n + "-node graph within " + maxSteps + " steps");
    }

    /** Removes from x its components along u0 and basis[0..count), twice; coef[i] gets the total coefficient on basis[i]. */
    private static void orthogonalise(double[] x, double[] u0, List<double[]> basis, int count, double[] coef, int n) {
        java.util.Arrays.fill(coef, 0, count, 0.0);
        for (int pass = 0; pass < 2; pass++) {
            Vectors.axpy(-Vectors.dot(u0, x, n), u0, x, n);
            for (int i = 0; i < count; i++) {
                double c = Vectors.dot(basis.get(i), x, n);
                coef[i] += c;
                Vectors.axpy(-c, basis.get(i), x, n);
            }
        }
    }

    /** The pairs if every wanted Ritz pair of T_size passes both tests, else null. */
    private static Eigenpairs tryConverge(AffinityOperator w, double[] invSqrtD, double[] alpha, double[] beta, int size,
            int wanted, double lastBeta, List<double[]> basis, double tolerance, double[] values, double[][] vectors,
            int products) {
        // Largest eigenpairs of T = smallest of -T.
        double[] diag = new double[size];
        double[] off = new double[Math.max(size - 1, 0)];
        for (int i = 0; i < size; i++) {
            diag[i] = -alpha[i];
        }
        for (int i = 0; i + 1 < size; i++) {
            off[i] = -beta[i];
        }
        double[] negTheta = DenseEigenKernel.smallestTridiagonalEigenvalues(diag, off, wanted);
        double[][] s = DenseEigenKernel.tridiagonalEigenvectors(diag, off, negTheta);
        for (int r = 0; r < wanted; r++) {
            double theta = -negTheta[r];
            if (!(theta > 0)) {
                return null;
            }
            double bound = 2 * lastBeta * Math.abs(s[r][size - 1]) / theta;
            if (bound > tolerance) {
                return null;
            }
        }
        int n = invSqrtD.length;
        double[][] candidates = new double[wanted][];
        for (int r = 0; r < wanted; r++) {
            double[] u = new double[n];
            for (int l = 0; l < size; l++) {
                Vectors.axpy(s[r][l], basis.get(l), u, n);
            }
            Vectors.normalize(u);
            candidates[r] = u;
        }
        double[] tmp = new double[n];
        double[] mu = new double[n];
        double[] refined = new double[wanted];
        for (int r = 0; r < wanted; r++) {
            double[] u = candidates[r];
            LanczosKernel.applyM(w, invSqrtD, u, mu, tmp);
            // L_sym u = u - M u.
            double rayleigh = 1.0 - Vectors.dot(u, mu, n);
            double res = 0;
            for (int i = 0; i < n; i++) {
                double d = (u[i] - mu[i]) - rayleigh * u[i];
                res += d * d;
            }
            if (Math.sqrt(res) > 10 * tolerance) {
                return null;
            }
            refined[r] = rayleigh;
        }
        for (int r = 0; r < wanted; r++) {
            values[r + 1] = refined[r];
            vectors[r + 1] = candidates[r];
        }
        return new Eigenpairs(values, vectors, products, 0);
    }
}
