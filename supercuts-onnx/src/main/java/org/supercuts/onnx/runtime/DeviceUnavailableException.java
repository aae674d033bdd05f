package org.supercuts.onnx.runtime;

/**
 * The requested execution device cannot be used, e.g. {@link Device#cuda(int)} with the CPU-only ONNX Runtime artifact or
 * without a CUDA GPU. The message says how to fix it (the {@code com.microsoft.onnxruntime:onnxruntime_gpu} artifact, or
 * {@link Device#cudaOrCpu(int)}).
 *
 * <p>Thread safety: immutable after construction.
 */
public class DeviceUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The device could not be used, as {@code message} says. */
    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
