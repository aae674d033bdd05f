package org.supercuts.examples.cli;

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
import org.supercuts.hierarchy.Hierarchy;
import org.supercuts.hierarchy.Level;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.LabelImages;
import org.supercuts.image.LabelMap;
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
    /** Levels written by --hierarchy: coarse, the BSDS ODS threshold of the default hierarchy, fine. */
    static final List<Double> HIERARCHY_THRESHOLDS = List.of(0.9, 0.8, 0.7, 0.6);

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

    @Option(names = "--hierarchy", description = "Also write the hierarchy: STEM-ucm.png (the ultrametric contour map, 16-bit,"
            + " 65535 = height 1), STEM-level-I.png (16-bit label maps, I = 0 coarsest) and STEM-hierarchy.png (the levels side"
            + " by side); the levels are those at --hierarchy-thresholds.")
    boolean hierarchy;

    @Option(names = "--hierarchy-thresholds", paramLabel = "T,...", split = ",",
            description = "With --hierarchy: the thresholds of the levels written, in [0, 1] (default: ${DEFAULT-VALUE}).")
    List<Double> hierarchyThresholds = new ArrayList<>(HIERARCHY_THRESHOLDS);

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
        for (double t : hierarchyThresholds) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("--hierarchy-thresholds must be in [0, 1], got " + t);
            }
        }
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
        int w = image.width();
        int h = image.height();
        ImageFiles.writeMask(s.mask(), w, h, out.resolve(stem + "-mask.png"));
        ImageFiles.writeSoft(s.softMask(), w, h, out.resolve(stem + "-soft.png"));
        ImageFiles.writePng(Pictures.overlay(image, s), out.resolve(stem + "-overlay.png"));
        ImageFiles.writePng(Pictures.levels(image, s.levels()), out.resolve(stem + "-levels.png"));
        Map<String, Object> json = resultJson(input, s);
        if (hierarchy) {
            json.put("hierarchy", writeHierarchy(image, s.hierarchy(), stem));
        }
        writeJson(json, out.resolve(stem + ".json"));
        if (dump != null) {
            writeDump(s, dump, stem);
        }
    }

    /** Writes the contour map, the levels at the chosen thresholds and their picture; returns what the JSON records. */
    private Map<String, Object> writeHierarchy(PlanarImage image, Hierarchy h, String stem) {
        List<Double> thresholds = new ArrayList<>(hierarchyThresholds);
        thresholds.sort(java.util.Comparator.reverseOrder());
        LabelImages.write16(h.ucm().toUnsigned16(), h.width(), h.height(), out.resolve(stem + "-ucm.png"));
        List<LabelMap> maps = new ArrayList<>();
        List<Map<String, Object>> levelJson = new ArrayList<>();
        for (int i = 0; i < thresholds.size(); i++) {
            Level level = h.atThreshold(thresholds.get(i));
            ImageFiles.writeLabels(level.labels(), out.resolve(stem + "-level-" + i + ".png"));
            maps.add(level.labels());
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("file", stem + "-level-" + i + ".png");
            l.put("threshold", level.threshold());
            l.put("segments", level.segments());
            if (level.clamped()) {
                l.put("note", level.note());
            }
            levelJson.add(l);
        }
        ImageFiles.writePng(Pictures.levels(image, maps), out.resolve(stem + "-hierarchy.png"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ucm", stem + "-ucm.png");
        json.put("superpixels", h.tree().regionCount());
        json.put("max_height", h.tree().maxHeight());
        json.put("levels", levelJson);
        return json;
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
