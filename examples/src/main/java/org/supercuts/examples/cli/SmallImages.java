package org.supercuts.examples.cli;

import java.util.ArrayList;
import java.util.List;

import org.supercuts.Pipeline;
import org.supercuts.superpixel.Slic;
import org.supercuts.superpixel.Superpixelizer;

/**
 * Fits the SLIC superpixel count to small images: an image of P pixels gets at most {@code max(2, P / 4)} superpixels
 * (regions of at least 2x2 pixels on average), at every scale; the count actually used is recorded in the JSON. Images of
 * fewer than 2 pixels cannot be segmented (the spectral cut needs two regions). Other superpixel methods are left as they are.
 *
 * <p>Thread safety: stateless static methods. Public for the Spark job (examples/spark), which fits its images alike.
 */
public final class SmallImages {
    /** Pixels per superpixel at least, on average, when the count is clamped. */
    static final int MIN_PIXELS_PER_SUPERPIXEL = 4;

    /** A pipeline for one image and what was changed: {@code usedSuperpixels == requestedSuperpixels} when nothing was. */
    public record Fitted(Pipeline pipeline, int requestedSuperpixels, int usedSuperpixels) {
        /** Whether the count was lowered. */
        public boolean clamped() {
            return usedSuperpixels != requestedSuperpixels;
        }
    }

    private SmallImages() {
    }

    /** The largest SLIC count allowed for an image of {@code pixels} pixels. */
    static int maxSuperpixels(long pixels) {
        return (int) Math.max(2, Math.min(Integer.MAX_VALUE, pixels / MIN_PIXELS_PER_SUPERPIXEL));
    }

    /**
     * {@code pipeline} with its SLIC counts clamped for a {@code width x height} image.
     *
     * @throws IllegalArgumentException when the image has fewer than 2 pixels
     */
    public static Fitted fit(Pipeline pipeline, int width, int height) {
        long pixels = (long) width * height;
        if (pixels < 2) {
            throw new IllegalArgumentException("image is " + width + "x" + height + ": too small to segment; at least 2 pixels are"
                    + " needed (the cut needs two regions)");
        }
        int max = maxSuperpixels(pixels);
        Superpixelizer main = pipeline.superpixelizer();
        if (!(main instanceof Slic slic)) {
            return new Fitted(pipeline, -1, -1);
        }
        boolean changed = slic.segments() > max;
        List<Superpixelizer> extra = new ArrayList<>();
        for (Superpixelizer s : pipeline.extraScales()) {
            if (s instanceof Slic e && e.segments() > max) {
                extra.add(withSegments(e, max));
                changed = true;
            } else {
                extra.add(s);
            }
        }
        if (!changed) {
            return new Fitted(pipeline, slic.segments(), slic.segments());
        }
        Pipeline fitted = pipeline.toBuilder().superpixels(withSegments(slic, Math.min(slic.segments(), max))).extraScales(extra)
                .build();
        return new Fitted(fitted, slic.segments(), Math.min(slic.segments(), max));
    }

    private static Slic withSegments(Slic s, int k) {
        return Slic.segments(k).compactness(s.compactness()).iterations(s.iterations()).minSizeFactor(s.minSizeFactor())
                .maxSizeFactor(s.maxSizeFactor()).sigma(s.sigma()).threads(s.threads());
    }
}
