package org.supercuts.objects;

import org.supercuts.graph.RegionGraph;
import org.supercuts.linalg.AffinityOperator;

/**
 * What every candidate's cues read, computed once per image: the affinity as an operator, its degrees and volume, the
 * image area and border length.
 *
 * <p>Thread safety: immutable after construction; one per {@code discover} call.
 */
final class Scene {
    final ObjectDiscovery.Input input;
    final RegionGraph graph;
    final AffinityOperator affinity;
    final double[] degrees;
    final double volume;
    final long imageArea;
    final long borderPixels;
    /** The median CIELAB distance between the mean colours of adjacent regions: how textured the image is. */
    final double neighbourColourDistance;
    /** The mean edge contrast over all region boundaries, weighted by boundary length. */
    final double meanEdgeContrast;

    Scene(ObjectDiscovery.Input input) {
        this.input = input;
        this.graph = input.graph();
        this.affinity = AffinityOperator.of(input.affinity());
        this.degrees = affinity.rowSums();
        double v = 0;
        for (double d : degrees) {
            v += d;
        }
        this.volume = v;
        this.imageArea = (long) graph.width() * graph.height();
        long border = 0;
        for (int r = 0; r < graph.regionCount(); r++) {
            border += graph.borderPixels(r);
        }
        this.borderPixels = Math.max(1, border);
        double[] distances = new double[graph.edgeCount()];
        int e = 0;
        double edgeSum = 0;
        double edgeLength = 0;
        for (int r = 0; r < graph.regionCount(); r++) {
            for (int k = graph.neighbourStart(r); k < graph.neighbourStart(r + 1); k++) {
                int q = graph.neighbour(k);
                if (q <= r) {
                    continue;
                }
                double d2 = 0;
                for (int c = 0; c < 3; c++) {
                    double d = graph.meanLab(r, c) - graph.meanLab(q, c);
                    d2 += d * d;
                }
                distances[e++] = Math.sqrt(d2);
                edgeSum += graph.boundaryLength(k) * graph.boundaryContrast(k);
                edgeLength += graph.boundaryLength(k);
            }
        }
        this.neighbourColourDistance = median(java.util.Arrays.copyOf(distances, e));
        this.meanEdgeContrast = edgeLength > 0 ? edgeSum / edgeLength : 0;
    }

    /** The median (mean of the middle two for an even count; 0 for none), as numpy computes it. */
    static double median(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        java.util.Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }

    int regions() {
        return graph.regionCount();
    }

    /**
     * The affinity among the regions with entries below {@code 1e-12} of the largest set to 0: such weights (an object's
     * differently coloured halves under a Gaussian kernel give 1e-100 and less) are numerically a disconnection, and
     * only as exact zeros do the eigensolvers see the components instead of converging to a wrong small eigenpair.
     */
    static org.supercuts.linalg.AffinityMatrix subgraph(org.supercuts.linalg.AffinityMatrix w, int[] regions) {
        int n = regions.length;
        double[] out = new double[n * n];
        double max = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double v = w.get(regions[a], regions[b]);
                out[a * n + b] = v;
                max = Math.max(max, v);
            }
        }
        double floor = 1e-12 * max;
        for (int i = 0; i < out.length; i++) {
            if (out[i] < floor) {
                out[i] = 0;
            }
        }
        return org.supercuts.linalg.AffinityMatrix.wrap(n, out);
    }
}
