package org.supercuts.graph;

import java.util.Arrays;
import java.util.Objects;

import org.supercuts.image.BoundingBox;
import org.supercuts.image.Cielab;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * The region adjacency graph of a labelling, with the per-region statistics every later stage needs: pixel counts,
 * centroids, bounding boxes, mean colour (sRGB and CIELAB), contact with the image border, and, for every pair of
 * 4-adjacent regions, the length of their shared boundary (the number of 4-neighbour pixel pairs across it) and its
 * contrast (the mean CIELAB distance of those pixel pairs: how strong an image edge the boundary follows).
 *
 * <p>Adjacency is stored in compressed-row form: the neighbours of region {@code r} are
 * {@code neighbour(k)} for {@code k} in {@code [neighbourStart(r), neighbourStart(r + 1))}, sorted ascending.
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class RegionGraph {
    private final int regions;
    private final int width;
    private final int height;
    private final int[] sizes;
    private final double[] centroidX;
    private final double[] centroidY;
    private final int[] boxes;
    private final double[] meanRgb;
    private final double[] meanLab;
    private final int[] borderPixels;
    private final int[] start;
    private final int[] neighbours;
    private final int[] boundary;
    private final double[] contrast;

    private RegionGraph(int regions, int width, int height, int[] sizes, double[] centroidX, double[] centroidY, int[] boxes,
            double[] meanRgb, double[] meanLab, int[] borderPixels, int[] start, int[] neighbours, int[] boundary,
            double[] contrast) {
        this.regions = regions;
        this.width = width;
        this.height = height;
        this.sizes = sizes;
        this.centroidX = centroidX;
        this.centroidY = centroidY;
        this.boxes = boxes;
        this.meanRgb = meanRgb;
        this.meanLab = meanLab;
        this.borderPixels = borderPixels;
        this.start = start;
        this.neighbours = neighbours;
        this.boundary = boundary;
        this.contrast = contrast;
    }

    /** Builds the graph of {@code labels} over {@code image} (which must have the same size). */
    public static RegionGraph build(PlanarImage image, LabelMap labels) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(labels, "labels");
        if (image.width() != labels.width() || image.height() != labels.height()) {
            throw new IllegalArgumentException("image is " + image.width() + "x" + image.height() + " but labels are "
                    + labels.width() + "x" + labels.height() + "; they must have the same size");
        }
        float[][] lab = Cielab.planes(image);
        return build(image, lab, labels);
    }

    /** As {@link #build(PlanarImage, LabelMap)} with the CIELAB planes of the image already computed. */
    public static RegionGraph build(PlanarImage image, float[][] labPlanes, LabelMap labels) {
        int w = labels.width();
        int h = labels.height();
        int n = labels.count();
        int[] lbl = labels.backingArray();
        PlanarImage rgb = image.toRgb();
        int[] sizes = new int[n];
        double[] sx = new double[n];
        double[] sy = new double[n];
        double[] rgbSum = new double[n * 3];
        double[] labSum = new double[n * 3];
        int[] boxes = new int[n * 4];
        for (int r = 0; r < n; r++) {
            boxes[4 * r] = Integer.MAX_VALUE;
            boxes[4 * r + 1] = Integer.MAX_VALUE;
            boxes[4 * r + 2] = Integer.MIN_VALUE;
            boxes[4 * r + 3] = Integer.MIN_VALUE;
        }
        int[] border = new int[n];
        float[] pr = rgb.plane(0);
        float[] pg = rgb.plane(1);
        float[] pb = rgb.plane(2);
        // Count boundary pixel pairs first, to size the pair buffer exactly.
        int pairs = 0;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = row + x;
                int l = lbl[i];
                if (x + 1 < w && lbl[i + 1] != l) {
                    pairs++;
                }
                if (y + 1 < h && lbl[i + w] != l) {
                    pairs++;
                }
            }
        }
        long[] keys = new long[pairs];
        int k = 0;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = row + x;
                int l = lbl[i];
                sizes[l]++;
                sx[l] += x;
                sy[l] += y;
                rgbSum[3 * l] += pr[i];
                rgbSum[3 * l + 1] += pg[i];
                rgbSum[3 * l + 2] += pb[i];
                labSum[3 * l] += labPlanes[0][i];
                labSum[3 * l + 1] += labPlanes[1][i];
                labSum[3 * l + 2] += labPlanes[2][i];
                int b = 4 * l;
                if (x < boxes[b]) {
                    boxes[b] = x;
                }
                if (y < boxes[b + 1]) {
                    boxes[b + 1] = y;
                }
                if (x + 1 > boxes[b + 2]) {
                    boxes[b + 2] = x + 1;
                }
                if (y + 1 > boxes[b + 3]) {
                    boxes[b + 3] = y + 1;
                }
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    border[l]++;
                }
                if (x + 1 < w && lbl[i + 1] != l) {
                    keys[k++] = pairKey(l, lbl[i + 1], n);
                }
                if (y + 1 < h && lbl[i + w] != l) {
                    keys[k++] = pairKey(l, lbl[i + w], n);
                }
            }
        }
        Arrays.sort(keys);
        // Run-length count the sorted pairs: each distinct (a, b) with a < b is one edge, stored in both directions.
        int edges = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                edges++;
            }
        }
        int[] ea = new int[edges];
        int[] eb = new int[edges];
        int[] elen = new int[edges];
        int e = -1;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                e++;
                ea[e] = (int) (keys[i] / n);
                eb[e] = (int) (keys[i] % n);
            }
            elen[e]++;
        }
        int[] degree = new int[n];
        for (int i = 0; i < edges; i++) {
            degree[ea[i]]++;
            degree[eb[i]]++;
        }
        int[] start = new int[n + 1];
        for (int r = 0; r < n; r++) {
            start[r + 1] = start[r] + degree[r];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] nb = new int[2 * edges];
        int[] len = new int[2 * edges];
        // Edges are sorted by (a, b); filling a's list in that order keeps it sorted, and b's list receives a in ascending a.
        for (int i = 0; i < edges; i++) {
            nb[fill[ea[i]]] = eb[i];
            len[fill[ea[i]]++] = elen[i];
        }
        for (int i = 0; i < edges; i++) {
            nb[fill[eb[i]]] = ea[i];
            len[fill[eb[i]]++] = elen[i];
        }
        for (int r = 0; r < n; r++) {
            sortSegment(nb, len, start[r], start[r + 1]);
        }
        double[] cx = new double[n];
        double[] cy = new double[n];
        for (int r = 0; r < n; r++) {
            cx[r] = sx[r] / sizes[r];
            cy[r] = sy[r] / sizes[r];
            for (int c = 0; c < 3; c++) {
                rgbSum[3 * r + c] /= sizes[r];
                labSum[3 * r + c] /= sizes[r];
            }
        }
        double[] contrast = boundaryContrasts(labPlanes, lbl, w, h, start, nb, len);
        return new RegionGraph(n, w, h, sizes, cx, cy, boxes, rgbSum, labSum, border, start, nb, len, contrast);
    }

    /**
     * Mean CIELAB distance of the 4-neighbour pixel pairs across each shared boundary, per adjacency entry (both directions
     * of an edge get the same value). A second pass over the labels that only works at boundary pixels; sums go to the
     * entry of the smaller label and are mirrored at the end, and consecutive pairs along a boundary usually join the same
     * two regions, so small caches save most adjacency look-ups.
     */
    private static double[] boundaryContrasts(float[][] labPlanes, int[] lbl, int w, int h, int[] start, int[] nb, int[] len) {
        float[] l0 = labPlanes[0];
        float[] l1 = labPlanes[1];
        float[] l2 = labPlanes[2];
        double[] sum = new double[nb.length];
        // A vertical boundary continues from the row above (cache per column); a horizontal one from the pixel to the left.
        long[] rightKey = new long[w];
        int[] rightEntry = new int[w];
        Arrays.fill(rightKey, -1);
        long downKey = -1;
        int downEntry = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = row + x;
                int l = lbl[i];
                if (x + 1 < w && lbl[i + 1] != l) {
                    int o = lbl[i + 1];
                    long key = orderedKey(l, o);
                    if (key != rightKey[x]) {
                        rightKey[x] = key;
                        rightEntry[x] = entry(start, nb, Math.min(l, o), Math.max(l, o));
                    }
                    sum[rightEntry[x]] += labDistance(l0, l1, l2, i, i + 1);
                }
                if (y + 1 < h && lbl[i + w] != l) {
                    int o = lbl[i + w];
                    long key = orderedKey(l, o);
                    if (key != downKey) {
                        downKey = key;
                        downEntry = entry(start, nb, Math.min(l, o), Math.max(l, o));
                    }
                    sum[downEntry] += labDistance(l0, l1, l2, i, i + w);
                }
            }
        }
        int n = start.length - 1;
        for (int r = 0; r < n; r++) {
            for (int k = start[r]; k < start[r + 1]; k++) {
                int o = nb[k];
                if (o > r) {
                    sum[k] /= len[k];
                    sum[entry(start, nb, o, r)] = sum[k];
                }
            }
        }
        return sum;
    }

    private static long orderedKey(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    private static int entry(int[] start, int[] nb, int from, int to) {
        return Arrays.binarySearch(nb, start[from], start[from + 1], to);
    }

    private static double labDistance(float[] l0, float[] l1, float[] l2, int p, int q) {
        double a = l0[p] - l0[q];
        double b = l1[p] - l1[q];
        double c = l2[p] - l2[q];
        return Math.sqrt(a * a + b * b + c * c);
    }

    private static long pairKey(int a, int b, int n) {
        return a < b ? (long) a * n + b : (long) b * n + a;
    }

    private static void sortSegment(int[] nb, int[] len, int from, int to) {
        // Insertion sort: neighbour lists are short (typically < 12).
        for (int i = from + 1; i < to; i++) {
            int v = nb[i];
            int l = len[i];
            int j = i - 1;
            while (j >= from && nb[j] > v) {
                nb[j + 1] = nb[j];
                len[j + 1] = len[j];
                j--;
            }
            nb[j + 1] = v;
            len[j + 1] = l;
        }
    }

    /** Number of regions. */
    public int regionCount() {
        return regions;
    }

    /** Image width in pixels. */
    public int width() {
        return width;
    }

    /** Image height in pixels. */
    public int height() {
        return height;
    }

    /** Pixel count of {@code region}. */
    public int size(int region) {
        return sizes[region];
    }

    /** Mean x of the region's pixels. */
    public double centroidX(int region) {
        return centroidX[region];
    }

    /** Mean y of the region's pixels. */
    public double centroidY(int region) {
        return centroidY[region];
    }

    /** The bounding box of the region's pixels. */
    public BoundingBox box(int region) {
        return new BoundingBox(boxes[4 * region], boxes[4 * region + 1], boxes[4 * region + 2], boxes[4 * region + 3]);
    }

    /** Mean sRGB colour component {@code c} (0..2) of the region, in [0, 1]. */
    public double meanRgb(int region, int c) {
        return meanRgb[3 * region + c];
    }

    /** Mean CIELAB component {@code c} (0 = L*, 1 = a*, 2 = b*) of the region. */
    public double meanLab(int region, int c) {
        return meanLab[3 * region + c];
    }

    /** Number of the region's pixels that lie on the image border. */
    public int borderPixels(int region) {
        return borderPixels[region];
    }

    /**
     * Index into the neighbour list where {@code region}'s neighbours start (they end where {@code region + 1}'s
     * start).
     */
    public int neighbourStart(int region) {
        return start[region];
    }

    /** The neighbour at position {@code k} of the neighbour list. */
    public int neighbour(int k) {
        return neighbours[k];
    }

    /** Shared boundary length of the k-th adjacency entry. */
    public int boundaryLength(int k) {
        return boundary[k];
    }

    /**
     * Contrast of the k-th adjacency entry's shared boundary: the mean CIELAB distance (in CIELAB units) between the two
     * pixels of each 4-neighbour pair across it. High where the boundary follows an image edge, near 0 where it cuts
     * through a smooth area, whatever the two regions' mean colours are.
     */
    public double boundaryContrast(int k) {
        return contrast[k];
    }

    /** The contrast of the shared boundary of two regions (see {@link #boundaryContrast(int)}), 0 when not adjacent. */
    public double boundaryContrast(int a, int b) {
        int i = Arrays.binarySearch(neighbours, start[a], start[a + 1], b);
        return i >= 0 ? contrast[i] : 0;
    }

    /** Number of regions adjacent to {@code region}. */
    public int degree(int region) {
        return start[region + 1] - start[region];
    }

    /** The shared boundary length of two regions, 0 when they are not adjacent. */
    public int boundaryLength(int a, int b) {
        int i = Arrays.binarySearch(neighbours, start[a], start[a + 1], b);
        return i >= 0 ? boundary[i] : 0;
    }

    /** Whether regions {@code a} and {@code b} share a boundary. */
    public boolean adjacent(int a, int b) {
        return boundaryLength(a, b) > 0;
    }

    /** Total number of undirected edges. */
    public int edgeCount() {
        return neighbours.length / 2;
    }
}
