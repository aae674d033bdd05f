package org.supercuts.onnx.semantic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.dino.ImageTensors;
import org.supercuts.onnx.runtime.FloatTensor;
import org.supercuts.onnx.runtime.ModelSignatureException;
import org.supercuts.onnx.runtime.OnnxModel;

/**
 * Runs a supervised semantic-segmentation network exported to ONNX (SegNet, PSPNet, U-Net, FCN, ...) whose graph maps
 * one image {@code [B, 3, H, W]} to per-class logits {@code [B, C, h, w]}, and returns the class map and per-class
 * probabilities at the image's size.
 *
 * <p>Each call resizes the image to the network input (each axis independently, tent-kernel resampling, see
 * {@link ImageTensors}), normalises it ({@code (v * inputScale - mean) / std}), runs the graph, resizes the logits back
 * to the image size bilinearly (half-pixel centres, as torch's {@code align_corners=False}), then applies a softmax over
 * the classes and takes the arg-max. Logits are resized before the softmax, as the networks' own training code does.
 *
 * <p>Thread safety: safe for concurrent use; the model is shared and each call allocates its own buffers.
 */
public final class OnnxSemanticSegmenter implements AutoCloseable {
    private final OnnxModel model;
    private final SemanticOptions options;
    private final String inputName;
    private final String outputName;
    private final int graphWidth;
    private final int graphHeight;
    private final int classes;

    private OnnxSemanticSegmenter(OnnxModel model, SemanticOptions options, String inputName, String outputName,
            int graphWidth, int graphHeight, int classes) {
        this.model = model;
        this.options = options;
        this.inputName = inputName;
        this.outputName = outputName;
        this.graphWidth = graphWidth;
        this.graphHeight = graphHeight;
        this.classes = classes;
    }

