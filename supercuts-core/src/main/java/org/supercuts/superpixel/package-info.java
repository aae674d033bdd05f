/**
 * Over-segmentation of an image into superpixels: the {@link org.supercuts.superpixel.Superpixelizer} family (SLIC,
 * the regular grid of the no-superpixel ablation) and the connectivity pass every implementation shares. It may use
 * {@code org.supercuts.image} and {@code org.supercuts.concurrent}.
 */
package org.supercuts.superpixel;
