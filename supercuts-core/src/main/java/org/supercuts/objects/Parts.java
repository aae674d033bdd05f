package org.supercuts.objects;

import java.util.Arrays;

import org.supercuts.graph.RegionGraph;

/**
 * The clean-up every {@link PartDecomposition} ends with: disconnected parts become one part per connected piece, then
 * pieces below the minimum area are merged, smallest first, into the adjacent part they share the longest boundary with,
 * and the parts are renumbered by decreasing area.
 *
 * <p>Thread safety: stateless static methods.
 */
final class Parts {
    private Parts() {
    }

    /**
     * @param regions   the object's regions, sorted
     * @param part      a part index per entry of {@code regions} (any non-negative numbering)
     * @param minShare  the smallest part, as a share of the object's pixels
     * @return the cleaned part index per entry, 0..k-1 by decreasing area
     */
    static int[] clean(RegionGraph g, int[] regions, int[] part, double minShare) {
        int n = regions.length;
        int[] index = new int[g.regionCount()];
        Arrays.fill(index, -1);
        for (int i = 0; i < n; i++) {
            index[regions[i]] = i;
        }
        // Connected pieces of each part.
        int[] piece = new int[n];
        Arrays.fill(piece, -1);
        int pieces = 0;
        int[] queue = new int[n];
        for (int s = 0; s < n; s++) {
            if (piece[s] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            piece[s] = pieces;
            while (head < tail) {
                int i = queue[head++];
                int r = regions[i];
                for (int k = g.neighbourStart(r); k < g.neighbourStart(r + 1); k++) {
                    int j = index[g.neighbour(k)];
                    if (j >= 0 && piece[j] < 0 && part[j] == part[i]) {
                        piece[j] = pieces;
                        queue[tail++] = j;
                    }
                }
            }
            pieces++;
        }
        long[] area = new long[pieces];
        long total = 0;
        for (int i = 0; i < n; i++) {
            area[piece[i]] += g.size(regions[i]);
            total += g.size(regions[i]);
        }
        double minArea = minShare * total;
        boolean[] alive = new boolean[pieces];
        Arrays.fill(alive, true);
        int[] owner = new int[pieces];
        for (int p = 0; p < pieces; p++) {
            owner[p] = p;
        }
        // Merge the smallest piece below the limit into its best neighbour until none is left (or one piece remains).
        int aliveCount = pieces;
        while (aliveCount > 1) {
            int smallest = -1;
            for (int p = 0; p < pieces; p++) {
                if (alive[p] && area[p] < minArea && (smallest < 0 || area[p] < area[smallest])) {
                    smallest = p;
                }
            }
            if (smallest < 0) {
                break;
            }
            long[] shared = new long[pieces];
            for (int i = 0; i < n; i++) {
                if (find(owner, piece[i]) != smallest) {
                    continue;
                }
                int r = regions[i];
                for (int k = g.neighbourStart(r); k < g.neighbourStart(r + 1); k++) {
                    int j = index[g.neighbour(k)];
                    if (j >= 0) {
                        int q = find(owner, piece[j]);
                        if (q != smallest) {
                            shared[q] += g.boundaryLength(k);
                        }
                    }
                }
            }
            int target = -1;
            for (int q = 0; q < pieces; q++) {
                if (alive[q] && q != smallest && shared[q] > 0 && (target < 0 || shared[q] > shared[target])) {
                    target = q;
                }
            }
            if (target < 0) {
                break; // an isolated piece (the object itself is disconnected): keep it
            }
            owner[smallest] = target;
            alive[smallest] = false;
            area[target] += area[smallest];
            aliveCount--;
        }
        // Renumber by decreasing area (ties: first region).
        Integer[] order = new Integer[pieces];
        int k = 0;
        for (int p = 0; p < pieces; p++) {
            if (alive[p]) {
                order[k++] = p;
            }
        }
        Integer[] live = Arrays.copyOf(order, k);
        int[] firstRegion = new int[pieces];
        Arrays.fill(firstRegion, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int p = find(owner, piece[i]);
            firstRegion[p] = Math.min(firstRegion[p], i);
        }
        Arrays.sort(live, (a, b) -> area[a] != area[b] ? Long.compare(area[b], area[a]) : Integer.compare(firstRegion[a], firstRegion[b]));
        int[] rank = new int[pieces];
        for (int i = 0; i < live.length; i++) {
            rank[live[i]] = i;
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = rank[find(owner, piece[i])];
        }
        return out;
    }

    private static int find(int[] owner, int p) {
        while (owner[p] != p) {
            p = owner[p];
        }
        return p;
    }
}
