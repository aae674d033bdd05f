package org.supercuts.onnx.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * One loaded ONNX graph, run through ONNX Runtime: owns its session(s) and session options and frees them on
 * {@link #close()}.
 *
 * <p>All models share the process-wide {@link OrtEnvironment} ({@link OrtEnvironment#getEnvironment()}), which this library
 * never closes. {@link #load(Path, ModelOptions, IoSpec)} resolves the device (see {@link Device}), checks the graph's
 * inputs and outputs against what the caller expects, and fails early with an exception naming the model path.
 *
 * <p>Inputs are {@link FloatTensor}s backed by direct native-order buffers (read by ONNX Runtime without a copy); every
 * native result is closed before {@link #run} returns, and outputs are copied to the caller.
 *
 * <p>Thread safety: safe for concurrent use. On the CPU one {@link OrtSession} serves all threads ({@code OrtSession.run} is
 * thread-safe; parallel calls share the intra-op thread setting each). On CUDA a pool of
 * {@link ModelOptions#cudaSessionPoolSize()} sessions is kept and each call borrows one, so at most that many inferences run
 * at once on the GPU and the others wait. {@link #close()} waits for running calls to finish; calls after it throw
 * {@link IllegalStateException}.
 */
public final class OnnxModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);
    private static final String GPU_ARTIFACT = "com.microsoft.onnxruntime:onnxruntime_gpu";

    /** Reads native results inside {@link #runWith}; the result is closed right after this returns. */
    @FunctionalInterface
    public interface ResultReader<T> {
        /** Reads what it needs from {@code result} (closed after this returns). */
        T read(OrtSession.Result result) throws OrtException;
    }

    private final Path path;
    private final ModelOptions options;
    private final Device device;
    private final OrtSession.SessionOptions sessionOptions;
    private final List<OrtSession> sessions;
    /** Idle sessions; on the CPU it holds the single session, which is never taken out. */
    private final BlockingQueue<OrtSession> idle;
    /** Whether calls borrow sessions from {@link #idle} (CUDA) or all share the single CPU session. */
    private final boolean pooled;
    private final List<String> inputNames;
    private final List<String> outputNames;
    private final String signature;
    private final Map<String, String> customMetadata;
    private final Map<String, long[]> declaredShapes;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxModel(Path path, ModelOptions options, Device device, OrtSession.SessionOptions sessionOptions,
            List<OrtSession> sessions) throws OrtException {
        this.path = path;
        this.options = options;
        this.device = device;
        this.sessionOptions = sessionOptions;
        this.sessions = List.copyOf(sessions);
        this.idle = new ArrayBlockingQueue<>(sessions.size());
        this.idle.addAll(sessions);
        this.pooled = device.kind() == Device.Kind.CUDA;
        OrtSession first = sessions.get(0);
        this.inputNames = List.copyOf(first.getInputInfo().keySet());
        this.outputNames = List.copyOf(first.getOutputInfo().keySet());
        this.signature = "inputs " + describe(first.getInputInfo()) + ", outputs " + describe(first.getOutputInfo());
        this.customMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(first.getMetadata().getCustomMetadata()));
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Map<String, NodeInfo> nodes : List.of(first.getInputInfo(), first.getOutputInfo())) {
            for (Map.Entry<String, NodeInfo> e : nodes.entrySet()) {
                if (e.getValue().getInfo() instanceof TensorInfo t) {
                    shapes.put(e.getKey(), t.getShape());
                }
            }
        }
        this.declaredShapes = Collections.unmodifiableMap(shapes);
    }

    /** The process-wide ONNX Runtime environment (created on first use, never closed by SuperCuts). */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /** Loads a model without checking its signature. */
    public static OnnxModel load(Path modelPath, ModelOptions options) {
        return load(modelPath, options, IoSpec.unchecked());
    }

    /**
     * Loads a model and checks its graph against {@code expected}.
     *
     * @throws IllegalArgumentException     when an argument is null
     * @throws ModelLoadException           when the file is missing, unreadable or not an ONNX graph (names the path)
     * @throws ModelSignatureException      when the graph's inputs/outputs differ from {@code expected} (lists both)
     * @throws DeviceUnavailableException   when {@link Device#cuda(int)} was requested and CUDA cannot be used
     */
    public static OnnxModel load(Path modelPath, ModelOptions options, IoSpec expected) {
        if (modelPath == null) {
            throw new IllegalArgumentException("modelPath must not be null");
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null (use ModelOptions.defaults())");
        }
        if (expected == null) {
            throw new IllegalArgumentException("expected must not be null (use IoSpec.unchecked() to skip the check)");
        }
        Path abs = modelPath.toAbsolutePath();
        if (!Files.exists(abs)) {
            throw new ModelLoadException(abs, "ONNX model file " + abs + " does not exist (modelPath=" + modelPath + ")", null);
        }
        if (!Files.isRegularFile(abs) || !Files.isReadable(abs)) {
            throw new ModelLoadException(abs, "ONNX model path " + abs + " is not a readable regular file", null);
        }
        OrtEnvironment env = environment();
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        List<OrtSession> sessions = new ArrayList<>();
        try {
            if (options.intraOpThreads() > 0) {
                so.setIntraOpNumThreads(options.intraOpThreads());
            }
            Device used = configureDevice(so, options.device(), abs);
            int count = used.kind() == Device.Kind.CUDA ? options.cudaSessionPoolSize() : 1;
            for (int i = 0; i < count; i++) {
                try {
                    sessions.add(env.createSession(abs.toString(), so));
                } catch (OrtException e) {
                    throw new ModelLoadException(abs, "could not load " + abs + " as an ONNX model on " + used + ": "
                            + e.getMessage(), e);
                }
            }
            checkSignature(abs, sessions.get(0), expected);
            OnnxModel model = new OnnxModel(abs, options, used, so, sessions);
            LOG.debug("loaded ONNX model {} on {} ({})", abs, used, model.signature);
            return model;
        } catch (OrtException e) {
            closeQuietly(sessions, so);
            throw new ModelLoadException(abs, "could not inspect ONNX model " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(sessions, so);
            throw e;
        }
    }

    private static Device configureDevice(OrtSession.SessionOptions so, Device requested, Path modelPath) {
        if (requested.kind() == Device.Kind.CPU) {
            return Device.cpu();
        }
        String problem;
        Throwable cause = null;
        EnumSet<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
        if (!providers.contains(OrtProvider.CUDA)) {
            problem = "the CUDA execution provider is not in this ONNX Runtime build (available: " + providers
                    + "); use the " + GPU_ARTIFACT + " artifact instead of com.microsoft.onnxruntime:onnxruntime "
                    + "(Maven profile -Pgpu of supercuts-onnx) and a machine with a CUDA GPU";
        } else {
            try {
                so.addCUDA(requested.deviceId());
                return Device.cuda(requested.deviceId());
            } catch (OrtException | RuntimeException e) {
                cause = e;
                problem = "the CUDA execution provider could not be initialised for device " + requested.deviceId() + " ("
                        + e.getMessage() + "); check the GPU, the CUDA/cuDNN libraries and the " + GPU_ARTIFACT
                        + " artifact version";
            }
        }
        if (requested.allowsCpuFallback()) {
            LOG.warn("ONNX model {}: {} requested but {}; falling back to cpu", modelPath, Device.cuda(requested.deviceId()), problem);
            return Device.cpu();
        }
        throw new DeviceUnavailableException("cannot run ONNX model " + modelPath + " on " + requested + ": " + problem
                + " (or request Device.cudaOrCpu(" + requested.deviceId() + ") to fall back to the CPU)", cause);
    }

    private static void checkSignature(Path modelPath, OrtSession session, IoSpec expected) throws OrtException {
        if (!expected.isChecked()) {
            return;
        }
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        List<String> problems = new ArrayList<>();
        for (TensorSpec spec : expected.inputs()) {
            checkTensor("input", spec, inputs.get(spec.name()), problems);
        }
        for (String name : inputs.keySet()) {
            if (expected.inputs().stream().noneMatch(s -> s.name().equals(name))) {
                problems.add("graph input '" + name + "' is not expected (it could not be fed)");
            }
        }
        for (TensorSpec spec : expected.outputs()) {
            checkTensor("output", spec, outputs.get(spec.name()), problems);
        }
        if (!problems.isEmpty()) {
            throw new ModelSignatureException(modelPath, "ONNX model " + modelPath + " does not have the expected signature: "
                    + String.join("; ", problems) + ". Expected " + expected + "; actual inputs " + describe(inputs)
                    + ", outputs " + describe(outputs));
        }
    }

    private static void checkTensor(String role, TensorSpec spec, NodeInfo actual, List<String> problems) {
        if (actual == null) {
            problems.add("missing " + role + " '" + spec.name() + "'");
        } else if (!(actual.getInfo() instanceof TensorInfo info)) {
            problems.add(role + " '" + spec.name() + "' is not a tensor (" + actual.getInfo() + ")");
        } else if (!spec.accepts(info.type, info.getShape())) {
            problems.add(role + " '" + spec.name() + "' is " + describe(info) + ", expected " + spec.elementType()
                    + TensorSpec.shapeText(spec.dims()));
        }
    }

    private static String describe(TensorInfo info) {
        return ElementType.describe(info.type) + TensorSpec.shapeText(info.getShape());
    }

    private static String describe(Map<String, NodeInfo> nodes) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, NodeInfo> e : nodes.entrySet()) {
            parts.add(e.getKey() + " " + (e.getValue().getInfo() instanceof TensorInfo t ? describe(t) : e.getValue().getInfo()));
        }
        return parts.toString();
    }

    private static void closeQuietly(List<OrtSession> sessions, OrtSession.SessionOptions so) {
        for (OrtSession s : sessions) {
            try {
                s.close();
            } catch (OrtException | RuntimeException e) {
                LOG.debug("closing a session failed", e);
            }
        }
        so.close();
    }

    /** Absolute path of the model file. */
    public Path path() {
        return path;
    }

    /** The options the model was loaded with (the requested device is {@code options().device()}). */
    public ModelOptions options() {
        return options;
    }

    /** The device actually used: {@link Device#cpu()} or {@link Device#cuda(int)}, never a fallback request. */
    public Device device() {
        return device;
    }

    /** The graph's input names, in graph order. */
    public List<String> inputNames() {
        return inputNames;
    }

    /** The graph's output names, in graph order. */
    public List<String> outputNames() {
        return outputNames;
    }

    /** The graph's custom metadata ({@code metadata_props} of the ONNX file), unmodifiable; empty when it has none. */
    public Map<String, String> customMetadata() {
        return customMetadata;
    }

    /**
     * The shape the graph declares for an input or output tensor ({@code -1} for a dynamic dimension), or empty when the
     * graph has no tensor of that name.
     */
    public Optional<long[]> declaredShape(String tensorName) {
        long[] s = declaredShapes.get(tensorName);
        return s == null ? Optional.empty() : Optional.of(s.clone());
    }

    /** The graph's inputs and outputs with types and shapes ({@code ?} = dynamic), for logs and messages. */
    public String signature() {
        return signature;
    }

    /** Runs the graph with one input; see {@link #run(Map)}. */
    public Map<String, FloatTensor> run(String inputName, FloatTensor input) {
        return run(Map.of(inputName, input));
    }

    /**
     * Runs the graph and returns every output as a caller-owned {@link FloatTensor} (graph output order).
     *
     * @throws IllegalArgumentException when the input names differ from the graph's
     * @throws InferenceException       when ONNX Runtime fails, or an output is not a float tensor (use {@link #runWith})
     * @throws IllegalStateException    after {@link #close()}
     */
    public Map<String, FloatTensor> run(Map<String, FloatTensor> inputs) {
        return runWith(inputs, result -> {
            Map<String, FloatTensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, OnnxValue> e : result) {
                if (!(e.getValue() instanceof OnnxTensor t) || t.getInfo().type != OnnxJavaType.FLOAT) {
                    throw new InferenceException("output '" + e.getKey() + "' of " + path + " is " + e.getValue().getInfo()
                            + ", not a float tensor; read it with runWith", null);
                }
                out.put(e.getKey(), FloatTensor.wrap(t.getFloatBuffer(), t.getInfo().getShape()));
            }
            return Collections.unmodifiableMap(out);
        });
    }

    /**
     * Runs the graph and hands the native result to {@code reader}; the result and the input tensors are closed when it
     * returns, so the reader must copy what it keeps.
     */
    public <T> T runWith(Map<String, FloatTensor> inputs, ResultReader<T> reader) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(reader, "reader");
        if (!inputs.keySet().equals(new HashSet<>(inputNames))) {
            throw new IllegalArgumentException("inputs must be exactly the graph inputs " + inputNames + " of " + path + ", got "
                    + inputs.keySet());
        }
        ReentrantReadWriteLock.ReadLock lock = lifecycle.readLock();
        lock.lock();
        try {
            ensureOpen();
            OrtSession session = borrow();
            Map<String, OnnxTensorLike> nativeInputs = new LinkedHashMap<>();
            try {
                OrtEnvironment env = environment();
                for (Map.Entry<String, FloatTensor> e : inputs.entrySet()) {
                    FloatTensor t = Objects.requireNonNull(e.getValue(), "input " + e.getKey());
                    nativeInputs.put(e.getKey(), OnnxTensor.createTensor(env, t.rawBuffer().duplicate().clear(), t.shape()));
                }
                try (OrtSession.Result result = session.run(nativeInputs)) {
                    return reader.read(result);
                }
            } catch (OrtException e) {
                throw new InferenceException("running ONNX model " + path + " on " + device + " failed: " + e.getMessage(), e);
            } finally {
                for (OnnxTensorLike t : nativeInputs.values()) {
                    t.close();
                }
                giveBack(session);
            }
        } finally {
            lock.unlock();
        }
    }

    private OrtSession borrow() {
        if (!pooled) {
            return sessions.get(0);
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException("interrupted while waiting for a free session of " + path, e);
        }
    }

    private void giveBack(OrtSession session) {
        if (pooled) {
            idle.add(session);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("ONNX model " + path + " has been closed");
        }
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        ReentrantReadWriteLock.ReadLock lock = lifecycle.readLock();
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Frees the native sessions and options; waits for running calls; calling it again does nothing. */
    @Override
    public void close() {
        ReentrantReadWriteLock.WriteLock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(sessions, sessionOptions);
        } finally {
            lock.unlock();
        }
    }

    /** Finds an output of a run by name. */
    public static FloatTensor output(Map<String, FloatTensor> outputs, String name) {
        return Optional.ofNullable(outputs.get(name)).orElseThrow(() -> new IllegalArgumentException(
                "no output named '" + name + "'; outputs are " + outputs.keySet()));
    }

    @Override
    public String toString() {
        return "OnnxModel[" + path + " on " + device + "]";
    }
}
