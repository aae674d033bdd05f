package org.supercuts.onnx.runtime;

/**
 * ONNX Runtime failed while running a loaded model (e.g. out of memory, or a shape the graph rejects at run time).
 *
 * <p>Thread safety: immutable after construction.
 */
public class InferenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** ONNX Runtime failed during a run, as {@code message} says. */
    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
