package org.supercuts.onnx.dino;

import java.util.Objects;

import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.superpixel.Superpixelizer;

/**
 * Labels an image by a ViT's patch grid: every pixel gets the index of the patch that contains it (under the
 * {@link DinoFeatures}' resize policy), so the regular superpixel pipeline runs on patches, as TokenCut (Wang et al.,
 * CVPR 2022) and deep spectral methods (Melas-Kyriazi et al., CVPR 2022) do. Pair it with {@link DinoRegionFeatures} in
 * {@link DinoRegionFeatures.Upsampling#NEAREST} mode to give every region exactly its patch's feature.
 *
 * <p>Labels are patch indices in row-major grid order, compacted: when the image is smaller than the grid some patches
 * contain no pixel centre and are skipped. Pixels outside a crop join the nearest edge patch. Every region is a rectangle,
 * hence 4-connected. The model is not run; only its geometry is used.
 *
 * <p>Deviations from the papers: none in the grid itself; the papers' graphs are fully connected over patches, while the
 * library's region graph also records 4-adjacency (the affinity builder decides which pairs to use).
 *
 * <p>Thread safety: immutable, safe for concurrent use.
 */
public final class PatchGridSuperpixelizer implements Superpixelizer {
    private final DinoFeatures vit;

    /** Labels images by the patch grid of {@code vit} (under its resize policy). */
    public PatchGridSuperpixelizer(DinoFeatures vit) {
        this.vit = Objects.requireNonNull(vit, "vit");
    }

    /**
     * @throws IllegalArgumentException when the resize policy cannot fit the image ({@link ResizePolicy#CROP} of an image
     *                                  smaller than the input), naming the model
     */
    @Override
    public LabelMap segment(PlanarImage image) {
        Objects.requireNonNull(image, "image");
        return labels(vit.geometry(image.width(), image.height()));
    }

    /** The patch-grid labelling of an image placed by {@code g}. */
    public static LabelMap labels(PatchGeometry g) {
        int w = g.imageWidth();
        int h = g.imageHeight();
        int[] col = new int[w];
        for (int x = 0; x < w; x++) {
            col[x] = g.patchColumn(x);
        }
        int[] out = new int[w * h];
        int gw = g.gridWidth();
        for (int y = 0; y < h; y++) {
            int row = g.patchRow(y) * gw;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = row + col[x];
            }
        }
        return LabelMap.compact(w, h, out);
    }

    @Override
    public String describe() {
        return "patch-grid(" + vit.describe() + ")";
    }
}
