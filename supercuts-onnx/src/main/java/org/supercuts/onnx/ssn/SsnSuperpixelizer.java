package org.supercuts.onnx.ssn;

import java.util.Objects;

import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.runtime.FloatTensor;
import org.supercuts.onnx.runtime.IoSpec;
import org.supercuts.onnx.runtime.ModelOptions;
import org.supercuts.onnx.runtime.OnnxModel;
import org.supercuts.onnx.runtime.TensorSpec;
import org.supercuts.superpixel.Connectivity;
import org.supercuts.superpixel.Superpixelizer;

import java.nio.file.Path;

/**
 * Superpixel Sampling Networks (V. Jampani, D. Sun, M.-Y. Liu, M.-H. Yang, J. Kautz, "Superpixel Sampling Networks",
 * ECCV 2018): a CNN maps every pixel to a 20-dimensional feature (15 learned + the 5 scaled inputs), and differentiable
 * SLIC clusters these features into superpixels ({@link SsnSoftClustering}).
 *
 * <p>Steps: encode the image as {@code [0.26 * Lab, s * y, s * x]} ({@link SsnInputEncoder}), run the ONNX pixel-feature
 * network (input {@code "input" [N,5,H,W]}, output {@code "features" [N,20,H,W]}), cluster for {@code iterations} rounds,
 * take the hard labels, then enforce 4-connectivity with {@link Connectivity}, merging pieces smaller than
 * {@code minSizeFraction * H * W / K} pixels (0.06 as the reference inference) into a neighbour, after cutting pieces
 * into breadth-first chunks of at most {@code maxSizeFraction * H * W / K} pixels (3.0 as the reference). The number of
 * superpixels returned therefore differs from K (about 1.5 K on BSDS500 at K = 200).
 *
 * <p>Deviations from the paper: the network is the published BSDS500 model exported to ONNX (only inference, no task-specific
 * losses); small pieces are merged by {@link Connectivity}'s rule (into the
 * neighbour met first in raster order), which may differ in detail from scikit-image's; see {@link SsnSoftClustering}
 * for the clustering details.
 *
 * <p>Model ownership: {@link #open(SsnSpec)} loads the network and this object owns it ({@link #close()} frees it);
 * {@link #usingModel(OnnxModel, SsnSpec)} borrows a model loaded with {@link #loadModel} and shared between several
 * superpixelizers (e.g. with different K) — closing those does nothing, the caller closes the model.
 *
 * <p>Thread safety: immutable and safe to call concurrently from several threads (one shared ONNX session on the CPU, a
 * session pool on CUDA); there is no need for per-thread instances. Using it after the model is closed throws
 * {@link IllegalStateException}.
 */
public final class SsnSuperpixelizer implements Superpixelizer, AutoCloseable {
    /** Channels of the network's output features. */
    public static final int FEATURE_CHANNELS = 20;
    /** The graph signature this class requires. */
    public static final IoSpec IO_SPEC = IoSpec.of(
            TensorSpec.floats("input", TensorSpec.ANY, SsnInputEncoder.CHANNELS, TensorSpec.ANY, TensorSpec.ANY),
            TensorSpec.floats("features", TensorSpec.ANY, FEATURE_CHANNELS, TensorSpec.ANY, TensorSpec.ANY));

    private final SsnSpec spec;
    private final OnnxModel model;
    private final boolean ownsModel;

    private SsnSuperpixelizer(SsnSpec spec, OnnxModel model, boolean ownsModel) {
        this.spec = spec;
        this.model = model;
        this.ownsModel = ownsModel;
    }

    /**
     * Loads the network named by {@code spec.modelPath()} with {@code spec.modelOptions()}; the result owns it.
     *
     * @throws org.supercuts.onnx.runtime.ModelLoadException when the file is missing, not ONNX, or not an SSN feature graph
     */
    public static SsnSuperpixelizer open(SsnSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new SsnSuperpixelizer(spec, loadModel(spec.modelPath(), spec.modelOptions()), true);
    }

