/**
 * Cross-image clustering of segment embeddings: {@link org.supercuts.clustering.SphericalKMeans} groups unit vectors by
 * cosine similarity, seeded, with restarts and the spread of the objective over seeds. It may use no other package.
 */
package org.supercuts.clustering;
