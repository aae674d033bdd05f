package org.supercuts.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.DatasetProblem;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.run.Prediction;
import org.supercuts.eval.run.PredictionDirectory;
import org.supercuts.eval.run.RefinedSegmenter;
import org.supercuts.image.ImageFiles;
import org.supercuts.refine.GuidedFilter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code supercuts refine --predictions DIR --images DIR --out DIR}: refines another tool's masks or soft maps with the
 * guided filter guided by each image's luminance ("Two Tricks", first trick) and writes {@code OUT/STEM-soft.png} and
 * {@code OUT/STEM-mask.png} (refined map thresholded at 0.5), which {@code evaluate --predictions OUT} reads back.
 *
 * <p>Predictions are found per image stem as {@link PredictionDirectory} reads them ({@code STEM-soft.png},
 * {@code STEM-mask.png} or {@code STEM.png}). A prediction whose size differs from its image, an unreadable file, or a
 * {@code .png} in the predictions folder that belongs to no image is an error, listed on stderr by name (exit code 1);
 * images without a prediction are counted and left alone.
 *
 * <p>Thread safety: a command object, used once.
 */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = "Refine another tool's masks with a guided filter guided by the image luminance (\"Two Tricks\").")
public final class RefineCommand implements Callable<Integer> {
    @Option(names = "--predictions", required = true, paramLabel = "DIR",
            description = "Folder of predictions: STEM-soft.png, STEM-mask.png or STEM.png (grey level / 255).")
    Path predictions;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of the images, matched by file stem.")
    Path imagesDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (not the predictions folder).")
    Path out;

    @Option(names = "--radius", paramLabel = "R", description = "Guided-filter window radius (default: ${DEFAULT-VALUE}).")
    int radius = 9;

    @Option(names = "--eps", paramLabel = "E", description = "Guided-filter regulariser (default: ${DEFAULT-VALUE}).")
    double eps = GuidedFilter.DEFAULT_EPS;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        GuidedFilter filter = GuidedFilter.radius(radius).eps(eps);
        PredictionDirectory saved = new PredictionDirectory(predictions);
        Files.createDirectories(out);
        if (Files.isSameFile(out, predictions)) {
            throw new IllegalArgumentException("--out " + out + " is the predictions folder; refined maps would overwrite the inputs");
        }
        Dataset images = Datasets.images("images", imagesDir);
        ConcurrentSkipListMap<String, String> failures = new ConcurrentSkipListMap<>();
        for (DatasetProblem p : images.problems()) {
            failures.put(p.file(), p.file() + ": " + p.problem());
        }
        List<Sample> todo = new ArrayList<>();
        Set<Path> claimed = new HashSet<>();
        for (Sample s : images) {
            if (saved.has(s.id())) {
                todo.add(s);
            }
            for (Path c : saved.candidates(s.id())) {
                claimed.add(c.getFileName());
            }
        }
        try (Stream<Path> files = Files.list(predictions)) {
            files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .filter(f -> !claimed.contains(f.getFileName()))
                    .forEach(f -> failures.put(f.toString(), f + ": no image in " + imagesDir + " has this prediction's stem"));
        }
        ConcurrentSkipListMap<String, Boolean> done = new ConcurrentSkipListMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, todo.size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Sample s : todo) {
                futures.add(pool.submit(() -> {
                    try {
                        Prediction p = RefinedSegmenter.refine(s.loadImage(), saved.load(s.id()), filter, s.imagePath().toString());
                        ImageFiles.writeSoft(p.soft(), p.width(), p.height(), out.resolve(s.id() + "-soft.png"));
                        ImageFiles.writeMask(p.mask(), p.width(), p.height(), out.resolve(s.id() + "-mask.png"));
                        done.put(s.id(), true);
                    } catch (RuntimeException e) {
                        failures.put(s.id(), s.imagePath() + ": " + SuperCutsCli.message(e));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return report(done.size(), todo.size(), images.size() - todo.size(), filter, failures);
    }

    private int report(int refined, int found, int withoutPrediction, GuidedFilter filter,
            ConcurrentSkipListMap<String, String> failures) {
        PrintWriter err = spec.commandLine().getErr();
        failures.values().forEach(f -> err.println("error: " + f));
        err.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("refined " + refined + " of " + found + " prediction(s) with " + filter.describe() + "; outputs in "
                + out.toAbsolutePath() + (withoutPrediction > 0 ? "; " + withoutPrediction + " image(s) had no prediction" : ""));
        stdout.flush();
        return failures.isEmpty() ? 0 : SuperCutsCli.EXIT_SOME_FAILED;
    }
}
