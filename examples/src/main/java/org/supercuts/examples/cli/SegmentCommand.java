package org.supercuts.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.hierarchy.Hierarchy;
import org.supercuts.hierarchy.Level;
import org.supercuts.image.LabelImages;
import org.supercuts.image.DecodedImage;
import org.supercuts.image.ImageDecoder;
import org.supercuts.image.ImageReadOptions;
import org.supercuts.image.LabelMap;
import org.supercuts.image.Masks;
import org.supercuts.image.PlanarImage;
import org.supercuts.image.SafeFiles;
import org.supercuts.io.NpyWriter;
import org.supercuts.render.Pictures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code supercuts segment IMAGE... [--out DIR]}: writes, per input, an output set named {@code NAME} ({@link OutputNames}:
 * the file stem, or the relative path flattened when stems collide): {@code NAME-mask.png} (0/255), {@code NAME-soft.png}
 * (0..255), {@code NAME-overlay.png}, {@code NAME-levels.png} (fewer with {@code --pictures}) and last {@code NAME.json},
 * which records the source path and what the decoder did; with {@code --objects} also {@code NAME-objects.png} and
 * {@code NAME-parts.png} (16-bit labels, 0 = background), {@code NAME-objects-overlay.png} and the {@code objects}
 * array of {@code NAME.json} ({@link ObjectsJson}). Each set appears completely or not at all ({@link OutputSet});
 * PNG encoding runs on writer threads behind a bounded queue ({@link OutputQueue}), so computing the next image does not
 * wait for it. With no image it segments the bundled sample photograph.
 *
 * <p>Each image's heap is estimated from its header before it is decoded ({@link MemoryEstimate}); settings that cannot
 * fit are refused with the numbers, and no more images run at once than the heap holds. A bad input, an image that does
 * not fit and an {@link OutOfMemoryError} fail that image only; the batch goes on, and the summary lists every failure.
 * Exit code 0 when every image was segmented, 1 when some failed, 2 for bad usage (or a single input that does not exist).
 *
 * <p>Thread safety: a command object, used once.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Segment images: salient-object mask, soft map, object box, hierarchy levels.",
                "Reads JPEG (CMYK and ICC profiles too), PNG, GIF, BMP, TIFF (16-bit, float) and WebP. EXIF orientation is applied"
                        + " (--raw-orientation keeps the stored pixels). Transparent pixels are composited on white before"
                        + " segmenting, so a cut-out is segmented as it looks on a white page. Truncated or corrupt files are"
                        + " errors (--allow-partial accepts them).",
                "Outputs per image NAME (the file stem; inputs sharing a stem are named by their relative path with / as _):"
                        + " NAME-mask.png, NAME-soft.png, NAME-overlay.png, NAME-levels.png and NAME.json, written completely or"
                        + " not at all, the JSON last."})
