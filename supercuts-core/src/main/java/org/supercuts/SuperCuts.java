package org.supercuts;

import org.supercuts.image.PlanarImage;

/**
 * Entry point: {@code SuperCuts.pipeline()} returns a builder pre-filled with the default stages, so a user changes only
 * what they care about:
 *
 * <pre>{@code
 * Pipeline p = SuperCuts.pipeline()
 *         .superpixels(Slic.segments(400).compactness(20))
 *         .partition(NCut.recursive().maxSegments(12))
 *         .build();
 * Segmentation s = p.segment(PlanarImage.read(Path.of("cat.jpg")));
 * }</pre>
 *
 * <p>The defaults are documented (with the measurements that chose them) in docs/pipeline-defaults.md.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class SuperCuts {
    /** Default number of SLIC superpixels. */
    public static final int DEFAULT_SUPERPIXELS = Presets.SUPERPIXELS;

    private SuperCuts() {
    }

    /** A builder with every stage set to its default ({@link Presets#saliency()}). */
    public static Pipeline.Builder pipeline() {
        return Presets.saliency();
    }

    /** Segments one image with the default pipeline. */
    public static Segmentation segment(PlanarImage image) {
        return pipeline().build().segment(image);
    }
}
