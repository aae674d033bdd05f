package org.supercuts.onnx.dino;

/**
 * How an image is brought to a ViT input whose height and width are multiples of the patch size.
 *
 * <p>For a graph exported at a fixed size the input is that size; for a dynamic-size graph it is the configured target
 * size, or the image's own size rounded to multiples of the patch size when none is configured. Pixels of the original
 * image that fall outside the network input (after a crop) take the features of the nearest patch (edge clamping).
 *
 * <p>Thread safety: enum, immutable.
 */
public enum ResizePolicy {
    /**
     * Keeps the aspect ratio (the default). Dynamic graph: the image is scaled to fit inside the target box (scale 1
     * without a target) and each side is rounded to the nearest multiple of the patch size (at least one patch), so the
     * aspect ratio changes by less than half a patch. Fixed graph: the image is scaled to cover the graph's size and the
     * excess is cropped symmetrically (torchvision's Resize + CenterCrop).
     */
    RESIZE_KEEP_ASPECT,
    /** No resampling: a centred crop to the target (or graph) size, or to the largest multiples of the patch size. */
    CROP,
    /** Scales each axis independently to exactly the target (or graph) size, or to the nearest multiples of the patch. */
    RESIZE_EXACT
}
