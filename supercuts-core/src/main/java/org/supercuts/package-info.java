/**
 * The pipeline and its result: {@link org.supercuts.SuperCuts} hands out the tuned defaults, {@link
 * org.supercuts.Pipeline} runs the stages on one image and {@link org.supercuts.Segmentation} holds what they
 * produced, with {@link org.supercuts.Provenance} naming every spec that ran. This is the only package that knows all
 * stages; the stage packages never import it. It may use {@code org.supercuts.image}, {@code
 * org.supercuts.superpixel}, {@code org.supercuts.graph}, {@code org.supercuts.feature}, {@code
 * org.supercuts.affinity}, {@code org.supercuts.linalg}, {@code org.supercuts.spectral}, {@code
 * org.supercuts.selection}, {@code org.supercuts.refine}, {@code org.supercuts.hierarchy}, {@code org.supercuts.objects}.
 */
package org.supercuts;
