/**
 * Supervised semantic segmentation networks exported to ONNX (U-Net and the like), run as a comparison point for the
 * unsupervised pipeline. It may use {@code org.supercuts.image}, {@code org.supercuts.onnx.runtime}, {@code
 * org.supercuts.onnx.dino}.
 */
package org.supercuts.onnx.semantic;
