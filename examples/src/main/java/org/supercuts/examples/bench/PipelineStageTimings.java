package org.supercuts.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.image.PlanarImage;

/**
 * A per-stage profile of the default pipeline ({@code SuperCuts.pipeline()}), single-threaded, on real ECSSD images at their own
 * size: after a warm-up pass, the median over images of each stage's time from {@link Segmentation#timingsMillis()}.
 *
 * <p>Run: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.bench.PipelineStageTimings [IMAGES]}
 * (default 20 images; a synthetic 400x300 image when ../shared/datasets/ECSSD is absent).
 *
 * <p>Thread safety: a main program.
 */
public final class PipelineStageTimings {
    private PipelineStageTimings() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        if (count < 1) {
            throw new IllegalArgumentException("IMAGES must be >= 1, got " + count);
        }
        List<PlanarImage> images = new ArrayList<>();
        Path dir = BenchImages.findShared("datasets/ECSSD/images");
        if (dir != null) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().limit(count).collect(Collectors.toList())) {
                    images.add(PlanarImage.read(p).toRgb());
                }
            }
            System.out.println(images.size() + " ECSSD images from " + dir);
        } else {
            System.out.println("ECSSD not found under ../shared; using a synthetic 400x300 image");
            images.add(BenchImages.synthetic(400, 300, 3));
        }
        Pipeline pipeline = PipelineBenchmark.defaultPipeline(1, null);
        long warmEnd = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (PlanarImage im : images) {
                pipeline.segment(CompareCommand.unconverted(im));
            }
        }
        Map<String, List<Double>> stages = new LinkedHashMap<>();
        for (PlanarImage im : images) {
            for (Map.Entry<String, Double> e : pipeline.segment(CompareCommand.unconverted(im)).timingsMillis().entrySet()) {
                stages.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
            }
        }
        System.out.println("| stage | median ms | max ms |");
        System.out.println("|---|---|---|");
        for (Map.Entry<String, List<Double>> e : stages.entrySet()) {
            double max = e.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            System.out.printf(java.util.Locale.ROOT, "| %s | %.2f | %.2f |%n", e.getKey(), Timing.median(e.getValue()), max);
        }
    }
}
