package org.supercuts.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.supercuts.Presets;
import org.supercuts.SuperCuts;
import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.SuperpixelMetrics;
import org.supercuts.eval.metrics.SuperpixelScores;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.refine.GuidedFilter;
import org.supercuts.spectral.SpectralEmbedding;
import org.supercuts.superpixel.Slic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code supercuts bench compare}: one run that times our SLIC, guided filter and generalized eigensolvers against
 * scikit-image, OpenCV ximgproc and SciPy on the same inputs, checks that the outputs agree, and writes
 * {@code compare.json}, {@code compare.md} and plots to {@code --out}.
 *
 * <p>Conventions (so the comparison is like for like):
 * <ul>
 *   <li>SLIC: all three use CIELAB (D65) and D = sqrt(dc^2 + (ds/S)^2 m^2) with m = 10 and S = sqrt(N/K). scikit-image's
 *       {@code compactness} is this m; OpenCV's {@code ruler} is this m when the image it gets is CIELAB in true units
 *       (float32 input to {@code cvtColor}: L in [0, 100]; 8-bit Lab would scale L by 2.55), and its {@code region_size}
 *       is round(S). 10 iterations; connectivity: pieces below 0.25 N/K merged (scikit-image {@code min_size_factor=0.25},
 *       OpenCV {@code enforceLabelConnectivity(25)}). The anchors' colour conversion is inside their timed call, as ours.</li>
 *   <li>Python times: warm-up runs, then the median of repeated runs, with OMP/OpenBLAS at 1 thread and
 *       {@code cv2.setNumThreads(1)}; ours the same way (more warm-up runs for the JIT), single-threaded for the ratio and
 *       with all threads as a second row.</li>
 * </ul>
 *
 * <p>Thread safety: a picocli command object, used by one thread.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Time SLIC, the guided filter and the eigensolvers against scikit-image, OpenCV ximgproc and SciPy",
                "on the same inputs; check the outputs agree; write compare.json, compare.md and plots."})
public final class CompareCommand implements Callable<Integer> {
    static final double COMPACTNESS = 10;
    static final int SLIC_ITERATIONS = 10;
    static final int GUIDED_RADIUS = 9;
    static final double GUIDED_EPS = 1e-3;
    static final int EIGENPAIRS = 4;
    /** Superpixel counts of two implementations must be within this factor of each other. */
    static final double COUNT_FACTOR = 1.5;
    /** BR and UE of two implementations must be within this (2 points). */
    static final double METRIC_TOLERANCE = 0.02;
    static final double EIGENVALUE_TOLERANCE = 1e-6;
    static final double EIGENVECTOR_TOLERANCE = 1e-4;

    @Option(names = "--images", defaultValue = "3", description = "BSDS500 test images to use (default ${DEFAULT-VALUE})")
    int images;

    @Option(names = "--out", defaultValue = "target/bench-compare", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--threads", defaultValue = "0",
            description = "threads for our all-threads rows; 0 = all available processors (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--repeats", defaultValue = "3", description = "timed runs per measurement (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--warmup", defaultValue = "1", description = "untimed runs before the Python timings (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--java-warmup", defaultValue = "3",
            description = "untimed runs before our timings, for the JIT (default ${DEFAULT-VALUE})")
    int javaWarmup;

    @Option(names = "--java-warmup-ms", defaultValue = "1500",
            description = "keep warming up ours at least this long per measurement (default ${DEFAULT-VALUE})")
    long javaWarmupMillis;

    @Option(names = "--bsds", description = "BSDS500 root (default: ../shared/datasets/BSDS500 found by walking up from the"
            + " working directory; a synthetic image with known regions when absent)")
    Path bsds;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python interpreter (default ${DEFAULT-VALUE})")
    Path python;

    @Option(names = "--segments", split = ",", defaultValue = "100,400,1000", description = "SLIC K values (default ${DEFAULT-VALUE})")
    List<Integer> segments;

    @Option(names = "--dense-nodes", split = ",", defaultValue = "100,400,1000",
            description = "graph sizes for our dense solver (default ${DEFAULT-VALUE})")
    List<Integer> denseNodes;

    @Option(names = "--iterative-nodes", split = ",", defaultValue = "1600,3600,10000",
            description = "graph sizes for our Lanczos solver (default ${DEFAULT-VALUE})")
    List<Integer> iterativeNodes;

    @Option(names = "--scipy-dense-max", defaultValue = "3600",
            description = "largest graph given to scipy.linalg.eigh (O(n^3): 10000 nodes take minutes) (default ${DEFAULT-VALUE})")
    int scipyDenseMax;