    /** Loads an SSN pixel-feature network for sharing between superpixelizers, checking its signature. */
    public static OnnxModel loadModel(Path modelPath, ModelOptions options) {
        return OnnxModel.load(modelPath, options, IO_SPEC);
    }

    /**
     * A superpixelizer borrowing {@code sharedModel} (loaded with {@link #loadModel}); {@code spec}'s model path and options
     * are not used. The caller keeps ownership of the model and must not close it while this is in use.
     */
    public static SsnSuperpixelizer usingModel(OnnxModel sharedModel, SsnSpec spec) {
        Objects.requireNonNull(sharedModel, "sharedModel");
        Objects.requireNonNull(spec, "spec");
        if (!sharedModel.inputNames().equals(java.util.List.of("input")) || !sharedModel.outputNames().contains("features")) {
            throw new IllegalArgumentException("sharedModel " + sharedModel.path() + " is not an SSN feature network: expected "
                    + IO_SPEC + ", got " + sharedModel.signature());
        }
        return new SsnSuperpixelizer(spec, sharedModel, false);
    }

    /** A superpixelizer with other clustering parameters over the same model, which it does not own. */
    public SsnSuperpixelizer withSpec(SsnSpec other) {
        return usingModel(model, other);
    }

    /** The clustering settings. */
    public SsnSpec spec() {
        return spec;
    }

    /** The device the network actually runs on ({@code "cpu"}, {@code "cuda:0"}), for provenance. */
    public String device() {
        return model.device().toString();
    }

    /** The network input for {@code image}: {@code [1, 5, H, W]}. */
    public FloatTensor encode(PlanarImage image) {
        return SsnInputEncoder.encode(image, spec.superpixels(), spec.colorScale(), spec.positionScale());
    }

    /** The network's pixel features for {@code image}: {@code [1, 20, H, W]}. */
    public FloatTensor features(PlanarImage image) {
        Objects.requireNonNull(image, "image");
        FloatTensor out = OnnxModel.output(model.run("input", encode(image)), "features");
        long[] shape = out.shape();
        if (shape.length != 4 || shape[1] != FEATURE_CHANNELS || shape[2] != image.height() || shape[3] != image.width()) {
            throw new IllegalStateException("SSN model " + model.path() + " returned features of shape "
                    + java.util.Arrays.toString(shape) + " for a " + image.width() + "x" + image.height() + " image; expected [1, "
                    + FEATURE_CHANNELS + ", " + image.height() + ", " + image.width() + "]");
        }
        return out;
    }

    @Override
    public LabelMap segment(PlanarImage image) {
        int w = image.width();
        int h = image.height();
        int n = w * h;
        float[] planar = features(image).toArray();
        float[] pixelMajor = new float[planar.length];
        for (int k = 0; k < FEATURE_CHANNELS; k++) {
            int off = k * n;
            for (int p = 0; p < n; p++) {
                pixelMajor[p * FEATURE_CHANNELS + k] = planar[off + p];
            }
        }
        int[] hard = SsnSoftClustering.cluster(pixelMajor, FEATURE_CHANNELS, w, h, spec.superpixels(), spec.iterations(),
                spec.parallel());
        double segmentSize = (double) n / spec.superpixels();
        int minSize = Math.max(1, (int) (spec.minSizeFraction() * segmentSize));
        double maxSize = spec.maxSizeFraction() * segmentSize;
        int maxPieces = maxSize >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, (int) maxSize);
        return Connectivity.enforce(hard, w, h, minSize, maxPieces);
    }

    @Override
    public String describe() {
        return "ssn(k=" + spec.superpixels() + ",iter=" + spec.iterations() + ",color=" + spec.colorScale() + ",pos="
                + spec.positionScale() + ",minSize=" + spec.minSizeFraction() + ",maxSize=" + spec.maxSizeFraction() + ",model=" + model.path().getFileName()
                + ",device=" + model.device() + ")";
    }

    /** Frees the network when this object owns it ({@link #open}); otherwise does nothing. Idempotent. */
    @Override
    public void close() {
        if (ownsModel) {
            model.close();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
