package org.supercuts.onnx.runtime;

import ai.onnxruntime.OnnxJavaType;

/**
 * Element types a {@link TensorSpec} can require (the ones SuperCuts' models use; extend when needed).
 *
 * <p>Thread safety: enum, immutable.
 */
public enum ElementType {
    FLOAT(OnnxJavaType.FLOAT),
    DOUBLE(OnnxJavaType.DOUBLE),
    FLOAT16(OnnxJavaType.FLOAT16),
    INT64(OnnxJavaType.INT64),
    INT32(OnnxJavaType.INT32),
    UINT8(OnnxJavaType.UINT8),
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
