package org.supercuts.onnx.ssn;

/**
 * Cuts every 4-connected piece of a labelling into breadth-first chunks of at most {@code maxSize} pixels, growing from
 * the first unvisited pixel in raster order (the upper size bound of the SSN/SLIC reference connectivity step).
 *
 * <p>Thread safety: stateless static methods.
 */
final class BoundedComponents {
    private BoundedComponents() {
    }

    /** @return a new labelling: one id per chunk, ids {@code 0..} in raster order of the chunk's first pixel */
    static int[] split(int[] labels, int width, int height, int maxSize) {
        int n = labels.length;
        int[] out = new int[n];
        java.util.Arrays.fill(out, -1);
        int[] queue = new int[Math.min(n, Math.max(1, maxSize))];
        int next = 0;
        for (int start = 0; start < n; start++) {
            if (out[start] >= 0) {
                continue;
            }
            int label = labels[start];
            int id = next++;
            out[start] = id;
            queue[0] = start;
            int head = 0;
            int tail = 1;
            while (head < tail && tail < maxSize) {
                int p = queue[head++];
                int x = p % width;
                int y = p / width;
                int[] neighbours = {x > 0 ? p - 1 : -1, x + 1 < width ? p + 1 : -1, y > 0 ? p - width : -1,
                    y + 1 < height ? p + width : -1};
                for (int q : neighbours) {
                    if (q >= 0 && out[q] < 0 && labels[q] == label && tail < maxSize) {
                        out[q] = id;
                        queue[tail++] = q;
                    }
                }
            }
        }
        return out;
    }
}
