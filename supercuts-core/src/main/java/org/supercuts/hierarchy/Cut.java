package org.supercuts.hierarchy;

/**
 * One partition of a {@link MergeTree}: the segment of each region, how many segments, the threshold it corresponds to,
 * and whether the requested scale was outside the tree's range and clamped (then {@code note} says how).
 *
 * <p>Thread safety: immutable by contract (the array is not copied; do not modify it).
 *
 * @param regionLabels {@code regionLabels[r]} is region r's segment, {@code 0..segments-1}
 * @param segments     number of segments
 * @param threshold    the threshold of this cut: merges of height {@code <= threshold} are applied
 * @param clamped      true when the requested scale was outside the range and the nearest end was used
 * @param note         empty, or what was clamped and to what
 */
public record Cut(int[] regionLabels, int segments, double threshold, boolean clamped, String note) {
}
