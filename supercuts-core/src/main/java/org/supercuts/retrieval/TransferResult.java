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
