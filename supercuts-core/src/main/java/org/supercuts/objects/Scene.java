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
    }

    int regions() {
        return graph.regionCount();
    }
}
