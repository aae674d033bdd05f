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
import org.supercuts.affinity.TokenCutAffinity;
import org.supercuts.onnx.dino.DinoFeatures;
import org.supercuts.onnx.dino.DinoOptions;
import org.supercuts.onnx.dino.DinoRegionFeatures;
import org.supercuts.onnx.dino.PatchGridSuperpixelizer;
import org.supercuts.onnx.dino.SsnDino;
import org.supercuts.onnx.presets.DinoPresets;
import org.supercuts.onnx.runtime.Device;
import org.supercuts.onnx.runtime.ModelOptions;
import org.supercuts.onnx.ssn.SsnSpec;
import org.supercuts.onnx.ssn.SsnSuperpixelizer;
import org.supercuts.refine.GuidedFilter;
import org.supercuts.refine.MaskRefiner;
import org.supercuts.selection.BoundaryConnectivity;
import org.supercuts.selection.ObjectSelector;
import org.supercuts.selection.ObjectSelectors;
import org.supercuts.superpixel.Slic;
import org.supercuts.superpixel.Superpixelizer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Pipeline options shared by {@code segment}, {@code evaluate} and {@code pseudolabels}; {@link #build} turns them into a
 * {@link Pipeline} starting from a named preset ({@link SuperCuts#pipeline()} by default, {@link DinoPresets#dino} with
 * {@code --model}), together with the native models it opened, which the caller closes.
 *
 * <p>An option given on the command line that would have no effect in the chosen mode (SLIC's {@code --compactness} with
 * SSN superpixels, {@code --tau} without {@code --preset tokencut}, ...) is an error naming the option and the reason,
 * never silently ignored.
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

    /** The named pipelines the CLI offers ({@code org.supercuts.Presets}, {@code DinoPresets}). */
    public enum Preset { SALIENCY, SPECTRAL, TOKENCUT, DEEPSPECTRAL, DINO }

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Named pipeline: ${COMPLETION-CANDIDATES} (default: SALIENCY; DINO with --model). TOKENCUT and DEEPSPECTRAL"
                    + " are the papers' graphs and object rules exactly (docs/presets.md): on colour features, or with --model on"
                    + " the ViT patch grid. DINO needs --model.")
    Preset preset;

    @Option(names = "--tau", paramLabel = "T", description = "TokenCut's similarity threshold, for --preset tokencut (default 0.2).")
    Double tau;

    @Option(names = "--superpixels", paramLabel = "K", description = "Number of superpixels requested (default: ${DEFAULT-VALUE}).")
    int superpixels = SuperCuts.DEFAULT_SUPERPIXELS;

    @Option(names = "--superpixels-method", paramLabel = "METHOD",
            description = "Superpixels: ${COMPLETION-CANDIDATES} (default: SLIC; PATCHES for --preset tokencut/deepspectral with"
                    + " --model; ssn needs --ssn-model, patches needs --model, ssn_dino both: SSN clustering in the joint space"
                    + " of SSN and DINO features).")
    Method method;

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

    @Option(names = "--refine", description = "Refine the soft map with a guided filter guided by the image luminance (as in"
            + " \"Two Tricks\") before thresholding; with evaluate --predictions, refine the loaded maps and report both rows.")
    boolean refine;

    @Option(names = "--refine-radius", paramLabel = "R", description = "Guided-filter window radius for --refine (default 9).")
    Integer refineRadius;

    @Option(names = "--refine-eps", paramLabel = "E", description = "Guided-filter regulariser for --refine (default 1e-3).")
    Double refineEps;

    @Option(names = "--multi-scale", description = "Fuse two extra SLIC scales (200 and 600) with the main one: slightly better,"
            + " about 3 times slower (Presets.saliencyMultiScale).")
    boolean multiScale;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** The command this mixin belongs to: its parse result tells which options were given. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Whether the option was given on the command line (not merely defaulted). */
    boolean given(String name) {
        return command != null && command.commandLine() != null && command.commandLine().getParseResult() != null
                && command.commandLine().getParseResult().hasMatchedOption(name);
    }

    /** Fails, naming the option and why, when it was given but has no effect. */
    void rejectIfGiven(String name, boolean noEffect, String why) {
        if (noEffect && given(name)) {
            throw new IllegalArgumentException(name + " has no effect " + why);
        }
    }

    /**
     * Fails when any of these options other than {@code --threads} and the refine options was given: for modes that run no
     * pipeline ({@code evaluate --predictions}).
     */
    void rejectPipelineOptions(String why) {
        for (String name : List.of("--superpixels", "--superpixels-method", "--compactness", "--ssn-model", "--model", "--device",
                "--levels", "--selection", "--multi-scale", "--preset", "--tau")) {
            rejectIfGiven(name, true, why);
        }
    }

    /** The guided filter of {@code --refine} (null without it). */
    public MaskRefiner refiner() {
        rejectIfGiven("--refine-radius", !refine, "without --refine");
        rejectIfGiven("--refine-eps", !refine, "without --refine");
        if (!refine) {
            return null;
        }
        GuidedFilter f = GuidedFilter.radius(refineRadius != null ? refineRadius : 9);
        return refineEps != null ? f.eps(refineEps) : f;
    }

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
        Preset chosen = preset != null ? preset : dinoModel != null ? Preset.DINO : Preset.SALIENCY;
        boolean paper = chosen == Preset.TOKENCUT || chosen == Preset.DEEPSPECTRAL;
        Method regions = method != null ? method : paper && dinoModel != null ? Method.PATCHES : Method.SLIC;
        checkCombination(chosen, paper, regions);
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Device parsedDevice = Device.parse(device); // checked even when no model runs, so a typo is reported
            // The ONNX model options are built only when a model is asked for, so the default SLIC pipeline starts without
            // initialising the ONNX side.
            ModelOptions modelOptions = dinoModel != null || regions != Method.SLIC
                    ? ModelOptions.defaults().withDevice(parsedDevice).withIntraOpThreads(onnxIntraOpThreads) : null;
            DinoFeatures vit = null;
            if (dinoModel != null) {
                vit = DinoFeatures.load(dinoModel, DinoOptions.defaults().withModelOptions(modelOptions));
                resources.add(vit);
            }
            Pipeline.Builder b = preset(chosen, vit);
            if (!(paper && regions == Method.PATCHES)) {
                b.superpixels(superpixelizer(threadsPerImage, vit, modelOptions, resources, b, regions));
                if (vit != null && regions == Method.PATCHES) {
                    // On the patch grid each region takes its own patch's key, not a blend of its neighbours'.
                    b.features(new DinoRegionFeatures(vit).withUpsampling(DinoRegionFeatures.Upsampling.NEAREST));
                } else if (vit != null) {
                    b.features(new DinoRegionFeatures(vit));
                }
            }
            if (tau != null) {
                b.affinity(TokenCutAffinity.defaults().tau(tau));
            }
            Selection rule = selection != null ? selection : vit != null ? Selection.BORDER : Selection.SALIENCY;
            if (!paper && (!multiScale || selection != null)) {
                b.selection(selector(rule));
            }
            b.refine(refiner());
            b.levels(levels);
            b.fullResolutionThreads(threadsPerImage);
            return new Built(b.build(), resources);
        } catch (RuntimeException e) {
            new Built(null, resources).close();
            throw e;
        }
    }

    /** The preset's builder: colour features, or the ViT's when a model is loaded. */
    private Pipeline.Builder preset(Preset chosen, DinoFeatures vit) {
        if (multiScale) {
            Pipeline.Builder b = Presets.saliencyMultiScale();
            return vit == null ? b : b.features(new DinoRegionFeatures(vit)).affinity(CosineAffinity.dense())
                    .device(vit.model().device().toString());
        }
        return switch (chosen) {
            case SALIENCY -> SuperCuts.pipeline();
            case SPECTRAL -> Presets.spectral();
            case TOKENCUT -> vit == null ? Presets.tokenCut() : DinoPresets.tokenCut(vit);
            case DEEPSPECTRAL -> vit == null ? Presets.deepSpectral() : DinoPresets.deepSpectral(vit);
            case DINO -> DinoPresets.dino(vit);
        };
    }

    /** Options that contradict the preset, or that the chosen regions and preset would ignore. */
    private void checkCombination(Preset chosen, boolean paper, Method regions) {
        String name = "--preset " + chosen.name().toLowerCase(java.util.Locale.ROOT);
        if (chosen == Preset.DINO && dinoModel == null) {
            throw new IllegalArgumentException(name + " needs --model PATH (a DINO ViT exported to ONNX)");
        }
        if (dinoModel != null && (chosen == Preset.SALIENCY || chosen == Preset.SPECTRAL) && preset != null) {
            throw new IllegalArgumentException(name + " is defined on colour features and --model replaces them; use --preset dino"
                    + " (with --selection to change the object rule)");
        }
        if (paper && given("--selection")) {
            throw new IllegalArgumentException("--selection conflicts with " + name + ", whose object rule is the paper's; use"
                    + " --preset spectral --selection ... for the side rules on the default graph");
        }
        rejectIfGiven("--multi-scale", chosen != Preset.SALIENCY && chosen != Preset.DINO, "with " + name
                + " (it fuses scales of the saliency pipeline)");
        rejectIfGiven("--tau", chosen != Preset.TOKENCUT, "without --preset tokencut (it is TokenCut's similarity threshold)");
        rejectIfGiven("--superpixels", regions == Method.PATCHES, "with patch regions (the regions are the ViT's patches)");
        rejectIfGiven("--compactness", regions != Method.SLIC, "with " + regions.name().toLowerCase(java.util.Locale.ROOT)
                + " regions (it is SLIC's compactness)");
        rejectIfGiven("--ssn-model", regions != Method.SSN && regions != Method.SSN_DINO, "without --superpixels-method ssn or"
                + " ssn_dino");
        rejectIfGiven("--device", dinoModel == null && regions != Method.SSN && regions != Method.SSN_DINO, "without an ONNX"
                + " model (--model, or --superpixels-method ssn)");
    }

    private Superpixelizer superpixelizer(int threadsPerImage, DinoFeatures vit, ModelOptions modelOptions,
            List<AutoCloseable> resources, Pipeline.Builder b, Method regions) {
        switch (regions) {
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
                    if (regions == Method.SSN_DINO) {
                        throw new IllegalArgumentException("--superpixels-method ssn_dino needs --model PATH (a DINO ViT exported to"
                                + " ONNX) as well as the SSN model");
                    }
                    b.device(ssn.device());
                }
                return regions == Method.SSN_DINO ? SsnDino.of(ssn, vit) : ssn;
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
