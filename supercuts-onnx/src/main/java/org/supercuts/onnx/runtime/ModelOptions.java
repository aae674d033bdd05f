package org.supercuts.onnx.runtime;

import java.util.Objects;

/**
 * How an {@link OnnxModel} is loaded: device, intra-op thread count and, for CUDA, the size of the session pool.
 *
 * <p>Immutable; build with {@link #builder()} or derive with the {@code with...} methods / {@link #toBuilder()}.
 * Defaults: {@link Device#cpu()}, {@code intraOpThreads = 0} (ONNX Runtime's choice, usually one per physical core),
 * {@code cudaSessionPoolSize = 2}.
 *
 * <p>Thread safety: immutable value, safe to share.
 */
public final class ModelOptions {
    private static final ModelOptions DEFAULTS = new Builder().build();

    private final Device device;
    private final int intraOpThreads;
    private final int cudaSessionPoolSize;

    private ModelOptions(Builder b) {
        this.device = Objects.requireNonNull(b.device, "device");
        if (b.intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0 (0 = ONNX Runtime default), got " + b.intraOpThreads);
        }
        if (b.cudaSessionPoolSize < 1) {
            throw new IllegalArgumentException("cudaSessionPoolSize must be >= 1, got " + b.cudaSessionPoolSize);
        }
        this.intraOpThreads = b.intraOpThreads;
        this.cudaSessionPoolSize = b.cudaSessionPoolSize;
    }

    /** CPU, default thread count. */
    public static ModelOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().device(device).intraOpThreads(intraOpThreads).cudaSessionPoolSize(cudaSessionPoolSize);
    }

    /** These options on another device. */
    public ModelOptions withDevice(Device device) {
        return toBuilder().device(device).build();
    }

    /** These options with another intra-op thread count (0 = ONNX Runtime's default). */
    public ModelOptions withIntraOpThreads(int intraOpThreads) {
        return toBuilder().intraOpThreads(intraOpThreads).build();
    }

    /** These options with another size of the CUDA session pool (>= 1). */
    public ModelOptions withCudaSessionPoolSize(int cudaSessionPoolSize) {
        return toBuilder().cudaSessionPoolSize(cudaSessionPoolSize).build();
    }

    /** The requested device (see {@link OnnxModel#device()} for the one actually used). */
    public Device device() {
        return device;
    }

    /** Threads ONNX Runtime uses inside one operator; 0 lets ONNX Runtime decide. */
    public int intraOpThreads() {
        return intraOpThreads;
    }

    /** Number of sessions kept for concurrent CUDA inference (ignored on the CPU, where one session serves all threads). */
    public int cudaSessionPoolSize() {
        return cudaSessionPoolSize;
    }

    @Override
    public String toString() {
        return "ModelOptions[device=" + device + ", intraOpThreads=" + intraOpThreads + ", cudaSessionPoolSize="
                + cudaSessionPoolSize + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelOptions m && m.device.equals(device) && m.intraOpThreads == intraOpThreads
                && m.cudaSessionPoolSize == cudaSessionPoolSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(device, intraOpThreads, cudaSessionPoolSize);
    }

    /**
     * Mutable builder; {@link #build()} validates.
     *
     * <p>Thread safety: not thread-safe; confine to one thread.
     */
    public static final class Builder {
        private Device device = Device.cpu();
        private int intraOpThreads = 0;
        private int cudaSessionPoolSize = 2;

        private Builder() {
        }

        /** The device. */
        public Builder device(Device device) {
            this.device = device;
            return this;
        }

        /** Intra-op threads (0 = ONNX Runtime's default). */
        public Builder intraOpThreads(int intraOpThreads) {
            this.intraOpThreads = intraOpThreads;
            return this;
        }

        /** Size of the CUDA session pool (>= 1). */
        public Builder cudaSessionPoolSize(int cudaSessionPoolSize) {
            this.cudaSessionPoolSize = cudaSessionPoolSize;
            return this;
        }

        /** @throws IllegalArgumentException when a value is out of range (the message names it) */
        public ModelOptions build() {
            return new ModelOptions(this);
        }
    }
}
