package org.supercuts.linalg;

import java.util.Arrays;

/**
 * A direct solver for the combinatorial Laplacian {@code L = D - W} of a connected graph, "grounded" at one node: the row
 * and column of that node are removed, which leaves a symmetric positive definite matrix, factored once as
 * {@code P L_g P^T = R R^T} by envelope (profile) Cholesky after a reverse Cuthill-McKee ordering P (George &amp; Liu,
 * "Computer Solution of Large Sparse Positive Definite Systems", Prentice-Hall 1981, ch. 4: the RCM ordering with a
 * pseudo-peripheral start node, and the envelope factorization by bordering). For a right-hand side b with
 * {@code sum_i b_i = 0}, solving with the grounded matrix and setting the ground node to 0 gives a solution of
 * {@code L y = b} (the removed equation is the negated sum of the others), unique up to adding a constant.
 *
 * <p>Why this layout: region-adjacency graphs of a few hundred superpixels are nearly planar, so RCM keeps their envelope
 * narrow (a few dozen entries per row); every inner loop of the factorization and of the solves is then a dot product or an
 * axpy over a contiguous slice, with no symbolic phase and no pointer chasing.
 *
 * <p>Deviations from the book: the pseudo-peripheral node search starts at the piece's lowest-index node and stops after
 * 3 breadth-first searches (searching on to convergence shrank the envelope of ECSSD superpixel graphs by only 0.5%); the
 * ground node is the one of largest degree (ties: lowest index), which keeps the grounded matrix best conditioned.
 *
 * <p>Thread safety: immutable after construction; {@link #solve} only writes to the caller's arrays and a per-call buffer.
 */
