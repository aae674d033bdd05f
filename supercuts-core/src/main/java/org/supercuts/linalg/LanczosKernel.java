package org.supercuts.linalg;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Matrix-free kernel: thick-restart Lanczos (Wu &amp; Simon, SIAM J. Matrix Anal. Appl. 22(2), 2000) with full
 * reorthogonalisation for the k largest eigenpairs of {@code M = D^-1/2 W D^-1/2}, which are the k smallest of
 * {@code L_sym = I - M} ({@code lambda = 1 - mu}). Only products {@code y = W x} are used.
 *
 * <p>Each step orthogonalises the new vector against the whole basis twice (classical Gram-Schmidt, "twice is enough"),
 * so the projected matrix is formed from the computed projections rather than assumed tridiagonal; after a restart it is
 * arrow-shaped and the same code handles it. Convergence is checked every few steps from the Ritz estimates
 * {@code beta * |s_last|} and confirmed at the end by explicit residuals {@code ||M u - mu u||} on the final vectors.
 *
 * <p>Deviations from the paper: the restart keeps a fixed number of Ritz vectors (k plus half the free basis) instead of
 * an adaptive count; the small projected problem is solved with a dense symmetric eigendecomposition.
 *
 * <p>Limitation (shared by every single-vector Krylov method): of an eigenvalue with multiplicity m within one connected
 * component only one copy is seen in exact arithmetic; the others appear only through rounding, possibly late.
 *
 * <p>Thread safety: stateless; a {@link Workspace} must not be shared between concurrent calls.
 */
