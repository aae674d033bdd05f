package org.supercuts.onnx.dino;

/**
 * Which per-patch output of an exported ViT is used as the patch feature.
 *
 * <p>Thread safety: enum, immutable.
 */
public enum FeatureKind {
    /**
     * The attention keys of the last block (the default): the descriptor used by deep spectral methods (Melas-Kyriazi et
     * al., CVPR 2022) and TokenCut (Wang et al., CVPR 2022), which group patches better than the output tokens.
     */
    KEYS("keys"),
    /** The patch tokens of the last block after the final LayerNorm. */
    TOKENS("tokens");

    private final String outputName;

    FeatureKind(String outputName) {
        this.outputName = outputName;
    }

    /** The graph output holding this feature. */
    public String outputName() {
        return outputName;
    }
}
