/**
 * Segments as embeddings across images: {@link org.supercuts.retrieval.SegmentEmbedder} turns an image into segments
 * with L2-normalised vectors from any feature extractor, {@link org.supercuts.retrieval.SegmentIndex} holds them for many
 * images (saved by {@link org.supercuts.retrieval.SegmentIndexFile}), the {@link org.supercuts.retrieval.NeighbourSearch}
 * family finds the most similar segments (exact scan, or HNSW through hnswlib) and {@link
 * org.supercuts.retrieval.LabelTransfer} labels a new image by the votes of its segments' neighbours. It may use {@code
 * org.supercuts}, {@code org.supercuts.image}, {@code org.supercuts.superpixel}, {@code org.supercuts.graph}, {@code
 * org.supercuts.feature}, {@code org.supercuts.selection} (the pipeline's stages, to describe them).
 */
package org.supercuts.retrieval;
