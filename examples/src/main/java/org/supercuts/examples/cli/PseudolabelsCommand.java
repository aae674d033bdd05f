package org.supercuts.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.PlanarImage;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code supercuts pseudolabels --images DIR --out DIR}: turns a folder of images into a training set for supervised
 * segmentation tools, as SelfMask does with spectral masks: {@code OUT/images/} (copies of the inputs),
 * {@code OUT/masks/STEM.png} (0/255, same size) and {@code OUT/manifest.csv} (image, mask, width, height, foreground
 * fraction). Images that fail are listed on stderr and left out of the manifest.
 *
 * <p>Thread safety: a command object, used once.
 */
@Command(name = "pseudolabels", mixinStandardHelpOptions = true,
        description = "Write unsupervised masks as a training set (images + 0/255 PNG masks + manifest.csv).")
public final class PseudolabelsCommand implements Callable<Integer> {
    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of input images.")
    Path imagesDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Mixin
    PipelineOptions pipelineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(imagesDir)) {
            throw new IllegalArgumentException("--images " + imagesDir + " is not a folder");
        }
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.list(imagesDir)) {
            s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|bmp|gif|tiff?|webp)"))
                    .sorted().forEach(inputs::add);
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("--images " + imagesDir + " holds no .jpg/.jpeg/.png/.bmp/.gif/.tif/.tiff/.webp file");
        }
        Files.createDirectories(out.resolve("images"));
        Files.createDirectories(out.resolve("masks"));
        int threads = pipelineOptions.threads();
        try (PipelineOptions.Built built = pipelineOptions.build(1)) {
            return run(built.pipeline(), inputs, threads);
        }
    }

    private int run(Pipeline pipeline, List<Path> inputs, int threads) throws Exception {
        ConcurrentSkipListMap<String, String> rows = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<String, String> failures = new ConcurrentSkipListMap<>();
        // x.jpg and x.png in one folder would otherwise write one masks/x.png (OutputNames keeps them apart).
        java.util.Map<Path, String> names = OutputNames.assign(inputs);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, inputs.size()));
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("pseudolabels").setInitialMax(inputs.size())
                .setStyle(ProgressBarStyle.ASCII).build()) {
            List<Future<?>> futures = new ArrayList<>();
            for (Path input : inputs) {
                futures.add(pool.submit(() -> {
                    String stem = names.get(input);
                    try {
                        PlanarImage image = PlanarImage.read(input);
                        Segmentation s = pipeline.segment(image);
                        Path copy = out.resolve("images").resolve(input.getFileName());
                        Files.copy(input, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Path mask = out.resolve("masks").resolve(stem + ".png");
                        ImageFiles.writeMask(s.mask(), image.width(), image.height(), mask);
                        double fg = org.supercuts.image.Masks.count(s.mask()) / (double) (image.width() * image.height());
                        rows.put(stem, String.format(Locale.ROOT, "images/%s,masks/%s.png,%d,%d,%.5f", input.getFileName(), stem,
                                image.width(), image.height(), fg));
                    } catch (RuntimeException | IOException e) {
                        failures.put(stem, input + ": " + SuperCutsCli.message(e));
                    } catch (OutOfMemoryError e) {
                        failures.put(stem, input + ": out of memory while segmenting it: run with a larger JAVA_OPTS=-Xmx or fewer"
                                + " --threads");
                    } finally {
                        bar.step();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<String> lines = new ArrayList<>();
        lines.add("image,mask,width,height,foreground_fraction");
        lines.addAll(rows.values());
        Files.write(out.resolve("manifest.csv"), lines, StandardCharsets.UTF_8);
        PrintWriter err = spec.commandLine().getErr();
        failures.values().forEach(f -> err.println("error: " + f));
        err.flush();
        spec.commandLine().getOut().println("wrote " + rows.size() + " image/mask pair(s) to " + out.toAbsolutePath()
                + (failures.isEmpty() ? "" : "; " + failures.size() + " failed"));
        spec.commandLine().getOut().flush();
        return failures.isEmpty() ? 0 : SuperCutsCli.EXIT_SOME_FAILED;
    }
}