public final class SegmentCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentCommand.class);
    static final String SAMPLE = "/org/supercuts/examples/sample/chelsea.png";
    /** Levels written by --hierarchy: coarse, the BSDS ODS threshold of the default hierarchy, fine. */
    static final List<Double> HIERARCHY_THRESHOLDS = List.of(0.9, 0.8, 0.7, 0.6);

    /** Which pictures an output set holds besides the JSON. */
    public enum PictureSet {
        /** mask, soft map, overlay and levels strip */
        ALL,
        /** mask and soft map only (the overlay of a 24 MP photo alone is about 14 MB) */
        MASKS,
        /** no picture: the JSON only (box, foreground fraction, levels, timings) */
        NONE
    }

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Images to segment (default: the bundled sample photograph).")
    List<Path> images = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("supercuts-out");

    @Option(names = "--pictures", paramLabel = "WHICH",
            description = "Pictures to write: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; masks = mask and soft map only,"
                    + " none = the JSON only).")
    PictureSet pictures = PictureSet.ALL;

    @Option(names = "--allow-partial", description = "Segment truncated or corrupt files with what could be decoded (missing"
            + " rows grey or black), with a warning and \"partial\": true in the JSON, instead of failing them.")
    boolean allowPartial;

    @Option(names = "--raw-orientation", description = "Keep the stored pixel orientation instead of applying the EXIF"
            + " orientation (the JSON records which).")
    boolean rawOrientation;

    @Option(names = "--dump", paramLabel = "DIR",
            description = "Also write, per image, NAME-features.npy (regions x d), NAME-affinity.npy (regions x regions),"
                    + " NAME-eigenvalues.npy, NAME-eigenvectors.npy (pairs x regions), NAME-superpixels.npy (H x W) and"
                    + " NAME-region-foreground.npy (the selection's score per region, >= 0.5 is object), float64, so other"
                    + " implementations can run on exactly the same numbers (supercuts-core/tools/paper_presets.py check-dump).")
    Path dump;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @Option(names = "--reduced-outputs",
            description = "Images above the working resolution (" + Pipeline.DEFAULT_WORKING_PIXELS + " pixels) are decoded"
                    + " subsampled to it and all their outputs are written at that size: less time and memory than the default,"
                    + " which segments them reduced too but upsamples the mask and soft map to full resolution.")
    boolean reducedOutputs;

    @Option(names = "--hierarchy", description = "Also write the hierarchy: STEM-ucm.png (the ultrametric contour map, 16-bit,"
            + " 65535 = height 1), STEM-level-I.png (16-bit label maps, I = 0 coarsest) and STEM-hierarchy.png (the levels side"
            + " by side); the levels are those at --hierarchy-thresholds.")
    boolean hierarchy;

    @Option(names = "--hierarchy-thresholds", paramLabel = "T,...", split = ",",
            description = "With --hierarchy: the thresholds of the levels written, in [0, 1] (default: ${DEFAULT-VALUE}).")
    List<Double> hierarchyThresholds = new ArrayList<>(HIERARCHY_THRESHOLDS);

    @Mixin
    PipelineOptions pipelineOptions;

    @Mixin
    ObjectOptions objectOptions;

    @Spec
    CommandSpec spec;

    /** One input's failure, for the summary. */
    private record Failure(int index, Path input, String message) {
    }

    /**
     * Starts the JSON writer and, with captioned pictures, Java2D's font machinery on a background thread, while the
     * first image is decoded and segmented: each would otherwise make that image's outputs wait about 0.1 s, a tenth of a
     * one-image run. The outputs are unchanged.
     */
    private static void warmUpOutputs(boolean captions) {
        Thread t = new Thread(() -> {
            OutputSet.warmUp();
            if (!captions) {
                return;
            }
            java.awt.image.BufferedImage probe = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = probe.createGraphics();
            try {
                g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
                g.drawString("level 0", 0, 7);
            } finally {
                g.dispose();
            }
        }, "supercuts-output-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        List<Path> inputs = OutputNames.distinct(images);
        if (inputs.size() < images.size()) {
            err.println("warning: " + (images.size() - inputs.size()) + " input(s) named the same file more than once; each file"
                    + " is segmented once");
        }
        if (inputs.isEmpty()) {
            inputs.add(extractSample());
        }
        int threads = pipelineOptions.threads();
        SafeFiles.requireWritableDirectory(out, "--out");
        for (double t : hierarchyThresholds) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("--hierarchy-thresholds must be in [0, 1], got " + t);
            }
        }
        if (dump != null) {
            SafeFiles.requireWritableDirectory(dump, "--dump");
        }
        objectOptions.discovery(); // bad object options are reported before anything runs
        warmUpOutputs(pictures == PictureSet.ALL);
        for (Path dir : dump == null ? List.of(out) : List.of(out, dump)) {
            for (String removed : TemporaryFiles.recover(dir)) {
                err.println("note: removed " + removed);
            }
        }
        MemoryEstimate memory = MemoryEstimate.of(pipelineOptions.levels, pictures == PictureSet.ALL, pipelineOptions.multiScale,
                pipelineOptions.usesSsn());
        long usable = MemoryEstimate.usableHeap();
        int k = pipelineOptions.superpixels;
        if (memory.bytes(0, k) > usable) {
            throw new IllegalArgumentException(MemoryEstimate.tooManySuperpixels(memory, k, usable));
        }
        int workers = inputs.size() > 1 ? Math.min(threads, inputs.size()) : 1;
        err.flush();
        try (PipelineOptions.Built built = pipelineOptions.build(inputs.size() > 1 ? 1 : threads)) {
            return run(objectOptions.apply(built.pipeline()), inputs, workers, memory, usable, err, outWriter);
        }
    }

    private int run(Pipeline pipeline, List<Path> inputs, int workers, MemoryEstimate memory, long usable, PrintWriter err,
            PrintWriter outWriter) throws Exception {
        boolean batch = inputs.size() > 1;
        Map<Path, String> names = OutputNames.assign(inputs);
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();
        AtomicInteger written = new AtomicInteger();
        int budgetMb = (int) Math.max(1, Math.min(Integer.MAX_VALUE, usable >> 20));
        Semaphore heap = new Semaphore(budgetMb, true);
        ImageReadOptions readOptions = ImageReadOptions.defaults().withApplyOrientation(!rawOrientation)
                .withAllowPartial(allowPartial);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try (ProgressBar bar = batch ? new ProgressBarBuilder().setTaskName("segment").setInitialMax(inputs.size())
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build() : null;
                TemporaryFiles temporaries = new TemporaryFiles();
                OutputQueue queue = new OutputQueue(Math.max(1, Math.min(2, workers)), 2 * workers)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                int index = i;
                Path input = inputs.get(i);
                futures.add(pool.submit(() -> {
                    int permits = 0;
                    boolean handedOver = false;
                    try {
                        int[] size = ImageDecoder.storedSize(input);
                        long pixels = (long) size[0] * size[1];
                        if (reducedOutputs) {
                            int f = Pipeline.workingFactor(size[0], size[1], pipeline.workingPixels());
                            pixels = (long) ((size[0] + f - 1) / f) * ((size[1] + f - 1) / f);
                        }
                        int k = Math.min(pipelineOptions.superpixels, SmallImages.maxSuperpixels(pixels));
                        long need = memory.bytes(pixels, k);
                        if (need > usable) {
                            throw new IllegalArgumentException(tooLarge(size, k, need, usable, memory));
                        }
                        permits = (int) Math.min(budgetMb, Math.max(1, need >> 20));
                        heap.acquire(permits);
                        OutputSet set = segmentOne(pipeline, input, names.get(input), readOptions, temporaries, warnings);
                        int held = permits;
                        queue.submit(set, (done, error) -> {
                            heap.release(held);
                            if (error != null) {
                                failures.add(new Failure(index, input, "outputs not written: " + SuperCutsCli.message(error)));
                            } else {
                                written.incrementAndGet();
                            }
                            if (bar != null) {
                                bar.step();
                            }
                        });
                        handedOver = true;
                    } catch (OutOfMemoryError e) {
                        failures.add(new Failure(index, input, "out of memory while segmenting it (heap " + MemoryEstimate.size(
                                Runtime.getRuntime().maxMemory()) + ", " + workers + " image(s) at once): run with a larger"
                                + " JAVA_OPTS=-Xmx, fewer --threads or fewer --superpixels"));
                    } catch (RuntimeException e) {
                        failures.add(new Failure(index, input, SuperCutsCli.message(e)));
                        if (debug) {
                            e.printStackTrace(err);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failures.add(new Failure(index, input, "interrupted"));
                    } finally {
                        if (!handedOver) {
                            if (permits > 0) {
                                heap.release(permits);
                            }
                            if (bar != null) {
                                bar.step();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        for (String w : warnings) {
            err.println("warning: " + w);
        }
        List<Failure> sorted = new ArrayList<>(failures);
        sorted.sort((a, b) -> Integer.compare(a.index, b.index));
        for (Failure f : sorted) {
            err.println("error: " + f.input + ": " + f.message);
        }
        int done = written.get();
        outWriter.println("segmented " + done + " of " + inputs.size() + " image(s); outputs in " + out.toAbsolutePath()
                + (sorted.isEmpty() ? "" : "; failed: " + sorted.size() + " (listed above)"));
        outWriter.flush();
        err.flush();
        if (sorted.isEmpty()) {
            return 0;
        }
        boolean missingAlone = inputs.size() == 1 && (!Files.exists(inputs.get(0)) || Files.isDirectory(inputs.get(0)));
        return missingAlone ? SuperCutsCli.EXIT_BAD_INPUT : SuperCutsCli.EXIT_SOME_FAILED;
    }

    private static String tooLarge(int[] size, int k, long need, long usable, MemoryEstimate memory) {
        long pixels = (long) size[0] * size[1];
        int fitK = memory.maxSuperpixels(pixels, usable);
        return String.format(Locale.ROOT, "image is %dx%d (%.1f MP): with %d superpixels it needs about %s, but the heap allows %s:"
                + " run with JAVA_OPTS=%s%s", size[0], size[1], pixels / 1e6, k, MemoryEstimate.size(need),
                MemoryEstimate.size(usable), MemoryEstimate.xmxFor(need),
                fitK >= 2 && fitK < k ? " or use --superpixels " + fitK + " or fewer" : "");
    }

    /** Decodes and segments one input and describes its output set (written later, on a writer thread). */
    private OutputSet segmentOne(Pipeline pipeline, Path input, String name, ImageReadOptions readOptions,
            TemporaryFiles temporaries, ConcurrentLinkedQueue<String> warnings) {
        ImageReadOptions options = readOptions;
        if (reducedOutputs) {
            int[] stored = ImageDecoder.storedSize(input);
            options = readOptions.withSubsampling(Pipeline.workingFactor(stored[0], stored[1], pipeline.workingPixels()));
        }
        DecodedImage decoded = ImageDecoder.read(input, options);
        for (String note : decoded.notes()) {
            warnings.add(input + ": " + note);
        }
        PlanarImage image = decoded.image();
        SmallImages.Fitted fitted = SmallImages.fit(pipeline, image.width(), image.height());
        if (fitted.clamped()) {
            warnings.add(input + ": " + image.width() + "x" + image.height() + " is small: " + fitted.usedSuperpixels()
                    + " superpixels instead of " + fitted.requestedSuperpixels());
        }
        Segmentation s = fitted.pipeline().segment(image);
        int w = image.width();
        int h = image.height();
        OutputSet set = new OutputSet(out, name, temporaries);
        if (pictures != PictureSet.NONE) {
            set.png("mask", () -> Masks.toBufferedImage(s.mask(), w, h));
            set.png("soft", () -> Masks.softToBufferedImage(s.softMask(), w, h));
            if (s.hasObjects()) {
                set.png("objects", () -> s.objectSet().objectLabels().toBufferedImage());
                set.png("parts", () -> s.objectSet().partLabels().toBufferedImage());
            }
        }
        if (pictures == PictureSet.ALL) {
            set.png("overlay", () -> Pictures.overlay(image, s));
            set.png("levels", () -> Pictures.levels(image, s));
            if (s.hasObjects()) {
                set.png("objects-overlay", () -> Pictures.objects(image, s.objectSet()));
            }
        }
        if (dump != null) {
            addDump(set, s, dump);
        }
        // The hierarchy is at the working resolution, so it is drawn on the image it labels.
        Map<String, Object> hierarchyJson = hierarchy ? addHierarchy(set, s.workingImage().orElse(image), s.hierarchy()) : null;
        Map<String, Object> json = resultJson(input, s);
        if (hierarchyJson != null) {
            json.put("hierarchy", hierarchyJson);
        }
        json.put("name", name);
        json.put("source", decoded.describe());
        if (fitted.requestedSuperpixels() > 0) {
            json.put("superpixels_requested", fitted.requestedSuperpixels());
            if (fitted.clamped()) {
                json.put("superpixels_clamped", "to " + fitted.usedSuperpixels() + ": at most one superpixel per "
                        + SmallImages.MIN_PIXELS_PER_SUPERPIXEL + " pixels of a " + w + "x" + h + " image");
            }
        }
        json.put("pictures", pictures.name().toLowerCase(Locale.ROOT));
        json.put("working_factor", s.workingFactor());
        set.json(json);
        LOG.debug("segmented {} as {}", input, name);
        return set;
    }

    /** Adds the contour map, the levels at the chosen thresholds and their picture to the set; returns what the JSON records. */
    private Map<String, Object> addHierarchy(OutputSet set, PlanarImage image, Hierarchy h) {
        List<Double> thresholds = new ArrayList<>(hierarchyThresholds);
        thresholds.sort(java.util.Comparator.reverseOrder());
        short[] ucm = h.ucm().toUnsigned16();
        set.png("ucm", () -> LabelImages.toBufferedImage16(ucm, h.width(), h.height()));
        List<LabelMap> maps = new ArrayList<>();
        List<Map<String, Object>> levelJson = new ArrayList<>();
        for (int i = 0; i < thresholds.size(); i++) {
            Level level = h.atThreshold(thresholds.get(i));
            set.png("level-" + i, () -> level.labels().toBufferedImage());
            maps.add(level.labels());
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("file", set.name() + "-level-" + i + ".png");
            l.put("threshold", level.threshold());
            l.put("segments", level.segments());
            if (level.clamped()) {
                l.put("note", level.note());
            }
            levelJson.add(l);
        }
        set.png("hierarchy", () -> Pictures.levels(image, maps));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ucm", set.name() + "-ucm.png");
        json.put("superpixels", h.tree().regionCount());
        json.put("max_height", h.tree().maxHeight());
        json.put("levels", levelJson);
        return json;
    }

    /** Adds the numbers every stage after the features worked on, as .npy (float64, C order), to the set. */
    static void addDump(OutputSet set, Segmentation s, Path dir) {
        dumpFiles(s).forEach((suffix, content) -> set.file(dir, suffix, content));
    }

    /**
     * The {@code --dump} files of one result, by file-name suffix ({@code features.npy}, ...; the file is
     * {@code NAME-SUFFIX}), each written when its content is asked for.
     */
    public static Map<String, SafeFiles.Content> dumpFiles(Segmentation s) {
        Map<String, SafeFiles.Content> files = new LinkedHashMap<>();
        var f = s.features();
        files.put("features.npy", o -> NpyWriter.writeFloat64(o, f.backingArray(), f.regions(), f.dimension()));
        var w = s.affinity();
        files.put("affinity.npy", o -> NpyWriter.writeFloat64(o, w.backingArray(), w.size(), w.size()));
        var p = s.partition();
        int k = p.eigenpairCount();
        int n = p.nodeCount();
        files.put("eigenvalues.npy", o -> NpyWriter.writeFloat64(o, p.eigenvalues(), k));
        files.put("eigenvectors.npy", o -> {
            double[] vectors = new double[k * n];
            for (int i = 0; i < k; i++) {
                System.arraycopy(p.eigenvector(i), 0, vectors, i * n, n);
            }
            NpyWriter.writeFloat64(o, vectors, k, n);
        });
        files.put("superpixels.npy", o -> {
            int[] labels = s.superpixels().backingArray();
            double[] asDouble = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                asDouble[i] = labels[i];
            }
            NpyWriter.writeFloat64(o, asDouble, s.superpixels().height(), s.superpixels().width());
        });
        files.put("region-foreground.npy", o -> NpyWriter.writeFloat64(o, s.regionForeground(), s.regionForeground().length));
        return files;
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
        if (!s.notes().isEmpty()) {
            json.put("notes", s.notes());
        }
        byte[] mask = s.mask();
        int fg = 0;
        for (byte b : mask) {
            fg += b != 0 ? 1 : 0;
        }
        json.put("foreground_fraction", fg / (double) mask.length);
        if (s.hasObjects()) {
            json.put("objects", ObjectsJson.objects(s.objectSet()));
            json.put("objects_reason", s.objectSet().reason());
        }
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

    static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Copies the bundled sample to a temporary file (named after it, so outputs are named "chelsea-*"). */
    static Path extractSample() throws IOException {
        Path dir = Files.createTempDirectory("supercuts-sample");
        // Deleted at exit in the reverse order of registration: the file first, then the then-empty folder.
        dir.toFile().deleteOnExit();
        Path file = dir.resolve("chelsea.png");
        try (InputStream in = SegmentCommand.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample image " + SAMPLE + " is missing from the jar");
            }
            Files.copy(in, file);
        }
        file.toFile().deleteOnExit();
        return file;
    }
}
