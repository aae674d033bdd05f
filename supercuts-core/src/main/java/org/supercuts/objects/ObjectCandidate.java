package org.supercuts.objects;

/**
 * A candidate object before selection: a connected set of superpixels, its cues and objectness score, and where it came
 * from.
 *
 * @param regions the superpixels, sorted ascending (not copied: treat as read-only)
 * @param area    the pixel count
 * @param cues    its measurements
 * @param score   its objectness, in [0, 1]
 * @param source  which generator produced it (e.g. {@code "component@0.5"}, {@code "cut#2"})
 *
 * <p>Thread safety: immutable by convention (the array is not exposed for writing by the library).
 */
public record ObjectCandidate(int[] regions, long area, Cues cues, double score, String source) {
}
