/**
 * Self-supervised ViT (DINO) features through ONNX: image tensors and resize policies, patch features pooled onto
 * regions, the ViT patch grid as superpixels, and SSN clustering in the joint SSN and DINO space ({@link
 * org.supercuts.onnx.dino.SsnDino}). It may use {@code org.supercuts.image}, {@code org.supercuts.superpixel}, {@code
 * org.supercuts.graph}, {@code org.supercuts.feature}, {@code org.supercuts.onnx.runtime}, {@code
 * org.supercuts.onnx.ssn}.
 */
package org.supercuts.onnx.dino;
