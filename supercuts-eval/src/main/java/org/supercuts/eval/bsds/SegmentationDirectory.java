package org.supercuts.eval.bsds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.supercuts.eval.dataset.Sample;
import org.supercuts.image.LabelImages;
import org.supercuts.image.LabelMap;

/**
 * Label maps saved by another tool (or by {@code evaluate --save-segmentations}), one folder per scale:
 * {@code DIR/segmentations/<scale>/<stem>.png} (or {@code DIR/<scale>/<stem>.png} when DIR has no {@code segmentations}
 * folder). Scales are sorted by their names read as numbers when they all are, else by name. Files are read with
 * {@link LabelImages#read} (16-bit or 8-bit grey, or 8-bit colour; label gaps are fine). A missing file, a map of another
 * size than the image, or an 8-bit map whose labels wrapped around is an error for that image, naming the file.
 *
 * <p>Thread safety: immutable; reads files on every call.
 */
public final class SegmentationDirectory implements ScaledSegmenter {
    private final Path root;
    private final List<String> scales;

    /**
     * @throws IllegalArgumentException when the directory has no scale folders
     */
    public SegmentationDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path r = Files.isDirectory(directory.resolve("segmentations")) ? directory.resolve("segmentations") : directory;
        if (!Files.isDirectory(r)) {
            throw new IllegalArgumentException("predictions directory " + directory + " is not a directory");
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(r)) {
            s.filter(Files::isDirectory).forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + r + ": " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("predictions directory " + directory + " has no scale folders: expected "
                    + "segmentations/<scale>/<stem>.png or <scale>/<stem>.png");
        }
        boolean numeric = names.stream().allMatch(SegmentationDirectory::isNumber);
        names.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        this.root = r;
        this.scales = List.copyOf(names);
    }

    /** True when {@code dir} holds a {@code segmentations} folder. */
    public static boolean holdsSegmentations(Path dir) {
        return Files.isDirectory(dir.resolve("segmentations"));
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public List<String> scaleNames() {
        return scales;
    }

    @Override
    public ScaledSegmentation segment(Sample sample) {
        List<LabelMap> levels = new ArrayList<>();
        for (String scale : scales) {
            Path file = root.resolve(scale).resolve(sample.id() + ".png");
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("no segmentation of sample " + sample.id() + " at scale " + scale + ": " + file
                        + " does not exist");
            }
            LabelMap l = LabelImages.read(file);
            if (!levels.isEmpty() && (l.width() != levels.get(0).width() || l.height() != levels.get(0).height())) {
                throw new IllegalArgumentException("segmentation " + file + " is " + l.width() + "x" + l.height() + " but scale "
                        + scales.get(0) + " is " + levels.get(0).width() + "x" + levels.get(0).height());
            }
            levels.add(l);
        }
        return ScaledSegmentation.ofLevels(levels);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("predictions", root.toAbsolutePath().toString());
        d.put("scales", scales);
        return d;
    }
}
