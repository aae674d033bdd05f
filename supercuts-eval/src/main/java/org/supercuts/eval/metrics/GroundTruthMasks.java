package org.supercuts.eval.metrics;

import java.util.Objects;

/**
 * Binarisation of graded ground-truth masks: a pixel is foreground when its 8-bit value is {@code >= 128}. Saliency
 * datasets store masks as 8-bit PNG, some with anti-aliased (graded) borders; every benchmark thresholds them at half range.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class GroundTruthMasks {
    /** The 8-bit level from which a ground-truth pixel is foreground. */
    public static final int FOREGROUND_LEVEL = 128;

    private GroundTruthMasks() {
    }

    /** 1 where {@code levels[i] >= 128}, for 8-bit values 0..255. */
    public static byte[] binarise(int[] levels) {
        Objects.requireNonNull(levels, "levels");
        byte[] out = new byte[levels.length];
        for (int i = 0; i < levels.length; i++) {
            out[i] = levels[i] >= FOREGROUND_LEVEL ? (byte) 1 : 0;
        }
        return out;
    }

    /**
     * 1 where the [0, 1] value, expressed as an 8-bit level {@code round(255 v)}, is {@code >= 128} (so an 8-bit mask read as
     * v = level/255 gives the same result as {@link #binarise(int[])}; 16-bit masks are compared at the same level).
     */
    public static byte[] binarise(float[] values) {
        Objects.requireNonNull(values, "values");
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.round(values[i] * 255f) >= FOREGROUND_LEVEL ? (byte) 1 : 0;
        }
        return out;
    }
}