    @Option(names = "--parts", split = ",", defaultValue = "slic,guided,eigen,cli",
            description = "sections to run: slic, guided, eigen, cli (whole command-line runs) (default ${DEFAULT-VALUE})")
    Set<String> parts;

    @Option(names = "--cli-images", defaultValue = "60",
            description = "images of the one-thread CLI batch (ECSSD's first N; default ${DEFAULT-VALUE})")
    int cliImages;

    @Option(names = "--photo", defaultValue = "6000x4000",
            description = "size of the generated photo segmented through the CLI, WxH (default ${DEFAULT-VALUE})")
    String photo;

    private final PrintStream log = System.out;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        validate();
        int allThreads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        Path work = out.resolve("work");
        Files.createDirectories(work);
        log.println("bench compare: output " + out.toAbsolutePath() + ", " + allThreads + " threads for the all-threads rows");
        PythonAnchors anchors = PythonAnchors.prepare(python, work, log);

        ArrayNode tasks = json.createArrayNode();
        List<ImageCase> imageCases = parts.contains("slic") ? loadImageCases(work, tasks) : List.of();
        List<GuidedCase> guidedCases = parts.contains("guided") ? guidedCases(work, tasks) : List.of();
        List<EigenCase> eigenCases = parts.contains("eigen") ? eigenCases(work, tasks) : List.of();
        CliCase cliCase = parts.contains("cli") ? cliCase(work, tasks) : null;

