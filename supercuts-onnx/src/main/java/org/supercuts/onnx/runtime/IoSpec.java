package org.supercuts.onnx.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The graph signature a caller relies on: the inputs it feeds and the outputs it reads. {@link OnnxModel#load} checks it
 * against the graph and fails with a {@link ModelSignatureException} listing expected versus actual.
 *
 * <p>The graph must have exactly the listed inputs (an unlisted input could not be fed), while extra graph outputs are
 * allowed (they are simply not read). {@link #unchecked()} skips the check.
 *
 * <p>Thread safety: immutable value, safe to share.
 */
public final class IoSpec {
    private static final IoSpec UNCHECKED = new IoSpec(List.of(), List.of(), false);

    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final boolean checked;

    private IoSpec(List<TensorSpec> inputs, List<TensorSpec> outputs, boolean checked) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.checked = checked;
    }

    /** A signature with the given inputs and outputs. */
    public static IoSpec of(List<TensorSpec> inputs, List<TensorSpec> outputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs must list at least one tensor, got none");
        }
        checkUnique(inputs, "inputs");
        checkUnique(outputs, "outputs");
        return new IoSpec(inputs, outputs, true);
    }

    /** Shorthand for one input and one output. */
    public static IoSpec of(TensorSpec input, TensorSpec output) {
        return of(List.of(input), List.of(output));
    }

    /** No check at load time (for tools that inspect arbitrary graphs). */
    public static IoSpec unchecked() {
        return UNCHECKED;
    }

    private static void checkUnique(List<TensorSpec> specs, String what) {
        List<String> seen = new ArrayList<>();
        for (TensorSpec s : specs) {
            if (seen.contains(s.name())) {
                throw new IllegalArgumentException(what + " name the tensor '" + s.name() + "' twice; names must be unique");
            }
            seen.add(s.name());
        }
    }

    /** The expected inputs. */
    public List<TensorSpec> inputs() {
        return inputs;
    }

    /** The expected outputs. */
    public List<TensorSpec> outputs() {
        return outputs;
    }

    /** Whether loading checks the graph against this spec. */
    public boolean isChecked() {
        return checked;
    }

    @Override
    public String toString() {
        return checked ? "inputs " + inputs + ", outputs " + outputs : "unchecked";
    }
}
