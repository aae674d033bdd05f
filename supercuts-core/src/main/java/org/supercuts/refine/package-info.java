/**
 * Refinement of a soft mask at full resolution: the {@link org.supercuts.refine.MaskRefiner} family and the
 * edge-preserving {@link org.supercuts.refine.GuidedFilter}. It may use {@code org.supercuts.image} and {@code
 * org.supercuts.concurrent}.
 */
package org.supercuts.refine;
