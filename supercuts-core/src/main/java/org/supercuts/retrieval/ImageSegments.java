package org.supercuts.retrieval;

import java.util.Objects;

import org.supercuts.Segmentation;
import org.supercuts.image.LabelMap;

/**
 * The segments of one image with their embeddings, as {@link SegmentEmbedder#embed} returns them: the segmentation (a
 * label map, segment ids 0..n-1), one vector per segment (row-major, not yet normalised), the area of each segment, the
 * mean saliency of each segment (when the embedder ran the pipeline) and the pipeline's result itself (or null).
 *
 * <p>Thread safety: immutable by contract (arrays are not copied; do not modify them).
 *
 * @param segments     the segmentation
 * @param dimension    the vector length
 * @param vectors      {@code segments.count() x dimension} values
 * @param areas        pixels per segment
 * @param saliency     mean soft-map value per segment, or null when the pipeline was not run
 * @param segmentation the pipeline's result, or null when only the superpixels were computed
 */
public record ImageSegments(LabelMap segments, int dimension, double[] vectors, int[] areas, double[] saliency,
        Segmentation segmentation) {
    public ImageSegments {
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(areas, "areas");
        int n = segments.count();
        if (vectors.length != (long) n * dimension || areas.length != n || (saliency != null && saliency.length != n)) {
            throw new IllegalArgumentException(n + " segments need " + ((long) n * dimension) + " vector values and " + n
                    + " areas, got " + vectors.length + " and " + areas.length);
        }
    }

    /** Number of segments. */
    public int count() {
        return segments.count();
    }

    /** Segment ids 0..n-1. */
    public int[] segmentIds() {
        int[] ids = new int[count()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return ids;
    }

    /** The vectors as float32, row-major (the search's query format). */
    public float[] queries() {
        float[] q = new float[vectors.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) vectors[i];
        }
        return q;
    }

    /**
     * The label of every segment from a per-pixel labelling: the most frequent label among its pixels that are not
     * {@code ignore}, {@link SegmentIndex#UNLABELLED} when most of its pixels are {@code ignore} (ties go to the lower
     * label).
     *
     * @param pixelLabels one label per pixel (class ids 0..254, or {@code ignore})
     * @throws IllegalArgumentException when the length differs from the segmentation's pixel count, or a label is
     *                                  negative or above 255
     */
    public int[] labelsFrom(int[] pixelLabels, int ignore) {
        Objects.requireNonNull(pixelLabels, "pixelLabels");
        int[] lbl = segments.backingArray();
        if (pixelLabels.length != lbl.length) {
            throw new IllegalArgumentException("the annotation has " + pixelLabels.length + " pixels, the segmentation "
                    + lbl.length + " (" + segments.width() + "x" + segments.height() + ")");
        }
        int n = count();
        int[][] votes = new int[n][];
        int[] ignored = new int[n];
        for (int i = 0; i < lbl.length; i++) {
            int c = pixelLabels[i];
            if (c < 0 || c > 255) {
                throw new IllegalArgumentException("annotation pixel " + i + " has label " + c + "; labels must be in 0..255");
            }
            int s = lbl[i];
            if (c == ignore) {
                ignored[s]++;
                continue;
            }
            if (votes[s] == null) {
                votes[s] = new int[256];
            }
            votes[s][c]++;
        }
        int[] out = new int[n];
        for (int s = 0; s < n; s++) {
            int best = SegmentIndex.UNLABELLED;
            int bestCount = 0;
            if (votes[s] != null) {
                for (int c = 0; c < 256; c++) {
                    if (votes[s][c] > bestCount) {
                        best = c;
                        bestCount = votes[s][c];
                    }
                }
            }
            out[s] = ignored[s] > areas[s] / 2 ? SegmentIndex.UNLABELLED : best;
        }
        return out;
    }
}
