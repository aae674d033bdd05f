package org.supercuts.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supercuts.Pipeline;
import org.supercuts.Presets;
import org.supercuts.SuperCuts;
import org.supercuts.affinity.CosineAffinity;
import org.supercuts.onnx.dino.DinoFeatures;
import org.supercuts.onnx.dino.DinoOptions;
import org.supercuts.onnx.dino.DinoRegionFeatures;
import org.supercuts.onnx.dino.PatchGridSuperpixelizer;
import org.supercuts.onnx.dino.SsnDino;
import org.supercuts.onnx.runtime.Device;
import org.supercuts.onnx.runtime.ModelOptions;
import org.supercuts.onnx.ssn.SsnSpec;
import org.supercuts.onnx.ssn.SsnSuperpixelizer;
import org.supercuts.refine.GuidedFilter;
import org.supercuts.selection.BoundaryConnectivity;
import org.supercuts.selection.ObjectSelector;
import org.supercuts.selection.ObjectSelectors;
import org.supercuts.superpixel.Slic;
import org.supercuts.superpixel.Superpixelizer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Pipeline options shared by {@code segment}, {@code evaluate} and {@code pseudolabels}; {@link #build} turns them into a
 * {@link Pipeline} starting from the library defaults ({@link SuperCuts#pipeline()}), together with the native models it
 * opened, which the caller closes.
 *
 * <p>Thread safety: filled by picocli on one thread, then read-only.
 */
public final class PipelineOptions {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineOptions.class);
    /** The SSN model's file name, looked for beside the installation ({@link #defaultSsnModelCandidates}). */
    static final String SSN_FILE = "ssn_bsds_pixel_features.onnx";

    /** The object-selection rules the CLI offers. */
    public enum Selection { SALIENCY, BORDER, TOKENCUT, DEEPSPECTRAL, RBD }

    /** The superpixel methods the CLI offers. */
    public enum Method { SLIC, SSN, SSN_DINO, PATCHES }

    @Option(names = "--superpixels", paramLabel = "K", description = "Number of superpixels requested (default: ${DEFAULT-VALUE}).")
    int superpixels = SuperCuts.DEFAULT_SUPERPIXELS;

    @Option(names = "--superpixels-method", paramLabel = "METHOD",
            description = "Superpixels: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; ssn needs --ssn-model, patches needs --model,"
                    + " ssn_dino both: SSN clustering in the joint space of SSN and DINO features).")
    Method method = Method.SLIC;

    @Option(names = "--compactness", paramLabel = "M", description = "SLIC compactness (default: ${DEFAULT-VALUE}).")
    double compactness = Presets.COMPACTNESS;

    @Option(names = "--ssn-model", paramLabel = "PATH",
            description = "SSN pixel-feature network (ONNX) for --superpixels-method ssn (default: INSTALL/models/ssn/" + SSN_FILE
                    + ", or, in a source checkout, ../shared/models/ssn/" + SSN_FILE + " beside the repository; INSTALL is the"
                    + " folder of supercuts.jar, never the current folder; docs/onnx.md says how to get or export it).")
    Path ssnModel;

    @Option(names = "--model", paramLabel = "PATH",
            description = "A DINO ViT exported to ONNX (supercuts-onnx/tools/export_dino_onnx.py): region features become pooled ViT"
                    + " features with a clipped-cosine affinity, as in Deep Spectral Methods.")
    Path dinoModel;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "Where ONNX models run: cpu, cuda[:N] or cuda-or-cpu[:N] (default: ${DEFAULT-VALUE}).")
    String device = "cpu";

    @Option(names = "--levels", paramLabel = "N", description = "Hierarchy levels to report, coarse to fine (default: ${DEFAULT-VALUE}).")
    int levels = 4;

    @Option(names = "--selection", paramLabel = "RULE",
            description = "Object-selection rule: ${COMPLETION-CANDIDATES} (default: SALIENCY = calibrated manifold ranking; with"
                    + " --model: BORDER = the side of the root normalized cut touching the image border less).")
    Selection selection;

    @Option(names = "--refine", description = "Refine the soft map with a guided filter (radius 9, eps 1e-3) before thresholding.")
    boolean refine;

    @Option(names = "--multi-scale", description = "Fuse two extra SLIC scales (200 and 600) with the main one: slightly better,"
            + " about 3 times slower (Presets.saliencyMultiScale).")
    boolean multiScale;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    /**
     * Every option of this mixin that can change results, by its longest name, with its value (paths absolute): the
     * settings part of an evaluation's fingerprint. Read from the annotations, so an option added later is included
     * without editing this method; {@code --threads} is left out because results do not depend on it.
     */
    Map<String, Object> describe() {
        Map<String, Object> d = new TreeMap<>();
        for (OptionSpec o : CommandSpec.forAnnotatedObject(this).options()) {
            if (o.longestName().equals("--threads")) {
                continue;
            }
            Object v = o.getValue();
            d.put(o.longestName(), v == null ? null : v instanceof Path p ? p.toAbsolutePath().normalize().toString()
                    : v instanceof Number || v instanceof Boolean ? v : v.toString());
        }
        return d;
    }

    /** Whether the superpixels come from the SSN network (which needs much more memory per pixel). */
    boolean usesSsn() {
        return method == Method.SSN || method == Method.SSN_DINO;
    }

    /**
     * Where the default SSN model is looked for, in order: {@code models/ssn/FILE} beside the jar (or classes folder) this
     * program runs from, then, when that is {@code examples/target} of a source checkout, {@code ../shared/models/ssn/FILE}
     * next to the repository. Never relative to the current folder.
     */
    static List<Path> defaultSsnModelCandidates() {
        List<Path> candidates = new ArrayList<>();
        try {
            Path code = Path.of(PipelineOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            Path install = Files.isDirectory(code) ? code : code.getParent();
            candidates.add(install.resolve("models").resolve("ssn").resolve(SSN_FILE));
            // A checkout: REPO/examples/target/supercuts.jar or REPO/examples/target/classes.
            for (Path p = install; p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null
                        && p.getParent().getParent() != null) {
                    Path repo = p.getParent().getParent();
                    candidates.add(repo.resolveSibling("shared").resolve("models").resolve("ssn").resolve(SSN_FILE));
                    break;
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            LOG.debug("cannot tell where the program is installed: {}", e.toString());
        }
        return candidates;
    }

    public int threads() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        return threads;
    }

    /** A pipeline and the native models it uses; closing releases the models (closing twice is harmless). */
    public record Built(Pipeline pipeline, List<AutoCloseable> resources) implements AutoCloseable {
        @Override
        public void close() {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed: {}", r, e.toString());
                }
            }
        }
    }

    /**
     * Builds the pipeline; ONNX models use ONNX Runtime's default intra-op thread count.
     *
     * @param threadsPerImage threads one image's stages may use (1 when images are processed in parallel)
     */
    public Built build(int threadsPerImage) {
        return build(threadsPerImage, 0);
    }

    /**
     * Builds the pipeline with a given ONNX Runtime intra-op thread count (a Spark task sets it to its cores, so that
     * concurrent tasks do not oversubscribe the executor).
     *
     * @param threadsPerImage threads one image's stages may use (1 when images are processed in parallel)
     * @param onnxIntraOpThreads threads inside one ONNX operator; 0 = ONNX Runtime's default
     */
    public Built build(int threadsPerImage, int onnxIntraOpThreads) {
        if (superpixels < 2) {
            throw new IllegalArgumentException("--superpixels must be >= 2 (the spectral cut needs two regions), got " + superpixels);
        }
        if (levels < 1) {
            throw new IllegalArgumentException("--levels must be >= 1, got " + levels);
        }
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            ModelOptions modelOptions = ModelOptions.defaults().withDevice(Device.parse(device)).withIntraOpThreads(onnxIntraOpThreads);
            Pipeline.Builder b = multiScale ? Presets.saliencyMultiScale() : SuperCuts.pipeline();
            DinoFeatures vit = null;
            if (dinoModel != null) {
                vit = DinoFeatures.load(dinoModel, DinoOptions.defaults().withModelOptions(modelOptions));
                resources.add(vit);
                b.features(new DinoRegionFeatures(vit)).affinity(CosineAffinity.dense()).device(vit.model().device().toString());
            }
            b.superpixels(superpixelizer(threadsPerImage, vit, modelOptions, resources, b));
            Selection rule = selection != null ? selection : dinoModel != null ? Selection.BORDER : Selection.SALIENCY;
            if (!multiScale || selection != null) {
                b.selection(selector(rule));
            }
            if (refine) {
                b.refine(GuidedFilter.radius(9).eps(1e-3));
            }
            b.levels(levels);
            return new Built(b.build(), resources);
        } catch (RuntimeException e) {
            new Built(null, resources).close();
            throw e;
        }
    }

    private Superpixelizer superpixelizer(int threadsPerImage, DinoFeatures vit, ModelOptions modelOptions,
            List<AutoCloseable> resources, Pipeline.Builder b) {
        switch (method) {
            case SSN_DINO:
            case SSN: {
                Path model = ssnModel;
                List<Path> tried = defaultSsnModelCandidates();
                if (model == null) {
                    for (Path candidate : tried) {
                        if (Files.isRegularFile(candidate)) {
                            model = candidate;
                            LOG.info("using the SSN model at {}", model);
                            break;
                        }
                    }
                }
                if (model == null) {
                    throw new IllegalArgumentException("--superpixels-method ssn needs --ssn-model PATH (the SSN pixel-feature network"
                            + " exported to ONNX); none given and no default model at " + tried + " (docs/onnx.md says how to get"
                            + " or export it)");
                }
                if (!Files.isRegularFile(model)) {
                    throw new IllegalArgumentException("--ssn-model " + model + ": " + (Files.isDirectory(model)
                            ? "is a folder, not a model file" : "no such file"));
                }
                SsnSuperpixelizer ssn = SsnSuperpixelizer.open(SsnSpec.defaults(model).withSuperpixels(superpixels)
                        .withModelOptions(modelOptions));
                resources.add(ssn);
                if (vit == null) {
                    if (method == Method.SSN_DINO) {
                        throw new IllegalArgumentException("--superpixels-method ssn_dino needs --model PATH (a DINO ViT exported to"
                                + " ONNX) as well as the SSN model");
                    }
                    b.device(ssn.device());
                }
                return method == Method.SSN_DINO ? SsnDino.of(ssn, vit) : ssn;
            }
            case PATCHES:
                if (vit == null) {
                    throw new IllegalArgumentException("--superpixels-method patches needs --model PATH (a DINO ViT exported to ONNX):"
                            + " the regions are its patches");
                }
                return new PatchGridSuperpixelizer(vit);
            default:
                return Slic.segments(superpixels).compactness(compactness).threads(threadsPerImage);
        }
    }

    private static ObjectSelector selector(Selection rule) {
        return switch (rule) {
            case SALIENCY -> Presets.saliencySelector();
            case BORDER -> ObjectSelectors.borderPrior();
            case TOKENCUT -> ObjectSelectors.tokenCut();
            case DEEPSPECTRAL -> ObjectSelectors.deepSpectral();
            case RBD -> BoundaryConnectivity.defaults();
        };
    }
}