    /**
     * Loads and validates a segmentation graph: exactly one input of rank 4 with 3 channels, a rank-4 float logits output.
     *
     * @throws org.supercuts.onnx.runtime.ModelLoadException (an {@link IllegalArgumentException}) naming the model path
     *                                                       when the file is missing, not ONNX, or the graph does not fit
     */
    public static OnnxSemanticSegmenter load(Path modelPath, SemanticOptions options) {
        Objects.requireNonNull(options, "options");
        OnnxModel model = OnnxModel.load(modelPath, options.modelOptions());
        try {
            Path path = model.path();
            if (model.inputNames().size() != 1) {
                throw new ModelSignatureException(path, "ONNX model " + path + " has inputs " + model.inputNames()
                        + "; a segmentation network must have exactly one image input (" + model.signature() + ")");
            }
            String in = model.inputNames().get(0);
            String out = options.outputName();
            if (out == null) {
                List<String> outs = model.outputNames();
                out = outs.size() == 1 ? outs.get(0) : outs.contains("logits") ? "logits" : null;
                if (out == null) {
                    throw new ModelSignatureException(path, "ONNX model " + path + " has outputs " + outs
                            + " and none is named 'logits'; choose one with SemanticOptions.withOutputName");
                }
            }
            // The names are only known once the graph is open, so the signature is checked here rather than by an IoSpec.
            long[] inShape = model.declaredShape(in).orElseThrow();
            long[] outShape = model.declaredShape(out).orElseThrow(() -> new ModelSignatureException(path, "ONNX model "
                    + path + " has no output named '" + options.outputName() + "'; outputs are " + model.outputNames()));
            if (inShape.length != 4 || (inShape[1] > 0 && inShape[1] != 3)) {
                throw new ModelSignatureException(path, "ONNX model " + path + " input '" + in + "' has shape "
                        + java.util.Arrays.toString(inShape) + "; expected [B,3,H,W] (" + model.signature() + ")");
            }
            if (outShape.length != 4) {
                throw new ModelSignatureException(path, "ONNX model " + path + " output '" + out + "' has rank "
                        + outShape.length + " " + java.util.Arrays.toString(outShape) + "; expected logits [B,C,h,w] ("
                        + model.signature() + ")");
            }
            int gh = inShape[2] > 0 ? (int) inShape[2] : 0;
            int gw = inShape[3] > 0 ? (int) inShape[3] : 0;
            if ((gh > 0) != (gw > 0)) {
                throw new ModelSignatureException(path, "ONNX model " + path + " input '" + in + "' has one fixed and one "
                        + "dynamic spatial axis; both must be fixed or both dynamic");
            }
            if (gw > 0 && options.inputWidth() > 0 && (gw != options.inputWidth() || gh != options.inputHeight())) {
                throw new ModelSignatureException(path, "input size " + options.inputWidth() + "x" + options.inputHeight()
                        + " differs from the fixed input " + gw + "x" + gh + " of ONNX model " + path);
            }
            return new OnnxSemanticSegmenter(model, options, in, out, gw, gh, outShape[1] > 0 ? (int) outShape[1] : 0);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Number of classes the graph declares, or 0 when its class axis is dynamic. */
    public int declaredClassCount() {
        return classes;
    }

    /** The ONNX file. */
    public Path modelPath() {
        return model.path();
    }

    /** The options it was loaded with. */
    public SemanticOptions options() {
        return options;
    }

    /** Segments one image (grey images are replicated to RGB). */
    public SemanticSegmentation segment(PlanarImage image) {
        Objects.requireNonNull(image, "image");
        int w = image.width();
        int h = image.height();
        int tw = graphWidth > 0 ? graphWidth : options.inputWidth() > 0 ? options.inputWidth() : w;
        int th = graphHeight > 0 ? graphHeight : options.inputHeight() > 0 ? options.inputHeight() : h;
        FloatTensor input = ImageTensors.normalizedTensor(image, tw, th, tw / (double) w, th / (double) h, 0, 0,
                options.mean(), options.std(), options.inputScale());
        Map<String, FloatTensor> out = model.run(inputName, input);
        FloatTensor logits = OnnxModel.output(out, outputName);
        if (logits.rank() != 4 || logits.dim(0) != 1 || logits.dim(1) < 1) {
            throw new IllegalArgumentException("ONNX model " + model.path() + " returned " + logits + " for output '"
                    + outputName + "'; expected [1,C,h,w]");
        }
        int c = logits.dim(1);
        int lh = logits.dim(2);
        int lw = logits.dim(3);
        float[] l = logits.toArray();
        float[][] prob = new float[c][w * h];
        int[] cls = new int[w * h];
        // Bilinear taps from image pixels to logit pixels (half-pixel centres, edge clamped).
        int[] x0 = new int[w];
        int[] x1 = new int[w];
        float[] fx = new float[w];
        taps(w, lw, x0, x1, fx);
        int[] y0 = new int[h];
        int[] y1 = new int[h];
        float[] fy = new float[h];
        taps(h, lh, y0, y1, fy);
        int plane = lw * lh;
        float[] v = new float[c];
        for (int y = 0; y < h; y++) {
            int r0 = y0[y] * lw;
            int r1 = y1[y] * lw;
            float wy = fy[y];
            for (int x = 0; x < w; x++) {
                float wx = fx[x];
                float max = Float.NEGATIVE_INFINITY;
                int best = 0;
                for (int k = 0; k < c; k++) {
                    int b = k * plane;
                    float top = l[b + r0 + x0[x]] * (1 - wx) + l[b + r0 + x1[x]] * wx;
                    float bottom = l[b + r1 + x0[x]] * (1 - wx) + l[b + r1 + x1[x]] * wx;
                    v[k] = top * (1 - wy) + bottom * wy;
                    if (v[k] > max) {
                        max = v[k];
                        best = k;
                    }
                }
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    sum += Math.exp(v[k] - max);
                }
                int i = y * w + x;
                for (int k = 0; k < c; k++) {
                    prob[k][i] = (float) (Math.exp(v[k] - max) / sum);
                }
                cls[i] = best;
            }
        }
        return new SemanticSegmentation(w, h, cls, prob);
    }

    private static void taps(int n, int m, int[] lo, int[] hi, float[] frac) {
        double s = m / (double) n;
        for (int i = 0; i < n; i++) {
            double t = (i + 0.5) * s - 0.5;
            if (t <= 0) {
                lo[i] = 0;
                hi[i] = 0;
                frac[i] = 0;
            } else if (t >= m - 1) {
                lo[i] = m - 1;
                hi[i] = m - 1;
                frac[i] = 0;
            } else {
                lo[i] = (int) Math.floor(t);
                hi[i] = lo[i] + 1;
                frac[i] = (float) (t - lo[i]);
            }
        }
    }

    /** A short description for provenance. */
    public String describe() {
        return "onnx-semantic(" + model.path().getFileName() + "," + (graphWidth > 0 ? graphWidth + "x" + graphHeight
                : options.inputWidth() > 0 ? options.inputWidth() + "x" + options.inputHeight() : "native") + ")";
    }

    @Override
    public void close() {
        model.close();
    }
}
