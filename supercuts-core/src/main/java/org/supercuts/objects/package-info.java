/**
 * Several objects per image, none, and their parts: the {@link org.supercuts.objects.ObjectDiscovery} family
 * (components of the saliency map split by the hierarchy, nodes of the hierarchy, repeated cuts with removal), the
 * {@link org.supercuts.objects.Objectness} score and {@link org.supercuts.objects.DiscoveryRules} that select
 * objects, and the {@link org.supercuts.objects.PartDecomposition} family that splits each object into parts. It
 * works on the graph the pipeline built, over superpixels or ViT patches alike. It may use {@code
 * org.supercuts.image}, {@code org.supercuts.graph}, {@code org.supercuts.linalg}, {@code org.supercuts.spectral}.
 */
package org.supercuts.objects;
