package org.supercuts.examples.cli;

import java.util.Locale;

import org.supercuts.Pipeline;

/**
 * The heap one image needs, estimated before it is decoded from its header size and the settings, and the heap a run may
 * use. The model is {@code bytes = pixels * perPixel + 48 * K^2 + 16 MB}:
 * <ul>
 *   <li>per pixel: the decoded picture (4 B) and its float planes (12 B), CIELAB (12 B), SLIC's distances and labels
 *       (16 B), connectivity and graph buffers (8 B), soft map and mask (5 B), 4 B per hierarchy level, an upright copy
 *       (12 B); with the pictures, the overlay (4 B), the levels strip (4 B per level) and the PNG encoder's buffers (4 B);
 *       with the multi-scale fusion, two more SLIC runs (40 B); with SSN, the network's activations (about 600 B);</li>
 *   <li>per superpixel pair: the dense affinity matrix (8 B), the Laplacian and the eigensolver's copy (16 B) and the
 *       saliency stage's dense ranking matrices (24 B), so 48 B in all;</li>
 *   <li>16 MB for everything else (models excluded: an ONNX model's weights are counted once, outside).</li>
 * </ul>
 * Images above the pipeline's working resolution ({@link Pipeline#DEFAULT_WORKING_PIXELS}) are segmented reduced: the
 * per-pixel stage buffers above are then needed for at most that many pixels, and the full resolution costs
 * {@value #FULL_RESOLUTION_BYTES} B per pixel (the decoded picture, its float planes, an upright copy, the upsampled soft
 * map and the mask; the pictures are drawn at the working resolution).
 * The numbers are upper bounds from the buffers the stages allocate, not measurements of one run; the point is to refuse a
 * setting that cannot fit before any work is done and to run no more images at once than the heap holds.
 *
 * <p>Thread safety: immutable.
 */
record MemoryEstimate(int perPixelBytes) {
    static final long PER_PAIR_BYTES = 48;
    static final long FIXED_BYTES = 16L << 20;
    /** Bytes per full-resolution pixel of an image above the working resolution (4 + 12 + 12 + 4 + 4 + 1). */
    static final long FULL_RESOLUTION_BYTES = 37;
    /** Share of the free heap a run plans with; the rest is head-room for the collector and the JIT. */
    static final double USABLE_SHARE = 0.8;

    /** The estimate for the CLI's settings. */
    static MemoryEstimate of(int levels, boolean pictures, boolean multiScale, boolean ssn) {
        int perPixel = 4 + 12 + 12 + 16 + 8 + 5 + 4 * levels + 12;
        if (pictures) {
            perPixel += 4 + 4 * levels + 4;
        }
        if (multiScale) {
            perPixel += 40;
        }
        if (ssn) {
            perPixel += 600;
        }
        return new MemoryEstimate(perPixel);
    }

    /** Bytes for one image of {@code pixels} pixels and {@code superpixels} regions. */
    long bytes(long pixels, int superpixels) {
        return pixelBytes(pixels) + PER_PAIR_BYTES * (long) superpixels * superpixels + FIXED_BYTES;
    }

    private long pixelBytes(long pixels) {
        if (pixels <= Pipeline.DEFAULT_WORKING_PIXELS) {
            return pixels * perPixelBytes;
        }
        return pixels * FULL_RESOLUTION_BYTES + (long) Pipeline.DEFAULT_WORKING_PIXELS * perPixelBytes;
    }

    /** The heap the run may plan with: {@value #USABLE_SHARE} of what is not used yet under -Xmx. */
    static long usableHeap() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return (long) ((rt.maxMemory() - used) * USABLE_SHARE);
    }

    /** The largest K whose pair terms fit in {@code budget} bytes beside an image of {@code pixels} pixels. */
    int maxSuperpixels(long pixels, long budget) {
        long left = budget - pixelBytes(pixels) - FIXED_BYTES;
        return left <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (long) Math.sqrt(left / (double) PER_PAIR_BYTES));
    }

    /** The -Xmx that would hold {@code bytes} for one image at a time. */
    static String xmxFor(long bytes) {
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long needed = (long) Math.ceil((bytes / USABLE_SHARE + used) / (double) (1L << 30));
        return "-Xmx" + Math.max(1, needed) + "g";
    }

    /** The refusal of a superpixel count whose pair terms alone do not fit. */
    static String tooManySuperpixels(MemoryEstimate memory, int k, long usable) {
        return "--superpixels " + k + " needs about " + size(memory.bytes(0, k)) + " for the affinity matrix and the spectral"
                + " and saliency stages alone (" + PER_PAIR_BYTES + " bytes per pair of superpixels), but the heap allows "
                + size(usable) + ": use --superpixels " + memory.maxSuperpixels(0, usable) + " or fewer, or run with JAVA_OPTS="
                + xmxFor(memory.bytes(0, k));
    }

    /** {@code bytes} for people: "850 MB", "3.2 GB". */
    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", Math.max(1, Math.round(bytes / (double) (1L << 20))));
    }
}
