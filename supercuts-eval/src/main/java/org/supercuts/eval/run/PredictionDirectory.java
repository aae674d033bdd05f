package org.supercuts.eval.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.GroundTruthMasks;
import org.supercuts.image.PlanarImage;

/**
 * Scores predictions already on disk, produced by another tool (or an earlier run): for sample STEM it reads, from one
 * directory,
 * <ul>
 *   <li>{@code STEM-soft.png}: a soft map (grey level / 255); with {@code STEM-mask.png} beside it the mask is taken from
 *       that file, otherwise the soft map is thresholded at 0.5;</li>
 *   <li>else {@code STEM-mask.png}: a binary mask (level &gt;= 128 is foreground), which also serves as the soft map;</li>
 *   <li>else {@code STEM.png}: a soft map (grey level / 255) thresholded at 0.5 (the usual output of saliency tools).</li>
 * </ul>
 * Colour files are reduced to the mean of their channels. A sample with none of these files is an error naming the three
 * paths tried. The image itself is not decoded.
 *
 * <p>Thread safety: immutable; reads files on every call.
 */
public final class PredictionDirectory implements Segmenter {
    /** Threshold applied to soft maps that come without a mask file. */
    public static final double THRESHOLD = 0.5;

    private final Path directory;

    /** Reads the predictions saved in {@code directory} (an existing folder). */
    public PredictionDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("predictions directory " + directory + " is not a directory");
        }
        this.directory = directory;
    }

    @Override
    public Prediction predict(Sample sample) {
        return load(sample.id());
    }

    /** The three files a prediction for {@code id} may be read from, in the order they are tried. */
    public List<Path> candidates(String id) {
        return List.of(directory.resolve(id + "-soft.png"), directory.resolve(id + "-mask.png"), directory.resolve(id + ".png"));
    }

    /** Whether a prediction for {@code id} exists. */
    public boolean has(String id) {
        return candidates(id).stream().anyMatch(Files::exists);
    }

    /** The directory read. */
    public Path directory() {
        return directory;
    }

    /**
     * The prediction for {@code id}, read as described in the class comment.
     *
     * @throws IllegalArgumentException when none of the three files exists, naming them
     */
    public Prediction load(String id) {
        Path soft = directory.resolve(id + "-soft.png");
        Path mask = directory.resolve(id + "-mask.png");
        Path plain = directory.resolve(id + ".png");
        if (Files.exists(soft)) {
            PlanarImage s = PlanarImage.read(soft);
            float[] values = grey(s);
            if (Files.exists(mask)) {
                PlanarImage m = PlanarImage.read(mask);
                if (m.width() != s.width() || m.height() != s.height()) {
                    throw new IllegalArgumentException("prediction " + mask + " is " + m.width() + "x" + m.height() + " but " + soft
                            + " is " + s.width() + "x" + s.height());
                }
                return Prediction.ofSoftAndMask(s.width(), s.height(), values, GroundTruthMasks.binarise(grey(m)));
            }
            return Prediction.ofSoft(s.width(), s.height(), values, THRESHOLD);
        }
        if (Files.exists(mask)) {
            PlanarImage m = PlanarImage.read(mask);
            return Prediction.ofMask(m.width(), m.height(), GroundTruthMasks.binarise(grey(m)));
        }
        if (Files.exists(plain)) {
            PlanarImage s = PlanarImage.read(plain);
            return Prediction.ofSoft(s.width(), s.height(), grey(s), THRESHOLD);
        }
        throw new IllegalArgumentException("no prediction for sample " + id + ": none of " + soft + ", " + mask + ", " + plain
                + " exists");
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("predictions", directory.toAbsolutePath().toString());
        d.put("threshold", THRESHOLD);
        return d;
    }

    private static float[] grey(PlanarImage img) {
        if (img.channels() == 1) {
            return img.plane(0);
        }
        float[] r = img.plane(0);
        float[] g = img.plane(1);
        float[] b = img.plane(2);
        float[] out = new float[r.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (r[i] + g[i] + b[i]) / 3f;
        }
        return out;
    }
}
