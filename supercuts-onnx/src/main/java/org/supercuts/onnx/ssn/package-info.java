/**
 * Superpixel Sampling Networks: the input encoding the network was trained with, the network run through ONNX, and
 * the differentiable soft clustering in Java ({@link org.supercuts.onnx.ssn.SsnSuperpixelizer}), and region features pooled
 * from its pixel features ({@link org.supercuts.onnx.ssn.SsnRegionFeatures}). It may use {@code org.supercuts.image},
 * {@code org.supercuts.superpixel}, {@code org.supercuts.graph}, {@code org.supercuts.feature}, {@code
 * org.supercuts.onnx.runtime}.
 */
package org.supercuts.onnx.ssn;
