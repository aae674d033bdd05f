package org.supercuts.onnx.runtime;

import ai.onnxruntime.OnnxJavaType;

/**
 * Element types a {@link TensorSpec} can require (the ones SuperCuts' models use; extend when needed).
 *
 * <p>Thread safety: enum, immutable.
 */
public enum ElementType {
    /** 32-bit float. */
    FLOAT(OnnxJavaType.FLOAT),
    /** 64-bit float. */
    DOUBLE(OnnxJavaType.DOUBLE),
    /** 16-bit float. */
    FLOAT16(OnnxJavaType.FLOAT16),
    /** 64-bit integer. */
    INT64(OnnxJavaType.INT64),
    /** 32-bit integer. */
    INT32(OnnxJavaType.INT32),
    /** Unsigned 8-bit integer. */
    UINT8(OnnxJavaType.UINT8),
    /** Boolean. */
    BOOL(OnnxJavaType.BOOL);

    private final OnnxJavaType ortType;

    ElementType(OnnxJavaType ortType) {
        this.ortType = ortType;
    }

    OnnxJavaType ortType() {
        return ortType;
    }

    static String describe(OnnxJavaType type) {
        for (ElementType e : values()) {
            if (e.ortType == type) {
                return e.name();
            }
        }
        return String.valueOf(type);
    }
}
