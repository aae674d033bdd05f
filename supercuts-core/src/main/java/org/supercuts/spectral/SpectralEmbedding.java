package org.supercuts.spectral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.linalg.AffinityOperator;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.linalg.Eigenpairs;
import org.supercuts.linalg.GraphComponents;

/**
 * The k smallest eigenpairs of the generalized problem {@code (D - W) x = lambda D x} (Shi &amp; Malik, "Normalized Cuts
 * and Image Segmentation", TPAMI 22(8), 2000), solved through the symmetric normalized Laplacian
 * {@code L_sym = I - D^-1/2 W D^-1/2}: if {@code L_sym u = lambda u} then {@code x = D^-1/2 u}.
 *
 * <p>Guarantees: eigenvalues ascending; eigenvectors D-orthonormal ({@code x_a^T D x_b = delta_ab}); each eigenvector's
 * sign fixed so that its entry of largest magnitude is positive, ties (magnitudes within a relative 1e-9) broken by the
 * lowest index. Repeated calls with the same input and solver give identical results.
 *
 * <p>Isolated nodes and disconnected graphs are handled explicitly, not left to the solver:
 * <ul>
 *   <li>An isolated node (zero degree) is given an implicit unit self-loop: its degree becomes 1, which makes D invertible
 *       and changes no cut value. It is a component of its own.</li>
 *   <li>Components are ordered by size descending, ties by smallest member. Eigenvalue 0 has multiplicity exactly c (the
 *       number of components). Its eigenvectors are returned in a fixed basis: first the constant vector
 *       {@code 1 / sqrt(vol(V))}, then for j = 1..c-1 the D-normalized contrast that is constant positive on component
 *       j-1 (before sign fixing), constant negative on components j..c-1 and zero on the earlier ones. So for c &gt; 1 the
 *       Fiedler vector separates the largest component from all others, with a normalized cut of 0.</li>
 *   <li>The non-zero eigenpairs are those of the components' own Laplacians (each solved separately, extended by zero),
 *       merged in ascending order, ties by component order.</li>
 * </ul>
 *
 * <p>Deviations from the paper: Shi &amp; Malik solve the generalized problem with a Lanczos method on the sparse
 * pixel graph; here the solver is chosen per component ({@link EigenSolver}), and components are separated explicitly
 * instead of relying on the solver to resolve the multiple zero eigenvalue.
 *
 * <p>Thread safety: immutable; {@link #smallest} is safe to call concurrently.
 */
public final class SpectralEmbedding {
    private final double[] eigenvalues;
    private final double[][] eigenvectors;
    private final double[] degrees;
    private final int[] componentLabels;
    private final int componentCount;
    private final String method;

    private SpectralEmbedding(double[] eigenvalues, double[][] eigenvectors, double[] degrees, int[] componentLabels,
            int componentCount, String method) {
        this.eigenvalues = eigenvalues;
        this.eigenvectors = eigenvectors;
        this.degrees = degrees;
        this.componentLabels = componentLabels;
        this.componentCount = componentCount;
        this.method = method;
    }

    /** The k smallest eigenpairs with the {@link EigenSolver#auto() automatic} solver. */
    public static SpectralEmbedding smallest(AffinityMatrix w, int k) {
        return smallest(AffinityOperator.of(w), k, EigenSolver.auto());
    }

    /** The k smallest eigenpairs with the given solver. */
    public static SpectralEmbedding smallest(AffinityMatrix w, int k, EigenSolver solver) {
        return smallest(AffinityOperator.of(w), k, solver);
    }

