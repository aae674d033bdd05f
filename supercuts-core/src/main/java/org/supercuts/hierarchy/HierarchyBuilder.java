package org.supercuts.hierarchy;

/**
 * One algorithm family: a hierarchy of segmentations over an image's superpixels, as a {@link MergeTree} whose heights lie
 * in [0, 1] (the scale of the ultrametric contour map, comparable across images so that one threshold can be chosen for a
 * whole dataset).
 *
 * <p>Contract (checked by {@code HierarchyBuilderContract} in the core test jar): the tree has one leaf per superpixel,
 * heights are non-decreasing and in [0, 1], the result is a pure function of the input and the spec (repeated and
 * concurrent calls agree), an image of one superpixel gives a tree without merges.
 *
 * <p>Thread safety: implementations are immutable and safe to call concurrently.
 */
public interface HierarchyBuilder {
    /** Builds the hierarchy over {@code input.superpixels()}. */
    MergeTree build(HierarchyInput input);

    /** A short description of the spec, for provenance. */
    String describe();
}
