package org.supercuts.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.render.Pictures;

/**
 * The segmentation at several granularities: the recursive normalized cut's hierarchy, coarse to fine, as whole levels
 * and by segment count. Asking for more segments than the hierarchy has (the default cut stops at 16) returns its finest
 * partition, and the answer says so.
 *
 * <p>Usage: {@code HierarchyLevels [photo]}. Writes {@code target/examples/hierarchy-levels.png} (the levels side by side)
 * and {@code hierarchy-8-segments.png} (8 segments in palette colours).
 *
 * <p>Thread safety: stateless.
 */
public final class HierarchyLevels {
    private HierarchyLevels() {
    }

    /**
     * The levels and two cuts by segment count.
     *
     * @param levels the hierarchy levels, coarse to fine
     * @param eight  the coarsest partition with at least 8 segments
     * @param forty  what asking for 40 segments gives (clamped to the finest partition)
     */
    public record Result(List<LabelMap> levels, Segmentation.Segments eight, Segmentation.Segments forty) {
    }

    /** Segments {@code image} with {@code levelCount} levels and writes the pictures into {@code outDir}. */
    public static Result run(PlanarImage image, int levelCount, Path outDir) {
        Segmentation s = SuperCuts.pipeline().levels(levelCount).build().segment(image);
        Segmentation.Segments eight = s.withSegments(8);
        Segmentation.Segments forty = s.withSegments(40);
        ImageFiles.writePng(Pictures.levels(image, s.levels()), outDir.resolve("hierarchy-levels.png"));
        ImageFiles.writePng(Pictures.paletteColours(eight.labels(), -1), outDir.resolve("hierarchy-8-segments.png"));
        return new Result(s.levels(), eight, forty);
    }

    /** Runs the example on the photo named by {@code args[0]}, or on the bundled sample photo. */
    public static void main(String[] args) throws IOException {
        PlanarImage image = args.length > 0 ? PlanarImage.read(Path.of(args[0]))
                : PlanarImage.fromBufferedImage(ImageIO.read(HierarchyLevels.class.getResource("sample/chelsea.png")));
        Result r = run(image, 4, Path.of("target", "examples"));
        r.levels().forEach(l -> System.out.println("level: " + l.count() + " segments"));
        System.out.println("8 asked: " + r.eight().count() + "; 40 asked: " + r.forty().count() + " (" + r.forty().note() + ")");
    }
}
