/**
 * The BSDS500 benchmarks of hierarchies and segmentations over a sweep of scales (Arbeláez et al., TPAMI 2011):
 * segmentation covering, probabilistic Rand index and variation of information at ODS and OIS ({@link
 * org.supercuts.eval.bsds.RegionScores}), boundary precision/recall with F at ODS/OIS and AP ({@link
 * org.supercuts.eval.bsds.BoundaryScores}), pooled by {@link org.supercuts.eval.bsds.SweepAccumulator} and run over a
 * dataset by {@link org.supercuts.eval.bsds.RegionEvaluation}, for the pipeline's hierarchy or another tool's label maps
 * ({@link org.supercuts.eval.bsds.SegmentationDirectory}). It may use {@code org.supercuts}, {@code org.supercuts.image},
 * {@code org.supercuts.hierarchy}, {@code org.supercuts.eval.dataset}, {@code org.supercuts.eval.run} (errors, atomic
 * files, the pipeline's description).
 */
package org.supercuts.eval.bsds;
