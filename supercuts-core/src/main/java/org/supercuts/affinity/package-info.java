/**
 * Affinity matrices from region features: the {@link org.supercuts.affinity.AffinityBuilder} family (Gaussian over
 * adjacent or near regions, clipped cosine, the TokenCut threshold rule) and weighted sums of them. It may use {@code
 * org.supercuts.image}, {@code org.supercuts.graph}, {@code org.supercuts.feature}, {@code org.supercuts.linalg}.
 */
package org.supercuts.affinity;
