package org.supercuts.linalg;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the spectral embedding computes the smallest eigenpairs of the symmetric normalized Laplacian
 * {@code L_sym = I - D^-1/2 W D^-1/2}: a dense symmetric eigendecomposition (EJML, all n eigenpairs, O(n^3)), the
 * matrix-free thick-restart Lanczos iteration (products with W only, O(iterations * non-zeros)), or a choice between the two
 * by the size of each connected component, or the spectral transformation Lanczos iteration on the inverse of the Laplacian
 * (one sparse Cholesky factorization per component, then O(steps * (envelope + basis * n)); see {@link #shiftInvert()}).
 *
 * <p>The Lanczos iteration stops when every wanted Ritz pair has residual {@code ||L_sym u - lambda u|| <= tolerance}
 * (checked explicitly on the final vectors); when it does not get there within {@link #maxRestarts()} restarts it logs a
 * warning and falls back to the dense solver, so every spec returns the eigenpairs or throws, never a failure code.
 *
 * <p>Thread safety: immutable.
 */
public final class EigenSolver {
    private static final Logger LOG = LoggerFactory.getLogger(EigenSolver.class);

    /** The solver family. Thread safety: immutable (an enum). */
    public enum Kind {
        /** Dense symmetric eigendecomposition of L_sym. */
        DENSE,
        /** Thick-restart Lanczos on the operator (dense fallback on non-convergence). */
        LANCZOS,
        /**
         * Dense for components of at most {@link #denseThreshold()} nodes, Lanczos above; on dense graphs (at least half
         * of the entries non-zero) Lanczos already from {@link #DENSE_GRAPH_CROSSOVER} nodes.
         */
        AUTO,
        /**
         * Lanczos on the inverse of L_sym on the complement of its known null vector, applied through a Cholesky factor of
         * the grounded Laplacian; on failure (a numerically disconnected graph, or no convergence) it falls back to the
         * {@link #AUTO} choice with the same threshold.
         */
        SHIFT_INVERT
    }

    /** Default size limit of {@link #auto()}: at and below it the dense solver is used. */
    public static final int DEFAULT_DENSE_THRESHOLD = 128;
    /**
     * On a dense graph every Lanczos product costs n^2 like the dense solver's steps, but the dense solver needs n of them
     * (n^3) and Lanczos a few dozen: measured on clipped-cosine patch graphs (k = 4, 2026-12-01), Lanczos is faster from
     * about 56 nodes (0.19 vs 0.35 ms at 64 nodes, 0.34 vs 1.4 ms at 100, 12 vs 600 ms at 1000).
     */
    public static final int DENSE_GRAPH_CROSSOVER = 56;
    /** Default residual tolerance of the Lanczos iteration. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** Default number of Lanczos restarts before the dense fallback. */
    public static final int DEFAULT_MAX_RESTARTS = 60;

    private final Kind kind;
    private final int denseThreshold;
    private final double tolerance;
    private final int maxRestarts;
    private final int basisSize;

    private EigenSolver(Kind kind, int denseThreshold, double tolerance, int maxRestarts, int basisSize) {
        if (denseThreshold < 0) {
            throw new IllegalArgumentException("denseThreshold must be >= 0, got " + denseThreshold);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance) || tolerance >= 1) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("maxRestarts must be >= 0, got " + maxRestarts);
        }
        if (basisSize != 0 && basisSize < 8) {
            throw new IllegalArgumentException("basisSize must be 0 (automatic) or >= 8, got " + basisSize);
        }
        this.kind = kind;
        this.denseThreshold = denseThreshold;
        this.tolerance = tolerance;
        this.maxRestarts = maxRestarts;
        this.basisSize = basisSize;
    }

    /** Always the dense eigendecomposition. */
    public static EigenSolver dense() {
        return new EigenSolver(Kind.DENSE, 0, DEFAULT_TOLERANCE, DEFAULT_MAX_RESTARTS, 0);
    }

    /** Always Lanczos (except for components too small for a Krylov basis, which are solved densely). */
    public static EigenSolver lanczos() {
        return new EigenSolver(Kind.LANCZOS, 0, DEFAULT_TOLERANCE, DEFAULT_MAX_RESTARTS, 0);
    }

    /**
     * Dense up to {@link #DEFAULT_DENSE_THRESHOLD} nodes per component, Lanczos above (above
     * {@link #DENSE_GRAPH_CROSSOVER} on dense graphs).
     */
    public static EigenSolver auto() {
        return auto(DEFAULT_DENSE_THRESHOLD);
    }

    /**
     * Dense for components of at most {@code denseThreshold} nodes, Lanczos above; on dense graphs (at least half of the
     * entries non-zero) at most {@code min(denseThreshold, DENSE_GRAPH_CROSSOVER)} nodes are solved densely.
     */
    public static EigenSolver auto(int denseThreshold) {
        return new EigenSolver(Kind.AUTO, denseThreshold, DEFAULT_TOLERANCE, DEFAULT_MAX_RESTARTS, 0);
    }

    /**
     * The spectral transformation Lanczos solver (see {@link ShiftInvertKernel}): the wanted smallest eigenvalues become the
     * largest and best separated ones of the inverse, so the iteration converges in a few dozen steps even when the Fiedler
     * value is tiny and crowded, as on superpixel graphs. Suited to sparse, nearly planar graphs (region adjacency), whose
     * Laplacian has a narrow envelope; falls back to {@link #auto()} (same tolerance and threshold) when the envelope is too
     * wide to factor cheaply (dense or expander-like graphs), when the factorization breaks down (numerically disconnected
     * graphs) or when the iteration fails. Components of at most {@code max(k + 2, 8)} nodes are solved densely.
     */
    public static EigenSolver shiftInvert() {
        return new EigenSolver(Kind.SHIFT_INVERT, DEFAULT_DENSE_THRESHOLD, DEFAULT_TOLERANCE, DEFAULT_MAX_RESTARTS, 0);
    }

    /** The same spec with another Lanczos residual tolerance (in (0, 1)). */
    public EigenSolver tolerance(double tolerance) {
        return new EigenSolver(kind, denseThreshold, tolerance, maxRestarts, basisSize);
    }

    /** The same spec with another number of Lanczos restarts before the dense fallback. */
    public EigenSolver maxRestarts(int maxRestarts) {
        return new EigenSolver(kind, denseThreshold, tolerance, maxRestarts, basisSize);
    }

    /** The same spec with a fixed Lanczos basis size ({@code >= 8}; 0 = automatic, {@code max(2k + 24, 40)}). */
    public EigenSolver basisSize(int basisSize) {
        return new EigenSolver(kind, denseThreshold, tolerance, maxRestarts, basisSize);
    }

    /** The solver family. */
    public Kind kind() {
        return kind;
    }

    /** Component size at and below which the dense solver is used. */
    public int denseThreshold() {
        return denseThreshold;
    }

    /** Residual tolerance of the Lanczos iterations. */
    public double tolerance() {
        return tolerance;
    }

    /** Lanczos restarts before the dense fallback. */
    public int maxRestarts() {
        return maxRestarts;
    }

    /** Fixed Lanczos basis size, or 0 for the automatic size. */
    public int basisSize() {
        return basisSize;
    }

    /**
     * Whether a connected component of {@code nodes} nodes with {@code nonZeros} stored affinity entries is solved densely
     * when {@code k} eigenpairs are wanted.
     */
    boolean usesDense(int nodes, long nonZeros, int k) {
        // Lanczos needs a basis clearly larger than k; tiny components are cheaper dense anyway.
        if (nodes <= Math.max(2 * k + 8, 16)) {
            return true;
        }
        return switch (kind) {
            case DENSE -> true;
            case LANCZOS -> false;
            case AUTO -> nodes <= autoThreshold(nodes, nonZeros);
            case SHIFT_INVERT -> nodes <= Math.max(k + 2, 8);
        };
    }

    /** Whether the fallback of {@link Kind#SHIFT_INVERT} (the automatic choice) solves the component densely. */
    boolean fallbackUsesDense(int nodes, long nonZeros) {
        return nodes <= autoThreshold(nodes, nonZeros);
    }

    private int autoThreshold(int nodes, long nonZeros) {
        boolean denseGraph = 2 * nonZeros >= (long) nodes * nodes;
        return denseGraph ? Math.min(denseThreshold, DENSE_GRAPH_CROSSOVER) : denseThreshold;
    }

    /** For provenance, for example {@code shift-invert(tol=1e-10)}. */
    public String describe() {
        return switch (kind) {
            case DENSE -> "dense";
            case LANCZOS -> String.format(Locale.ROOT, "lanczos(tol=%.0e)", tolerance);
            case AUTO -> String.format(Locale.ROOT, "auto(dense<=%d,tol=%.0e)", denseThreshold, tolerance);
            case SHIFT_INVERT -> String.format(Locale.ROOT, "shift-invert(tol=%.0e)", tolerance);
        };
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EigenSolver e && e.kind == kind && e.denseThreshold == denseThreshold && e.tolerance == tolerance
                && e.maxRestarts == maxRestarts && e.basisSize == basisSize;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, denseThreshold, tolerance, maxRestarts, basisSize);
    }

    /**
     * The k smallest eigenpairs of {@code L_sym} for a connected graph with the given degrees (an isolated node counted
     * with degree 1), by this spec's solver, falling back as the class comment describes. The vectors are those of
     * {@code L_sym} (unit length), not the generalized ones.
     *
     * @param methods receives the names of the solvers that ran ("dense", "lanczos", "shift-invert", "lanczos->dense", ...),
     *                each once
     */
    public Eigenpairs smallestOfConnected(AffinityOperator w, double[] degree, int k, List<String> methods) {
        EigenSolver solver = this;
        int n = w.size();
        double[] invSqrt = new double[n];
        for (int i = 0; i < n; i++) {
            invSqrt[i] = 1.0 / Math.sqrt(degree[i]);
        }
        if (n == 1) {
            return new Eigenpairs(new double[] {0.0}, new double[][] {{1.0}}, 0, 0);
        }
        if (solver.usesDense(n, w.nonZeros(), k)) {
            addOnce(methods, "dense");
            return DenseEigenKernel.smallest(w, invSqrt, k);
        }
        if (solver.kind() == EigenSolver.Kind.SHIFT_INVERT) {
            try {
                Eigenpairs p = ShiftInvertKernel.smallest(w, degree, k, solver.tolerance());
                addOnce(methods, "shift-invert");
                return p;
            } catch (ShiftInvertKernel.NoConvergenceException | GroundedLaplacian.BreakdownException e) {
                LOG.debug("{}; using the automatic solver", e.getMessage());
                addOnce(methods, "shift-invert->auto");
                if (solver.fallbackUsesDense(n, w.nonZeros())) {
                    return DenseEigenKernel.smallest(w, invSqrt, k);
                }
            }
        }
        int basis = LanczosKernel.basisSize(n, k, solver.basisSize());
        try {
            Eigenpairs p = LanczosKernel.smallest(w, invSqrt, k, solver.tolerance(), solver.maxRestarts(), basis, null);
            addOnce(methods, "lanczos");
            return p;
        } catch (LanczosKernel.NoConvergenceException e) {
            int larger = Math.min(n, 2 * basis);
            if (larger > basis) {
                // A larger basis separates clustered eigenvalues better; much cheaper than the O(n^3) dense solve.
                LOG.debug("{}; retrying with basis {}", e.getMessage(), larger);
                try {
                    Eigenpairs p = LanczosKernel.smallest(w, invSqrt, k, solver.tolerance(), 2 * solver.maxRestarts(), larger,
                            null);
                    addOnce(methods, "lanczos");
                    return p;
                } catch (LanczosKernel.NoConvergenceException again) {
                    e = again;
                }
            }
            LOG.warn("{}; falling back to the dense eigensolver", e.getMessage());
            addOnce(methods, "lanczos->dense");
            return DenseEigenKernel.smallest(w, invSqrt, k);
        }
    }

    private static void addOnce(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }
}
