package org.supercuts.examples.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.LabelMap;
import org.supercuts.image.Masks;
import org.supercuts.image.PlanarImage;
import org.supercuts.io.NpyWriter;
import org.supercuts.render.Pictures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code supercuts segment IMAGE... [--out DIR]}: writes, per input {@code STEM}, {@code STEM-mask.png} (0/255),
 * {@code STEM-soft.png} (0..255), {@code STEM-overlay.png}, {@code STEM-levels.png} and {@code STEM.json}. With no image it
 * segments the bundled sample photograph. A bad input is reported and skipped; the exit code is then non-zero.
 *
 * <p>Thread safety: a command object, used once.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Segment images: salient-object mask, soft map, object box, hierarchy levels.")
public final class SegmentCommand implements Callable<Integer> {
    static final String SAMPLE = "/org/supercuts/examples/sample/chelsea.png";

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Images to segment (default: the bundled sample photograph).")
    List<Path> images = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("supercuts-out");

    @Option(names = "--dump", paramLabel = "DIR",
            description = "Also write, per image, STEM-features.npy (regions x d), STEM-affinity.npy (regions x regions),"
                    + " STEM-eigenvalues.npy, STEM-eigenvectors.npy (pairs x regions) and STEM-superpixels.npy (H x W), float64,"
                    + " so other implementations can run on exactly the same numbers.")
    Path dump;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @Mixin
    PipelineOptions pipelineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        List<Path> inputs = new ArrayList<>(images);
        if (inputs.isEmpty()) {
            inputs.add(extractSample());
        }
        int threads = pipelineOptions.threads();
        int workers = inputs.size() > 1 ? Math.min(threads, inputs.size()) : 1;
        Files.createDirectories(out);
        if (dump != null) {
            Files.createDirectories(dump);
        }
        try (PipelineOptions.Built built = pipelineOptions.build(inputs.size() > 1 ? 1 : threads)) {
            return run(built.pipeline(), inputs, workers, err, outWriter);
        }
    }

    private int run(Pipeline pipeline, List<Path> inputs, int workers, PrintWriter err, PrintWriter outWriter) throws Exception {
        boolean batch = inputs.size() > 1;
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try (ProgressBar bar = batch ? new ProgressBarBuilder().setTaskName("segment").setInitialMax(inputs.size())
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build() : null) {
            List<Future<?>> futures = new ArrayList<>();
            for (Path input : inputs) {
                futures.add(pool.submit(() -> {
                    try {
                        segmentOne(pipeline, input);
                    } catch (RuntimeException | IOException e) {
                        failures.add(input + ": " + SuperCutsCli.message(e));
                        if (debug) {
                            e.printStackTrace(err);
                        }
                    } finally {
                        if (bar != null) {
                            bar.step();
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        for (String f : failures) {
            err.println("error: " + f);
        }
        int done = inputs.size() - failures.size();
        outWriter.println("segmented " + done + " of " + inputs.size() + " image(s); outputs in " + out.toAbsolutePath());
        outWriter.flush();
        err.flush();
        if (failures.isEmpty()) {
            return 0;
        }
        return done == 0 && inputs.size() == 1 ? SuperCutsCli.EXIT_BAD_INPUT : SuperCutsCli.EXIT_SOME_FAILED;
    }

    private void segmentOne(Pipeline pipeline, Path input) throws IOException {
        PlanarImage image = PlanarImage.read(input);
        Segmentation s = pipeline.segment(image);
        String stem = stem(input);
        for (Map.Entry<String, BufferedImage> picture : pictures(image, s).entrySet()) {
            ImageFiles.writePng(picture.getValue(), out.resolve(stem + "-" + picture.getKey() + ".png"));
        }
        writeJson(resultJson(input, s), out.resolve(stem + ".json"));
        if (dump != null) {
            writeDump(s, dump, stem);
        }
    }

    /**
     * The pictures {@code segment} writes per image, keyed by the suffix of their file name ({@code STEM-KEY.png}): the
     * binary mask (0/255), the soft map (0..255), the overlay and the level strip. The Spark job writes the same set.
     */
    public static Map<String, BufferedImage> pictures(PlanarImage image, Segmentation s) {
        int w = image.width();
        int h = image.height();
        Map<String, BufferedImage> pictures = new LinkedHashMap<>();
        pictures.put("mask", Masks.toBufferedImage(s.mask(), w, h));
        pictures.put("soft", Masks.softToBufferedImage(s.softMask(), w, h));
        pictures.put("overlay", Pictures.overlay(image, s));
        pictures.put("levels", Pictures.levels(image, s.levels()));
        return pictures;
    }

    /** Writes the numbers every stage after the features worked on, as .npy (float64, C order). */
    static void writeDump(Segmentation s, Path dir, String stem) {
        var f = s.features();
        NpyWriter.writeFloat64(dir.resolve(stem + "-features.npy"), f.backingArray(), f.regions(), f.dimension());
        var w = s.affinity();
        NpyWriter.writeFloat64(dir.resolve(stem + "-affinity.npy"), w.backingArray(), w.size(), w.size());
        var p = s.partition();
        int k = p.eigenpairCount();
        int n = p.nodeCount();
        double[] vectors = new double[k * n];
        for (int i = 0; i < k; i++) {
            System.arraycopy(p.eigenvector(i), 0, vectors, i * n, n);
        }
        NpyWriter.writeFloat64(dir.resolve(stem + "-eigenvalues.npy"), p.eigenvalues(), k);
        NpyWriter.writeFloat64(dir.resolve(stem + "-eigenvectors.npy"), vectors, k, n);
        int[] labels = s.superpixels().backingArray();
        double[] asDouble = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            asDouble[i] = labels[i];
        }
        NpyWriter.writeFloat64(dir.resolve(stem + "-superpixels.npy"), asDouble, s.height(), s.width());
    }

    static Map<String, Object> resultJson(Path input, Segmentation s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("image", input.toString());
        json.put("width", s.width());
        json.put("height", s.height());
        json.put("superpixels", s.superpixels().count());
        json.put("box", s.box().map(b -> b.toArray()).orElse(null));
        List<Integer> levels = new ArrayList<>();
        for (LabelMap l : s.levels()) {
            levels.add(l.count());
        }
        json.put("levels", levels);
        byte[] mask = s.mask();
        int fg = 0;
        for (byte b : mask) {
            fg += b != 0 ? 1 : 0;
        }
        json.put("foreground_fraction", fg / (double) mask.length);
        Map<String, Double> timings = new LinkedHashMap<>();
        s.timingsMillis().forEach((k, v) -> timings.put(k, Math.round(v * 1000) / 1000.0));
        json.put("timings_ms", timings);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("version", s.provenance().libraryVersion());
        provenance.put("device", s.provenance().device());
        provenance.put("seed", s.provenance().seed());
        provenance.put("stages", new java.util.TreeMap<>(s.provenance().stages()));
        json.put("provenance", provenance);
        return json;
    }

    static void writeJson(Object value, Path path) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path tmp = Files.createTempFile(path.toAbsolutePath().getParent(), "." + path.getFileName(), ".tmp");
        try {
            mapper.writeValue(tmp.toFile(), value);
            ImageFiles.moveIntoPlace(tmp, path);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Copies the bundled sample to a temporary file (named after it, so outputs are named "chelsea-*"). */
    static Path extractSample() throws IOException {
        Path dir = Files.createTempDirectory("supercuts-sample");
        Path file = dir.resolve("chelsea.png");
        try (InputStream in = SegmentCommand.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample image " + SAMPLE + " is missing from the jar");
            }
            Files.copy(in, file);
        }
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
    }
}
