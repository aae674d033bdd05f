package org.supercuts.onnx.dino;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.runtime.FloatTensor;
import org.supercuts.onnx.runtime.IoSpec;
import org.supercuts.onnx.runtime.ModelLoadException;
import org.supercuts.onnx.runtime.ModelSignatureException;
import org.supercuts.onnx.runtime.OnnxModel;
import org.supercuts.onnx.runtime.TensorSpec;

/**
 * The ViT feature stage: runs a self-supervised Vision Transformer exported to ONNX (DINO, Caron et al., ICCV 2021;
 * DINOv2, Oquab et al., 2024) on an image and returns its {@link PatchFeatures}.
 *
 * <p>The graph contract (what {@code supercuts-onnx/tools/export_dino_onnx.py} writes; see docs/dino.md): input
 * {@code image} float {@code [B, 3, H, W]}; outputs {@code keys} and {@code tokens} float {@code [B, N, C]} and
 * {@code cls_attention} float {@code [B, heads, N]}, N = (H / p)(W / p) patches in row-major order; metadata
 * {@code patch_size} (and {@code grid_h}, {@code grid_w} for fixed-size graphs). Only the outputs the options ask for
 * must exist. {@link #load} checks all of this and fails with a {@link ModelLoadException} naming the model path.
 *
 * <p>Each call resizes or crops the image per {@link ResizePolicy} so that both sides are multiples of the patch size,
 * normalises it (ImageNet mean/std by default), runs the graph and checks that the number of patches returned matches the
 * grid.
 *
 * <p>Deviations from the papers' pipelines: images are resampled with a tent kernel (bilinear when enlarging,
 * anti-aliased when shrinking, see {@link ImageTensors}) rather than PIL's bicubic; the positional embedding is
 * interpolated at export time, not per image, for fixed-size graphs.
 *
 * <p>Thread safety: safe for concurrent use; the model is shared and every call allocates its own buffers.
 * {@link #close()} frees the model.
 */
