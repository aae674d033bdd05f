/**
 * Named pipelines on DINO ViT features: what the CLI's {@code --model} builds, and TokenCut and Deep Spectral Methods on
 * the ViT patch grid. It may use {@code org.supercuts}, {@code org.supercuts.affinity}, {@code org.supercuts.feature},
 * {@code org.supercuts.selection}, {@code org.supercuts.superpixel}, {@code org.supercuts.onnx.runtime}, {@code
 * org.supercuts.onnx.dino}.
 */
package org.supercuts.onnx.presets;
