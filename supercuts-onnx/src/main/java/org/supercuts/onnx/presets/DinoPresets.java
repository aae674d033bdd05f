package org.supercuts.onnx.presets;

import java.util.Objects;

import org.supercuts.Pipeline;
import org.supercuts.Presets;
import org.supercuts.SuperCuts;
import org.supercuts.affinity.CosineAffinity;
import org.supercuts.onnx.dino.DinoFeatures;
import org.supercuts.onnx.dino.DinoRegionFeatures;
import org.supercuts.onnx.dino.PatchGridSuperpixelizer;
import org.supercuts.selection.ObjectSelectors;

/**
 * Named pipelines on the features of a DINO ViT. Each returns a builder, so any stage can still be changed; the
 * {@link DinoFeatures} stays owned by the caller (close it after the last segmentation).
 *
 * <ul>
 *   <li>{@link #dino(DinoFeatures)} — what {@code ./supercuts segment --model M} builds: the default SLIC superpixels and
 *       recursive normalized cut, with ViT keys pooled onto the superpixels, the clipped-cosine affinity and the border
 *       prior selecting the side of the root cut.</li>
 *   <li>{@link #tokenCut(DinoFeatures)} — TokenCut (Wang et al., CVPR 2022) on the ViT patch grid: {@link
 *       Presets#tokenCut()} with the patches as regions and each patch's own key as its feature.</li>
 *   <li>{@link #deepSpectral(DinoFeatures)} — Deep Spectral Methods' single-object segmentation (Melas-Kyriazi et al.,
 *       CVPR 2022) on the ViT patch grid: {@link Presets#deepSpectral()} with the patches as regions.</li>
 * </ul>
 *
 * <p>The patch presets read the features through {@link DinoRegionFeatures} in {@link
 * DinoRegionFeatures.Upsampling#NEAREST} mode on the {@link PatchGridSuperpixelizer}, so region i's feature is patch i's
 * key scaled to unit length, exactly the papers' normalised keys. The papers' masks are at patch resolution; here each
 * pixel takes its patch's value (the papers' nearest-neighbour upsampling).
 *
 * <p>Deviations from the papers: the image is placed on the ViT input by the {@link DinoFeatures}' resize policy (TokenCut
 * resizes to the nearest multiple of the patch size with a Lanczos filter: use a dynamic-size graph with
 * {@code ResizePolicy.RESIZE_EXACT} for the same grid; resampling filters differ); the affinities are computed in double
 * precision (the papers' code thresholds and multiplies in float32, which can flip pairs within about 1e-7 of tau).
 *
 * <p>Thread safety: stateless static methods; the pipelines built are thread-safe when the {@link DinoFeatures} is (it is).
 */
public final class DinoPresets {
    private DinoPresets() {
    }

    /** The default pipeline with pooled ViT keys, clipped-cosine affinity and the border prior (the CLI's {@code --model}). */
    public static Pipeline.Builder dino(DinoFeatures vit) {
        Objects.requireNonNull(vit, "vit");
        return SuperCuts.pipeline().features(new DinoRegionFeatures(vit)).affinity(CosineAffinity.dense())
                .selection(ObjectSelectors.borderPrior()).device(vit.model().device().toString());
    }

    /** TokenCut on the patch grid (tau 0.2; change it with {@code .affinity(TokenCutAffinity.defaults().tau(t))}). */
    public static Pipeline.Builder tokenCut(DinoFeatures vit) {
        return onPatches(Presets.tokenCut(), vit);
    }

    /** Deep Spectral Methods' single-object segmentation on the patch grid. */
    public static Pipeline.Builder deepSpectral(DinoFeatures vit) {
        return onPatches(Presets.deepSpectral(), vit);
    }

    private static Pipeline.Builder onPatches(Pipeline.Builder preset, DinoFeatures vit) {
        Objects.requireNonNull(vit, "vit");
        return preset.superpixels(new PatchGridSuperpixelizer(vit))
                .features(new DinoRegionFeatures(vit).withUpsampling(DinoRegionFeatures.Upsampling.NEAREST))
                .device(vit.model().device().toString());
    }
}