        ObjectNode job = json.createObjectNode();
        job.set("tasks", tasks);
        Path jobFile = work.resolve("job.json");
        json.writerWithDefaultPrettyPrinter().writeValue(jobFile.toFile(), job);
        Path resultsFile = work.resolve("python-results.json");
        log.println("Python anchors (single-threaded): " + tasks.size() + " tasks, each run next to its Java measurement");
        try (PythonAnchors.Session session = anchors.serve(log)) {
            Anchors py = new Anchors(session, tasks);
            CompareReport report = new CompareReport(session.versions(), allThreads, repeats, warmup, javaWarmup,
                    javaWarmupMillis);
            if (!imageCases.isEmpty()) {
                runSlic(imageCases, allThreads, py, report);
            }
            if (!guidedCases.isEmpty()) {
                runGuided(guidedCases, py, report);
            }
            if (!eigenCases.isEmpty()) {
                runEigen(eigenCases, py, report);
            }
            if (cliCase != null) {
                runCli(cliCase, allThreads, py, report);
            }
            ObjectNode all = json.createObjectNode();
            all.set("versions", session.versions());
            all.set("results", py.all);
            json.writerWithDefaultPrettyPrinter().writeValue(resultsFile.toFile(), all);
            report.write(out, log);
            return report.allChecksPass() ? 0 : 1;
        }
    }

    /**
     * The anchors' results, each task run on the Python side when the Java side first asks for it: the Java measurement
     * of a case and the anchors' are taken one right after the other, so both see the same load on the machine.
     *
     * <p>Thread safety: not thread-safe; used by the command's thread.
     */
    private static final class Anchors {
        private final PythonAnchors.Session session;
        private final Map<String, JsonNode> tasks = new LinkedHashMap<>();
        private final Map<String, JsonNode> results = new LinkedHashMap<>();
        final ArrayNode all = new ObjectMapper().createArrayNode();

        Anchors(PythonAnchors.Session session, ArrayNode taskList) {
            this.session = session;
            taskList.forEach(t -> tasks.put(t.get("id").asText(), t));
        }

        JsonNode get(String id, String tool) throws IOException {
            JsonNode r = results.get(id + "|" + tool);
            if (r == null && tasks.containsKey(id)) {
                for (JsonNode entry : session.run(tasks.remove(id))) {
                    results.put(entry.get("id").asText() + "|" + entry.get("tool").asText(), entry);
                    all.add(entry);
                }
                r = results.get(id + "|" + tool);
            }
            if (r == null) {
                throw new IllegalStateException("the Python anchors returned no result for " + id + " / " + tool);
            }
            return r;
        }
    }

    void validate() {
        if (images < 1) {
            throw new IllegalArgumentException("--images must be >= 1, got " + images);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be >= 1, got " + repeats);
        }
        if (warmup < 0 || javaWarmup < 0 || javaWarmupMillis < 0) {
            throw new IllegalArgumentException("--warmup, --java-warmup and --java-warmup-ms must be >= 0, got " + warmup + ", "
                    + javaWarmup + " and " + javaWarmupMillis);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0 (0 = all processors), got " + threads);
        }
        if (cliImages < 1) {
            throw new IllegalArgumentException("--cli-images must be >= 1, got " + cliImages);
        }
        photoSize();
        Set<String> known = Set.of("slic", "guided", "eigen", "cli");
        for (String p : parts) {
            if (!known.contains(p)) {
                throw new IllegalArgumentException("--parts must name sections among " + known + ", got '" + p + "'");
            }
        }
        for (int k : segments) {
            if (k < 2) {
                throw new IllegalArgumentException("--segments values must be >= 2, got " + k);
            }
        }
        for (int n : concat(denseNodes, iterativeNodes)) {
            if (n <= EIGENPAIRS) {
                throw new IllegalArgumentException("--dense-nodes and --iterative-nodes values must exceed k = " + EIGENPAIRS
                        + " nodes, got " + n);
            }
        }
    }

    // ---------------------------------------------------------------- SLIC

    /** One input image at one size, with its ground truth (possibly upscaled) and its raw RGB bytes for Python. */
    private record ImageCase(String id, String size, PlanarImage image, List<LabelMap> groundTruth, Path rawRgb) {
    }

    private List<ImageCase> loadImageCases(Path work, ArrayNode tasks) throws IOException {
        List<ImageCase> base = new ArrayList<>();
        Path root = bsds != null ? bsds : BenchImages.findShared("datasets/BSDS500");
        if (root != null && Files.isDirectory(root)) {
            Dataset test = Datasets.bsds500(root, "test").limit(images);
            for (Sample s : test) {
                PlanarImage img = quantize(s.loadImage().toRgb());
                base.add(new ImageCase(s.id(), "481x321", img, s.loadSegmentations(), null));
            }
            log.println("SLIC: " + base.size() + " BSDS500 test images from " + root);
        } else {
            log.println("SLIC: BSDS500 not found (looked for ../shared/datasets/BSDS500; pass --bsds); using a synthetic"
                    + " 481x321 image with known regions instead");
            base.add(synthetic(481, 321, 7));
        }
        List<ImageCase> all = new ArrayList<>();
        for (ImageCase c : base) {
            all.add(c);
            boolean landscape = c.image.width() >= c.image.height();
            int w = landscape ? 1024 : 768;
            int h = landscape ? 768 : 1024;
            List<LabelMap> gt = new ArrayList<>();
            for (LabelMap g : c.groundTruth) {
                gt.add(upscaleNearest(g, w, h));
            }
            all.add(new ImageCase(c.id, "1024x768", resize(c.image, w, h), gt, null));
        }
        List<ImageCase> withFiles = new ArrayList<>();
        for (ImageCase c : all) {
            Path raw = work.resolve("slic_" + c.id + "_" + c.size + ".rgb.u8");
            RawFiles.writeBytes(raw, interleavedBytes(c.image));
            withFiles.add(new ImageCase(c.id, c.size, c.image, c.groundTruth, raw));
            for (int k : segments) {
                ObjectNode t = tasks.addObject();
                t.put("kind", "slic").put("id", slicId(c, k)).put("image", raw.toString())
                        .put("width", c.image.width()).put("height", c.image.height()).put("k", k)
                        .put("compactness", COMPACTNESS).put("iterations", SLIC_ITERATIONS)
                        .put("warmup", warmup).put("repeats", repeats)
                        .put("out", work.resolve("slic_" + c.id + "_" + c.size + "_K" + k).toString());
            }
        }
        return withFiles;
    }

    private static String slicId(ImageCase c, int k) {
        return "slic/" + c.id + "/" + c.size + "/K" + k;
    }

    private void runSlic(List<ImageCase> cases, int allThreads, Anchors py, CompareReport report)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(allThreads);
        try {
            awaitSlicKernel(cases.get(0).image);
            Set<String> sizes = new LinkedHashSet<>();
            cases.forEach(c -> sizes.add(c.size));
            for (String size : sizes) {
                for (int k : segments) {
                    Map<String, double[]> acc = new LinkedHashMap<>(); // tool -> {time, count, br, ue, n}
                    for (ImageCase c : cases) {
                        if (!c.size.equals(size)) {
                            continue;
                        }
                        Slic single = Slic.segments(k).compactness(COMPACTNESS).iterations(SLIC_ITERATIONS);
                        Slic multi = single.threads(allThreads).executor(pool);
                        Timing<LabelMap> t1 = Timing.measure(javaWarmup, javaWarmupMillis, repeats, () -> single.segment(unconverted(c.image)));
                        Timing<LabelMap> tn = Timing.measure(javaWarmup, javaWarmupMillis, repeats, () -> multi.segment(unconverted(c.image)));
                        add(acc, "ours-1t", t1.medianMs(), t1.result(), c.groundTruth);
                        add(acc, "ours-" + allThreads + "t", tn.medianMs(), tn.result(), c.groundTruth);
                        for (String tool : List.of("skimage", "opencv")) {
                            JsonNode r = required(py, slicId(c, k), tool);
                            int[] raw = RawFiles.readInts(Paths.get(r.get("labels").asText()), c.image.pixelCount());
                            LabelMap labels = LabelMap.compact(c.image.width(), c.image.height(), raw);
                            add(acc, tool, r.get("median_ms").asDouble(), labels, c.groundTruth);
                        }
                        log.printf("  SLIC %-8s K=%-5d %-12s ours-1t %8.1f ms  ours-%dt %8.1f ms  skimage %8.1f ms  opencv %8.1f ms%n",
                                size, k, c.id, t1.medianMs(), allThreads, tn.medianMs(),
                                required(py, slicId(c, k), "skimage").get("median_ms").asDouble(),
                                required(py, slicId(c, k), "opencv").get("median_ms").asDouble());
                    }
                    for (Map.Entry<String, double[]> e : acc.entrySet()) {
                        double[] a = e.getValue();
                        int n = (int) a[4];
                        int th = e.getKey().startsWith("ours-") ? Integer.parseInt(e.getKey().replaceAll("\\D", "")) : 1;
                        report.slic(new CompareRows.Slic(size, k, e.getKey(), th, n, a[0] / n, a[1] / n, a[2] / n, a[3] / n));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs SLIC until its Vector API kernel has finished its background warm-up (at most 30 s), so that every timed run
     * uses the same kernel; without the {@code jdk.incubator.vector} module the scalar loop is timed throughout.
     */
    private void awaitSlicKernel(PlanarImage image) {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        long end = System.nanoTime() + 30_000_000_000L;
        Slic warm = Slic.segments(400).compactness(COMPACTNESS).iterations(SLIC_ITERATIONS);
        do {
            warm.segment(unconverted(image));
        } while (module && !Slic.activeKernel().equals("vector") && System.nanoTime() < end);
        log.println("SLIC kernel timed: " + Slic.activeKernel() + (module ? "" : " (jdk.incubator.vector not in the boot layer)"));
    }

    /** Repeats {@code round} until this thread has spent --java-warmup-ms of CPU time in it (at least once). */
    private void warmUpByCpu(String what, Runnable round) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        int rounds = 0;
        do {
            round.run();
            rounds++;
        } while (threads.getCurrentThreadCpuTime() - start < javaWarmupMillis * 1_000_000L);
        log.printf("  warm-up of the %s: %d round(s), %.1f s of CPU%n", what, rounds,
                (threads.getCurrentThreadCpuTime() - start) / 1e9);
    }

    private static void add(Map<String, double[]> acc, String tool, double ms, LabelMap labels, List<LabelMap> gt) {
        double[] a = acc.computeIfAbsent(tool, t -> new double[5]);
        a[0] += ms;
        a[1] += labels.count();
        if (gt.isEmpty()) {
            a[2] = Double.NaN;
            a[3] = Double.NaN;
        } else {
            SuperpixelScores s = SuperpixelMetrics.evaluate(labels, gt);
            a[2] += s.boundaryRecall();
            a[3] += s.undersegmentationError();
        }
        a[4]++;
    }

    // ---------------------------------------------------------------- guided filter

    private record GuidedCase(String id, int side, String guideKind, float[][] guide, float[] src) {
    }

    private List<GuidedCase> guidedCases(Path work, ArrayNode tasks) throws IOException {
        PlanarImage source;
        Path root = bsds != null ? bsds : BenchImages.findShared("datasets/BSDS500");
        if (root != null && Files.isDirectory(root)) {
            source = quantize(Datasets.bsds500(root, "test").limit(1).iterator().next().loadImage().toRgb());
        } else {
            log.println("Guided filter: BSDS500 not found; the guide is a synthetic image");
            source = synthetic(481, 321, 11).image;
        }
        List<GuidedCase> cases = new ArrayList<>();
        for (int side : new int[] {512, 1024}) {
            PlanarImage guide = resize(source, side, side);
            float[] soft = blockySoftMask(side, 5);
            float[] grey = new float[side * side];
            for (int i = 0; i < grey.length; i++) {
                grey[i] = (guide.plane(0)[i] + guide.plane(1)[i] + guide.plane(2)[i]) / 3f;
            }
            for (String kind : List.of("grey", "colour")) {
                float[][] g = kind.equals("grey") ? new float[][] {grey}
                        : new float[][] {guide.plane(0), guide.plane(1), guide.plane(2)};
                String id = "guided/" + side + "/" + kind;
                Path guidePath = work.resolve("guided_" + side + "_" + kind + ".f32");
                Path srcPath = work.resolve("guided_" + side + "_src.f32");
                RawFiles.writeFloats(guidePath, g);
                RawFiles.writeFloats(srcPath, soft);
                tasks.addObject().put("kind", "guided").put("id", id).put("guide", guidePath.toString())
                        .put("src", srcPath.toString()).put("width", side).put("height", side).put("channels", g.length)
                        .put("radius", GUIDED_RADIUS).put("eps", GUIDED_EPS).put("warmup", warmup).put("repeats", repeats)
                        .put("out", work.resolve("guided_" + side + "_" + kind).toString());
                cases.add(new GuidedCase(id, side, kind, g, soft));
            }
        }
        return cases;
    }

    /** A soft mask as superpixel scores look: a disc in 16-pixel blocks, 0.9 inside and 0.1 outside, plus noise. */
    private static float[] blockySoftMask(int side, long seed) {
        Random rnd = new Random(seed);
        float[] soft = new float[side * side];
        double r = side / 3.0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double bx = x / 16 * 16 + 8 - side / 2.0;
                double by = y / 16 * 16 + 8 - side / 2.0;
                soft[y * side + x] = (bx * bx + by * by < r * r ? 0.9f : 0.1f) + 0.05f * (float) rnd.nextGaussian();
            }
        }
        return soft;
    }

    private void runGuided(List<GuidedCase> cases, Anchors py, CompareReport report) throws IOException {
        // Every case shares the kernel code: warm it on all of them first, by CPU time, so that the first case measured is
        // not the one that pays for the JIT (on a loaded machine a wall-clock warm-up may get little CPU).
        warmUpByCpu("guided filter", () -> cases.forEach(c -> GuidedFilter.filter(c.guide, c.src, c.side, c.side, GUIDED_RADIUS,
                GUIDED_EPS)));
        for (GuidedCase c : cases) {
            int s = c.side;
            Timing<float[]> t = Timing.measure(javaWarmup, javaWarmupMillis, repeats,
                    () -> GuidedFilter.filter(c.guide, c.src, s, s, GUIDED_RADIUS, GUIDED_EPS));
            JsonNode r = required(py, c.id, "opencv");
            float[] theirs = RawFiles.readFloats(Paths.get(r.get("output").asText()), s * s);
            float[] reference = RawFiles.readFloats(Paths.get(required(py, c.id, "reference-f64").get("output").asText()), s * s);
            float[] ours = t.result();
            double[] oursOpencv = maxAbsDiff(ours, theirs, s);
            double[] oursRef = maxAbsDiff(ours, reference, s);
            double[] opencvRef = maxAbsDiff(theirs, reference, s);
            double theirMs = r.get("median_ms").asDouble();
            log.printf("  guided %dx%d %-6s ours %7.2f ms  opencv %7.2f ms  max |diff| %.2e (interior %.2e),"
                    + " ours vs f64 reference %.2e, opencv vs reference (interior) %.2e%n", s, s, c.guideKind, t.medianMs(),
                    theirMs, oursOpencv[0], oursOpencv[1], oursRef[0], opencvRef[1]);
            report.guided(new CompareRows.Guided(s + "x" + s, c.guideKind, t.medianMs(), theirMs, oursOpencv[0], oursOpencv[1],
                    oursRef[0], opencvRef[1]));
        }
    }

    /** {whole image, interior (at least r pixels from every border)} maximum absolute difference. */
    private static double[] maxAbsDiff(float[] a, float[] b, int side) {
        double all = 0;
        double interior = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double d = Math.abs(a[y * side + x] - b[y * side + x]);
                all = Math.max(all, d);
                if (x >= GUIDED_RADIUS && y >= GUIDED_RADIUS && x < side - GUIDED_RADIUS && y < side - GUIDED_RADIUS) {
                    interior = Math.max(interior, d);
                }
            }
        }
        return new double[] {all, interior};
    }

    // ---------------------------------------------------------------- eigen

    private record EigenCase(String id, int n, boolean iterative, double[] features, List<String> anchors) {
    }

    private List<EigenCase> eigenCases(Path work, ArrayNode tasks) throws IOException {
        List<EigenCase> cases = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            boolean iterative = pass == 1;
            for (int n : iterative ? iterativeNodes : denseNodes) {
                double[] f = PatchGraphs.features(n, 1000L + n);
                Path fp = work.resolve("eigen_" + n + ".f64");
                RawFiles.writeDoubles(fp, f);
                List<String> methods = new ArrayList<>();
                if (n <= scipyDenseMax) {
                    methods.add("eigh");
                } else {
                    log.println("Eigen: skipping scipy.linalg.eigh at n=" + n + " (> --scipy-dense-max " + scipyDenseMax
                            + "; O(n^3))");
                }
                methods.add("eigsh");
                String id = "eigen/" + (iterative ? "lanczos" : "dense") + "/" + n;
                boolean big = n > 1000;
                ObjectNode t = tasks.addObject().put("kind", "eigen").put("id", id).put("n", n).put("k", EIGENPAIRS)
                        .put("features", fp.toString()).put("dimension", PatchGraphs.DIMENSION)
                        .put("warmup", big ? 0 : warmup).put("repeats", big ? Math.min(repeats, 2) : repeats)
                        .put("out", work.resolve("eigen_" + n).toString());
                ArrayNode m = t.putArray("methods");
                methods.forEach(m::add);
                List<String> tools = new ArrayList<>();
                methods.forEach(x -> tools.add("scipy-" + x));
                cases.add(new EigenCase(id, n, iterative, f, tools));
            }
        }
        return cases;
    }

    private void runEigen(List<EigenCase> cases, Anchors py, CompareReport report) throws IOException {
        List<AffinityMatrix> small = new ArrayList<>();
        for (EigenCase c : cases) {
            if (c.n <= 1000) {
                small.add(PatchGraphs.clippedCosine(c.features, c.n));
            }
        }
        warmUpByCpu("eigensolvers", () -> small.forEach(w -> {
            SpectralEmbedding.smallest(w, EIGENPAIRS, EigenSolver.auto());
            SpectralEmbedding.smallest(w, EIGENPAIRS, EigenSolver.dense());
            SpectralEmbedding.smallest(w, EIGENPAIRS, EigenSolver.lanczos());
        }));
        for (EigenCase c : cases) {
            AffinityMatrix w = PatchGraphs.clippedCosine(c.features, c.n);
            // Small graphs: the automatic routing users get (it picks the fastest solver for the size and density) and the
            // dense kernel itself; large graphs: Lanczos.
            Map<String, EigenSolver> solvers = new LinkedHashMap<>();
            if (c.iterative) {
                solvers.put("ours-lanczos", EigenSolver.lanczos());
            } else {
                solvers.put("ours-auto", EigenSolver.auto());
                solvers.put("ours-dense", EigenSolver.dense());
            }
            boolean big = c.n > 1000;
            for (Map.Entry<String, EigenSolver> solver : solvers.entrySet()) {
                Timing<SpectralEmbedding> t = Timing.measure(big ? 1 : javaWarmup, javaWarmupMillis,
                        big ? Math.min(repeats, 2) : repeats, () -> SpectralEmbedding.smallest(w, EIGENPAIRS, solver.getValue()));
                SpectralEmbedding e = t.result();
                String ours = solver.getKey().equals("ours-auto") ? "ours-auto (" + e.method() + ")" : solver.getKey();
                for (String anchor : c.anchors) {
                    compareEigen(c, e, ours, t.medianMs(), required(py, c.id, anchor), anchor, report);
                }
            }
        }
    }

    private void compareEigen(EigenCase c, SpectralEmbedding e, String ours, double oursMs, JsonNode r, String anchor,
            CompareReport report) throws IOException {
        double maxVal = 0;
        for (int i = 0; i < EIGENPAIRS; i++) {
            maxVal = Math.max(maxVal, Math.abs(e.eigenvalue(i) - r.get("eigenvalues").get(i).asDouble()));
        }
        double[] theirs = RawFiles.readDoubles(Paths.get(r.get("vectors").asText()), EIGENPAIRS * c.n);
        double maxVec = 0;
        for (int i = 0; i < EIGENPAIRS; i++) {
            double[] u = e.normalizedEigenvector(i);
            double same = 0;
            double flipped = 0;
            for (int j = 0; j < c.n; j++) {
                same = Math.max(same, Math.abs(u[j] - theirs[i * c.n + j]));
                flipped = Math.max(flipped, Math.abs(u[j] + theirs[i * c.n + j]));
            }
            maxVec = Math.max(maxVec, Math.min(same, flipped));
        }
        log.printf("  eigen n=%-6d %-22s %9.2f ms  %-11s %9.2f ms  max |dlambda| %.1e  max |du| %.1e%n", c.n, ours, oursMs,
                anchor, r.get("median_ms").asDouble(), maxVal, maxVec);
        report.eigen(new CompareRows.Eigen(c.n, ours, oursMs, anchor, r.get("median_ms").asDouble(), maxVal, maxVec));
    }

    // ---------------------------------------------------------------- whole command line

    /** The batch's images, the single image, and the generated photo. */
    private record CliCase(List<Path> batch, String batchSource, Path photo, String photoSize) {
    }

    private int[] photoSize() {
        String[] wh = photo.split("x");
        try {
            int w = Integer.parseInt(wh[0]);
            int h = Integer.parseInt(wh[1]);
            if (wh.length == 2 && w >= 16 && h >= 16) {
                return new int[] {w, h};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw new IllegalArgumentException("--photo must be WIDTHxHEIGHT with both at least 16, got '" + photo + "'");
    }

    private CliCase cliCase(Path work, ArrayNode tasks) throws IOException {
        List<Path> batch = new ArrayList<>();
        String source;
        Path ecssd = BenchImages.findShared("datasets/ECSSD/images");
        if (ecssd != null) {
            try (var files = Files.list(ecssd)) {
                files.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(cliImages).forEach(batch::add);
            }
            source = "ECSSD " + batch.size() + " first";
        } else {
            log.println("CLI: ECSSD not found (looked for ../shared/datasets/ECSSD); the batch is synthetic 400x300 images");
            Path dir = Files.createDirectories(work.resolve("cli-synthetic"));
            for (int i = 0; i < cliImages; i++) {
                Path p = dir.resolve(String.format(java.util.Locale.ROOT, "synthetic%03d.png", i));
                javax.imageio.ImageIO.write(BenchImages.synthetic(400, 300, 100 + i).toBufferedImage(), "png", p.toFile());
                batch.add(p);
            }
            source = "synthetic";
        }
        int[] wh = photoSize();
        Path photoFile = work.resolve("photo-" + wh[0] + "x" + wh[1] + ".jpg");
        BenchImages.writePhoto(photoFile, wh[0], wh[1]);
        ArrayNode files = tasks.addObject().put("kind", "slic-batch").put("id", "cli/batch").put("k", SuperCuts.DEFAULT_SUPERPIXELS)
                .put("compactness", Presets.COMPACTNESS).put("iterations", SLIC_ITERATIONS).putArray("images");
        batch.forEach(p -> files.add(p.toAbsolutePath().toString()));
        return new CliCase(batch, source, photoFile, wh[0] + "x" + wh[1]);
    }

    private void runCli(CliCase c, int allThreads, Anchors py, CompareReport report)
            throws IOException, InterruptedException {
        CliRuns runs = CliRuns.locate(log);
        Path outDir = out.resolve("work").resolve("cli-out");
        // The launcher may rebuild the jar on its first call; that call is not timed.
        CliRuns.Run first = runs.run(List.of("--version"), 1800);
        if (first.exitCode() != 0) {
            throw new IllegalStateException("the command line failed to start: " + first.output());
        }
        JsonNode sk = required(py, "cli/batch", "skimage");
        double skPerImage = sk.get("mean_ms").asDouble();

        List<String> batchArgs = new ArrayList<>(List.of("segment", "--threads", "1", "--out", outDir.resolve("batch").toString()));
        c.batch.forEach(p -> batchArgs.add(p.toString()));
        CompareRows.Cli batch = cliRow(runs, "batch", c.batchSource, c.batch.size(), 1, batchArgs, "skimage slic", skPerImage);
        report.cli(batch);
        report.cli(cliRow(runs, "one image", c.batch.get(0).getFileName().toString(), 1, 1,
                List.of("segment", "--threads", "1", "--out", outDir.resolve("one").toString(), c.batch.get(0).toString()),
                "-", Double.NaN));
        report.cli(cliRow(runs, "photo", c.photoSize, 1, allThreads, List.of("segment", "--threads", Integer.toString(allThreads),
                "--out", outDir.resolve("photo").toString(), c.photo.toString()), "-", Double.NaN));
    }

    private CompareRows.Cli cliRow(CliRuns runs, String name, String input, int images, int threadCount, List<String> args,
            String anchor, double anchorPerImage) throws IOException, InterruptedException {
        List<Double> walls = new ArrayList<>();
        double peak = Double.NaN;
        for (int r = 0; r < repeats; r++) {
            CliRuns.Run run = runs.run(args, 1800);
            if (run.exitCode() != 0) {
                throw new IllegalStateException("the command line failed (" + run.exitCode() + ") on " + name + ": " + run.output());
            }
            walls.add(run.wallMs());
            peak = Double.isNaN(peak) ? run.peakMb() : Math.max(peak, run.peakMb());
        }
        double wall = Timing.median(walls);
        log.printf("  CLI %-10s %-22s %3d image(s) %d thread(s): %8.0f ms (%.1f ms per image), peak %.0f MiB%s%n", name, input,
                images, threadCount, wall, wall / images, peak,
                Double.isNaN(anchorPerImage) ? "" : String.format(java.util.Locale.ROOT, "; %s %.1f ms per image", anchor,
                        anchorPerImage));
        return new CompareRows.Cli(name, input, images, threadCount, wall, wall / images, peak, anchor, anchorPerImage);
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode required(Anchors py, String id, String tool) throws IOException {
        return py.get(id, tool);
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The same pixels in a new image object, so that every timed SLIC call converts them to CIELAB (an image keeps its
     * CIELAB planes once computed; the anchors convert inside their timed calls too).
     */
    static PlanarImage unconverted(PlanarImage image) {
        float[][] planes = new float[image.channels()][];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = image.plane(c);
        }
        return PlanarImage.wrap(image.width(), image.height(), planes);
    }

    /** Rounds to 8-bit levels so that our input and the bytes given to Python are the same image. */
    private static PlanarImage quantize(PlanarImage rgb) {
        float[][] planes = new float[3][];
        for (int c = 0; c < 3; c++) {
            float[] p = rgb.plane(c).clone();
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.round(Math.max(0f, Math.min(1f, p[i])) * 255f) / 255f;
            }
            planes[c] = p;
        }
        return PlanarImage.wrap(rgb.width(), rgb.height(), planes);
    }

    private static byte[] interleavedBytes(PlanarImage rgb) {
        int n = rgb.pixelCount();
        byte[] b = new byte[3 * n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                b[3 * i + c] = (byte) Math.round(rgb.plane(c)[i] * 255f);
            }
        }
        return b;
    }

    /** Bilinear resize, then 8-bit quantization. */
    private static PlanarImage resize(PlanarImage rgb, int w, int h) {
        return quantize(BenchImages.resize(rgb, w, h));
    }

    private static LabelMap upscaleNearest(LabelMap g, int w, int h) {
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(g.height() - 1, (int) ((y + 0.5) * g.height() / h));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(g.width() - 1, (int) ((x + 0.5) * g.width() / w));
                out[y * w + x] = g.label(sx, sy);
            }
        }
        return LabelMap.compact(w, h, out);
    }

    /**
     * A synthetic image with known regions (its own ground truth): a colour gradient background with a few ellipses and
     * rectangles of distinct colours, plus mild noise.
     */
    private static ImageCase synthetic(int w, int h, long seed) {
        Random rnd = new Random(seed);
        int[] label = new int[w * h];
        float[][] colour = new float[9][3];
        for (float[] c : colour) {
            for (int k = 0; k < 3; k++) {
                c[k] = 0.1f + 0.8f * rnd.nextFloat();
            }
        }
        for (int s = 1; s < colour.length; s++) {
            double cx = rnd.nextDouble() * w;
            double cy = rnd.nextDouble() * h;
            double rx = 20 + rnd.nextDouble() * w / 5;
            double ry = 20 + rnd.nextDouble() * h / 5;
            boolean ellipse = rnd.nextBoolean();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = (x - cx) / rx;
                    double dy = (y - cy) / ry;
                    boolean in = ellipse ? dx * dx + dy * dy < 1 : Math.abs(dx) < 1 && Math.abs(dy) < 1;
                    if (in) {
                        label[y * w + x] = s;
                    }
                }
            }
        }
        float[][] planes = new float[3][w * h];
        for (int i = 0; i < w * h; i++) {
            for (int c = 0; c < 3; c++) {
                float base = colour[label[i]][c] + (label[i] == 0 ? 0.2f * (i % w) / w : 0);
                planes[c][i] = Math.max(0f, Math.min(1f, base + 0.03f * (float) rnd.nextGaussian()));
            }
        }
        return new ImageCase("synthetic" + seed, "481x321", quantize(PlanarImage.wrap(w, h, planes)),
                List.of(LabelMap.compact(w, h, label)), null);
    }
}
