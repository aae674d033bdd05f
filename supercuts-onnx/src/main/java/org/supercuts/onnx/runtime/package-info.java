/**
 * ONNX Runtime underneath every network: the shared environment (never closed), {@link
 * org.supercuts.onnx.runtime.OnnxModel} sessions on CPU or CUDA with fallback, tensor and signature types, and the
 * exceptions that name the model. It uses no other SuperCuts package.
 */
package org.supercuts.onnx.runtime;