    /**
     * The k smallest eigenpairs of {@code (D - W) x = lambda D x} for the affinity seen through {@code w}.
     *
     * @throws IllegalArgumentException if k is outside [1, n]
     */
    public static SpectralEmbedding smallest(AffinityOperator w, int k, EigenSolver solver) {
        Objects.requireNonNull(w, "w");
        Objects.requireNonNull(solver, "solver");
        int n = w.size();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, n=" + n + "], got " + k);
        }
        double[] degree = w.rowSums();
        for (int i = 0; i < n; i++) {
            if (!(degree[i] > 0)) {
                degree[i] = 1.0; // implicit unit self-loop of an isolated node
            }
        }
        GraphComponents comps = GraphComponents.of(w);
        int c = comps.count();
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        List<String> methods = new ArrayList<>();
        if (c == 1) {
            Eigenpairs pairs = solver.smallestOfConnected(w, degree, k, methods);
            for (int r = 0; r < k; r++) {
                values[r] = pairs.values()[r];
                vectors[r] = toGeneralized(pairs.vectors()[r], degree, null, n);
            }
        } else {
            int zeros = Math.min(k, c);
            double[][] nullBasis = componentBasis(comps, degree, zeros, n);
            for (int r = 0; r < zeros; r++) {
                values[r] = 0.0;
                vectors[r] = nullBasis[r];
            }
            int wanted = k - zeros;
            if (wanted > 0) {
                mergeNonTrivial(w, comps, degree, wanted, solver, values, vectors, zeros, methods);
            }
            methods.add(0, "components=" + c);
        }
        for (double[] x : vectors) {
            fixSign(x);
        }
        String method = methods.isEmpty() ? "exact" : String.join(",", methods);
        return new SpectralEmbedding(values, vectors, degree, comps.labels(), c, method);
    }

    /** x = D^-1/2 u, scattered to the given global node indices (or in place when {@code nodes} is null). */
    private static double[] toGeneralized(double[] u, double[] degree, int[] nodes, int n) {
        double[] x = new double[n];
        for (int a = 0; a < u.length; a++) {
            int i = nodes == null ? a : nodes[a];
            x[i] = u[a] / Math.sqrt(degree[i]);
        }
        return x;
    }

    /** The fixed D-orthonormal basis of the null space described in the class comment (first {@code count} vectors). */
    private static double[][] componentBasis(GraphComponents comps, double[] degree, int count, int n) {
        int c = comps.count();
        double[] vol = new double[c];
        for (int q = 0; q < c; q++) {
            for (int i : comps.members(q)) {
                vol[q] += degree[i];
            }
        }
        double[] restVol = new double[c + 1]; // restVol[q] = vol of components q..c-1
        for (int q = c - 1; q >= 0; q--) {
            restVol[q] = restVol[q + 1] + vol[q];
        }
        double[][] basis = new double[count][n];
        Arrays.fill(basis[0], 1.0 / Math.sqrt(restVol[0]));
        for (int j = 1; j < count; j++) {
            double vc = vol[j - 1];
            double vr = restVol[j];
            // a * vc = b * vr (D-orthogonal to the constant) and a^2 vc + b^2 vr = 1 (unit D-norm).
            double a = Math.sqrt(vr / (vc * (vc + vr)));
            double b = a * vc / vr;
            for (int i : comps.members(j - 1)) {
                basis[j][i] = a;
            }
            for (int q = j; q < c; q++) {
                for (int i : comps.members(q)) {
                    basis[j][i] = -b;
                }
            }
        }
        return basis;
    }

    private static void mergeNonTrivial(AffinityOperator w, GraphComponents comps, double[] degree, int wanted,
            EigenSolver solver, double[] values, double[][] vectors, int offset, List<String> methods) {
        int n = w.size();
        List<double[]> candidateVectors = new ArrayList<>();
        List<Double> candidateValues = new ArrayList<>();
        for (int q = 0; q < comps.count(); q++) {
            int[] members = comps.members(q);
            int m = members.length;
            if (m < 2) {
                continue;
            }
            int kq = Math.min(wanted, m - 1) + 1;
            AffinityOperator sub = w.subgraph(members);
            double[] subDegree = new double[m];
            for (int a = 0; a < m; a++) {
                subDegree[a] = degree[members[a]];
            }
            Eigenpairs pairs = solver.smallestOfConnected(sub, subDegree, kq, methods);
            for (int r = 1; r < kq; r++) {
                candidateValues.add(pairs.values()[r]);
                candidateVectors.add(toGeneralized(pairs.vectors()[r], degree, members, n));
            }
        }
        Integer[] order = new Integer[candidateValues.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable sort: equal eigenvalues keep the component order.
        Arrays.sort(order, (a, b) -> Double.compare(candidateValues.get(a), candidateValues.get(b)));
        for (int r = 0; r < wanted; r++) {
            values[offset + r] = candidateValues.get(order[r]);
            vectors[offset + r] = candidateVectors.get(order[r]);
        }
    }

    /** Makes the entry of largest magnitude positive; magnitudes within a relative 1e-9 of the largest tie, lowest index wins. */
    static void fixSign(double[] x) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        double bar = max * (1 - 1e-9);
        for (double v : x) {
            if (Math.abs(v) >= bar) {
                if (v < 0) {
                    for (int i = 0; i < x.length; i++) {
                        x[i] = -x[i];
                    }
                }
                return;
            }
        }
    }

    /** Number of graph nodes. */
    public int nodeCount() {
        return degrees.length;
    }

    /** Number of eigenpairs k. */
    public int count() {
        return eigenvalues.length;
    }

    /** The {@code i}-th smallest eigenvalue. */
    public double eigenvalue(int i) {
        return eigenvalues[i];
    }

    /** Eigenvalues ascending (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The generalized eigenvector x of eigenvalue i (a copy). */
    public double[] eigenvector(int i) {
        return eigenvectors[i].clone();
    }

    /** All generalized eigenvectors, {@code [i][node]} (a deep copy). */
    public double[][] eigenvectors() {
        double[][] out = new double[eigenvectors.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = eigenvectors[i].clone();
        }
        return out;
    }

    /** The eigenvector u = D^1/2 x of L_sym for eigenvalue i (unit length). */
    public double[] normalizedEigenvector(int i) {
        double[] u = eigenvectors[i].clone();
        for (int j = 0; j < u.length; j++) {
            u[j] *= Math.sqrt(degrees[j]);
        }
        return u;
    }

    /** The degrees used (row sums, an isolated node counted as 1), a copy. */
    public double[] degrees() {
        return degrees.clone();
    }

    /** Number of connected components of the graph. */
    public int componentCount() {
        return componentCount;
    }

    /** The component of each node (0 = largest, see the class comment), a copy. */
    public int[] componentLabels() {
        return componentLabels.clone();
    }

    /** How the pairs were computed, e.g. "lanczos", "dense", "components=3,dense", "lanczos->dense" after a fallback. */
    public String method() {
        return method;
    }

    /** The result as a {@link SpectralPartition} with the given tree and Fiedler threshold (needs k >= 2). */
    public SpectralPartition toPartition(double fiedlerThreshold, PartitionTree tree) {
        return new SpectralPartition(eigenvalues, eigenvectors, fiedlerThreshold, tree);
    }
}
