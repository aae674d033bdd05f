package org.supercuts.examples.cli;

import org.supercuts.Pipeline;
import org.supercuts.Presets;
import org.supercuts.SuperCuts;
import org.supercuts.refine.GuidedFilter;
import org.supercuts.spectral.BoundaryConnectivity;
import org.supercuts.spectral.ObjectSelector;
import org.supercuts.spectral.ObjectSelectors;
import org.supercuts.superpixel.Slic;

import picocli.CommandLine.Option;

/**
 * Pipeline options shared by {@code segment}, {@code evaluate} and {@code pseudolabels}; {@link #build} turns them into a
 * {@link Pipeline} starting from the library defaults ({@link SuperCuts#pipeline()}).
 *
 * <p>Thread safety: filled by picocli on one thread, then read-only.
 */
public final class PipelineOptions {
    /** The object-selection rules the CLI offers. */
    public enum Selection { SALIENCY, BORDER, TOKENCUT, DEEPSPECTRAL, RBD }

    @Option(names = "--superpixels", paramLabel = "K", description = "Number of superpixels requested (default: ${DEFAULT-VALUE}).")
    int superpixels = SuperCuts.DEFAULT_SUPERPIXELS;

    @Option(names = "--compactness", paramLabel = "M", description = "SLIC compactness (default: ${DEFAULT-VALUE}).")
    double compactness = org.supercuts.Presets.COMPACTNESS;

    @Option(names = "--levels", paramLabel = "N", description = "Hierarchy levels to report, coarse to fine (default: ${DEFAULT-VALUE}).")
    int levels = 4;

    @Option(names = "--selection", paramLabel = "RULE",
            description = "Object-selection rule: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: calibrated manifold"
                    + " ranking; BORDER = side of the root normalized cut touching the border less).")
    Selection selection = Selection.SALIENCY;

    @Option(names = "--refine", description = "Refine the soft map with a guided filter (radius 9, eps 1e-3) before thresholding.")
    boolean refine;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    public int threads() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        return threads;
    }

    /**
     * Builds the pipeline.
     *
     * @param threadsPerImage threads one image's stages may use (1 when images are processed in parallel)
     */
    public Pipeline build(int threadsPerImage) {
        if (superpixels < 2) {
            throw new IllegalArgumentException("--superpixels must be >= 2 (the spectral cut needs two regions), got " + superpixels);
        }
        if (levels < 1) {
            throw new IllegalArgumentException("--levels must be >= 1, got " + levels);
        }
        Pipeline.Builder b = SuperCuts.pipeline()
                .superpixels(Slic.segments(superpixels).compactness(compactness).threads(threadsPerImage))
                .selection(selector())
                .refine(refine ? GuidedFilter.radius(9).eps(1e-3) : null)
                .levels(levels);
        return b.build();
    }

    private ObjectSelector selector() {
        return switch (selection) {
            case SALIENCY -> Presets.saliencySelector();
            case BORDER -> ObjectSelectors.borderPrior();
            case RBD -> BoundaryConnectivity.defaults();
            case TOKENCUT -> ObjectSelectors.tokenCut();
            case DEEPSPECTRAL -> ObjectSelectors.deepSpectral();
        };
    }
}
