package org.supercuts.onnx.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * A dense float tensor: a shape and a {@link FloatBuffer} in C (row-major) order.
 *
 * <p>{@link #allocate} gives a direct, native-order buffer, which ONNX Runtime reads without copying; fill it through
 * {@link #buffer()} (absolute puts) before {@link OnnxModel#run}. Outputs returned by {@link OnnxModel#run} are copies
 * owned by the caller (no native memory to free).
 *
 * <p>Thread safety: not thread-safe while being filled; safe to read from several threads once filled and not modified.
 */
public final class FloatTensor {
    private final long[] shape;
    private final FloatBuffer data;

    private FloatTensor(long[] shape, FloatBuffer data) {
        this.shape = shape;
        this.data = data;
    }

    /** A zero-filled tensor of the given shape, backed by a direct native-order buffer. */
    public static FloatTensor allocate(long... shape) {
        long n = elementCount(shape);
        if (n * Float.BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + TensorSpec.shapeText(shape) + " has " + n
                    + " elements, more than a direct buffer can hold (" + Integer.MAX_VALUE / Float.BYTES + ")");
        }
        FloatBuffer buf = ByteBuffer.allocateDirect((int) n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        return new FloatTensor(shape.clone(), buf);
    }

    /** A direct tensor holding a copy of {@code values}. */
    public static FloatTensor copyOf(float[] values, long... shape) {
        Objects.requireNonNull(values, "values");
        FloatTensor t = allocate(shape);
        if (values.length != t.size()) {
            throw new IllegalArgumentException("values has length " + values.length + ", shape " + TensorSpec.shapeText(shape)
                    + " needs " + t.size());
        }
        t.data.put(0, values);
        return t;
    }

    /** Wraps an existing buffer (positions 0..capacity-1) without copying; used for outputs. */
    static FloatTensor wrap(FloatBuffer data, long[] shape) {
        long n = elementCount(shape);
        if (data.capacity() != n) {
            throw new IllegalArgumentException("buffer holds " + data.capacity() + " floats, shape " + TensorSpec.shapeText(shape)
                    + " needs " + n);
        }
        return new FloatTensor(shape.clone(), data);
    }

    private static long elementCount(long[] shape) {
        Objects.requireNonNull(shape, "shape");
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 1) {
                throw new IllegalArgumentException("shape[" + i + "] must be >= 1, got " + shape[i] + " in " + TensorSpec.shapeText(shape));
            }
            n = Math.multiplyExact(n, shape[i]);
        }
        return n;
    }

    /** The shape (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code axis}. */
    public int dim(int axis) {
        return Math.toIntExact(shape[axis]);
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return data.capacity();
    }

    /** The backing buffer (a duplicate view: position 0, limit = size); writes through it change this tensor. */
    public FloatBuffer buffer() {
        return data.duplicate().clear();
    }

    FloatBuffer rawBuffer() {
        return data;
    }

    /** Element at flat (C-order) index {@code i}. */
    public float get(int i) {
        return data.get(i);
    }

    /** A heap copy of the elements in C order. */
    public float[] toArray() {
        float[] out = new float[size()];
        data.get(0, out);
        return out;
    }

    @Override
    public String toString() {
        return "FloatTensor" + TensorSpec.shapeText(shape);
    }
}
