package org.supercuts.onnx.runtime;

import java.nio.file.Path;

/**
 * A model's graph inputs/outputs do not match the {@link IoSpec} the caller expects. The message names the model path and
 * lists expected versus actual tensors.
 *
 * <p>Thread safety: immutable after construction.
 */
public class ModelSignatureException extends ModelLoadException {
    private static final long serialVersionUID = 1L;

    /** {@code modelPath}'s inputs or outputs differ from the expected ones, as {@code message} says. */
    public ModelSignatureException(Path modelPath, String message) {
        super(modelPath, message, null);
    }
}
