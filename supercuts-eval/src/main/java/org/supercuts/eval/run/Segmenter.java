package org.supercuts.eval.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.supercuts.Pipeline;
import org.supercuts.Provenance;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.image.PlanarImage;

/**
 * Produces a {@link Prediction} for a dataset sample: the library's {@link Pipeline}, any function of the image, or
 * predictions another tool saved to disk ({@link PredictionDirectory}).
 *
 * <p>Thread safety: implementations must be safe to call from several threads at once (the runner does).
 */
@FunctionalInterface
public interface Segmenter {
    /**
     * Predicts one sample. Exceptions (e.g. {@link org.supercuts.image.ImageReadException} for an unreadable image) are
     * reported for that sample by name and the run goes on.
     */
    Prediction predict(Sample sample);

    /** What produced the predictions, for the report's "pipeline" entry. */
    default Map<String, Object> describe() {
        return Map.of("segmenter", getClass().getName());
    }

    /** The pipeline applied to each sample's image; described by its provenance. */
    static Segmenter of(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        return new Segmenter() {
            @Override
            public Prediction predict(Sample sample) {
                return Prediction.of(pipeline.segment(sample.loadImage()));
            }

            @Override
            public Map<String, Object> describe() {
                Provenance p = pipeline.provenance();
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("library_version", p.libraryVersion());
                d.put("stages", new java.util.TreeMap<>(p.stages()));
                d.put("seed", p.seed());
                d.put("device", p.device());
                return d;
            }
        };
    }

    /** Any function of the decoded image, described by {@code description}. */
    static Segmenter ofImages(Function<PlanarImage, Prediction> function, Map<String, Object> description) {
        Objects.requireNonNull(function, "function");
        Map<String, Object> d = Map.copyOf(Objects.requireNonNull(description, "description"));
        return new Segmenter() {
            @Override
            public Prediction predict(Sample sample) {
                return function.apply(sample.loadImage());
            }

            @Override
            public Map<String, Object> describe() {
                return d;
            }
        };
    }
}
