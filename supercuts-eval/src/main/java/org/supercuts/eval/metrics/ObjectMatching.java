package org.supercuts.eval.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Object-level scoring of several objects per image against a binary ground truth.
 *
 * <p>Ground-truth objects are the 8-connected components of the binarised mask that cover at least
 * {@link #MIN_AREA_SHARE} of the image (smaller specks are not objects anyone would ask for, and counting them would
 * make every image a multi-object image). A predicted object and a ground-truth object match when their mask IoU is
 * {@code >= }{@link #IOU_THRESHOLD}; predictions and ground-truth objects are matched one to one, the most matches
 * first, then the highest summed IoU among the assignments with that many ({@link LinearAssignment}).
 *
 * <p>Thread safety: stateless static methods.
 */
public final class ObjectMatching {
    /** The share of the image a ground-truth component must cover to count as an object: 1 %. */
    public static final double MIN_AREA_SHARE = 0.01;
    /** The IoU from which a prediction matches a ground-truth object. */
    public static final double IOU_THRESHOLD = 0.5;

    /**
     * Objects as a label array: {@code labels[i]} is 1..count for the pixels of an object, 0 elsewhere.
     *
     * @param labels row-major, one entry per pixel (not copied)
     * @param count  the number of objects
     */
    public record ObjectLabels(int[] labels, int count) {
    }

    /**
     * The result for one image.
     *
     * @param predicted   number of predicted objects
     * @param groundTruth number of ground-truth objects
     * @param matched     number of one-to-one matches at IoU &gt;= 0.5
     */
    public record Match(int predicted, int groundTruth, int matched) {
        public Match {
            if (predicted < 0 || groundTruth < 0 || matched < 0 || matched > Math.min(predicted, groundTruth)) {
                throw new IllegalArgumentException("object match counts must satisfy 0 <= matched <= min(predicted, groundTruth),"
                        + " got predicted=" + predicted + ", groundTruth=" + groundTruth + ", matched=" + matched);
            }
        }
    }

    private ObjectMatching() {
    }

    /** The ground-truth objects of a binary mask: its 8-connected components covering at least 1 % of the image. */
    public static ObjectLabels groundTruthObjects(byte[] mask, int width, int height) {
        return components(mask, width, height, MIN_AREA_SHARE);
    }

    /**
     * The 8-connected components of the non-zero pixels of {@code mask} with at least {@code ceil(minShare * width *
     * height)} pixels, numbered 1..count in raster order of their first pixel; smaller components are left 0.
     */
    public static ObjectLabels components(byte[] mask, int width, int height, double minShare) {
        Objects.requireNonNull(mask, "mask");
        if (width < 1 || height < 1 || (long) width * height != mask.length) {
            throw new IllegalArgumentException("mask has length " + mask.length + ", expected width*height for " + width + "x"
                    + height);
        }
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new IllegalArgumentException("minShare must be in [0, 1], got " + minShare);
        }
        long minPixels = (long) Math.ceil(minShare * width * height);
        int[] comp = new int[mask.length];
        int[] queue = new int[mask.length];
        int[] out = new int[mask.length];
        int count = 0;
        int id = 0;
        for (int s = 0; s < mask.length; s++) {
            if (mask[s] == 0 || comp[s] != 0) {
                continue;
            }
            id++;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            comp[s] = id;
            while (head < tail) {
                int p = queue[head++];
                int x = p % width;
                int y = p / width;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= width) {
                            continue;
                        }
                        int q = yy * width + xx;
                        if (mask[q] != 0 && comp[q] == 0) {
                            comp[q] = id;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            if (tail >= Math.max(1, minPixels)) {
                count++;
                for (int k = 0; k < tail; k++) {
                    out[queue[k]] = count;
                }
            }
        }
        return new ObjectLabels(out, count);
    }

    /**
     * Matches predicted object masks (non-zero = the object; they may overlap) one to one with the ground-truth objects.
     *
     * @throws IllegalArgumentException when a mask's length differs from the ground truth's
     */
    public static Match match(List<byte[]> predicted, ObjectLabels groundTruth) {
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(groundTruth, "groundTruth");
        int n = predicted.size();
        int m = groundTruth.count();
        if (n == 0 || m == 0) {
            return new Match(n, m, 0);
        }
        int[] gt = groundTruth.labels();
        long[] gtArea = new long[m + 1];
        for (int l : gt) {
            gtArea[l]++;
        }
        double[][] iou = new double[n][m];
        for (int p = 0; p < n; p++) {
            byte[] mask = predicted.get(p);
            if (mask.length != gt.length) {
                throw new IllegalArgumentException("predicted object " + p + " has " + mask.length + " pixels, the ground truth "
                        + gt.length);
            }
            long area = 0;
            long[] inter = new long[m + 1];
            for (int i = 0; i < mask.length; i++) {
                if (mask[i] != 0) {
                    area++;
                    inter[gt[i]]++;
                }
            }
            for (int g = 1; g <= m; g++) {
                long union = area + gtArea[g] - inter[g];
                iou[p][g - 1] = union == 0 ? 0 : inter[g] / (double) union;
            }
        }
        return new Match(n, m, matchCount(iou));
    }

    /**
     * The largest number of one-to-one pairs with IoU {@code >= 0.5} ({@code iou[prediction][groundTruth]}); among such
     * assignments the one with the highest IoU sum is taken (it does not change the count).
     */
    static int matchCount(double[][] iou) {
        // A pair below the threshold weighs 0, one above weighs more than any sum of IoU bonuses (at most min(n, m) < 2n).
        int n = iou.length;
        int m = iou[0].length;
        double big = 2.0 * Math.max(n, m) + 1;
        double[][] w = new double[n][m];
        for (int p = 0; p < n; p++) {
            for (int g = 0; g < m; g++) {
                w[p][g] = iou[p][g] >= IOU_THRESHOLD ? big + iou[p][g] : 0;
            }
        }
        int[] col = LinearAssignment.maximise(w);
        int matched = 0;
        for (int p = 0; p < n; p++) {
            if (col[p] >= 0 && iou[p][col[p]] >= IOU_THRESHOLD) {
                matched++;
            }
        }
        return matched;
    }
}
