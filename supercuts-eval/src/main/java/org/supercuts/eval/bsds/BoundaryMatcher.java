package org.supercuts.eval.bsds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Matches machine boundary pixels to human boundary pixels within a distance tolerance: a maximum-cardinality bipartite
 * matching (Hopcroft and Karp, SIAM J. Comput. 1973) on the pairs at Euclidean distance {@code <= maxDistance}. A pixel
 * matches at most one pixel of the other map, so a thick or doubled boundary is not counted twice.
 *
 * <p>How this differs from the BSDS {@code correspondPixels} (Martin et al., TPAMI 2004): that code solves a min-cost
 * assignment (Goldberg's CSA) in which each matched pair costs its distance and each unmatched pixel an outlier cost far
 * above the tolerance, on a sparsified candidate graph; it therefore also maximises the number of matches, approximately,
 * and prefers near partners among equally large matchings. Here the number of matches is exactly maximal and which partner
 * is taken is not optimised (precision and recall only count matches). Counts can thus be slightly higher than the
 * official code's, never lower for the same maps.
 *
 * <p>A sweep over thresholds warm-starts each matching from the previous one ({@link #match} with {@code mateOfHuman}
 * kept between calls): pairs whose machine pixel is still present stay matched and only augmenting paths are searched.
 *
 * <p>Thread safety: not thread-safe (it keeps work arrays); use one per thread.
 */
final class BoundaryMatcher {
    private final int width;
    private final int height;
    private final int[] dx;
    private final int[] dy;
    /** Machine pixel -> matched human index, -1 when free; all -1 between calls. */
    private final int[] mateOfMachine;

    /** @param maxDistance tolerance in pixels, at least 0 */
    BoundaryMatcher(int width, int height, double maxDistance) {
        this.width = width;
        this.height = height;
        int r = (int) Math.floor(maxDistance);
        List<int[]> offsets = new ArrayList<>();
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                if (x * x + y * y <= maxDistance * maxDistance) {
                    offsets.add(new int[] {x, y});
                }
            }
        }
        offsets.sort((a, b) -> Integer.compare(a[0] * a[0] + a[1] * a[1], b[0] * b[0] + b[1] * b[1]));
        dx = new int[offsets.size()];
        dy = new int[offsets.size()];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = offsets.get(i)[0];
            dy[i] = offsets.get(i)[1];
        }
        mateOfMachine = new int[width * height];
        Arrays.fill(mateOfMachine, -1);
    }

    /** The candidate graph of one human map against every machine pixel that may appear (the union over a sweep). */
    final class Candidates {
        final int[] human;
        final int[] start;
        final int[] machine;

        Candidates(byte[] humanMap, byte[] machineUnion) {
            int count = 0;
            for (byte b : humanMap) {
                count += b != 0 ? 1 : 0;
            }
            human = new int[count];
            start = new int[count + 1];
            int k = 0;
            int[] buffer = new int[Math.max(16, count * 8)];
            int e = 0;
            for (int p = 0; p < humanMap.length; p++) {
                if (humanMap[p] == 0) {
                    continue;
                }
                human[k] = p;
                int x = p % width;
                int y = p / width;
                for (int o = 0; o < dx.length; o++) {
                    int qx = x + dx[o];
                    int qy = y + dy[o];
                    if (qx >= 0 && qy >= 0 && qx < width && qy < height && machineUnion[qy * width + qx] != 0) {
                        if (e == buffer.length) {
                            buffer = Arrays.copyOf(buffer, buffer.length * 2);
                        }
                        buffer[e++] = qy * width + qx;
                    }
                }
                start[++k] = e;
            }
            machine = Arrays.copyOf(buffer, e);
        }
    }

    Candidates candidates(byte[] humanMap, byte[] machineUnion) {
        return new Candidates(humanMap, machineUnion);
    }

    /**
     * A maximum matching of the present machine pixels ({@code present[p] != 0}) to the human pixels of {@code c}.
     *
     * @param mateOfHuman in: a matching to start from (index into the machine pixel ids, -1 = free; entries whose machine
     *                    pixel is absent are dropped), out: the maximum matching
     * @param matchedMachine set to 1 for every matched machine pixel (others untouched)
     * @return the number of matched pairs
     */
    int match(Candidates c, byte[] present, int[] mateOfHuman, byte[] matchedMachine) {
        int nh = c.human.length;
        int matched = 0;
        for (int u = 0; u < nh; u++) {
            int v = mateOfHuman[u];
            if (v >= 0 && present[v] != 0 && mateOfMachine[v] < 0) {
                mateOfMachine[v] = u;
                matched++;
            } else {
                mateOfHuman[u] = -1;
            }
        }
        // Greedy pass: free human pixels take their nearest free machine pixel.
        for (int u = 0; u < nh; u++) {
            if (mateOfHuman[u] >= 0) {
                continue;
            }
            for (int e = c.start[u]; e < c.start[u + 1]; e++) {
                int v = c.machine[e];
                if (present[v] != 0 && mateOfMachine[v] < 0) {
                    mateOfHuman[u] = v;
                    mateOfMachine[v] = u;
                    matched++;
                    break;
                }
            }
        }
        int[] dist = new int[nh];
        int[] queue = new int[nh];
        int[] it = new int[nh];
        int[] stack = new int[nh];
        while (true) {
            // Breadth-first layering from the free human pixels.
            int head = 0;
            int tail = 0;
            for (int u = 0; u < nh; u++) {
                if (mateOfHuman[u] < 0) {
                    dist[u] = 0;
                    queue[tail++] = u;
                } else {
                    dist[u] = Integer.MAX_VALUE;
                }
            }
            boolean found = false;
            while (head < tail) {
                int u = queue[head++];
                for (int e = c.start[u]; e < c.start[u + 1]; e++) {
                    int v = c.machine[e];
                    if (present[v] == 0) {
                        continue;
                    }
                    int w = mateOfMachine[v];
                    if (w < 0) {
                        found = true;
                    } else if (dist[w] == Integer.MAX_VALUE) {
                        dist[w] = dist[u] + 1;
                        queue[tail++] = w;
                    }
                }
            }
            if (!found) {
                break;
            }
            // Depth-first augmentation along the layers, iteratively.
            for (int u = 0; u < nh; u++) {
                it[u] = c.start[u];
            }
            for (int root = 0; root < nh; root++) {
                if (mateOfHuman[root] >= 0 || dist[root] != 0) {
                    continue;
                }
                int top = 0;
                stack[0] = root;
                while (top >= 0) {
                    int u = stack[top];
                    if (it[u] == c.start[u + 1]) {
                        dist[u] = Integer.MAX_VALUE;
                        top--;
                        if (top >= 0) {
                            it[stack[top]]++;
                        }
                        continue;
                    }
                    int v = c.machine[it[u]];
                    if (present[v] == 0) {
                        it[u]++;
                        continue;
                    }
                    int w = mateOfMachine[v];
                    if (w < 0) {
                        for (int i = top; i >= 0; i--) {
                            int ui = stack[i];
                            int vi = c.machine[it[ui]];
                            mateOfMachine[vi] = ui;
                            mateOfHuman[ui] = vi;
                        }
                        matched++;
                        break;
                    }
                    if (dist[w] == dist[u] + 1) {
                        stack[++top] = w;
                    } else {
                        it[u]++;
                    }
                }
            }
        }
        for (int u = 0; u < nh; u++) {
            if (mateOfHuman[u] >= 0) {
                matchedMachine[mateOfHuman[u]] = 1;
                mateOfMachine[mateOfHuman[u]] = -1;
            }
        }
        return matched;
    }
}
