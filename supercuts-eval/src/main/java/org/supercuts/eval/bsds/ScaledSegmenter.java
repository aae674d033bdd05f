package org.supercuts.eval.bsds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.supercuts.Pipeline;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.run.Segmenter;

/**
 * Produces the segmentations of a sample at every scale of a sweep: the library's pipeline (its hierarchy cut at
 * thresholds) or label maps another tool saved ({@link SegmentationDirectory}).
 *
 * <p>Thread safety: implementations must be safe to call from several threads at once.
 */
public interface ScaledSegmenter {
    /** The scales of the sweep, by name (directory names under {@code segmentations/}), in sweep order. */
    List<String> scaleNames();

    /** The segmentations of one sample; exceptions are reported for that sample and the run goes on. */
    ScaledSegmentation segment(Sample sample);

    /** What produced the segmentations, for the report. */
    Map<String, Object> describe();

    /**
     * The BSDS thresholds: {@code count} values evenly spaced strictly inside (0, 1), {@code i / (count + 1)}.
     */
    static double[] thresholds(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("scales must be >= 1, got " + count);
        }
        double[] t = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = (i + 1.0) / (count + 1);
        }
        return t;
    }

    /** The pipeline's hierarchy ({@code Segmentation.hierarchy()}) cut at each threshold (ascending). */
    static ScaledSegmenter of(Pipeline pipeline, double[] thresholds) {
        Objects.requireNonNull(pipeline, "pipeline");
        if (pipeline.hierarchyBuilder() == null) {
            throw new IllegalArgumentException("the pipeline has no hierarchy builder; set one with Pipeline.Builder.hierarchy");
        }
        double[] t = thresholds.clone();
        for (int i = 0; i < t.length; i++) {
            if (!(t[i] >= 0 && t[i] <= 1) || (i > 0 && t[i] <= t[i - 1])) {
                throw new IllegalArgumentException("thresholds must be ascending in [0, 1], got " + t[i] + " at position " + i);
            }
        }
        List<String> names = new ArrayList<>();
        for (double v : t) {
            names.add(String.format(Locale.ROOT, "%.4f", v));
        }
        List<String> scaleNames = List.copyOf(names);
        return new ScaledSegmenter() {
            @Override
            public List<String> scaleNames() {
                return scaleNames;
            }

            @Override
            public ScaledSegmentation segment(Sample sample) {
                return ScaledSegmentation.of(pipeline.segment(sample.loadImage()).hierarchy(), t);
            }

            @Override
            public Map<String, Object> describe() {
                Map<String, Object> d = new LinkedHashMap<>(Segmenter.of(pipeline).describe());
                d.put("scale", "threshold on the hierarchy's merge heights, in [0, 1]");
                return d;
            }
        };
    }
}
