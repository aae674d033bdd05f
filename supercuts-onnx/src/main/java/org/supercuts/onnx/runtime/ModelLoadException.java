package org.supercuts.onnx.runtime;

import java.nio.file.Path;

/**
 * A model file cannot be loaded: it is missing, unreadable, or not a valid ONNX graph. The message names the path.
 *
 * <p>Thread safety: immutable after construction.
 */
public class ModelLoadException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Path modelPath;

    /** {@code modelPath} could not be loaded, as {@code message} says. */
    public ModelLoadException(Path modelPath, String message, Throwable cause) {
        super(message, cause);
        this.modelPath = modelPath;
    }

    /** The model file that failed. */
    public Path modelPath() {
        return modelPath;
    }
}