final class LanczosKernel {
    /** Thrown when the iteration does not reach the tolerance; the caller falls back to the dense kernel. */
    static final class NoConvergenceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoConvergenceException(String message) {
            super(message);
        }
    }

    /** Reusable buffers for one problem size and basis size. */
    static final class Workspace {
        final int n;
        final int m;
        final double[][] basis;
        final double[][] spare;
        final double[] projected;
        final double[] coefficients;
        final double[] scratch;

        Workspace(int n, int m) {
            this.n = n;
            this.m = m;
            this.basis = new double[m + 1][n];
            this.spare = new double[m + 1][n];
            this.projected = new double[m * m];
            this.coefficients = new double[m + 1];
            this.scratch = new double[n];
        }
    }

    /** The fixed seed of the deterministic start vector. */
    static final long START_SEED = 0x5eed_1a2c_0ffe_e123L;

    private LanczosKernel() {
    }

    /** The automatic basis size for k wanted eigenpairs on n nodes. */
    static int basisSize(int n, int k, int requested) {
        int m = requested > 0 ? requested : Math.max(2 * k + 24, 40);
        return Math.min(m, n);
    }

    /**
     * The k smallest eigenpairs of L_sym of a connected graph with positive degrees.
     *
     * @param invSqrtDegree {@code 1 / sqrt(d_i)}
     * @param work          buffers for (n, basis size), or null to allocate
     * @throws NoConvergenceException when the tolerance is not reached within {@code maxRestarts} restarts
     */
    static Eigenpairs smallest(AffinityOperator w, double[] invSqrtDegree, int k, double tolerance, int maxRestarts,
            int requestedBasis, Workspace work) {
        int n = w.size();
        int m = basisSize(n, k, requestedBasis);
        if (m < k + 2) {
            throw new IllegalArgumentException("Lanczos basis size " + m + " must exceed k + 1 = " + (k + 1) + " (n = " + n + ")");
        }
        Workspace ws = work != null && work.n == n && work.m == m ? work : new Workspace(n, m);
        double[][] v = ws.basis;
        double[] h = ws.projected;
        double[] coef = ws.coefficients;
        double[] tmp = ws.scratch;
        Arrays.fill(h, 0.0);
        SplittableRandom random = new SplittableRandom(START_SEED);
        // Deterministic start: D^1/2 1 (rich in the wanted low-frequency directions) plus a fixed pseudo-random part so no
        // eigenvector is missed by symmetry.
        for (int i = 0; i < n; i++) {
            v[0][i] = 1.0 / invSqrtDegree[i] * (1.0 + 0.5 * (random.nextDouble() - 0.5));
        }
        Vectors.normalize(v[0]);
        int kept = 0;
        int products = 0;
        // The projected eigenproblem costs O(m^3) per check, a product O(non-zeros): check more often when products are dear.
        long nnz = w.nonZeros();
        int checkEvery = nnz >= 1_000_000 ? 2 : nnz >= 200_000 ? 3 : 6;
        for (int restart = 0; restart <= maxRestarts; restart++) {
            double beta = 0;
            for (int j = kept; j < m; j++) {
                double[] next = v[j + 1];
                applyM(w, invSqrtDegree, v[j], next, tmp);
                products++;
                Arrays.fill(coef, 0, j + 1, 0.0);
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i <= j; i++) {
                        double c = Vectors.dot(v[i], next, n);
                        coef[i] += c;
                        Vectors.axpy(-c, v[i], next, n);
                    }
                }
                for (int i = 0; i <= j; i++) {
                    h[i * m + j] = coef[i];
                    h[j * m + i] = coef[i];
                }
                beta = Vectors.normalize(next);
                if (beta <= 1e-12) {
                    // Invariant subspace: its Ritz pairs are exact. Continue (if the space is not exhausted) with a fresh
                    // direction orthogonal to the basis; its coupling to the basis is zero.
                    beta = 0;
                    if (j + 1 < n) {
                        freshDirection(v, j + 1, n, random);
                    } else {
                        Arrays.fill(v[j + 1], 0.0);
                    }
                }
                int size = j + 1;
                boolean last = j == m - 1;
                if (size >= k + 2 && (last || (size - kept) % checkEvery == 0)) {
                    Ritz ritz = ritz(h, m, size);
                    if (converged(ritz, size, beta, k, tolerance)) {
                        Eigenpairs result = ritzPairs(w, invSqrtDegree, v, ritz, size, k, tmp, products, restart);
                        if (result != null && explicitResidualsOk(w, invSqrtDegree, result, tolerance, tmp)) {
                            return result;
                        }
                    }
                    if (last) {
                        kept = thickRestart(v, ws.spare, h, m, ritz, k, n);
                        break;
                    }
                }
            }
        }
        throw new NoConvergenceException("Lanczos did not reach residual " + tolerance + " for " + k + " eigenpairs of a "
                + n + "-node graph within " + maxRestarts + " restarts (" + products + " products)");
    }

    /** y = D^-1/2 W D^-1/2 x. */
    static void applyM(AffinityOperator w, double[] invSqrtDegree, double[] x, double[] y, double[] tmp) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            tmp[i] = invSqrtDegree[i] * x[i];
        }
        w.multiply(tmp, y);
        for (int i = 0; i < n; i++) {
            y[i] *= invSqrtDegree[i];
        }
    }

    private static void freshDirection(double[][] v, int index, int n, SplittableRandom random) {
        double[] f = v[index];
        for (int attempt = 0; attempt < 3; attempt++) {
            for (int i = 0; i < n; i++) {
                f[i] = random.nextDouble() - 0.5;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < index; i++) {
                    Vectors.axpy(-Vectors.dot(v[i], f, n), v[i], f, n);
                }
            }
            if (Vectors.normalize(f) > 1e-8) {
                return;
            }
        }
        throw new NoConvergenceException("Lanczos could not extend a basis of " + index + " vectors in dimension " + n);
    }

    /** Ritz values (descending) and vectors of the leading size x size block of the projected matrix. */
    private record Ritz(double[] values, double[][] vectors) {
    }

    private static Ritz ritz(double[] h, int m, int size) {
        DMatrixRMaj t = new DMatrixRMaj(size, size);
        for (int i = 0; i < size; i++) {
            System.arraycopy(h, i * m, t.data, i * size, size);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eig.decompose(t)) {
            throw new NoConvergenceException("eigendecomposition of the " + size + "x" + size + " projected matrix failed");
        }
        Integer[] order = new Integer[size];
        double[] vals = new double[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
            vals[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(vals[b], vals[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        double[] values = new double[size];
        double[][] vectors = new double[size][];
        for (int r = 0; r < size; r++) {
            values[r] = vals[order[r]];
            vectors[r] = Arrays.copyOf(eig.getEigenVector(order[r]).data, size);
            Vectors.normalize(vectors[r]);
        }
        return new Ritz(values, vectors);
    }

    private static boolean converged(Ritz ritz, int size, double beta, int k, double tolerance) {
        for (int r = 0; r < k; r++) {
            if (Math.abs(beta * ritz.vectors()[r][size - 1]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static Eigenpairs ritzPairs(AffinityOperator w, double[] invSqrtDegree, double[][] v, Ritz ritz, int size, int k,
            double[] tmp, int products, int restarts) {
        int n = v[0].length;
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        for (int r = 0; r < k; r++) {
            double[] u = new double[n];
            double[] s = ritz.vectors()[r];
            for (int l = 0; l < size; l++) {
                Vectors.axpy(s[l], v[l], u, n);
            }
            Vectors.normalize(u);
            vectors[r] = u;
            values[r] = 1.0 - ritz.values()[r];
        }
        return new Eigenpairs(values, vectors, products, restarts);
    }

    /** Recomputes each residual ||M u - mu u|| and refines the eigenvalue to the Rayleigh quotient. */
    private static boolean explicitResidualsOk(AffinityOperator w, double[] invSqrtDegree, Eigenpairs pairs, double tolerance,
            double[] tmp) {
        int n = tmp.length;
        int k = pairs.values().length;
        double[][] scaled = new double[k][n];
        double[][] products = new double[k][n];
        for (int r = 0; r < k; r++) {
            double[] u = pairs.vectors()[r];
            for (int i = 0; i < n; i++) {
                scaled[r][i] = invSqrtDegree[i] * u[i];
            }
        }
        w.multiplyAll(scaled, products);
        for (int r = 0; r < k; r++) {
            double[] u = pairs.vectors()[r];
            double[] mu = products[r];
            for (int i = 0; i < n; i++) {
                mu[i] *= invSqrtDegree[i];
            }
            double rayleigh = Vectors.dot(u, mu, n);
            double res = 0;
            for (int i = 0; i < n; i++) {
                double d = mu[i] - rayleigh * u[i];
                res += d * d;
            }
            if (Math.sqrt(res) > 10 * tolerance) {
                return false;
            }
            pairs.values()[r] = 1.0 - rayleigh;
        }
        return true;
    }

    /** Keeps the leading Ritz vectors plus the residual direction as the new basis start; returns the kept count. */
    private static int thickRestart(double[][] v, double[][] spare, double[] h, int m, Ritz ritz, int k, int n) {
        int keep = Math.min(m - 2, k + (m - k) / 2);
        for (int r = 0; r < keep; r++) {
            double[] y = spare[r];
            Arrays.fill(y, 0.0);
            double[] s = ritz.vectors()[r];
            for (int l = 0; l < m; l++) {
                Vectors.axpy(s[l], v[l], y, n);
            }
        }
        for (int r = 0; r < keep; r++) {
            double[] t = v[r];
            v[r] = spare[r];
            spare[r] = t;
        }
        // The residual direction v[m] becomes basis vector 'keep'.
        double[] t = v[keep];
        v[keep] = v[m];
        v[m] = t;
        Arrays.fill(h, 0.0);
        for (int r = 0; r < keep; r++) {
            h[r * m + r] = ritz.values()[r];
        }
        return keep;
    }
}
