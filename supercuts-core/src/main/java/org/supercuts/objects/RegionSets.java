package org.supercuts.objects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.supercuts.graph.RegionGraph;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;

/**
 * Sets of regions (superpixels) as sorted id arrays: their connected pieces in the region graph, pixel areas, boxes and
 * pixel masks.
 *
 * <p>Thread safety: stateless static methods.
 */
final class RegionSets {
    private RegionSets() {
    }

    /** The connected pieces (in the region adjacency graph) of the regions with {@code member[r]}, each sorted. */
    static List<int[]> components(RegionGraph g, boolean[] member) {
        int n = g.regionCount();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (!member[s] || seen[s]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            seen[s] = true;
            while (head < tail) {
                int r = queue[head++];
                for (int k = g.neighbourStart(r); k < g.neighbourStart(r + 1); k++) {
                    int q = g.neighbour(k);
                    if (member[q] && !seen[q]) {
                        seen[q] = true;
                        queue[tail++] = q;
                    }
                }
            }
            int[] piece = Arrays.copyOf(queue, tail);
            Arrays.sort(piece);
            out.add(piece);
        }
        return out;
    }

    /** The connected pieces of a region set. */
    static List<int[]> components(RegionGraph g, int[] regions) {
        return components(g, membership(g.regionCount(), regions));
    }

    static boolean[] membership(int n, int[] regions) {
        boolean[] m = new boolean[n];
        for (int r : regions) {
            m[r] = true;
        }
        return m;
    }

    static long area(RegionGraph g, int[] regions) {
        long a = 0;
        for (int r : regions) {
            a += g.size(r);
        }
        return a;
    }

    /** The union of the regions' boxes. */
    static BoundingBox box(RegionGraph g, int[] regions) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (int r : regions) {
            BoundingBox b = g.box(r);
            x0 = Math.min(x0, b.x0());
            y0 = Math.min(y0, b.y0());
            x1 = Math.max(x1, b.x1());
            y1 = Math.max(y1, b.y1());
        }
        return new BoundingBox(x0, y0, x1, y1);
    }

    /** The pixel mask (1 = in one of the regions) of a region set. */
    static byte[] mask(LabelMap superpixels, int[] regions) {
        boolean[] m = membership(superpixels.count(), regions);
        int[] lbl = superpixels.backingArray();
        byte[] out = new byte[lbl.length];
        for (int i = 0; i < lbl.length; i++) {
            if (m[lbl[i]]) {
                out[i] = 1;
            }
        }
        return out;
    }

    /** The regions of {@code regions} not in {@code taken}, sorted. */
    static int[] minus(int[] regions, boolean[] taken) {
        int[] out = new int[regions.length];
        int n = 0;
        for (int r : regions) {
            if (!taken[r]) {
                out[n++] = r;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The piece of largest pixel area, or an empty array for an empty list. */
    static int[] largest(RegionGraph g, List<int[]> pieces) {
        int[] best = new int[0];
        long bestArea = -1;
        for (int[] p : pieces) {
            long a = area(g, p);
            if (a > bestArea) {
                bestArea = a;
                best = p;
            }
        }
        return best;
    }
}
