package org.supercuts.examples.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.supercuts.Pipeline;
import org.supercuts.SuperCuts;
import org.supercuts.Segmentation;
import org.supercuts.affinity.CosineAffinity;
import org.supercuts.affinity.DotProductAffinity;
import org.supercuts.affinity.TokenCutAffinity;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.ConfusionCounts;
import org.supercuts.examples.cli.SegmentCommand;
import org.supercuts.image.PlanarImage;
import org.supercuts.image.SafeFiles;
import org.supercuts.onnx.dino.DinoFeatures;
import org.supercuts.onnx.dino.DinoOptions;
import org.supercuts.onnx.dino.DinoRegionFeatures;
import org.supercuts.onnx.presets.DinoPresets;
import org.supercuts.selection.ObjectSelectors;
import org.supercuts.spectral.NCut;

/**
 * How far the library's earlier TokenCut- and Deep-Spectral-style pipelines were from the papers' rules on identical ViT
 * features, one difference at a time, and the masks the {@code tokencut} and {@code deepspectral} presets produce, dumped
 * for the independent NumPy check ({@code supercuts-core/tools/paper_presets.py check-dump}). Each row is the mean and
 * minimum IoU of the pixel masks (over the images) between a variant and the exact preset, and how many masks are
 * identical; every step adds one of the papers' rules. The last block compares docs/dino.md's earlier snippet with the
 * {@code dino} preset (what {@code --model} runs).
 *
 * <p>Usage: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.study.PaperRuleStudy MODEL.onnx
 * ECSSD_ROOT LIMIT [DUMP_DIR]}: the first LIMIT ECSSD images, resized to fit 224x224 (a dynamic-size graph is needed).
 *
 * <p>Thread safety: a program entry point.
 */
public final class PaperRuleStudy {
    private PaperRuleStudy() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PaperRuleStudy MODEL.onnx ECSSD_ROOT LIMIT [DUMP_DIR]");
            System.exit(2);
        }
        int limit = Integer.parseInt(args[2]);
        Path dump = args.length > 3 ? Path.of(args[3]) : null;
        try (DinoFeatures vit = DinoFeatures.load(Path.of(args[0]), DinoOptions.defaults().withTargetSize(224, 224))) {
            DinoRegionFeatures patchKeys = new DinoRegionFeatures(vit).withUpsampling(DinoRegionFeatures.Upsampling.NEAREST);
            Pipeline tokenCut = DinoPresets.tokenCut(vit).build();
            Pipeline oldTokenCut = DinoPresets.tokenCut(vit).affinity(TokenCutAffinity.defaults().selfLoops(false))
                    .partition(NCut.bipartition()).selection(ObjectSelectors.tokenCut()).build();
            Map<String, Pipeline> tokenCutSteps = new LinkedHashMap<>();
            tokenCutSteps.put("earlier: no self-loops, best-NCut split, side of largest |v|", oldTokenCut);
            tokenCutSteps.put("+ self-loops", oldTokenCut.toBuilder().affinity(TokenCutAffinity.defaults()).build());
            tokenCutSteps.put("+ split at the mean (>=)", oldTokenCut.toBuilder().affinity(TokenCutAffinity.defaults())
                    .partition(NCut.bipartition().splitRule(NCut.SplitRule.MEAN)).build());
            tokenCutSteps.put("+ strict > and the seed's 4-connected component (= preset)", tokenCut);
            Pipeline deepSpectral = DinoPresets.deepSpectral(vit).build();
            Pipeline oldDeepSpectral = DinoPresets.deepSpectral(vit).affinity(CosineAffinity.dense())
                    .partition(NCut.bipartition()).selection(ObjectSelectors.deepSpectral()).build();
            Map<String, Pipeline> deepSpectralSteps = new LinkedHashMap<>();
            deepSpectralSteps.put("earlier: clipped cosine without diagonal, best-NCut split, minority by pixels", oldDeepSpectral);
            deepSpectralSteps.put("+ diagonal kept (W/max)", oldDeepSpectral.toBuilder().affinity(DotProductAffinity.normalized())
                    .build());
            deepSpectralSteps.put("+ split at 0", oldDeepSpectral.toBuilder().affinity(DotProductAffinity.normalized())
                    .partition(NCut.bipartition().splitRule(NCut.SplitRule.ZERO)).build());
            deepSpectralSteps.put("+ sign rule counting patches, strict > (= preset)", deepSpectral);
            Map<String, Pipeline> dinoSteps = new LinkedHashMap<>();
            dinoSteps.put("docs/dino.md's earlier snippet: default pipeline with pooled keys", SuperCuts.pipeline()
                    .features(new DinoRegionFeatures(vit)).build());
            Pipeline dino = DinoPresets.dino(vit).build();
            dinoSteps.put("the dino preset (= --model)", dino);

            List<Sample> samples = new ArrayList<>();
            for (Sample s : Datasets.ecssd(Path.of(args[1]))) {
                if (samples.size() < limit) {
                    samples.add(s);
                }
            }
            Map<String, double[]> iou = new LinkedHashMap<>();
            for (Sample sample : samples) {
                PlanarImage image = sample.loadImage();
                Segmentation exactT = tokenCut.segment(image);
                Segmentation exactD = deepSpectral.segment(image);
                Segmentation exactDino = dino.segment(image);
                compare(iou, "tokencut", tokenCutSteps, image, exactT);
                compare(iou, "deepspectral", deepSpectralSteps, image, exactD);
                compare(iou, "dino", dinoSteps, image, exactDino);
                if (dump != null) {
                    Files.createDirectories(dump.resolve("tokencut"));
                    Files.createDirectories(dump.resolve("deepspectral"));
                    write(exactT, dump.resolve("tokencut"), sample.id());
                    write(exactD, dump.resolve("deepspectral"), sample.id());
                }
            }
            System.out.printf(Locale.ROOT, "%d ECSSD images, %s, patch grid of %s%n", samples.size(), vit.describe(),
                    patchKeys.describe());
            System.out.println("| rule | variant | mean IoU with the preset | min IoU | identical masks |");
            System.out.println("|---|---|---|---|---|");
            iou.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %d / %d |%n",
                    k.replace("|", "\\|").replace("\t", " | "), v[0] / v[3], v[1], (int) v[2], (int) v[3]));
        }
    }

    /** The {@code segment --dump} files of one result, {@code DIR/ID-SUFFIX}. */
    private static void write(Segmentation s, Path dir, String id) throws java.io.IOException {
        for (Map.Entry<String, SafeFiles.Content> f : SegmentCommand.dumpFiles(s).entrySet()) {
            SafeFiles.write(dir.resolve(id + "-" + f.getKey()), f.getValue());
        }
    }

    private static void compare(Map<String, double[]> iou, String rule, Map<String, Pipeline> steps, PlanarImage image,
            Segmentation reference) {
        for (Map.Entry<String, Pipeline> e : steps.entrySet()) {
            Segmentation s = e.getValue().segment(image);
            double[] v = iou.computeIfAbsent(rule + "\t" + e.getKey(), k -> new double[] {0, 1, 0, 0});
            double x = ConfusionCounts.of(s.mask(), reference.mask()).iou();
            v[0] += x;
            v[1] = Math.min(v[1], x);
            v[2] += java.util.Arrays.equals(s.mask(), reference.mask()) ? 1 : 0;
            v[3]++;
        }
    }
}
