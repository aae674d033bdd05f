package org.supercuts.objects;

import org.supercuts.graph.RegionGraph;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
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

    /** Per-region pixel counts and boxes of the output superpixel map, when it is larger than the graph's image; else null. */
    private long[] outputSizes;
    private int[][] outputBoxes;

    /**
     * The pixel count of a region set in the output superpixel map: the graph's count, unless the pipeline enlarged the
     * superpixels to full resolution (an image segmented reduced), then counted there.
     */
    long outputArea(int[] regions) {
        if (!enlarged()) {
            return RegionSets.area(graph, regions);
        }
        long a = 0;
        for (int r : regions) {
            a += outputSizes[r];
        }
        return a;
    }

    /** The box of a region set in the output superpixel map's pixels (see {@link #outputArea}). */
    BoundingBox outputBox(int[] regions) {
        if (!enlarged()) {
            return RegionSets.box(graph, regions);
        }
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (int r : regions) {
            int[] b = outputBoxes[r];
            x0 = Math.min(x0, b[0]);
            y0 = Math.min(y0, b[1]);
            x1 = Math.max(x1, b[2]);
            y1 = Math.max(y1, b[3]);
        }
        return new BoundingBox(x0, y0, x1, y1);
    }

    private boolean enlarged() {
        LabelMap sp = input.superpixels();
        if (sp.width() == graph.width() && sp.height() == graph.height()) {
            return false;
        }
        if (outputSizes == null) {
            int n = sp.count();
            long[] sizes = new long[n];
            int[][] boxes = new int[n][];
            for (int r = 0; r < n; r++) {
                boxes[r] = new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
            }
            int[] lbl = sp.backingArray();
            int w = sp.width();
            for (int i = 0; i < lbl.length; i++) {
                int[] b = boxes[lbl[i]];
                int x = i % w;
                int y = i / w;
                sizes[lbl[i]]++;
                b[0] = Math.min(b[0], x);
                b[1] = Math.min(b[1], y);
                b[2] = Math.max(b[2], x + 1);
                b[3] = Math.max(b[3], y + 1);
            }
            outputBoxes = boxes;
            outputSizes = sizes;
        }
        return true;
    }
}
