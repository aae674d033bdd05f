package org.supercuts.onnx.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a caller expects of one graph input or output: its name, element type and shape.
 *
 * <p>Each entry of {@code dims} is either a fixed size ({@code >= 1}) that the graph must declare exactly, or
 * {@link #ANY} for a dimension the caller does not constrain (the graph may declare it dynamic or fixed).
 * The rank ({@code dims.length}) must always match.
 *
 * <p>Thread safety: immutable value, safe to share.
 */
public final class TensorSpec {
    /** A dimension that may have any (or a dynamic) size. */
    public static final long ANY = -1;

    private final String name;
    private final ElementType elementType;
    private final long[] dims;

    private TensorSpec(String name, ElementType elementType, long[] dims) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("tensor name must be non-empty, got " + (name == null ? "null" : "''"));
        }
        this.name = name;
        this.elementType = Objects.requireNonNull(elementType, "elementType");
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != ANY && dims[i] < 1) {
                throw new IllegalArgumentException("dims[" + i + "] of tensor '" + name + "' must be >= 1 or TensorSpec.ANY (-1), got "
                        + dims[i]);
            }
        }
        this.dims = dims.clone();
    }

    /** A tensor named {@code name} of {@code elementType} with the given dimensions ({@link #ANY} = unconstrained). */
    public static TensorSpec of(String name, ElementType elementType, long... dims) {
        return new TensorSpec(name, elementType, Objects.requireNonNull(dims, "dims"));
    }

    /** A float tensor. */
    public static TensorSpec floats(String name, long... dims) {
        return of(name, ElementType.FLOAT, dims);
    }

    /** The input or output name. */
    public String name() {
        return name;
    }

    /** The element type. */
    public ElementType elementType() {
        return elementType;
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** The dimensions, {@link #ANY} where any size is accepted (a copy). */
    public long[] dims() {
        return dims.clone();
    }

    /** Whether a graph tensor of this type and declared shape ({@code -1} or 0 for dynamic) satisfies this spec. */
    boolean accepts(ai.onnxruntime.OnnxJavaType type, long[] declared) {
        if (type != elementType.ortType() || declared.length != dims.length) {
            return false;
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != ANY && declared[i] != dims[i]) {
                return false;
            }
        }
        return true;
    }

    static String shapeText(long[] dims) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ",").append(dims[i] < 1 ? "?" : Long.toString(dims[i]));
        }
        return sb.append(']').toString();
    }

    /** E.g. {@code input FLOAT[1,5,?,?]}; {@code ?} marks an unconstrained dimension. */
    @Override
    public String toString() {
        return name + " " + elementType + shapeText(dims);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && t.name.equals(name) && t.elementType == elementType && Arrays.equals(t.dims, dims);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + elementType.hashCode()) * 31 + Arrays.hashCode(dims);
    }
}
