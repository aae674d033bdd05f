package org.supercuts.examples.study;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.supercuts.Pipeline;
import org.supercuts.Presets;
import org.supercuts.SuperCuts;
import org.supercuts.affinity.CosineAffinity;
import org.supercuts.affinity.GaussianAffinity;
import org.supercuts.affinity.TokenCutAffinity;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.refine.GuidedFilter;
import org.supercuts.selection.AbsorbingMarkovChain;
import org.supercuts.selection.BackgroundClusterContrast;
import org.supercuts.selection.BoundaryConnectivity;
import org.supercuts.selection.CellularAutomata;
import org.supercuts.selection.ColourDistribution;
import org.supercuts.selection.ForegroundQueryRanking;
import org.supercuts.selection.ManifoldRanking;
import org.supercuts.selection.MultiLayerCellularAutomata;
import org.supercuts.selection.ObjectSelector;
import org.supercuts.selection.ObjectSelectors;
import org.supercuts.selection.SaliencyCalibration;
import org.supercuts.selection.SaliencyFusion;
import org.supercuts.selection.ThresholdRule;
import org.supercuts.spectral.NCut;
import org.supercuts.superpixel.Grid;
import org.supercuts.superpixel.Slic;

/**
 * The named pipeline variants of the ablation study; each row of the ablation table in docs/RESULTS.md is one of them.
 *
 * <p>Thread safety: stateless.
 */
public final class Variants {
    private static final Map<String, Supplier<Pipeline>> ALL = new TreeMap<>();

