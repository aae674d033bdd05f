package org.supercuts.onnx.runtime;

/**
 * Where an ONNX model runs: the CPU, a CUDA device, or a CUDA device with a CPU fallback.
 *
 * <p>A requested device ({@link #cpu()}, {@link #cuda(int)}, {@link #cudaOrCpu(int)}) is resolved when a model is loaded;
 * {@link OnnxModel#device()} then reports the device actually used ({@code "cpu"} or {@code "cuda:N"}), which is what
 * results' provenance should record.
 *
 * <p>Thread safety: immutable value, safe to share.
 */
public final class Device {
    /** The kind of execution provider. */
    public enum Kind {
        /** ONNX Runtime's default CPU execution provider. */
        CPU,
        /** The CUDA execution provider (needs the {@code com.microsoft.onnxruntime:onnxruntime_gpu} artifact and a GPU). */
        CUDA
    }

    private static final Device CPU = new Device(Kind.CPU, -1, false);

    private final Kind kind;
    private final int deviceId;
    private final boolean cpuFallback;

    private Device(Kind kind, int deviceId, boolean cpuFallback) {
        this.kind = kind;
        this.deviceId = deviceId;
        this.cpuFallback = cpuFallback;
    }

    /** The CPU. */
    public static Device cpu() {
        return CPU;
    }

    /**
     * CUDA device {@code deviceId}; loading a model fails with {@link DeviceUnavailableException} when the CUDA provider
     * cannot be used.
     */
    public static Device cuda(int deviceId) {
        return new Device(Kind.CUDA, checkId(deviceId), false);
    }

    /**
     * CUDA device {@code deviceId} when available, otherwise the CPU (with one warning in the log at load time).
     */
    public static Device cudaOrCpu(int deviceId) {
        return new Device(Kind.CUDA, checkId(deviceId), true);
    }

    private static int checkId(int deviceId) {
        if (deviceId < 0) {
            throw new IllegalArgumentException("deviceId must be >= 0, got " + deviceId);
        }
        return deviceId;
    }

    /** Parses {@code "cpu"}, {@code "cuda"}, {@code "cuda:N"}, {@code "cuda-or-cpu"} or {@code "cuda-or-cpu:N"}. */
    public static Device parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("device must not be null; expected cpu, cuda[:N] or cuda-or-cpu[:N]");
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("cpu")) {
            return cpu();
        }
        boolean fallback = t.startsWith("cuda-or-cpu");
        String rest = fallback ? t.substring("cuda-or-cpu".length()) : t.startsWith("cuda") ? t.substring(4) : null;
        if (rest != null) {
            int id = 0;
            if (!rest.isEmpty()) {
                if (rest.charAt(0) != ':') {
                    rest = null;
                } else {
                    try {
                        id = Integer.parseInt(rest.substring(1));
                    } catch (NumberFormatException e) {
                        rest = null;
                    }
                }
            }
            if (rest != null && id >= 0) {
                return fallback ? cudaOrCpu(id) : cuda(id);
            }
        }
        throw new IllegalArgumentException("device '" + text + "' is not recognised; expected cpu, cuda[:N] or cuda-or-cpu[:N]");
    }

    /** CPU, CUDA, or CUDA with CPU fallback. */
    public Kind kind() {
        return kind;
    }

    /** The CUDA device ordinal, or -1 for the CPU. */
    public int deviceId() {
        return deviceId;
    }

    /** Whether a CUDA request may fall back to the CPU. */
    public boolean allowsCpuFallback() {
        return cpuFallback;
    }

    /** {@code "cpu"}, {@code "cuda:N"} or {@code "cuda-or-cpu:N"} (the latter only for an unresolved request). */
    @Override
    public String toString() {
        if (kind == Kind.CPU) {
            return "cpu";
        }
        return (cpuFallback ? "cuda-or-cpu:" : "cuda:") + deviceId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device d && d.kind == kind && d.deviceId == deviceId && d.cpuFallback == cpuFallback;
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + deviceId) * 2 + (cpuFallback ? 1 : 0);
    }
}
