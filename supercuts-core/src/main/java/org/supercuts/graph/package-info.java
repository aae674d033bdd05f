/**
 * The region adjacency graph of a label map: sizes, centroids, boxes, mean colours, border contact and shared
 * boundaries between superpixels, in compressed-row form. It describes the regions; how strongly two regions belong
 * together is the job of {@code org.supercuts.affinity}. It may use {@code org.supercuts.image}.
 */
package org.supercuts.graph;
