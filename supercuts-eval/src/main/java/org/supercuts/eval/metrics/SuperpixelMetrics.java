package org.supercuts.eval.metrics;

import java.util.List;
import java.util.Objects;

import org.supercuts.image.LabelMap;

/**
 * Superpixel quality against human segmentations (BSDS500 protocol with all annotators of an image).
 *
 * <p>Let S be the superpixel labelling, G one human labelling, N the pixel count and |s ∩ g| the overlap of superpixel s
 * and ground-truth segment g.
 * <ul>
 *   <li><b>Boundary recall</b> (Martin et al. 2004, as in the superpixel benchmarks of Neubert &amp; Protzel 2012 and Stutz
 *       et al. 2018): BR = |{p ∈ B(G) : ∃ q ∈ B(S), ‖p − q‖_∞ ≤ 2}| / |B(G)|, i.e. a tolerance of 2 pixels in the
 *       <em>Chebyshev</em> metric (a 5×5 square around each ground-truth boundary pixel). Boundaries are derived from
 *       label maps the same way for S and G: pixel (x, y) is a boundary pixel when its label differs from that of its right
 *       neighbour (x+1, y) or its lower neighbour (x, y+1) (a one-pixel-thick boundary; the BSDS {@code Boundaries} field is
 *       not used). An annotation without any boundary has no recall and is left out of the mean.</li>
 *   <li><b>Undersegmentation error</b>, the corrected form of Neubert &amp; Protzel (2012) (no free parameter, each
 *       superpixel charged only the smaller of its inside and outside parts):
 *       UE = (1/N) Σ_g Σ_{s : |s ∩ g| &gt; 0} min(|s ∩ g|, |s \ g|).</li>
 *   <li><b>Achievable segmentation accuracy</b> (Liu et al., CVPR 2011): ASA = (1/N) Σ_s max_g |s ∩ g|.</li>
 *   <li><b>Superpixels</b>: the number of labels of S.</li>
 * </ul>
 * {@link #evaluate} averages BR, UE and ASA over the annotators of the image; the dataset value is then the mean over
 * images (see {@link SuperpixelAccumulator}).
 *
 * <p>Deviations from the BSDS boundary benchmark (Martin et al. 2004): that benchmark matches boundary pixels one-to-one
 * (a bipartite assignment within a Euclidean distance relative to the image diagonal); here, as in the superpixel
 * benchmarks of Neubert &amp; Protzel and Stutz et al., a ground-truth boundary pixel counts as recalled when any superpixel
 * boundary pixel lies within the fixed 2-pixel Chebyshev window, so several ground-truth pixels may share one predicted
 * pixel. Boundaries are derived from the {@code Segmentation} label maps, not read from the {@code Boundaries} field.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class SuperpixelMetrics {
    /** Boundary-recall tolerance in pixels (Chebyshev distance). */
    public static final int BOUNDARY_TOLERANCE = 2;
    private static final long DENSE_TABLE_LIMIT = 1L << 22;

    private SuperpixelMetrics() {
    }

    /**
     * The scores of one image: BR, UE and ASA averaged over all annotations, and the superpixel count.
     *
     * @throws IllegalArgumentException when there is no annotation or an annotation's size differs from the superpixels'
     */
    public static SuperpixelScores evaluate(LabelMap superpixels, List<LabelMap> annotations) {
        Objects.requireNonNull(superpixels, "superpixels");
        Objects.requireNonNull(annotations, "annotations");
        if (annotations.isEmpty()) {
            throw new IllegalArgumentException("annotations is empty; at least one human segmentation is needed");
        }
        MeanAccumulator br = new MeanAccumulator();
        MeanAccumulator ue = new MeanAccumulator();
        MeanAccumulator asa = new MeanAccumulator();
        boolean[] spBoundary = boundaries(superpixels);
        boolean[] nearSp = dilateChebyshev(spBoundary, superpixels.width(), superpixels.height(), BOUNDARY_TOLERANCE);
        for (int a = 0; a < annotations.size(); a++) {
            LabelMap gt = annotations.get(a);
            checkSameSize(superpixels, gt, a);
            br.add(recall(boundaries(gt), nearSp));
            long[] table = contingency(superpixels, gt);
            ue.add(undersegmentationError(table, superpixels, gt));
            asa.add(achievableSegmentationAccuracy(table, superpixels, gt));
        }
        return new SuperpixelScores(br.mean(), ue.mean(), asa.mean(), superpixels.count());
    }

    /** Boundary recall of one annotation, 2-pixel Chebyshev tolerance; NaN when the annotation has no boundary. */
    public static double boundaryRecall(LabelMap superpixels, LabelMap annotation) {
        checkSameSize(superpixels, annotation, 0);
        boolean[] near = dilateChebyshev(boundaries(superpixels), superpixels.width(), superpixels.height(), BOUNDARY_TOLERANCE);
        return recall(boundaries(annotation), near);
    }

    /** Neubert-Protzel undersegmentation error of one annotation. */
    public static double undersegmentationError(LabelMap superpixels, LabelMap annotation) {
        checkSameSize(superpixels, annotation, 0);
        return undersegmentationError(contingency(superpixels, annotation), superpixels, annotation);
    }

    /** Achievable segmentation accuracy of one annotation. */
    public static double achievableSegmentationAccuracy(LabelMap superpixels, LabelMap annotation) {
        checkSameSize(superpixels, annotation, 0);
        return achievableSegmentationAccuracy(contingency(superpixels, annotation), superpixels, annotation);
    }

    /** The boundary pixels of a labelling: label differs from the right or the lower neighbour. */
    public static boolean[] boundaries(LabelMap labels) {
        int w = labels.width();
        int h = labels.height();
        int[] l = labels.backingArray();
        boolean[] b = new boolean[l.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                b[i] = (x + 1 < w && l[i] != l[i + 1]) || (y + 1 < h && l[i] != l[i + w]);
            }
        }
        return b;
    }

    /** Pixels within Chebyshev distance {@code r} of a set pixel (separable square dilation). */
    static boolean[] dilateChebyshev(boolean[] in, int w, int h, int r) {
        boolean[] rows = new boolean[in.length];
        for (int y = 0; y < h; y++) {
            int lastSet = Integer.MIN_VALUE / 2;
            // Forward pass marks pixels with a set pixel at most r to the left; backward pass to the right.
            for (int x = 0; x < w; x++) {
                if (in[y * w + x]) {
                    lastSet = x;
                }
                rows[y * w + x] = x - lastSet <= r;
            }
            int nextSet = Integer.MAX_VALUE / 2;
            for (int x = w - 1; x >= 0; x--) {
                if (in[y * w + x]) {
                    nextSet = x;
                }
                rows[y * w + x] |= nextSet - x <= r;
            }
        }
        boolean[] out = new boolean[in.length];
        for (int x = 0; x < w; x++) {
            int lastSet = Integer.MIN_VALUE / 2;
            for (int y = 0; y < h; y++) {
                if (rows[y * w + x]) {
                    lastSet = y;
                }
                out[y * w + x] = y - lastSet <= r;
            }
            int nextSet = Integer.MAX_VALUE / 2;
            for (int y = h - 1; y >= 0; y--) {
                if (rows[y * w + x]) {
                    nextSet = y;
                }
                out[y * w + x] |= nextSet - y <= r;
            }
        }
        return out;
    }

    private static double recall(boolean[] gtBoundary, boolean[] nearPrediction) {
        long total = 0;
        long found = 0;
        for (int i = 0; i < gtBoundary.length; i++) {
            if (gtBoundary[i]) {
                total++;
                if (nearPrediction[i]) {
                    found++;
                }
            }
        }
        return total == 0 ? Double.NaN : found / (double) total;
    }

    /**
     * Overlap table: dense, entry {@code s * M + g} = |s ∩ g|, when K·M is small enough; otherwise built by sorting pixel
     * keys and returned as sparse triples (s, g, count) after a leading -1 marker.
     */
    private static long[] contingency(LabelMap sp, LabelMap gt) {
        return contingency(sp, gt, DENSE_TABLE_LIMIT);
    }

    /** UE and ASA with a chosen dense-table limit (tests exercise the sparse path on small images through this). */
    static double[] undersegmentationAndAsa(LabelMap sp, LabelMap gt, long denseLimit) {
        long[] table = contingency(sp, gt, denseLimit);
        return new double[] {undersegmentationError(table, sp, gt), achievableSegmentationAccuracy(table, sp, gt)};
    }

    private static long[] contingency(LabelMap sp, LabelMap gt, long denseLimit) {
        int k = sp.count();
        int m = gt.count();
        int[] s = sp.backingArray();
        int[] g = gt.backingArray();
        if ((long) k * m <= denseLimit) {
            long[] table = new long[k * m];
            for (int i = 0; i < s.length; i++) {
                table[s[i] * m + g[i]]++;
            }
            return table;
        }
        long[] keys = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            keys[i] = (long) s[i] * m + g[i];
        }
        java.util.Arrays.sort(keys);
        long[] triples = new long[1 + 3 * keys.length];
        triples[0] = -1;
        int t = 1;
        int i = 0;
        while (i < keys.length) {
            int j = i;
            while (j < keys.length && keys[j] == keys[i]) {
                j++;
            }
            triples[t++] = keys[i] / m;
            triples[t++] = keys[i] % m;
            triples[t++] = j - i;
            i = j;
        }
        return java.util.Arrays.copyOf(triples, t);
    }

    private interface CellVisitor {
        void visit(int superpixel, int segment, long overlap);
    }

    private static void forEachCell(long[] table, int m, CellVisitor v) {
        if (table.length > 0 && table[0] == -1) {
            for (int t = 1; t < table.length; t += 3) {
                v.visit((int) table[t], (int) table[t + 1], table[t + 2]);
            }
            return;
        }
        for (int c = 0; c < table.length; c++) {
            if (table[c] > 0) {
                v.visit(c / m, c % m, table[c]);
            }
        }
    }

    private static double undersegmentationError(long[] table, LabelMap sp, LabelMap gt) {
        int[] spSize = sp.sizes();
        double[] sum = {0};
        forEachCell(table, gt.count(), (s, g, overlap) -> sum[0] += Math.min(overlap, spSize[s] - overlap));
        return sum[0] / (double) (sp.width() * (long) sp.height());
    }

    private static double achievableSegmentationAccuracy(long[] table, LabelMap sp, LabelMap gt) {
        long[] best = new long[sp.count()];
        forEachCell(table, gt.count(), (s, g, overlap) -> best[s] = Math.max(best[s], overlap));
        long sum = 0;
        for (long b : best) {
            sum += b;
        }
        return sum / (double) (sp.width() * (long) sp.height());
    }

    private static void checkSameSize(LabelMap sp, LabelMap gt, int index) {
        Objects.requireNonNull(gt, "annotation " + index);
        if (sp.width() != gt.width() || sp.height() != gt.height()) {
            throw new IllegalArgumentException("annotation " + index + " is " + gt.width() + "x" + gt.height()
                    + " but the superpixels are " + sp.width() + "x" + sp.height() + "; sizes must match");
        }
    }
}
