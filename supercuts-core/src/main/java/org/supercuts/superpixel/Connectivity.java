package org.supercuts.superpixel;

import java.util.Arrays;

import org.supercuts.image.LabelMap;

/**
 * Connectivity enforcement for superpixel labellings: splits every label into its 4-connected components, then merges
 * components smaller than {@code minSize} into an adjacent component (the one met first in raster order before the
 * component, as SLIC's reference code does, or the one after it when there is none before).
 *
 * <p>The result is a valid {@link LabelMap}: labels 0..K-1 in raster order of first appearance, each 4-connected.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Connectivity {
    private Connectivity() {
    }

    /**
     * @param labels  any non-negative labelling, row-major (not modified)
     * @param minSize components with fewer pixels are merged into a neighbour (use 1 to only split disconnected labels)
     */
    public static LabelMap enforce(int[] labels, int width, int height, int minSize) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be at least 1x1, got width=" + width + ", height=" + height);
        }
        if (labels.length != width * height) {
            throw new IllegalArgumentException("labels has length " + labels.length + ", expected width*height=" + width * height);
        }
        if (minSize < 1) {
            throw new IllegalArgumentException("minSize must be >= 1, got " + minSize);
        }
        int n = labels.length;
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        int[] queue = new int[n];
        int[] compSize = new int[n];
        int components = 0;
        for (int start = 0; start < n; start++) {
            if (comp[start] >= 0) {
                continue;
            }
            int l = labels[start];
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            comp[start] = components;
            while (head < tail) {
                int p = queue[head++];
                int x = p % width;
                int y = p / width;
                if (x > 0 && comp[p - 1] < 0 && labels[p - 1] == l) {
                    comp[p - 1] = components;
                    queue[tail++] = p - 1;
                }
                if (x + 1 < width && comp[p + 1] < 0 && labels[p + 1] == l) {
                    comp[p + 1] = components;
                    queue[tail++] = p + 1;
                }
                if (y > 0 && comp[p - width] < 0 && labels[p - width] == l) {
                    comp[p - width] = components;
                    queue[tail++] = p - width;
                }
                if (y + 1 < height && comp[p + width] < 0 && labels[p + width] == l) {
                    comp[p + width] = components;
                    queue[tail++] = p + width;
                }
            }
            compSize[components] = tail;
            components++;
        }
        if (minSize > 1 && components > 1) {
            // Merge small components in raster order of their first pixel into the component adjacent to that pixel
            // that was seen before (left or above); if there is none, into the one found on its outline.
            int[] target = new int[components];
            for (int c = 0; c < components; c++) {
                target[c] = c;
            }
            int[] firstPixel = new int[components];
            Arrays.fill(firstPixel, -1);
            for (int p = 0; p < n; p++) {
                if (firstPixel[comp[p]] < 0) {
                    firstPixel[comp[p]] = p;
                }
            }
            int[] mergedSize = compSize.clone();
            for (int c = 0; c < components; c++) {
                if (mergedSize[find(target, c)] >= minSize) {
                    continue;
                }
                int p = firstPixel[c];
                int x = p % width;
                int y = p / width;
                int neighbour = -1;
                if (x > 0) {
                    neighbour = comp[p - 1];
                } else if (y > 0) {
                    neighbour = comp[p - width];
                }
                if (neighbour < 0 || find(target, neighbour) == find(target, c)) {
                    neighbour = anyOtherNeighbour(comp, target, c, width, height);
                }
                if (neighbour >= 0) {
                    int a = find(target, c);
                    int b = find(target, neighbour);
                    if (a != b) {
                        target[a] = b;
                        mergedSize[b] += mergedSize[a];
                    }
                }
            }
            for (int p = 0; p < n; p++) {
                comp[p] = find(target, comp[p]);
            }
        }
        return LabelMap.compact(width, height, comp);
    }

    private static int find(int[] parent, int c) {
        while (parent[c] != c) {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }
        return c;
    }

    private static int anyOtherNeighbour(int[] comp, int[] target, int c, int width, int height) {
        int root = find(target, c);
        for (int p = 0; p < comp.length; p++) {
            if (find(target, comp[p]) != root) {
                continue;
            }
            int x = p % width;
            int y = p / width;
            if (x + 1 < width && find(target, comp[p + 1]) != root) {
                return comp[p + 1];
            }
            if (y + 1 < height && find(target, comp[p + width]) != root) {
                return comp[p + width];
            }
            if (x > 0 && find(target, comp[p - 1]) != root) {
                return comp[p - 1];
            }
            if (y > 0 && find(target, comp[p - width]) != root) {
                return comp[p - width];
            }
        }
        return -1;
    }
}
