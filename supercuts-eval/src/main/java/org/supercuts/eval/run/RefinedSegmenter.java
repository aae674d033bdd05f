package org.supercuts.eval.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.supercuts.eval.dataset.Sample;
import org.supercuts.image.PlanarImage;
import org.supercuts.refine.MaskRefiner;

/**
 * Another segmenter's predictions refined at full resolution, guided by the sample's image, then thresholded at 0.5: the
 * first trick of "Two Tricks to Improve Unsupervised Segmentation Learning" (guided filtering of any method's output
 * masks with the image luminance as the guide, e.g. {@code GuidedFilter.radius(9)}, whose default guide is the mean of R,
 * G and B in [0, 1], as the paper prescribes). A prediction given as a binary mask is refined as the 0/1 map.
 *
 * <p>Deviations from the paper: the paper does not state the threshold after filtering; 0.5 is used (the midpoint of a
 * 0/1 mask's range).
 *
 * <p>Thread safety: immutable; safe for concurrent use when the base segmenter is (as the runner requires) and the refiner
 * is (this library's are).
 */
public final class RefinedSegmenter implements Segmenter {
    /** Threshold applied to the refined soft map. */
    public static final double THRESHOLD = 0.5;

    private final Segmenter base;
    private final MaskRefiner refiner;

    /** {@code base}'s predictions refined by {@code refiner} (for "Two Tricks", {@code GuidedFilter.radius(r).eps(e)}). */
    public RefinedSegmenter(Segmenter base, MaskRefiner refiner) {
        this.base = Objects.requireNonNull(base, "base");
        this.refiner = Objects.requireNonNull(refiner, "refiner");
    }

    @Override
    public Prediction predict(Sample sample) {
        Prediction p = base.predict(sample);
        return refine(sample.loadImage(), p, refiner, sample.imagePath().toString());
    }

    /**
     * {@code p}'s soft map refined by {@code refiner} guided by {@code image}, thresholded at {@link #THRESHOLD}; its
     * superpixels, if any, are kept.
     *
     * @param imageName the image's name in the error raised when the sizes differ
     */
    public static Prediction refine(PlanarImage image, Prediction p, MaskRefiner refiner, String imageName) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(p, "prediction");
        Objects.requireNonNull(refiner, "refiner");
        if (image.width() != p.width() || image.height() != p.height()) {
            throw new IllegalArgumentException("prediction is " + p.width() + "x" + p.height() + " but image " + imageName + " is "
                    + image.width() + "x" + image.height() + "; the guide must have the prediction's size");
        }
        Prediction refined = Prediction.ofSoft(p.width(), p.height(), refiner.refine(image, p.soft()), THRESHOLD);
        return p.superpixels() == null ? refined : refined.withSuperpixels(p.superpixels());
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>(base.describe());
        d.put("refine", refiner.describe());
        d.put("refine_threshold", THRESHOLD);
        return d;
    }
}
