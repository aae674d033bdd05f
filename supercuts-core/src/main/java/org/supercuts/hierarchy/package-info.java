/**
 * Hierarchies of segmentations over superpixels: the merge tree (an ultrametric over the superpixels,
 * {@link org.supercuts.hierarchy.MergeTree}), its image form with levels at any scale and the ultrametric contour map
 * ({@link org.supercuts.hierarchy.Hierarchy}, {@link org.supercuts.hierarchy.Level}, {@link org.supercuts.hierarchy.Ucm}),
 * contour cues on shared superpixel boundaries ({@link org.supercuts.hierarchy.BoundaryCues}) and the builders, one
 * interface family ({@link org.supercuts.hierarchy.HierarchyBuilder}: agglomerative
 * {@link org.supercuts.hierarchy.ContourMerging}, the normalized-cut tree {@link
 * org.supercuts.hierarchy.SpectralTreeHierarchy}). It may use {@code org.supercuts.image}, {@code org.supercuts.graph},
 * {@code org.supercuts.spectral}, {@code org.supercuts.linalg}.
 *
 * <p>Any scale, by count or by threshold (heights lie in [0, 1]); out-of-range scales are clamped and say so:
 * <pre>{@code
 * Hierarchy h = pipeline.segment(image).hierarchy();
 * Level coarse = h.atSegments(8);          // LabelMap coarse.labels(), coarse.clamped(), coarse.note()
 * Level atScale = h.atThreshold(0.4);      // the same threshold for every image of a dataset
 * Ucm ucm = h.ucm();                       // boundaries of every level: ucm.boundaries(0.4)
 * }</pre>
 *
 * <p>Part of an image (e.g. the superpixels of one object): the merge tree restricted to a set of superpixels keeps their
 * ultrametric, so its cuts decompose that set consistently with the whole hierarchy:
 * <pre>{@code
 * int[] objectSuperpixels = ...;                     // distinct superpixel ids
 * MergeTree parts = h.restrictTo(objectSuperpixels);  // leaf j = objectSuperpixels[j]
 * Cut three = parts.cutWithSegments(3);               // three.regionLabels()[j]: part of objectSuperpixels[j]
 * Cut byHeight = parts.cutAtThreshold(0.4, Hierarchy.MAX_THRESHOLD);
 * }</pre>
 */
package org.supercuts.hierarchy;