public final class DinoFeatures implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DinoFeatures.class);
    static final String INPUT = "image";
    static final String CLS_ATTENTION = "cls_attention";

    private final OnnxModel model;
    private final DinoOptions options;
    private final int patchSize;
    /** Fixed input size of the graph, or 0 when H and W are dynamic. */
    private final int graphWidth;
    private final int graphHeight;
    private final int dimension;

    private DinoFeatures(OnnxModel model, DinoOptions options, int patchSize, int graphWidth, int graphHeight, int dimension) {
        this.model = model;
        this.options = options;
        this.patchSize = patchSize;
        this.graphWidth = graphWidth;
        this.graphHeight = graphHeight;
        this.dimension = dimension;
    }

    /**
     * Loads and validates a ViT graph.
     *
     * @throws ModelLoadException       (an {@link IllegalArgumentException}) when the file is missing or not ONNX, when an
     *                                  output the options need is missing or has the wrong rank, when the patch size is
     *                                  unknown or disagrees with {@link DinoOptions#patchSize()}, or when the graph's
     *                                  fixed size or the target size is not a multiple of the patch size; the message
     *                                  names the model path and expected versus actual
     */
    public static DinoFeatures load(Path modelPath, DinoOptions options) {
        Objects.requireNonNull(options, "options");
        List<TensorSpec> outputs = new ArrayList<>();
        outputs.add(TensorSpec.floats(options.feature().outputName(), TensorSpec.ANY, TensorSpec.ANY, TensorSpec.ANY));
        if (options.clsAttention()) {
            outputs.add(TensorSpec.floats(CLS_ATTENTION, TensorSpec.ANY, TensorSpec.ANY, TensorSpec.ANY));
        }
        IoSpec spec = IoSpec.of(List.of(TensorSpec.floats(INPUT, TensorSpec.ANY, 3, TensorSpec.ANY, TensorSpec.ANY)), outputs);
        OnnxModel model = OnnxModel.load(modelPath, options.modelOptions(), spec);
        try {
            return validate(model, options);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static DinoFeatures validate(OnnxModel model, DinoOptions options) {
        Path path = model.path();
        Map<String, String> meta = model.customMetadata();
        int metaPatch = intMeta(meta, "patch_size", path);
        int patch;
        if (metaPatch > 0 && options.patchSize() > 0 && metaPatch != options.patchSize()) {
            throw new ModelSignatureException(path, "ONNX model " + path + " has patch size " + metaPatch
                    + " (metadata patch_size) but patch size " + options.patchSize() + " was expected");
        } else if (metaPatch > 0) {
            patch = metaPatch;
        } else if (options.patchSize() > 0) {
            patch = options.patchSize();
        } else {
            throw new ModelSignatureException(path, "ONNX model " + path + " has no 'patch_size' metadata; export it with "
                    + "tools/export_dino_onnx.py or give the patch size with DinoOptions.withPatchSize");
        }
        long[] in = model.declaredShape(INPUT).orElseThrow();
        int gh = in[2] > 0 ? (int) in[2] : 0;
        int gw = in[3] > 0 ? (int) in[3] : 0;
        if ((gh > 0) != (gw > 0)) {
            throw new ModelSignatureException(path, "ONNX model " + path + " input 'image' has one fixed and one dynamic spatial "
                    + "axis " + java.util.Arrays.toString(in) + "; both must be fixed or both dynamic");
        }
        if (gh > 0) {
            if (gh % patch != 0 || gw % patch != 0) {
                throw new ModelSignatureException(path, "ONNX model " + path + " has a fixed input of " + gw + "x" + gh
                        + " (WxH), which is not a multiple of its patch size " + patch);
            }
            int metaGh = intMeta(meta, "grid_h", path);
            int metaGw = intMeta(meta, "grid_w", path);
            if ((metaGh > 0 && metaGh != gh / patch) || (metaGw > 0 && metaGw != gw / patch)) {
                throw new ModelSignatureException(path, "ONNX model " + path + " metadata says grid " + metaGw + "x" + metaGh
                        + " (WxH) but its input " + gw + "x" + gh + " with patch " + patch + " gives " + gw / patch + "x"
                        + gh / patch);
            }
            if (options.targetWidth() > 0 && (options.targetWidth() != gw || options.targetHeight() != gh)) {
                throw new ModelSignatureException(path, "target size " + options.targetWidth() + "x" + options.targetHeight()
                        + " differs from the fixed input size " + gw + "x" + gh + " of ONNX model " + path
                        + "; remove the target or export a dynamic-size graph");
            }
        } else if (options.targetWidth() > 0
                && (options.targetWidth() % patch != 0 || options.targetHeight() % patch != 0)) {
            throw new ModelSignatureException(path, "target size " + options.targetWidth() + "x" + options.targetHeight()
                    + " is not a multiple of the patch size " + patch + " of ONNX model " + path + "; use e.g. "
                    + roundTo(options.targetWidth(), patch) + "x" + roundTo(options.targetHeight(), patch));
        }
        long[] out = model.declaredShape(options.feature().outputName()).orElseThrow();
        int dim = out[2] > 0 ? (int) out[2] : 0;
        DinoFeatures f = new DinoFeatures(model, options, patch, gw, gh, dim);
        LOG.debug("loaded ViT {}: patch {}, input {}, feature {}", path, patch, gh > 0 ? gw + "x" + gh : "dynamic",
                options.feature());
        return f;
    }

    private static int intMeta(Map<String, String> meta, String key, Path path) {
        String v = meta.get(key);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ModelLoadException(path, "ONNX model " + path + " metadata '" + key + "' is '" + v
                    + "', not an integer", e);
        }
    }

    private static int roundTo(int v, int p) {
        return Math.max(p, Math.round(v / (float) p) * p);
    }

    /** Patch size p of the graph. */
    public int patchSize() {
        return patchSize;
    }

    /** Whether the graph's input height and width are dynamic. */
    public boolean isDynamicSize() {
        return graphWidth == 0;
    }

    /** The graph's fixed input width, or 0 for a dynamic-size graph. */
    public int graphWidth() {
        return graphWidth;
    }

    /** The graph's fixed input height, or 0 for a dynamic-size graph. */
    public int graphHeight() {
        return graphHeight;
    }

    /** The feature dimension the graph declares, or 0 when it is dynamic (known after a run). */
    public int declaredDimension() {
        return dimension;
    }

    /** The options it was loaded with. */
    public DinoOptions options() {
        return options;
    }

    /** The ONNX file. */
    public Path modelPath() {
        return model.path();
    }

    /** The underlying model (device, signature). */
    public OnnxModel model() {
        return model;
    }

    /**
     * Where the patch grid lies for an image of this size under the options' resize policy (a pure function of the size).
     *
     * @throws IllegalArgumentException when the policy cannot fit the image (a {@link ResizePolicy#CROP} of an image smaller
     *                                  than the input or than one patch), naming the model and both sizes
     */
    public PatchGeometry geometry(int imageWidth, int imageHeight) {
        if (imageWidth < 1 || imageHeight < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + imageWidth + "x" + imageHeight);
        }
        int p = patchSize;
        boolean fixed = graphWidth > 0;
        int tw = fixed ? graphWidth : options.targetWidth();
        int th = fixed ? graphHeight : options.targetHeight();
        switch (options.resizePolicy()) {
            case RESIZE_EXACT -> {
                if (tw == 0) {
                    tw = roundTo(imageWidth, p);
                    th = roundTo(imageHeight, p);
                }
                return new PatchGeometry(imageWidth, imageHeight, tw, th, p, tw / (double) imageWidth,
                        th / (double) imageHeight, 0, 0);
            }
            case RESIZE_KEEP_ASPECT -> {
                if (fixed) {
                    double s = Math.max(tw / (double) imageWidth, th / (double) imageHeight);
                    return new PatchGeometry(imageWidth, imageHeight, tw, th, p, s, s, (imageWidth * s - tw) / 2,
                            (imageHeight * s - th) / 2);
                }
                double s = tw == 0 ? 1 : Math.min(tw / (double) imageWidth, th / (double) imageHeight);
                int w = roundTo((int) Math.round(imageWidth * s), p);
                int h = roundTo((int) Math.round(imageHeight * s), p);
                return new PatchGeometry(imageWidth, imageHeight, w, h, p, w / (double) imageWidth, h / (double) imageHeight,
                        0, 0);
            }
            case CROP -> {
                int w = fixed ? tw : (Math.min(imageWidth, tw == 0 ? imageWidth : tw) / p) * p;
                int h = fixed ? th : (Math.min(imageHeight, th == 0 ? imageHeight : th) / p) * p;
                if (w < p || h < p || w > imageWidth || h > imageHeight) {
                    throw new IllegalArgumentException("image " + imageWidth + "x" + imageHeight + " cannot be cropped to "
                            + (fixed ? "the fixed input " + tw + "x" + th : "a multiple of the patch size " + p)
                            + " of ONNX model " + model.path() + "; under ResizePolicy.CROP the image must be at least "
                            + (fixed ? tw + "x" + th : p + "x" + p) + " (use RESIZE_KEEP_ASPECT or RESIZE_EXACT)");
                }
                return new PatchGeometry(imageWidth, imageHeight, w, h, p, 1, 1, (imageWidth - w) / 2,
                        (imageHeight - h) / 2);
            }
            default -> throw new IllegalStateException("unknown policy " + options.resizePolicy());
        }
    }

    /**
     * Runs the ViT on {@code image} (grey images are replicated to RGB).
     *
     * @throws IllegalArgumentException when the image cannot be fitted (see {@link #geometry}) or the graph returns a number
     *                                  of patches other than the grid's, naming the model path and expected versus actual
     */
    public PatchFeatures extract(PlanarImage image) {
        Objects.requireNonNull(image, "image");
        PatchGeometry g = geometry(image.width(), image.height());
        FloatTensor input = ImageTensors.normalizedTensor(image, g.inputWidth(), g.inputHeight(), g.scaleX(), g.scaleY(),
                g.cropX(), g.cropY(), options.mean(), options.std(), 1f);
        Map<String, FloatTensor> out = model.run(INPUT, input);
        FloatTensor feat = OnnxModel.output(out, options.feature().outputName());
        int n = g.patchCount();
        if (feat.rank() != 3 || feat.dim(0) != 1 || feat.dim(1) != n) {
            throw new IllegalArgumentException("ONNX model " + model.path() + " returned '" + feat + "' for a "
                    + g.inputWidth() + "x" + g.inputHeight() + " input; expected [1," + n + ",C]: a " + g.gridWidth() + "x"
                    + g.gridHeight() + " grid of patch size " + patchSize + " (is the patch_size metadata right?)");
        }
        int heads = 0;
        float[] attention = null;
        if (options.clsAttention()) {
            FloatTensor a = OnnxModel.output(out, CLS_ATTENTION);
            if (a.rank() != 3 || a.dim(0) != 1 || a.dim(2) != n) {
                throw new IllegalArgumentException("ONNX model " + model.path() + " returned cls_attention '" + a
                        + "'; expected [1,heads," + n + "]");
            }
            heads = a.dim(1);
            attention = a.toArray();
        }
        return new PatchFeatures(g, options.feature(), feat.dim(2), feat.toArray(), heads, attention);
    }

    /** A short description for provenance. */
    public String describe() {
        return "vit(" + model.path().getFileName() + ",p=" + patchSize + "," + options.feature().outputName().toLowerCase()
                + "," + options.resizePolicy().name().toLowerCase()
                + (graphWidth > 0 ? "," + graphWidth + "x" + graphHeight
                        : options.targetWidth() > 0 ? "," + options.targetWidth() + "x" + options.targetHeight() : "") + ")";
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "DinoFeatures[" + describe() + " on " + model.device() + "]";
    }
}
