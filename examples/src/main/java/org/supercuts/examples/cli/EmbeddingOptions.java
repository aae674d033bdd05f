package org.supercuts.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.supercuts.Pipeline;
import org.supercuts.feature.FeatureExtractor;
import org.supercuts.feature.SegmentDescriptor;
import org.supercuts.onnx.runtime.Device;
import org.supercuts.onnx.runtime.ModelOptions;
import org.supercuts.onnx.ssn.SsnRegionFeatures;
import org.supercuts.onnx.ssn.SsnSpec;
import org.supercuts.onnx.ssn.SsnSuperpixelizer;
import org.supercuts.retrieval.SegmentEmbedder;
import picocli.CommandLine.Option;

/**
 * How {@code transfer} and {@code cluster} turn segments into embeddings: which features, and the weight of the
 * unsupervised saliency block.
 *
 * <p>Thread safety: filled by picocli on one thread, then read-only.
 */
public final class EmbeddingOptions {
    /** The saliency weight chosen on ECSSD's odd half (docs/retrieval.md). */
    public static final double DEFAULT_SALIENCY_WEIGHT = 1;

    /** The segment features the CLI offers. */
    public enum Features { DESCRIPTOR, PIPELINE, SSN }

    @Option(names = "--features", paramLabel = "KIND",
            description = "Segment features: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: colour, texture and position"
                    + " descriptor; pipeline: the pipeline's own region features, e.g. pooled DINO features with --model; ssn:"
                    + " pooled SSN pixel features, with --ssn-model or the default SSN model that --ssn-model names).")
    Features features = Features.DESCRIPTOR;

    @Option(names = "--saliency-weight", paramLabel = "W",
            description = "Weight of the unsupervised saliency cues as extra segment features (0 = off; default: ${DEFAULT-VALUE}).")
    double saliencyWeight = DEFAULT_SALIENCY_WEIGHT;

    /** Writes {@code value} as indented JSON, atomically (a temporary file moved into place). */
    static void writeJson(Object value, Path path) throws java.io.IOException {
        String text = new com.fasterxml.jackson.databind.ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(value) + "\n";
        org.supercuts.eval.run.AtomicFiles.writeString(path, text);
    }

    /**
     * The embedder over {@code pipeline}'s superpixels; native models it opens are added to {@code resources}.
     *
     * @param ssnModel the SSN model of the pipeline options (may be null)
     */
    SegmentEmbedder build(Pipeline pipeline, Path ssnModel, String device, List<AutoCloseable> resources) {
        if (!(saliencyWeight >= 0) || !Double.isFinite(saliencyWeight)) {
            throw new IllegalArgumentException("--saliency-weight must be finite and >= 0, got " + saliencyWeight);
        }
        FeatureExtractor f = switch (features) {
            case DESCRIPTOR -> SegmentDescriptor.defaults();
            case PIPELINE -> pipeline.featureExtractor();
            case SSN -> {
                List<Path> tried = PipelineOptions.defaultSsnModelCandidates();
                Path model = ssnModel != null ? ssnModel : tried.stream().filter(Files::isRegularFile).findFirst().orElse(null);
                if (model == null || !Files.isRegularFile(model)) {
                    throw new IllegalArgumentException("--features ssn needs --ssn-model PATH (the SSN pixel-feature network exported"
                            + " to ONNX); " + (model != null ? model + " does not exist" : "no default model at " + tried));
                }
                SsnSuperpixelizer ssn = SsnSuperpixelizer.open(SsnSpec.defaults(model)
                        .withModelOptions(ModelOptions.defaults().withDevice(Device.parse(device))));
                resources.add(ssn);
                yield new SsnRegionFeatures(ssn);
            }
        };
        return SegmentEmbedder.of(pipeline, f).saliencyWeight(saliencyWeight);
    }
}
