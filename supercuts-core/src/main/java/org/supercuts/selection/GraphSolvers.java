package org.supercuts.selection;

import org.supercuts.graph.RegionGraph;
import org.supercuts.selection.SaliencyCalibration;

/**
 * Small sparse kernels on the region adjacency graph shared by the saliency selectors: geodesic (shortest-path)
 * distances, and a conjugate-gradient solve of {@code (diag(a) + L_w) x = b} where {@code L_w} is the weighted graph
 * Laplacian of the adjacency (symmetric positive definite whenever {@code a > 0} somewhere in each component).
 *
 * <p>Thread safety: stateless static methods.
 */
final class GraphSolvers {
    private GraphSolvers() {
    }

    /**
     * All-pairs shortest-path lengths over the adjacency graph, with edge lengths {@code edgeLength[k]} for the k-th
     * adjacency entry (Dijkstra from every node with a binary heap). Unreachable pairs are {@code +inf}.
     */
    static double[] geodesic(RegionGraph g, double[] edgeLength) {
        int n = g.regionCount();
        double[] dist = new double[n * n];
        double[] d = new double[n];
        int[] heap = new int[n];
        int[] pos = new int[n];
        for (int s = 0; s < n; s++) {
            java.util.Arrays.fill(d, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(pos, -1);
            d[s] = 0;
            int size = 0;
            heap[size] = s;
            pos[s] = size++;
            while (size > 0) {
                int u = heap[0];
                size--;
                pos[u] = -2;
                if (size > 0) {
                    heap[0] = heap[size];
                    pos[heap[0]] = 0;
                    siftDown(heap, pos, d, 0, size);
                }
                for (int k = g.neighbourStart(u); k < g.neighbourStart(u + 1); k++) {
                    int v = g.neighbour(k);
                    if (pos[v] == -2) {
                        continue;
                    }
                    double nd = d[u] + edgeLength[k];
                    if (nd < d[v]) {
                        d[v] = nd;
                        if (pos[v] == -1) {
                            heap[size] = v;
                            pos[v] = size++;
                        }
                        siftUp(heap, pos, d, pos[v]);
                    }
                }
            }
            System.arraycopy(d, 0, dist, s * n, n);
        }
        return dist;
    }

    private static void siftUp(int[] heap, int[] pos, double[] d, int i) {
        int x = heap[i];
        while (i > 0) {
            int p = (i - 1) / 2;
            if (d[heap[p]] <= d[x]) {
                break;
            }
            heap[i] = heap[p];
            pos[heap[i]] = i;
            i = p;
        }
        heap[i] = x;
        pos[x] = i;
    }

    private static void siftDown(int[] heap, int[] pos, double[] d, int i, int size) {
        int x = heap[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && d[heap[c + 1]] < d[heap[c]]) {
                c++;
            }
            if (d[heap[c]] >= d[x]) {
                break;
            }
            heap[i] = heap[c];
            pos[heap[i]] = i;
            i = c;
        }
        heap[i] = x;
        pos[x] = i;
    }

    /**
     * Solves {@code (diag(a) + L_w) x = b} by conjugate gradients, where {@code L_w = D_w - W} over the adjacency entries
     * with weights {@code w[k]} (symmetric: the entry for (i, j) equals the one for (j, i)). Starts from 0, stops at a
     * relative residual of 1e-10 or 4n iterations.
     */
    static double[] solveLaplacianSystem(RegionGraph g, double[] w, double[] a, double[] b) {
        int n = g.regionCount();
        double[] x = new double[n];
        double[] r = b.clone();
        double[] p = r.clone();
        double[] ap = new double[n];
        double rr = dot(r, r);
        double stop = 1e-20 * Math.max(rr, 1e-300);
        for (int it = 0; it < 4 * n && rr > stop; it++) {
            for (int i = 0; i < n; i++) {
                double s = a[i] * p[i];
                for (int k = g.neighbourStart(i); k < g.neighbourStart(i + 1); k++) {
                    s += w[k] * (p[i] - p[g.neighbour(k)]);
                }
                ap[i] = s;
            }
            double alpha = rr / dot(p, ap);
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double rrNew = dot(r, r);
            double beta = rrNew / rr;
            rr = rrNew;
            for (int i = 0; i < n; i++) {
                p[i] = r[i] + beta * p[i];
            }
        }
        return x;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Rescales to [0, 1] (all zeros when the input is constant). */
    static double[] normalise(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double[] out = new double[v.length];
        if (hi > lo) {
            for (int i = 0; i < v.length; i++) {
                out[i] = (v[i] - lo) / (hi - lo);
            }
        }
        return out;
    }

    /**
     * Calibrates region saliency scores so that 0.5 means "object": the adaptive threshold, with the mean taken over
     * pixels (regions weighted by their size), goes to 0.5 ({@link SaliencyCalibration#calibrate}).
     */
    static double[] calibrate(double[] s, org.supercuts.graph.RegionGraph g, org.supercuts.selection.ThresholdRule rule) {
        double[] area = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            area[i] = g.size(i);
        }
        double t = rule.threshold(s, area);
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = SaliencyCalibration.calibrate(s[i], t);
        }
        return out;
    }
}