final class GroundedLaplacian {
    /**
     * Thrown when a pivot is not safely positive (a graph that is disconnected or numerically nearly so), or when the
     * envelope is too wide to factor cheaply.
     */
    static final class BreakdownException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BreakdownException(String message) {
            super(message);
        }
    }

    /**
     * Largest factorization work (multiply-adds, about a tenth of a second) accepted: beyond it the graph is too dense or
     * too far from planar for an envelope method, and an iterative solver on W is cheaper.
     */
    static final double MAX_FACTOR_WORK = 2e8;
    /** Smallest pivot, relative to its row's diagonal, that is trusted. */
    private static final double PIVOT_FLOOR = 1e-13;

    private final int n;
    private final int ground;
    /** order[r] = graph node at position r of the factored (grounded, permuted) matrix; length n - 1. */
    private final int[] order;
    /** first[r] = first column of row r's envelope. */
    private final int[] first;
    /** Row r's envelope entries for columns first[r]..r start at rowOffset[r]. */
    private final int[] rowOffset;
    private final double[] factor;

    private GroundedLaplacian(int n, int ground, int[] order, int[] first, int[] rowOffset, double[] factor) {
        this.n = n;
        this.ground = ground;
        this.order = order;
        this.first = first;
        this.rowOffset = rowOffset;
        this.factor = factor;
    }

    /**
     * Factors the grounded Laplacian of {@code w} (self-loops ignored).
     *
     * @throws BreakdownException when a pivot is not safely positive (the graph is disconnected or nearly so), or when the
     *                            factorization would exceed {@link #MAX_FACTOR_WORK} multiply-adds
     */
    static GroundedLaplacian factor(AffinityOperator w) {
        int n = w.size();
        if (n < 2) {
            throw new IllegalArgumentException("a grounded Laplacian needs n >= 2 nodes, got " + n);
        }
        // Off-diagonal adjacency in compressed rows.
        int[] start = new int[n + 1];
        int[] adj;
        double[] weight;
        if (w instanceof SparseAffinity sparse) {
            // Direct copy without the self-loops: the common case, and the visitor below costs a call per entry.
            int total = sparse.rowStart(n);
            adj = new int[total];
            weight = new double[total];
            int f = 0;
            for (int i = 0; i < n; i++) {
                for (int e = sparse.rowStart(i), end = sparse.rowStart(i + 1); e < end; e++) {
                    int j = sparse.column(e);
                    if (j != i) {
                        adj[f] = j;
                        weight[f++] = sparse.weight(e);
                    }
                }
                start[i + 1] = f;
            }
        } else {
            for (int i = 0; i < n; i++) {
                final int row = i;
                int[] count = {0};
                w.forEachInRow(i, (j, v) -> {
                    if (j != row && v != 0) {
                        count[0]++;
                    }
                });
                start[i + 1] = start[i] + count[0];
            }
            adj = new int[start[n]];
            weight = new double[start[n]];
            for (int i = 0; i < n; i++) {
                final int row = i;
                int[] fill = {start[i]};
                w.forEachInRow(i, (j, v) -> {
                    if (j != row && v != 0) {
                        adj[fill[0]] = j;
                        weight[fill[0]++] = v;
                    }
                });
            }
        }
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int e = start[i]; e < start[i + 1]; e++) {
                sum += weight[e];
            }
            diagonal[i] = sum;
        }
        int ground = 0;
        for (int i = 1; i < n; i++) {
            if (diagonal[i] > diagonal[ground]) {
                ground = i;
            }
        }
        int[] order = reverseCuthillMcKee(n, start, adj, ground);
        int m = n - 1;
        int[] position = new int[n];
        Arrays.fill(position, -1);
        for (int r = 0; r < m; r++) {
            position[order[r]] = r;
        }
        int[] first = new int[m];
        int[] rowOffset = new int[m + 1];
        for (int r = 0; r < m; r++) {
            int v = order[r];
            int f = r;
            for (int e = start[v]; e < start[v + 1]; e++) {
                int p = position[adj[e]];
                if (p >= 0 && p < f) {
                    f = p;
                }
            }
            first[r] = f;
            rowOffset[r + 1] = rowOffset[r] + (r - f + 1);
        }
        double work = 0;
        for (int r = 0; r < m; r++) {
            double width = r - first[r];
            work += 0.5 * width * width;
        }
        if (work > MAX_FACTOR_WORK) {
            throw new BreakdownException(String.format(java.util.Locale.ROOT,
                    "the envelope of the %d-node graph (%d entries) needs about %.1e multiply-adds to factor, over the limit %.0e;"
                            + " the graph is too dense or too far from planar for an envelope factorization",
                    n, rowOffset[m], work, MAX_FACTOR_WORK));
        }
        double[] env = new double[rowOffset[m]];
        for (int r = 0; r < m; r++) {
            int v = order[r];
            int base = rowOffset[r] - first[r];
            env[base + r] = diagonal[v];
            for (int e = start[v]; e < start[v + 1]; e++) {
                int p = position[adj[e]];
                if (p >= 0 && p < r) {
                    env[base + p] -= weight[e];
                }
            }
        }
        factorInPlace(env, first, rowOffset, m);
        return new GroundedLaplacian(n, ground, order, first, rowOffset, env);
    }

    /** Envelope Cholesky by bordering: row r of R from the rows above it, each entry one contiguous dot product. */
    private static void factorInPlace(double[] env, int[] first, int[] rowOffset, int m) {
        for (int r = 0; r < m; r++) {
            int fr = first[r];
            int base = rowOffset[r] - fr;
            for (int c = fr; c < r; c++) {
                int fc = first[c];
                int baseC = rowOffset[c] - fc;
                int lo = Math.max(fr, fc);
                double s = env[base + c] - dot(env, base + lo, baseC + lo, c - lo);
                env[base + c] = s / env[baseC + c];
            }
            double diagonal = env[base + r];
            double pivot = diagonal - dot(env, base + fr, base + fr, r - fr);
            if (!(pivot > PIVOT_FLOOR * diagonal)) {
                throw new BreakdownException("grounded Laplacian pivot " + pivot + " at row " + r + " of " + m
                        + " is not safely positive (diagonal " + diagonal + "); the graph is disconnected or nearly so");
            }
            env[base + r] = Math.sqrt(pivot);
        }
    }

    private static double dot(double[] a, int i, int j, int len) {
        return dot(a, i, a, j, len);
    }

    /** {@code sum_k a[i + k] b[j + k]} for k in [0, len), with four partial sums so the additions pipeline. */
    private static double dot(double[] a, int i, double[] b, int j, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[i + k] * b[j + k];
            s1 += a[i + k + 1] * b[j + k + 1];
            s2 += a[i + k + 2] * b[j + k + 2];
            s3 += a[i + k + 3] * b[j + k + 3];
        }
        for (; k < len; k++) {
            s0 += a[i + k] * b[j + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    int size() {
        return n;
    }

    /** Stored entries of the factor (its envelope), for diagnostics. */
    int envelopeSize() {
        return factor.length;
    }

    /**
     * {@code y} with {@code L y = b} and {@code y[ground] = 0}, for b summing to 0 (otherwise the ground equation is
     * violated by that sum).
     *
     * @param work a buffer of length at least n - 1
     */
    void solve(double[] b, double[] y, double[] work) {
        int m = n - 1;
        double[] z = work;
        for (int r = 0; r < m; r++) {
            int fr = first[r];
            int base = rowOffset[r] - fr;
            z[r] = (b[order[r]] - dot(factor, base + fr, z, fr, r - fr)) / factor[base + r];
        }
        for (int r = m - 1; r >= 0; r--) {
            int fr = first[r];
            int base = rowOffset[r] - fr;
            double x = z[r] / factor[base + r];
            z[r] = x;
            for (int c = fr; c < r; c++) {
                z[c] -= factor[base + c] * x;
            }
        }
        for (int r = 0; r < m; r++) {
            y[order[r]] = z[r];
        }
        y[ground] = 0;
    }

    /**
     * Reverse Cuthill-McKee order of all nodes but {@code skip}: per connected piece a breadth-first search from a
     * pseudo-peripheral node, neighbours visited by increasing degree (ties: lower index), the whole order reversed.
     */
    static int[] reverseCuthillMcKee(int n, int[] start, int[] adj, int skip) {
        int[] degree = new int[n];
        for (int v = 0; v < n; v++) {
            if (v == skip) {
                continue;
            }
            for (int e = start[v]; e < start[v + 1]; e++) {
                if (adj[e] != skip) {
                    degree[v]++;
                }
            }
        }
        int m = skip >= 0 ? n - 1 : n;
        int[] order = new int[m];
        boolean[] placed = new boolean[n];
        if (skip >= 0) {
            placed[skip] = true;
        }
        int[] level = new int[n];
        int[] seen = new int[n];
        int[] stamp = {0};
        int[] queue = new int[n];
        int[] buffer = new int[n];
        int filled = 0;
        for (int seed = 0; seed < n; seed++) {
            if (placed[seed]) {
                continue;
            }
            int startNode = pseudoPeripheral(seed, start, adj, degree, placed, level, seen, stamp, queue);
            int head = filled;
            order[filled++] = startNode;
            placed[startNode] = true;
            while (head < filled) {
                int v = order[head++];
                int count = 0;
                for (int e = start[v]; e < start[v + 1]; e++) {
                    int u = adj[e];
                    if (!placed[u]) {
                        placed[u] = true;
                        buffer[count++] = u;
                    }
                }
                // Insertion sort by (degree, index): neighbour lists are short.
                for (int a = 1; a < count; a++) {
                    int u = buffer[a];
                    int b = a - 1;
                    while (b >= 0 && (degree[buffer[b]] > degree[u] || (degree[buffer[b]] == degree[u] && buffer[b] > u))) {
                        buffer[b + 1] = buffer[b];
                        b--;
                    }
                    buffer[b + 1] = u;
                }
                System.arraycopy(buffer, 0, order, filled, count);
                filled += count;
            }
        }
        for (int a = 0, b = m - 1; a < b; a++, b--) {
            int t = order[a];
            order[a] = order[b];
            order[b] = t;
        }
        return order;
    }

    /**
     * A pseudo-peripheral node of the unplaced piece containing {@code seed}: start at {@code seed}, then repeatedly move to
     * a least-degree node of the last breadth-first level while the eccentricity grows (at most 3 searches).
     */
    private static int pseudoPeripheral(int seed, int[] start, int[] adj, int[] degree, boolean[] placed, int[] level,
            int[] seen, int[] stamp, int[] queue) {
        int node = seed;
        int eccentricity = -1;
        for (int round = 0; round < 3; round++) {
            int size = bfs(node, start, adj, placed, level, seen, ++stamp[0], queue);
            int depth = level[queue[size - 1]];
            if (depth <= eccentricity) {
                break;
            }
            eccentricity = depth;
            int best = -1;
            for (int q = size - 1; q >= 0 && level[queue[q]] == depth; q--) {
                int u = queue[q];
                if (best < 0 || degree[u] < degree[best] || (degree[u] == degree[best] && u < best)) {
                    best = u;
                }
            }
            node = best;
        }
        return node;
    }

    /**
     * Breadth-first search over unplaced nodes from {@code root}; fills queue (visit order) and level; returns the count.
     * {@code seen[v] == mark} marks the nodes visited by this search (a fresh mark per search, so nothing is cleared).
     */
    private static int bfs(int root, int[] start, int[] adj, boolean[] placed, int[] level, int[] seen, int mark,
            int[] queue) {
        int size = 0;
        queue[size++] = root;
        level[root] = 0;
        seen[root] = mark;
        for (int head = 0; head < size; head++) {
            int v = queue[head];
            for (int e = start[v]; e < start[v + 1]; e++) {
                int u = adj[e];
                if (!placed[u] && seen[u] != mark) {
                    seen[u] = mark;
                    level[u] = level[v] + 1;
                    queue[size++] = u;
                }
            }
        }
        return size;
    }
}
