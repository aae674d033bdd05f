/**
 * Which regions are the object: the {@link org.supercuts.selection.ObjectSelector} family. The rules that pick a side
 * of the Fiedler cut (border prior, TokenCut, Deep Spectral), the graph saliency cues (manifold ranking, absorbing
 * Markov chain, cellular automata, colour distribution, boundary connectivity), their fusion, and the calibration of
 * a saliency map into a mask ({@link org.supercuts.selection.SaliencyCalibration}, {@link
 * org.supercuts.selection.ThresholdRule}). It may use {@code org.supercuts.image}, {@code org.supercuts.graph},
 * {@code org.supercuts.feature}, {@code org.supercuts.linalg}, {@code org.supercuts.spectral}, {@code
 * org.supercuts.refine}.
 */
package org.supercuts.selection;