    static {
        ALL.put("ncut-border", () -> SuperCuts.pipeline().build());
        ALL.put("ncut-tokencut", () -> SuperCuts.pipeline().selection(ObjectSelectors.tokenCut()).build());
        ALL.put("ncut-deepspectral", () -> SuperCuts.pipeline().selection(ObjectSelectors.deepSpectral()).build());
        ALL.put("ncut-bipartition", () -> SuperCuts.pipeline().partition(NCut.bipartition()).build());
        ALL.put("ncut-adjacent", () -> SuperCuts.pipeline().affinity(GaussianAffinity.adjacent()).build());
        ALL.put("ncut-allpairs", () -> SuperCuts.pipeline().affinity(GaussianAffinity.adjacent().allPairs().sigmaFeature(0.1)
                .sigmaPosition(0.25)).build());
        ALL.put("ncut-cosine", () -> SuperCuts.pipeline().affinity(CosineAffinity.dense()).build());
        // Measured (docs/pipeline-defaults.md) before the rule kept TokenCut's self-loops; pinned to that graph (its >= tau
        // became > tau, which only matters for cosines exactly equal to tau).
        ALL.put("ncut-tokencut-rule", () -> SuperCuts.pipeline().affinity(TokenCutAffinity.defaults().selfLoops(false)).build());
        ALL.put("rbd", () -> SuperCuts.pipeline().selection(BoundaryConnectivity.defaults()).build());
        ALL.put("mr", () -> SuperCuts.pipeline().selection(ManifoldRanking.defaults()).build());
        ALL.put("fusion", () -> SuperCuts.pipeline().selection(fusion()).build());
        ALL.put("fusion-gf", () -> SuperCuts.pipeline().selection(fusion()).refine(GuidedFilter.radius(9).eps(1e-3)).build());
        ALL.put("ncut-border-gf", () -> SuperCuts.pipeline().refine(GuidedFilter.radius(9).eps(1e-3)).build());
        ALL.put("mr-cal", () -> SuperCuts.pipeline().selection(cal(List.of(ManifoldRanking.defaults()), 1)).build());
        ALL.put("mr-rbd-cal", () -> SuperCuts.pipeline().selection(cal(List.of(ManifoldRanking.defaults(),
                BoundaryConnectivity.defaults()), 1, 1)).build());
        ALL.put("mr-rbd-ncut-cal", () -> SuperCuts.pipeline().selection(cal(List.of(ManifoldRanking.defaults(),
                BoundaryConnectivity.defaults(), ObjectSelectors.borderPrior()), 1, 1, 0.5)).build());
        ALL.put("mr-rbd-cal-k200", () -> SuperCuts.pipeline().superpixels(Slic.segments(200).compactness(10)).selection(cal(List.of(
                ManifoldRanking.defaults(), BoundaryConnectivity.defaults()), 1, 1)).build());
        ALL.put("mr-rbd-cal-gf", () -> SuperCuts.pipeline().selection(cal(List.of(ManifoldRanking.defaults(),
                BoundaryConnectivity.defaults()), 1, 1)).refine(GuidedFilter.radius(9).eps(1e-3)).build());
        for (int k : new int[] {4, 8, 12}) {
            ALL.put("mr-cal-s" + k, () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(ManifoldRanking.defaults()), 1)
                    .stretched(true).calibrated(true).sharpness(k)).build());
        }
        for (int sp : new int[] {200, 300, 600}) {
            ALL.put("mr-cal-k" + sp, () -> SuperCuts.pipeline().superpixels(Slic.segments(sp).compactness(10)).selection(
                    cal(List.of(ManifoldRanking.defaults()), 1)).build());
        }
        ALL.put("mr-cal-m20", () -> SuperCuts.pipeline().superpixels(Slic.segments(400).compactness(20)).selection(
                cal(List.of(ManifoldRanking.defaults()), 1)).build());
        ALL.put("sal-dense", () -> SuperCuts.pipeline().partition(NCut.recursive().solver(EigenSolver.dense())).build());
        ALL.put("sal-tol6", () -> SuperCuts.pipeline().partition(NCut.recursive().solver(EigenSolver.auto().tolerance(1e-6)))
                .build());
        ALL.put("sal-lanczos6", () -> SuperCuts.pipeline().partition(NCut.recursive().solver(EigenSolver.lanczos()
                .tolerance(1e-6))).build());
        ALL.put("sal-seg8", () -> SuperCuts.pipeline().partition(NCut.recursive().maxSegments(8).solver(EigenSolver.auto())).build());
        ALL.put("saliency", () -> SuperCuts.pipeline().build());
        for (double s2 : new double[] {0.03, 0.05, 0.2}) {
            ALL.put("saliency-s2=" + s2, () -> SuperCuts.pipeline().selection(balanced(ManifoldRanking.defaults().sigmaSquared(s2)))
                    .build());
        }
        ALL.put("tree-4-8-16", () -> SuperCuts.pipeline().selection(treeLevels(0.5, 4, 8, 16)).build());
        ALL.put("tree-8-16", () -> SuperCuts.pipeline().selection(treeLevels(0.5, 8, 16)).build());
        ALL.put("tree-8-16-w.6", () -> SuperCuts.pipeline().selection(treeLevels(0.6, 8, 16)).build());
        ALL.put("tree-8-16-32", () -> SuperCuts.pipeline().partition(NCut.recursive().maxSegments(32).solver(EigenSolver.auto()))
                .selection(treeLevels(0.5, 8, 16, 32)).build());
        // Combinations of the kept cues, calibrated with the default threshold rule (lead, issue 6).
        ALL.put("c-mca", () -> SuperCuts.pipeline().selection(combined(mca(0.05), 16)).build());
        ALL.put("c-edge", () -> SuperCuts.pipeline().selection(combined(ManifoldRanking.defaults().edgeWeight(0.3), 16)).build());
        ALL.put("c-mca-edge", () -> SuperCuts.pipeline().selection(combined(MultiLayerCellularAutomata.of(List.of(
                ManifoldRanking.defaults().edgeWeight(0.3), AbsorbingMarkovChain.defaults().sigmaSquared(0.05))), 16)).build());
        ALL.put("c-mca-edge-t816", () -> SuperCuts.pipeline().selection(combined(MultiLayerCellularAutomata.of(List.of(
                ManifoldRanking.defaults().edgeWeight(0.3), AbsorbingMarkovChain.defaults().sigmaSquared(0.05))), 8, 16)).build());
        for (ThresholdRule rule : ThresholdRule.values()) {
            String r = rule.name().toLowerCase(java.util.Locale.ROOT);
            ALL.put("cms-200-600-" + r, () -> SuperCuts.pipeline().selection(rawSelector("mcaEdgeRaw"))
                    .extraScales(List.of(Slic.segments(200).compactness(20), Slic.segments(600).compactness(20)))
                    .refine(SaliencyCalibration.adaptive().rule(rule).sharpness(Presets.SHARPNESS)).build());
            ALL.put("cms-200-" + r, () -> SuperCuts.pipeline().selection(rawSelector("mcaEdgeRaw"))
                    .extraScales(List.of(Slic.segments(200).compactness(20)))
                    .refine(SaliencyCalibration.adaptive().rule(rule).sharpness(Presets.SHARPNESS)).build());
        }
        for (int k : new int[] {500, 600, 800}) {
            ALL.put("c-mca-edge-t816-k" + k, () -> SuperCuts.pipeline().superpixels(Slic.segments(k).compactness(20))
                    .selection(combined(MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults().edgeWeight(0.3),
                            AbsorbingMarkovChain.defaults().sigmaSquared(0.05))), 8, 16)).build());
        }
        ALL.put("cms-600-balanced", () -> SuperCuts.pipeline().selection(rawSelector("mcaEdgeRaw"))
                .extraScales(List.of(Slic.segments(600).compactness(20)))
                .refine(SaliencyCalibration.adaptive().rule(ThresholdRule.BALANCED).sharpness(Presets.SHARPNESS)).build());
        for (double amcEdge : new double[] {0.15, 0.3}) {
            ALL.put("c-mca-edge2-" + amcEdge, () -> SuperCuts.pipeline().selection(combined(MultiLayerCellularAutomata.of(List.of(
                    ManifoldRanking.defaults().edgeWeight(0.3), AbsorbingMarkovChain.defaults().sigmaSquared(0.05)
                            .edgeWeight(amcEdge))), 8, 16)).build());
        }
        for (double cs : new double[] {0.35, 1000}) {
            ALL.put("c-mca-edge-c" + cs, () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(
                    MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults().edgeWeight(0.3),
                            AbsorbingMarkovChain.defaults().sigmaSquared(0.05)))), 1).centerBias(cs)
                    .treeSmoothing(Presets.TREE_WEIGHT, 8, 16).stretched(true).calibrated(Presets.THRESHOLD_RULE)
                    .sharpness(Presets.SHARPNESS)).build());
        }
        for (double m : new double[] {10, 30}) {
            ALL.put("c-mca-edge-m" + m, () -> SuperCuts.pipeline().superpixels(Slic.segments(400).compactness(m))
                    .selection(combined(MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults().edgeWeight(0.3),
                            AbsorbingMarkovChain.defaults().sigmaSquared(0.05))), 8, 16)).build());
        }
        for (double cs : new double[] {0.35, 0.5}) {
            ALL.put("cms-600-notree-c" + cs, () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(mcaEdge()), 1)
                    .centerBias(cs).treeSmoothing(Presets.TREE_WEIGHT, 8, 16).stretched(true))
                    .extraScales(List.of(Slic.segments(600).compactness(20)))
                    .extraScaleSelection(SaliencyFusion.of(List.of(mcaEdge()), 1).centerBias(cs).stretched(true))
                    .refine(SaliencyCalibration.adaptive().rule(ThresholdRule.BALANCED).sharpness(Presets.SHARPNESS)).build());
        }
        for (double sg : new double[] {0.05, 0.07, 0.1}) {
            for (int wm : new int[] {1, 2, 4}) {
                ALL.put("c-mcaedge" + wm + "+cd" + sg, () -> SuperCuts.pipeline().selection(finish(defaultCues(mcaEdge(), sg, wm),
                        Presets.THRESHOLD_RULE, Presets.TREE_WEIGHT, 8, 16)).build());
            }
        }
        for (double cs : new double[] {0.35, 1000}) {
            ALL.put("c-mcaedge2+cd0.07-c" + cs, () -> SuperCuts.pipeline().selection(finish(defaultCues(mcaEdge(), 0.07, 2),
                    Presets.THRESHOLD_RULE, Presets.TREE_WEIGHT, 8, 16).centerBias(cs)).build());
        }
        ALL.put("c-mcaedge2+cd0.07-t16", () -> SuperCuts.pipeline().selection(finish(defaultCues(mcaEdge(), 0.07, 2),
                Presets.THRESHOLD_RULE, Presets.TREE_WEIGHT, 16)).build());
        for (double sg : new double[] {0.05, 0.07, 0.1, 0.2}) {
            ALL.put("c-mca3-cd" + sg, () -> SuperCuts.pipeline().selection(combined(MultiLayerCellularAutomata.of(List.of(
                    ManifoldRanking.defaults().edgeWeight(0.3), AbsorbingMarkovChain.defaults().sigmaSquared(0.05),
                    ColourDistribution.defaults().sigma(sg))), 8, 16)).build());
            ALL.put("c-mcaedge+cd" + sg, () -> SuperCuts.pipeline().selection(finish(defaultCues(mcaEdge(), sg, 3),
                    Presets.THRESHOLD_RULE, Presets.TREE_WEIGHT, 8, 16)).build());
        }
        // Ablations of the default (each removes or swaps one part of Presets.saliencySelector()).
        ALL.put("default-no-distribution", () -> SuperCuts.pipeline().selection(combined(mcaEdge(), 8, 16)).build());
        ALL.put("default-no-markov", () -> SuperCuts.pipeline().selection(finish(defaultCues(ManifoldRanking.defaults()
                .edgeWeight(Presets.EDGE_WEIGHT), Presets.DISTRIBUTION_SIGMA, Presets.PRIOR_WEIGHT), Presets.THRESHOLD_RULE,
                Presets.TREE_WEIGHT, 8, 16)).build());
        ALL.put("default-no-edge", () -> SuperCuts.pipeline().selection(finish(defaultCues(mca(Presets.MARKOV_SIGMA_SQUARED),
                Presets.DISTRIBUTION_SIGMA, Presets.PRIOR_WEIGHT), Presets.THRESHOLD_RULE, Presets.TREE_WEIGHT, 8, 16)).build());
        ALL.put("default-no-tree", () -> SuperCuts.pipeline().selection(defaultCues(mcaEdge(), Presets.DISTRIBUTION_SIGMA,
                Presets.PRIOR_WEIGHT).centerBias(Presets.CENTER_SIGMA).stretched(true).calibrated(Presets.THRESHOLD_RULE)
                .sharpness(Presets.SHARPNESS)).build());
        ALL.put("default-adaptive", () -> SuperCuts.pipeline().selection(finish(defaultCues(mcaEdge(), Presets.DISTRIBUTION_SIGMA,
                Presets.PRIOR_WEIGHT), ThresholdRule.ADAPTIVE, Presets.TREE_WEIGHT, 8, 16)).build());
        ALL.put("mr-s2-ensemble", () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(ManifoldRanking.defaults(),
                ManifoldRanking.defaults().sigmaSquared(0.2)), 1, 1).centerBias(Presets.CENTER_SIGMA)
                .treeSmoothing(Presets.TREE_WEIGHT, Presets.TREE_SEGMENTS).stretched(true).calibrated(Presets.THRESHOLD_RULE)
                .sharpness(Presets.SHARPNESS)).build());
        for (double a : new double[] {0.9, 0.999}) {
            ALL.put("saliency-alpha=" + a, () -> SuperCuts.pipeline().selection(balanced(ManifoldRanking.defaults().alpha(a)))
                    .build());
        }
        for (ThresholdRule rule : ThresholdRule.values()) {
            ALL.put("mr-" + rule.name().toLowerCase(java.util.Locale.ROOT), () -> SuperCuts.pipeline().selection(
                    SaliencyFusion.of(List.of(ManifoldRanking.defaults()), 1).centerBias(Presets.CENTER_SIGMA)
                            .treeSmoothing(Presets.TREE_WEIGHT, Presets.TREE_SEGMENTS).stretched(true).calibrated(rule)
                            .sharpness(Presets.SHARPNESS)).build());
        }
        ALL.put("saliency-tol6", () -> SuperCuts.pipeline().partition(NCut.recursive().solver(EigenSolver.auto().tolerance(1e-6)))
                .build());
        ALL.put("saliency-multiscale", () -> Presets.saliencyMultiScale().build());
        ALL.put("saliency-nocentre-notree", () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(ManifoldRanking.defaults()),
                1).stretched(true).calibrated(true).sharpness(Presets.SHARPNESS)).build());
        for (double cs : new double[] {0.25, 0.35, 0.5}) {
            ALL.put("saliency-c" + cs, () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(ManifoldRanking.defaults()), 1)
                    .stretched(true).calibrated(true).sharpness(Presets.SHARPNESS).centerBias(cs)).build());
        }
        for (double tw : new double[] {0.3, 0.5}) {
            for (int seg : new int[] {16, 32}) {
                ALL.put("tree" + tw + "@" + seg, () -> SuperCuts.pipeline().partition(NCut.recursive().maxSegments(Math.max(16, seg)).solver(EigenSolver.auto()))
                        .selection(SaliencyFusion.of(List.of(ManifoldRanking.defaults()), 1).stretched(true).calibrated(true)
                                .sharpness(Presets.SHARPNESS).centerBias(0.5).treeSmoothing(tw, seg)).build());
            }
        }
        ALL.put("ms-200-300", () -> SuperCuts.pipeline().selection(tree())
                .extraScales(List.of(Slic.segments(200).compactness(20), Slic.segments(300).compactness(20))).build());
        ALL.put("ms-100-200", () -> SuperCuts.pipeline().selection(tree())
                .extraScales(List.of(Slic.segments(100).compactness(20), Slic.segments(200).compactness(20))).build());
        ALL.put("ms-200-600", () -> SuperCuts.pipeline().selection(tree())
                .extraScales(List.of(Slic.segments(200).compactness(20), Slic.segments(600).compactness(20))).build());
        ALL.put("msc-200-600", () -> SuperCuts.pipeline().selection(treeRaw())
                .extraScales(List.of(Slic.segments(200).compactness(20), Slic.segments(600).compactness(20)))
                .refine(SaliencyCalibration.adaptive().sharpness(Presets.SHARPNESS)).build());
        ALL.put("msc-200-300", () -> SuperCuts.pipeline().selection(treeRaw())
                .extraScales(List.of(Slic.segments(200).compactness(20), Slic.segments(300).compactness(20)))
                .refine(SaliencyCalibration.adaptive().sharpness(Presets.SHARPNESS)).build());
        ALL.put("sc-single", () -> SuperCuts.pipeline().selection(treeRaw())
                .refine(SaliencyCalibration.adaptive().sharpness(Presets.SHARPNESS)).build());
        ALL.put("mr-rbd-c0.35", () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(ManifoldRanking.defaults(),
                BoundaryConnectivity.defaults()), 2, 1).stretched(true).calibrated(true).sharpness(Presets.SHARPNESS).centerBias(0.35))
                .build());
        ALL.put("spectral", () -> Presets.spectral().build());
        ALL.put("saliency-gf", () -> SuperCuts.pipeline().refine(GuidedFilter.radius(9).eps(1e-3)).build());
        ALL.put("saliency-k200", () -> SuperCuts.pipeline().superpixels(Slic.segments(200).compactness(Presets.COMPACTNESS)).build());
        ALL.put("saliency-grid", () -> SuperCuts.pipeline().superpixels(Grid.cells(400)).build());
        ALL.put("mr-m20", () -> SuperCuts.pipeline().selection(ManifoldRanking.defaults()).build());
        ALL.put("saliency-nosharpen", () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(ManifoldRanking.defaults()),
                1).stretched(true).calibrated(true)).build());
        ALL.put("saliency-ncut", () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(ManifoldRanking.defaults(),
                ObjectSelectors.borderPrior()), 3, 1).stretched(true).calibrated(true).sharpness(Presets.SHARPNESS)).build());
        // Issue 6, intervening-edge cue in the manifold-ranking graph (branch edges): the default with ManifoldRanking.edgeWeight.
        for (double lam : new double[] {0.2, 0.3, 0.4}) {
            ALL.put("saliency-edge" + lam, () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(ManifoldRanking.defaults()
                    .edgeWeight(lam)), 1).centerBias(Presets.CENTER_SIGMA).treeSmoothing(Presets.TREE_WEIGHT, Presets.TREE_SEGMENTS)
                    .stretched(true).calibrated(true).sharpness(Presets.SHARPNESS)).build());
        }
        ALL.put("fusion-k200", () -> SuperCuts.pipeline().superpixels(Slic.segments(200).compactness(10)).selection(fusion()).build());
        // Issue 6, background-prior family (branch bgprior): BSCA, SCA propagation, absorbing Markov chain, foreground
        // queries; each with the default's post-processing (centre bias, NCut-tree smoothing, calibration, sharpening).
        ALL.put("bg-bcc", () -> bg(List.of(BackgroundClusterContrast.defaults()), 1));
        ALL.put("bg-bsca", () -> bg(List.of(CellularAutomata.backgroundBased()), 1));
        ALL.put("bg-amc", () -> bg(List.of(AbsorbingMarkovChain.defaults()), 1));
        ALL.put("bg-mr-ca", () -> bg(List.of(CellularAutomata.of(ManifoldRanking.defaults())), 1));
        for (int w : new int[] {1, 2, 3}) {
            ALL.put("bg-mr" + w + "-bsca", () -> bg(List.of(ManifoldRanking.defaults(), CellularAutomata.backgroundBased()), w, 1));
            ALL.put("bg-mr" + w + "-amc", () -> bg(List.of(ManifoldRanking.defaults(), AbsorbingMarkovChain.defaults()), w, 1));
        }
        ALL.put("bg-ca(mr-bsca)", () -> bg(List.of(CellularAutomata.of(SaliencyFusion.of(List.of(ManifoldRanking.defaults(),
                CellularAutomata.backgroundBased()), 1, 1))), 1));
        ALL.put("bg-fq(mr-bsca)", () -> bg(List.of(ForegroundQueryRanking.of(SaliencyFusion.of(List.of(
                ManifoldRanking.defaults(), CellularAutomata.backgroundBased()), 1, 1))), 1));
        for (double s2 : new double[] {0.05, 0.2}) {
            ALL.put("bg-mr-s" + s2, () -> bg(List.of(ManifoldRanking.defaults().sigmaSquared(s2)), 1));
        }
        for (double s2 : new double[] {0.01, 0.02, 0.03, 0.05, 0.2}) {
            ALL.put("bg-amc-s" + s2, () -> bg(List.of(AbsorbingMarkovChain.defaults().sigmaSquared(s2)), 1));
            for (int w : new int[] {1, 2, 3}) {
                ALL.put("bg-mr" + w + "-amc-s" + s2, () -> bg(List.of(ManifoldRanking.defaults(), AbsorbingMarkovChain.defaults()
                        .sigmaSquared(s2)), w, 1));
            }
        }
        ALL.put("bg-ca(mr2-amc)", () -> bg(List.of(CellularAutomata.of(SaliencyFusion.of(List.of(ManifoldRanking.defaults(),
                AbsorbingMarkovChain.defaults()), 2, 1))), 1));
        ALL.put("bg-mr2-amc1-mrca1", () -> bg(List.of(ManifoldRanking.defaults(), AbsorbingMarkovChain.defaults(),
                CellularAutomata.of(ManifoldRanking.defaults())), 2, 1, 1));
        ALL.put("bg-mr2-amc1-bsca1", () -> bg(List.of(ManifoldRanking.defaults(), AbsorbingMarkovChain.defaults(),
                CellularAutomata.backgroundBased()), 2, 1, 1));
        ALL.put("bg-mr-ca5", () -> bg(List.of(CellularAutomata.of(ManifoldRanking.defaults()).iterations(5)), 1));
        ALL.put("bg-ca5(mr-amc)", () -> bg(List.of(CellularAutomata.of(mrAmc()).iterations(5)), 1));
        ALL.put("bg-ca20(mr-amc)", () -> bg(List.of(CellularAutomata.of(mrAmc())), 1));
        ALL.put("bg-mca", () -> bg(List.of(mca(0.05)), 1));
        ALL.put("bg-mca-amc0.03", () -> bg(List.of(mca(0.03)), 1));
        ALL.put("bg-mca-amc2", () -> bg(List.of(MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults(),
                AbsorbingMarkovChain.defaults().sigmaSquared(0.05), AbsorbingMarkovChain.defaults().sigmaSquared(0.02)))), 1));
        ALL.put("bg-fq(mca)", () -> bg(List.of(ForegroundQueryRanking.of(mca(0.05))), 1));
        ALL.put("bg-mca+fq(mca)", () -> bg(List.of(mca(0.05), ForegroundQueryRanking.of(mca(0.05))), 2, 1));
        ALL.put("bg-ca5(mca)", () -> bg(List.of(CellularAutomata.of(mca(0.05)).iterations(5)), 1));
        ALL.put("bg-mca-amc0.07", () -> bg(List.of(mca(0.07)), 1));
        ALL.put("bg-mca-s2", () -> bg(List.of(mca(0.05).steps(2)), 1));
        for (double l : new double[] {0.1, 0.3, 0.5}) {
            ALL.put("bg-mca-l" + l, () -> bg(List.of(mca(0.05).lambda(l)), 1));
        }
        ALL.put("bg-mca-s5", () -> bg(List.of(mca(0.05).steps(5)), 1));
        ALL.put("bg-mca-tree0.3", () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(mca(0.05)), 1)
                .centerBias(Presets.CENTER_SIGMA).treeSmoothing(0.3, Presets.TREE_SEGMENTS).stretched(true).calibrated(true)
                .sharpness(Presets.SHARPNESS)).build());
        ALL.put("bg-mca3", () -> bg(List.of(MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults(),
                AbsorbingMarkovChain.defaults().sigmaSquared(0.05), CellularAutomata.backgroundBased()))), 1));
        ALL.put("bg-mr-amc-bsca", () -> bg(List.of(ManifoldRanking.defaults(), AbsorbingMarkovChain.defaults().sigmaSquared(0.05),
                CellularAutomata.backgroundBased()), 1, 1, 0.5));
        for (double tw : new double[] {0.3, 0.7}) {
            ALL.put("bg-mr-amc-tree" + tw, () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(ManifoldRanking
                    .defaults(), AbsorbingMarkovChain.defaults().sigmaSquared(0.05)), 1, 1).centerBias(Presets.CENTER_SIGMA)
                    .treeSmoothing(tw, Presets.TREE_SEGMENTS).stretched(true).calibrated(true).sharpness(Presets.SHARPNESS))
                    .build());
        }
        ALL.put("bg-mr-amc-c0.7", () -> SuperCuts.pipeline().selection(SaliencyFusion.of(List.of(ManifoldRanking
                .defaults(), AbsorbingMarkovChain.defaults().sigmaSquared(0.05)), 1, 1).centerBias(0.7)
                .treeSmoothing(Presets.TREE_WEIGHT, Presets.TREE_SEGMENTS).stretched(true).calibrated(true)
                .sharpness(Presets.SHARPNESS)).build());
        ALL.put("bg-fq(mr-bsca)+mr-bsca", () -> {
            ObjectSelector mean = SaliencyFusion.of(List.of(ManifoldRanking.defaults(), CellularAutomata.backgroundBased()), 1, 1);
            return bg(List.of(ForegroundQueryRanking.of(mean), mean), 1, 1);
        });
        // hierarchy (spectral-stage speed): the default's recursive cut with the old solver (auto = dense <= 128 nodes,
        // Lanczos above) and with the shift-invert solver at three residual tolerances.
        ALL.put("hier-auto6", () -> SuperCuts.pipeline().partition(NCut.recursive().solver(EigenSolver.auto().tolerance(1e-6)))
                .build());
        ALL.put("hier-spectral-auto6", () -> Presets.spectral().partition(NCut.recursive().solver(EigenSolver.auto()
                .tolerance(1e-6))).build());
        for (int exponent : new int[] {6, 8, 10}) {
            ALL.put("hier-si" + exponent, () -> SuperCuts.pipeline().partition(NCut.recursive().solver(EigenSolver.shiftInvert()
                    .tolerance(Math.pow(10, -exponent)))).build());
        }
    }

    /** Variant names, sorted. */
    public static final List<String> NAMES = List.copyOf(ALL.keySet());

    private Variants() {
    }

    static ObjectSelector fusion() {
        return SaliencyFusion.of(List.of(BoundaryConnectivity.defaults(), ManifoldRanking.defaults(),
                ObjectSelectors.borderPrior()), 1, 1, 1);
    }

    static ObjectSelector tree() {
        return SaliencyFusion.of(List.of(ManifoldRanking.defaults()), 1).stretched(true).calibrated(true)
                .sharpness(Presets.SHARPNESS).centerBias(0.5).treeSmoothing(0.5, 16);
    }

    static ObjectSelector treeRaw() {
        return SaliencyFusion.of(List.of(ManifoldRanking.defaults()), 1).stretched(true).centerBias(0.5).treeSmoothing(0.5, 16);
    }

    /** The default selection around another manifold-ranking spec. */
    static ObjectSelector balanced(ObjectSelector mr) {
        return finish(SaliencyFusion.of(List.of(mr), 1), Presets.THRESHOLD_RULE, Presets.TREE_WEIGHT, Presets.TREE_SEGMENTS);
    }

    /**
     * The default's post-processing around fused cues: centre bias, tree smoothing at {@code levels}, stretch,
     * calibration by {@code rule}, sharpening.
     */
    static SaliencyFusion finish(SaliencyFusion cues, ThresholdRule rule, double treeWeight, int... levels) {
        return cues.centerBias(Presets.CENTER_SIGMA).treeSmoothing(treeWeight, levels).stretched(true).calibrated(rule)
                .sharpness(Presets.SHARPNESS);
    }

    static ObjectSelector mcaEdge() {
        return MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults().edgeWeight(Presets.EDGE_WEIGHT),
                AbsorbingMarkovChain.defaults().sigmaSquared(Presets.MARKOV_SIGMA_SQUARED)));
    }

    static ObjectSelector combined(ObjectSelector part, int... levels) {
        return finish(SaliencyFusion.of(List.of(part), 1), Presets.THRESHOLD_RULE, Presets.TREE_WEIGHT, levels);
    }

    static ObjectSelector treeLevels(double w, int... levels) {
        return finish(SaliencyFusion.of(List.of(ManifoldRanking.defaults()), 1), Presets.THRESHOLD_RULE, w, levels);
    }

    /** The default's cues (background priors and colour distribution, {@code Presets.PRIOR_WEIGHT}:1) with other parts. */
    static SaliencyFusion defaultCues(ObjectSelector priors, double distributionSigma, double priorWeight) {
        return SaliencyFusion.of(List.of(priors, ColourDistribution.defaults().sigma(distributionSigma)), priorWeight, 1);
    }

    /** Uncalibrated selectors for ThresholdStudy, by name. */
    static ObjectSelector rawSelector(String name) {
        return switch (name) {
            case "treeRaw" -> treeRaw();
            case "mrRaw" -> SaliencyFusion.of(List.of(ManifoldRanking.defaults()), 1).stretched(true);
            case "mcaEdgeRaw" -> SaliencyFusion.of(List.of(MultiLayerCellularAutomata.of(List.of(
                    ManifoldRanking.defaults().edgeWeight(0.3), AbsorbingMarkovChain.defaults().sigmaSquared(0.05)))), 1)
                    .centerBias(Presets.CENTER_SIGMA).treeSmoothing(Presets.TREE_WEIGHT, 8, 16).stretched(true);
            default -> throw new IllegalArgumentException("unknown raw selector '" + name + "'");
        };
    }

    /** The default pipeline with {@code parts} fused (weighted mean) in place of manifold ranking (issue 6, bgprior). */
    static Pipeline bg(List<ObjectSelector> parts, double... weights) {
        return SuperCuts.pipeline().selection(SaliencyFusion.of(parts, weights).centerBias(Presets.CENTER_SIGMA)
                .treeSmoothing(Presets.TREE_WEIGHT, Presets.TREE_SEGMENTS).stretched(true).calibrated(true)
                .sharpness(Presets.SHARPNESS)).build();
    }

    /** Mean of manifold ranking and the absorbing Markov chain (sigma^2 0.05), issue 6 bgprior. */
    static ObjectSelector mrAmc() {
        return SaliencyFusion.of(List.of(ManifoldRanking.defaults(), AbsorbingMarkovChain.defaults().sigmaSquared(0.05)), 1, 1);
    }

    /** Multi-layer cellular automata over manifold ranking and the absorbing Markov chain (issue 6, bgprior). */
    static MultiLayerCellularAutomata mca(double amcSigmaSquared) {
        return MultiLayerCellularAutomata.of(List.of(ManifoldRanking.defaults(), AbsorbingMarkovChain.defaults()
                .sigmaSquared(amcSigmaSquared)));
    }

    static ObjectSelector cal(List<ObjectSelector> parts, double... weights) {
        return SaliencyFusion.of(parts, weights).stretched(true).calibrated(true);
    }

    public static Pipeline get(String name) {
        Supplier<Pipeline> s = ALL.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown variant '" + name + "'; known: " + NAMES);
        }
        return s.get();
    }
}
