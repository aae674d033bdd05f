package org.supercuts;

import java.util.List;

import org.supercuts.affinity.DotProductAffinity;
import org.supercuts.affinity.GaussianAffinity;
import org.supercuts.affinity.TokenCutAffinity;
import org.supercuts.feature.ColorPositionFeatures;
import org.supercuts.hierarchy.ContourMerging;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.objects.ObjectDiscovery;
import org.supercuts.objects.SaliencyComponents;
import org.supercuts.selection.AbsorbingMarkovChain;
import org.supercuts.selection.ColourDistribution;
import org.supercuts.selection.ManifoldRanking;
import org.supercuts.selection.MultiLayerCellularAutomata;
import org.supercuts.selection.ObjectSelector;
import org.supercuts.selection.ObjectSelectors;
import org.supercuts.selection.SaliencyCalibration;
import org.supercuts.selection.SaliencyFusion;
import org.supercuts.selection.ThresholdRule;
import org.supercuts.spectral.NCut;
import org.supercuts.superpixel.Slic;

/**
 * Named pipeline configurations. Each returns a builder, so any stage can still be changed.
 *
 * <ul>
 *   <li>{@link #saliency()} — the default: SLIC superpixels, a colour graph, recursive normalized cuts for the hierarchy,
 *       and for the object a fusion of graph saliency cues on the superpixel graph (manifold ranking with an edge cue and
 *       an absorbing Markov chain integrated by multi-layer cellular automata, plus the spatial distribution of colours),
 *       smoothed over the hierarchy, calibrated and sharpened. Measured best on ECSSD's odd-numbered images; see
 *       docs/pipeline-defaults.md.</li>
 *   <li>{@link #saliencyMultiScale()} — the default fused over three SLIC scales; about 2.5 times slower.</li>
 *   <li>{@link #spectral()} — the object is one side of the root normalized cut, chosen by the border prior: the pure
 *       spectral pipeline, best suited to deep features (DINO), weaker with colour alone.</li>
 *   <li>{@link #tokenCut()} and {@link #deepSpectral()} — the graphs, eigenvectors and object rules of TokenCut and Deep
 *       Spectral Methods exactly as the papers' code computes them, on this pipeline's regions and features (colour here;
 *       the ViT patch grid and DINO keys in {@code org.supercuts.onnx.presets.DinoPresets}); docs/presets.md.</li>
 * </ul>
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Presets {
    /** Default number of SLIC superpixels. */
    public static final int SUPERPIXELS = 400;
    /** Default SLIC compactness ({@link Slic#DEFAULT_COMPACTNESS}: 20 measured better than 10 on ECSSD's odd half, IoU .616 vs .600). */
    public static final double COMPACTNESS = Slic.DEFAULT_COMPACTNESS;
    /** Sharpness of the calibrated saliency (12 measured lowest MAE at an unchanged mask and max-F-beta). */
    public static final double SHARPNESS = 12;

    private Presets() {
    }

    /**
     * Residual tolerance of the shift-invert eigensolver in the default recursive cut: 1e-10, the solver's own default. It
     * converges in about 10 steps per cut, so near-exact vectors cost little (about 0.5 ms per image more than 1e-6). On the
     * 500 odd ECSSD images its 16-segment partitions equal the previous default's (auto solver at 1e-6) on 494 (the auto
     * solver at 1e-10 differs from it on 3: the rest are near-tied cuts), and the quality is unchanged.
     */
    public static final double EIGEN_TOLERANCE = EigenSolver.DEFAULT_TOLERANCE;
    /** Centre-bias width (0.5 measured best of 0.25/0.35/0.5 on ECSSD's odd half). */
    public static final double CENTER_SIGMA = 0.5;
    /** Weight of the NCut-hierarchy mean in the smoothed score (0.5 measured best of 0.3/0.5). */
    public static final double TREE_WEIGHT = 0.5;
    /**
     * The per-image threshold that calibration maps to 0.5 (BALANCED, the mean of Otsu's and the adaptive threshold: mask
     * IoU .556 vs .535 for the adaptive threshold alone, max-F .744 vs .740, on ECSSD's odd half).
     */
    public static final ThresholdRule THRESHOLD_RULE = ThresholdRule.BALANCED;
    /** Segments of the finer hierarchy level the score is smoothed over. */
    public static final int TREE_SEGMENTS = 16;
    /** Segments of the coarser hierarchy level the score is smoothed over (8 and 16: max-F +.003 over 16 alone). */
    public static final int TREE_COARSE_SEGMENTS = 8;
    /** Weight of the intervening-edge term in the ranking graphs (0.3 best of 0.1-1.2 on the odd half). */
    public static final double EDGE_WEIGHT = 0.3;
    /** Colour-kernel width of the absorbing Markov chain (0.05 best of 0.03/0.05/0.07/0.1 fused with ranking). */
    public static final double MARKOV_SIGMA_SQUARED = 0.05;
    /** Colour-kernel width of the colour-distribution cue (0.05/0.07/0.1/0.2 gave max-F .772/.770/.765/.757 fused 2:1). */
    public static final double DISTRIBUTION_SIGMA = 0.07;
    /**
     * Images whose region colours all lie within this CIELAB distance (the just-noticeable difference) have no object:
     * the selection returns 0 everywhere instead of letting the centre and border priors invent one. No ECSSD image is
     * that flat, so the measured quality does not depend on it.
     */
    public static final double MIN_CONTRAST = 2.3;
    /** Weight of the background-prior cues against the colour-distribution cue (2:1 best of 1/2/3/4 to 1). */
    public static final double PRIOR_WEIGHT = 2;

    /**
     * The background-prior cues: manifold ranking (with the edge cue) and the absorbing Markov chain, integrated by
     * multi-layer cellular automata.
     */
    static ObjectSelector backgroundPriors() {
        return MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults().edgeWeight(EDGE_WEIGHT),
                AbsorbingMarkovChain.defaults().sigmaSquared(MARKOV_SIGMA_SQUARED)));
    }

    /**
     * The uncalibrated default score: background priors and colour distribution fused {@link #PRIOR_WEIGHT}:1, times a
     * mild centre bias, smoothed over the 8- and 16-segment levels of the normalized-cut hierarchy, stretched to [0, 1].
     */
    static SaliencyFusion rawSaliency() {
        return SaliencyFusion.of(List.of(backgroundPriors(), ColourDistribution.defaults().sigma(DISTRIBUTION_SIGMA)),
                PRIOR_WEIGHT, 1).centerBias(CENTER_SIGMA).treeSmoothing(TREE_WEIGHT, TREE_COARSE_SEGMENTS, TREE_SEGMENTS)
                .stretched(true).minContrast(MIN_CONTRAST);
    }

    /**
     * The default object selection: {@link #rawSaliency()} calibrated so that 0.5 is the {@link #THRESHOLD_RULE}
     * threshold, then sharpened.
     */
    public static ObjectSelector saliencySelector() {
        return rawSaliency().calibrated(THRESHOLD_RULE).sharpness(SHARPNESS);
    }

    /**
     * The default plus two extra SLIC scales (200 and 600 superpixels) averaged at pixel level and calibrated once after
     * averaging (numbers in docs/pipeline-defaults.md).
     */
    public static Pipeline.Builder saliencyMultiScale() {
        return spectral()
                .selection(rawSaliency())
                .extraScales(List.of(Slic.segments(200).compactness(COMPACTNESS), Slic.segments(600).compactness(COMPACTNESS)))
                .refine(SaliencyCalibration.adaptive().rule(THRESHOLD_RULE).sharpness(SHARPNESS));
    }

    /** The default pipeline (what {@link SuperCuts#pipeline()} returns). */
    public static Pipeline.Builder saliency() {
        return spectral().selection(saliencySelector());
    }

    /**
     * TokenCut (Wang et al., CVPR 2022) on the regions and features of this builder: the graph {@code W_ij = 1} when
     * {@code cos(f_i, f_j) > 0.2}, else 1e-5, self-loops kept ({@link TokenCutAffinity#defaults()}); the second smallest
     * eigenvector of {@code (D - W) x = lambda D x}; the object is the connected component of the largest-|v| node on its
     * side of the mean ({@link ObjectSelectors#tokenCutPaper()}). With centred colour features on SLIC superpixels by default; for
     * the paper's own setting (DINO keys on the ViT patch grid) use {@code DinoPresets.tokenCut}. One level: the two
     * sides of the cut.
     */
    public static Pipeline.Builder tokenCut() {
        return paperBase().affinity(TokenCutAffinity.defaults())
                .partition(NCut.bipartition().splitRule(NCut.SplitRule.MEAN).eigenpairs(3))
                .selection(ObjectSelectors.tokenCutPaper());
    }

    /**
     * Deep Spectral Methods' single-object segmentation (Melas-Kyriazi et al., CVPR 2022) on the regions and features of
     * this builder: the clipped dot products of the unit feature vectors scaled by their maximum, diagonal kept
     * ({@link DotProductAffinity#normalized()}); the second smallest eigenvector of {@code (D - W) x = lambda D x}; the
     * object is {@code v > 0} after the paper's sign rule ({@link ObjectSelectors#deepSpectralPaper()}). With centred
     * colour features on SLIC superpixels by default; {@code DinoPresets.deepSpectral} for DINO keys on the ViT patch grid.
     */
    public static Pipeline.Builder deepSpectral() {
        return paperBase().affinity(DotProductAffinity.normalized())
                .partition(NCut.bipartition().splitRule(NCut.SplitRule.ZERO).eigenpairs(3))
                .selection(ObjectSelectors.deepSpectralPaper());
    }

    /**
     * What the paper presets share before their own graph and rule: SLIC and mean-CIELAB features centred on the image's
     * mean colour (the papers compare features by angle; uncentred CIELAB vectors are all alike in angle), and one
     * two-way cut carrying three eigenpairs, so that the rules can tell a degenerate Fiedler value.
     */
    private static Pipeline.Builder paperBase() {
        return Pipeline.builder()
                .superpixels(Slic.segments(SUPERPIXELS).compactness(COMPACTNESS))
                .features(ColorPositionFeatures.color().centered(true));
    }

    /** The pure normalized-cut pipeline: the object is a side of the root cut, chosen by the border prior. */
    public static Pipeline.Builder spectral() {
        return Pipeline.builder()
                .superpixels(Slic.segments(SUPERPIXELS))
                .features(ColorPositionFeatures.color())
                .affinity(GaussianAffinity.defaults())
                // NCut.recursive() carries the shift-invert Lanczos solver: the tiny, crowded Fiedler values of superpixel
                // graphs become the largest, well separated eigenvalues of the inverse; about 4 times cheaper than the
                // auto solver, the same partitions up to near-tied cuts.
                .partition(NCut.recursive())
                .selection(ObjectSelectors.borderPrior())
                .levels(4)
                // Built only when a result's hierarchy() is asked for; the masks do not depend on it.
                .hierarchy(ContourMerging.defaults());
    }

    /**
     * The default object discovery (for {@link Pipeline.Builder#objects}): components of the saliency map split by the
     * normalized-cut hierarchy, scored by objectness, with parts from the hierarchy; chosen on ECSSD's odd half, see
     * docs/objects.md.
     */
    public static ObjectDiscovery objectDiscovery() {
        return SaliencyComponents.defaults();
    }
}
