package org.supercuts.retrieval;

import java.util.Arrays;

/**
 * The outcome of {@link LabelTransfer#transfer} for one image: for each segment its label, its vote share for each label
 * present in the index, and the neighbours that voted.
 *
 * <p>Thread safety: immutable by contract (accessors return the arrays themselves; do not modify them).
 */
public final class TransferResult {
    /** The label whose share is the soft foreground map of binary (mask) annotations. */
    public static final int FOREGROUND = 1;

    private final ImageSegments query;
    private final int[] labels;
    private final double[][] shares;
    private final int[] winner;
    private final Neighbours[] neighbours;

    TransferResult(ImageSegments query, int[] labels, double[][] shares, int[] winner, Neighbours[] neighbours) {
        this.query = query;
        this.labels = labels;
        this.shares = shares;
        this.winner = winner;
        this.neighbours = neighbours;
    }

    /** The query image's segments. */
    public ImageSegments query() {
        return query;
    }

    /** The labels present in the index, ascending; {@link #share} is indexed by position in it. */
    public int[] labels() {
        return labels;
    }

    /** The vote share of label {@code label} for segment {@code segment} (0 when the label is not in the index). */
    public double share(int segment, int label) {
        int c = Arrays.binarySearch(labels, label);
        return c < 0 ? 0 : shares[segment][c];
    }

    /** The winning label of each segment ({@link SegmentIndex#UNLABELLED} when no neighbour voted). */
    public int[] segmentLabels() {
        return winner;
    }

    /** The neighbours that voted for segment {@code segment}, most similar first. */
    public Neighbours neighbours(int segment) {
        return neighbours[segment];
    }

    /** The share of label {@code label} of every segment. */
    public double[] segmentShares(int label) {
        double[] out = new double[winner.length];
        for (int s = 0; s < out.length; s++) {
            out[s] = share(s, label);
        }
        return out;
    }

    /** The {@link #FOREGROUND} share painted onto the pixels, row-major. */
    public float[] softMap() {
        double[] fg = segmentShares(FOREGROUND);
        int[] lbl = query.segments().backingArray();
        float[] soft = new float[lbl.length];
        for (int i = 0; i < lbl.length; i++) {
            soft[i] = (float) fg[lbl[i]];
        }
        return soft;
    }

    /**
     * The {@link #FOREGROUND} share fused with the unsupervised saliency: {@code a · share + (1 − a) · saliency} per
     * segment, painted onto the pixels ("late fusion"; a = 1 is {@link #softMap()}).
     *
     * @throws IllegalArgumentException when a is outside [0, 1], or {@code a < 1} and the query has no saliency (embedded with
     *                                  saliency weight 0)
     */
    public float[] softMap(double a) {
        if (!(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException("fusion weight must be in [0, 1], got " + a);
        }
        if (a == 1) {
            return softMap();
        }
        double[] saliency = query.saliency();
        if (saliency == null) {
            throw new IllegalArgumentException("fusion weight " + a + " mixes in the saliency, but the query segments have none;"
                    + " embed them with a saliency weight > 0");
        }
        double[] fg = segmentShares(FOREGROUND);
        int[] lbl = query.segments().backingArray();
        float[] soft = new float[lbl.length];
        for (int i = 0; i < lbl.length; i++) {
            soft[i] = (float) (a * fg[lbl[i]] + (1 - a) * saliency[lbl[i]]);
        }
        return soft;
    }

    /** The winning labels painted onto the pixels, row-major. */
    public int[] labelMap() {
        int[] lbl = query.segments().backingArray();
        int[] out = new int[lbl.length];
        for (int i = 0; i < lbl.length; i++) {
            out[i] = winner[lbl[i]];
        }
        return out;
    }
}
