package org.supercuts.superpixel;

import java.util.Arrays;

import org.supercuts.concurrent.BandRunner;
import org.supercuts.image.LabelMap;

/**
 * Connectivity enforcement for superpixel labellings: splits every label into its 4-connected components, then merges
 * components smaller than {@code minSize} into an adjacent component (the one met first in raster order before the
 * component, as SLIC's reference code does, or the one after it when there is none before).
 *
 * <p>Components are numbered in raster order of their first pixel and visited in that order. A small component merges
 * into the component of the pixel left of its first pixel, or above it when the first pixel is in column 0; both come
 * earlier in raster order. Only the component holding pixel (0, 0) has neither, and merges into the first component found
 * along its outline in raster order. Merged groups are unions of touching components, so every output label is
 * 4-connected, and every group ends with at least {@code minSize} pixels unless the whole image is smaller.
 *
 * <p>The optional {@code maxSize} bound splits oversized components first: a breadth-first flood fill from a component's
 * first unvisited pixel stops after {@code maxSize} pixels, and the component's remaining pixels start further pieces.
 *
 * <p>The result is a valid {@link LabelMap}: labels 0..K-1 in raster order of first appearance, each 4-connected.
 *
 * <p>Implementation: a two-pass raster union-find labelling per row band (cache-friendly, no per-pixel division), bands
 * stitched along their borders, a flood fill only for components above {@code maxSize}, and union-find merging of small
 * components; linear time in the pixel count. {@link Slic} runs the bands on its worker threads; the result does not
 * depend on the number of bands.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Connectivity {
    private Connectivity() {
    }

    /**
     * @param labels  any labelling, row-major (not modified); only equality of labels matters
     * @param minSize components with fewer pixels are merged into a neighbour (use 1 to only split disconnected labels)
     */
    public static LabelMap enforce(int[] labels, int width, int height, int minSize) {
        return enforce(labels, width, height, minSize, Integer.MAX_VALUE);
    }

    /**
     * As {@link #enforce(int[], int, int, int)}, first splitting components larger than {@code maxSize} pixels into
     * flood-filled pieces of at most {@code maxSize} pixels.
     *
     * @param maxSize at least {@code minSize}; {@link Integer#MAX_VALUE} disables splitting
     */
    public static LabelMap enforce(int[] labels, int width, int height, int minSize, int maxSize) {
        try (BandRunner single = BandRunner.create(1, null)) {
            return enforce(labels, width, height, minSize, maxSize, single);
        }
    }

    /** As {@link #enforce(int[], int, int, int, int)}, labelling row bands on {@code runner}'s workers (same result). */
    static LabelMap enforce(int[] labels, int width, int height, int minSize, int maxSize, BandRunner runner) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be at least 1x1, got width=" + width + ", height=" + height);
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if ((long) width * height != labels.length) {
            throw new IllegalArgumentException("labels has length " + labels.length + ", expected width*height="
                    + (long) width * height);
        }
        if (minSize < 1) {
            throw new IllegalArgumentException("minSize must be >= 1, got " + minSize);
        }
        if (maxSize < minSize) {
            throw new IllegalArgumentException("maxSize must be >= minSize (" + minSize + "), got " + maxSize);
        }
        int n = labels.length;
        int bands = runner.threads() == 1 ? 1 : Math.min(height, runner.threads() * 4);
        int[] bandStart = new int[bands + 1];
        for (int band = 0; band <= bands; band++) {
            bandStart[band] = (int) ((long) band * height / bands);
        }
        int[] comp = new int[n];
        int[][] firstPixelOfPiece = new int[bands][];
        // 1. Each band labels its own pieces (ids in raster order within the band).
        runner.run(bands, (band, worker) -> firstPixelOfPiece[band] = labelBand(labels, width, bandStart[band],
                bandStart[band + 1], comp));
        // 2. Global piece ids are band offset + local id, so they follow raster order of first pixels; pieces that touch
        // across band borders are joined, the smaller id (the earlier first pixel) becoming the root.
        int[] offset = new int[bands + 1];
        for (int band = 0; band < bands; band++) {
            offset[band + 1] = offset[band] + firstPixelOfPiece[band].length;
        }
        int pieces = offset[bands];
        int[] parent = new int[pieces];
        for (int g = 0; g < pieces; g++) {
            parent[g] = g;
        }
        for (int band = 1; band < bands; band++) {
            int base = bandStart[band] * width;
            for (int x = 0; x < width; x++) {
                int p = base + x;
                if (labels[p] == labels[p - width]) {
                    union(parent, offset[band - 1] + comp[p - width], offset[band] + comp[p]);
                }
            }
        }
        // parent[g] <= g always, so one increasing pass numbers the roots in raster order and resolves the rest.
        int[] number = new int[pieces];
        int[] firstPixelList = new int[pieces];
        int components = 0;
        for (int band = 0; band < bands; band++) {
            int[] first = firstPixelOfPiece[band];
            for (int local = 0; local < first.length; local++) {
                int g = offset[band] + local;
                if (parent[g] == g) {
                    firstPixelList[components] = first[local];
                    number[g] = components++;
                } else {
                    number[g] = number[parent[g]];
                }
            }
        }
        runner.run(bands, (band, worker) -> {
            int shift = offset[band];
            for (int p = bandStart[band] * width; p < bandStart[band + 1] * width; p++) {
                comp[p] = number[shift + comp[p]];
            }
        });
        int[] firstPixel = Arrays.copyOf(firstPixelList, components);
        int[] size = countSizes(comp, components, bands, bandStart, width, runner);
        if (maxSize < n) {
            int before = components;
            components = splitOversized(comp, size, components, width, height, maxSize);
            if (components != before) {
                size = countSizes(comp, components, bands, bandStart, width, runner);
                firstPixel = new int[components];
                int seen = 0;
                for (int p = 0; p < n && seen < components; p++) {
                    if (comp[p] == seen) { // ids are in raster order of first pixel
                        firstPixel[seen++] = p;
                    }
                }
            }
        }
        // 3. Merge small components; groups are numbered by their first component, i.e. in raster order.
        int[] root = new int[components];
        for (int c = 0; c < components; c++) {
            root[c] = c;
        }
        if (minSize > 1 && components > 1) {
            mergeSmall(comp, size, firstPixel, root, components, width, minSize);
        }
        int[] groupLabel = new int[components];
        Arrays.fill(groupLabel, -1);
        int next = 0;
        for (int c = 0; c < components; c++) {
            int g = find(root, c); // g <= c is not guaranteed (a group may join a later component), so label both ways
            if (groupLabel[g] < 0) {
                groupLabel[g] = next++;
            }
            groupLabel[c] = groupLabel[g];
        }
        int[] out = new int[n];
        runner.run(bands, (band, worker) -> {
            for (int p = bandStart[band] * width; p < bandStart[band + 1] * width; p++) {
                out[p] = groupLabel[comp[p]];
            }
        });
        return LabelMap.of(width, height, out);
    }

    private static int[] countSizes(int[] comp, int components, int bands, int[] bandStart, int width, BandRunner runner) {
        int[][] partial = new int[runner.threads()][];
        runner.run(bands, (band, worker) -> {
            int[] counts = partial[worker];
            if (counts == null) {
                counts = new int[components];
                partial[worker] = counts;
            }
            for (int p = bandStart[band] * width; p < bandStart[band + 1] * width; p++) {
                counts[comp[p]]++;
            }
        });
        int[] size = partial[0] != null ? partial[0] : new int[components];
        for (int w = 1; w < partial.length; w++) {
            if (partial[w] != null) {
                for (int c = 0; c < components; c++) {
                    size[c] += partial[w][c];
                }
            }
        }
        return size;
    }

    /**
     * Two-pass union-find labelling of rows [y0, y1): writes band-local piece ids (in raster order of their first pixel)
     * into {@code comp} and returns each piece's first pixel.
     */
    private static int[] labelBand(int[] labels, int width, int y0, int y1, int[] comp) {
        int bandPixels = (y1 - y0) * width;
        // Provisional ids are created in raster order; unions keep the smaller id as root, so a piece's root is the id
        // created at its first pixel.
        int[] parent = new int[Math.max(1, Math.min(bandPixels, bandPixels / 2 + width))];
        int[] createdAt = new int[parent.length];
        int provisional = 0;
        for (int y = y0; y < y1; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                int p = base + x;
                int l = labels[p];
                boolean left = x > 0 && labels[p - 1] == l;
                boolean up = y > y0 && labels[p - width] == l;
                int id;
                if (left) {
                    id = comp[p - 1];
                    if (up) {
                        int other = comp[p - width];
                        if (other != id) {
                            union(parent, id, other);
                        }
                    }
                } else if (up) {
                    id = comp[p - width];
                } else {
                    if (provisional == parent.length) {
                        int grown = Math.min(bandPixels, parent.length * 2);
                        parent = Arrays.copyOf(parent, grown);
                        createdAt = Arrays.copyOf(createdAt, grown);
                    }
                    id = provisional++;
                    parent[id] = id;
                    createdAt[id] = p;
                }
                comp[p] = id;
            }
        }
        int[] number = new int[provisional];
        int pieces = 0;
        for (int id = 0; id < provisional; id++) {
            if (parent[id] == id) {
                createdAt[pieces] = createdAt[id]; // pieces <= id: compacts in place
                number[id] = pieces++;
            } else {
                number[id] = number[parent[id]];
            }
        }
        for (int p = y0 * width; p < y1 * width; p++) {
            comp[p] = number[comp[p]];
        }
        return Arrays.copyOf(createdAt, pieces);
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    private static int find(int[] parent, int c) {
        while (parent[c] != c) {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }
        return c;
    }

    /**
     * Splits components above {@code maxSize} into flood-filled pieces of at most {@code maxSize} pixels, then renumbers
     * all components in raster order of their first pixel; returns the new count.
     */
    private static int splitOversized(int[] comp, int[] size, int components, int width, int height, int maxSize) {
        boolean any = false;
        for (int c = 0; c < components; c++) {
            any |= size[c] > maxSize;
        }
        if (!any) {
            return components;
        }
        int n = comp.length;
        int[] queue = new int[maxSize];
        int next = components; // pieces get fresh ids; a pixel with id >= components is already in a piece
        for (int start = 0; start < n; start++) {
            int c = comp[start];
            if (c >= components || size[c] <= maxSize) {
                continue;
            }
            int piece = next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            comp[start] = piece;
            while (head < tail && tail < maxSize) {
                int p = queue[head++];
                int x = p % width;
                if (x > 0 && comp[p - 1] == c) {
                    comp[p - 1] = piece;
                    queue[tail++] = p - 1;
                    if (tail == maxSize) {
                        break;
                    }
                }
                if (x + 1 < width && comp[p + 1] == c) {
                    comp[p + 1] = piece;
                    queue[tail++] = p + 1;
                    if (tail == maxSize) {
                        break;
                    }
                }
                if (p >= width && comp[p - width] == c) {
                    comp[p - width] = piece;
                    queue[tail++] = p - width;
                    if (tail == maxSize) {
                        break;
                    }
                }
                if (p + width < n && comp[p + width] == c) {
                    comp[p + width] = piece;
                    queue[tail++] = p + width;
                }
            }
        }
        int[] number = new int[next];
        Arrays.fill(number, -1);
        int count = 0;
        for (int p = 0; p < n; p++) {
            int id = comp[p];
            if (number[id] < 0) {
                number[id] = count++;
            }
            comp[p] = number[id];
        }
        return count;
    }

    private static void mergeSmall(int[] comp, int[] size, int[] firstPixel, int[] root, int components, int width,
            int minSize) {
        int[] groupSize = size.clone();
        for (int c = 0; c < components; c++) {
            int rc = find(root, c);
            if (groupSize[rc] >= minSize) {
                continue;
            }
            int p = firstPixel[c];
            int neighbour = -1;
            if (p % width > 0) {
                neighbour = comp[p - 1];
            } else if (p >= width) {
                neighbour = comp[p - width];
            }
            int rn = neighbour < 0 ? rc : find(root, neighbour);
            if (rn == rc) {
                rn = outlineNeighbour(comp, root, rc, width);
            }
            if (rn >= 0 && rn != rc) {
                root[rc] = rn;
                groupSize[rn] += groupSize[rc];
            }
        }
    }

    /** The root of the first other group touching group {@code rc}, scanning in raster order; -1 when none touches it. */
    private static int outlineNeighbour(int[] comp, int[] root, int rc, int width) {
        int n = comp.length;
        for (int p = 0; p < n; p++) {
            if (find(root, comp[p]) != rc) {
                continue;
            }
            int x = p % width;
            if (x + 1 < width && find(root, comp[p + 1]) != rc) {
                return find(root, comp[p + 1]);
            }
            if (p + width < n && find(root, comp[p + width]) != rc) {
                return find(root, comp[p + width]);
            }
            if (x > 0 && find(root, comp[p - 1]) != rc) {
                return find(root, comp[p - 1]);
            }
            if (p >= width && find(root, comp[p - width]) != rc) {
                return find(root, comp[p - width]);
            }
        }
        return -1;
    }
}
