package org.supercuts.eval.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supercuts.eval.dataset.BinaryMask;
import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.DatasetProblem;
import org.supercuts.eval.dataset.GroundTruthKind;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.ConfusionCounts;
import org.supercuts.eval.metrics.CorLoc;
import org.supercuts.eval.metrics.ObjectMatching;
import org.supercuts.eval.metrics.PrecisionRecallCurve;
import org.supercuts.eval.metrics.SoftMapMetrics;
import org.supercuts.eval.metrics.SuperpixelMetrics;
import org.supercuts.eval.metrics.SuperpixelScores;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
import org.supercuts.image.SafeFiles;

/**
 * Runs a {@link Segmenter} over a {@link Dataset} in parallel and scores it, writing to an output directory:
 * <ul>
 *   <li>{@code masks/STEM-mask.png} (0/255) and {@code masks/STEM-soft.png} (round(255 s)), each written atomically;</li>
 *   <li>{@code per_image.csv} ({@link ImageRecord}) and {@code per_image_pr.csv} (precision/recall at the 255 thresholds),
 *       one line appended per image;</li>
 *   <li>{@code per_image_objects.csv} with {@link Builder#objects}: ground-truth, predicted and matched objects per image;</li>
 *   <li>{@code report.json}, {@code report.md} and {@code pr_curve.png} at the end ({@link ReportWriter}).</li>
 * </ul>
 *
 * <p>Memory stays bounded: the dataset is iterated lazily, at most {@code 2 × threads} images are in flight, and the
 * aggregates are streamed ({@link ReportAccumulator}); no map is kept after its image is scored. With
 * {@link Builder#memory} each image's estimated heap is reserved from a budget before it starts (so fewer images run at
 * once when they are large), an image whose estimate exceeds the budget fails with the numbers, and an
 * {@link OutOfMemoryError} fails only the image it happened in.
 *
 * <p>Ground truth stored as 0/1 masks is read as binary ({@link BinaryMask#zeroOne()}) with one warning per run, also listed
 * under {@code "notes"} in the report.
 *
 * <p>Resume: a row is appended only after the image's mask files are in place, so a row in {@code per_image.csv} means the
 * image is finished. A folder is resumed only when its {@code run.json} fingerprint (dataset, library version, every
 * pipeline stage, the caller's settings: {@link RunFingerprint}) matches this run's; otherwise the run is refused naming
 * what changed, unless {@link Builder#overwrite} starts afresh. Re-running with the same output directory first rewrites the two CSV files keeping only complete,
 * successful rows of samples of this dataset (a line cut short by a kill is dropped; failed images are retried), counts
 * those rows into the aggregates and skips their images. A killed run therefore loses at most the images in flight.
 *
 * <p>Errors: an image whose processing throws (unreadable file, size mismatch with its ground truth, ...) is recorded with
 * its id, file and message, and the run goes on; dataset problems are errors too. {@link EvaluationResult#hasErrors()}
 * tells a CLI to exit non-zero. The library prints nothing; progress goes to the {@link EvaluationListener}.
 *
 * <p>Thread safety: immutable; {@link #run()} may be called again (it resumes); do not run two at once on one directory.
 */
public final class EvaluationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationRunner.class);
    static final String PER_IMAGE = "per_image.csv";
    static final String PER_IMAGE_PR = "per_image_pr.csv";

    private final Dataset dataset;
    private final Segmenter segmenter;
    private final Path out;
    private final int threads;
    private final boolean writeMasks;
    private final EvaluationListener listener;
    private final Map<String, Object> settings;
    private final boolean overwrite;
    private final ToLongFunction<Sample> memoryPerImage;
    private final long memoryBudget;
    private final boolean objects;

    private EvaluationRunner(Builder b) {
        this.dataset = Objects.requireNonNull(b.dataset, "dataset must be set");
        this.segmenter = Objects.requireNonNull(b.segmenter, "segmenter must be set");
        this.out = Objects.requireNonNull(b.out, "output directory must be set");
        if (b.threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + b.threads);
        }
        this.threads = b.threads;
        this.writeMasks = b.writeMasks;
        this.listener = b.listener == null ? EvaluationListener.NONE : b.listener;
        this.settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.settings));
        this.overwrite = b.overwrite;
        if (b.memoryPerImage != null && b.memoryBudget < 1) {
            throw new IllegalArgumentException("memory budget must be >= 1 byte, got " + b.memoryBudget);
        }
        this.memoryPerImage = b.memoryPerImage;
        this.memoryBudget = b.memoryBudget;
        this.objects = b.objects;
    }

    /** A builder with nothing set but the defaults (all processors, masks written). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this runner's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataset = dataset;
        b.segmenter = segmenter;
        b.out = out;
        b.threads = threads;
        b.writeMasks = writeMasks;
        b.listener = listener;
        b.settings = new LinkedHashMap<>(settings);
        b.overwrite = overwrite;
        b.memoryPerImage = memoryPerImage;
        b.memoryBudget = memoryBudget;
        b.objects = objects;
        return b;
    }

    /**
     * Runs (or resumes) the evaluation.
     *
     * @throws UncheckedIOException when the output directory cannot be written
     */
    public EvaluationResult run() {
        try {
            return runChecked();
        } catch (IOException e) {
            throw new UncheckedIOException("evaluation output in " + out + " could not be written: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted; finished images are kept in " + out, e);
        }
    }

    private EvaluationResult runChecked() throws IOException, InterruptedException {
        Files.createDirectories(out);
        SafeFiles.sweepTemporaries(out);
        SafeFiles.sweepTemporaries(out.resolve("masks"));
        RunFingerprint.prepare(out, RunFingerprint.of(dataset.name(), segmenter.describe(), settings), overwrite);
        if (writeMasks) {
            Files.createDirectories(out.resolve("masks"));
        }
        Set<String> ids = new HashSet<>();
        for (Sample s : dataset) {
            ids.add(s.id());
        }
        boolean scoresMasks = dataset.groundTruth().contains(GroundTruthKind.MASK);
        if (objects && !scoresMasks) {
            throw new IllegalArgumentException("object scores need ground-truth masks; dataset " + dataset.name() + " has "
                    + dataset.groundTruth());
        }
        ReportAccumulator acc = new ReportAccumulator();
        Set<String> done = resume(ids, scoresMasks, acc);
        int total = dataset.size();
        List<EvaluationError> errors = new ArrayList<>();
        for (DatasetProblem p : dataset.problems()) {
            errors.add(new EvaluationError(null, p.file(), p.problem()));
        }
        listener.started(total, done.size());

        Object lock = new Object();
        AtomicBoolean zeroOneNoted = new AtomicBoolean();
        List<String> notes = new ArrayList<>();
        int budgetMb = (int) Math.max(1, Math.min(Integer.MAX_VALUE, memoryBudget >> 20));
        Semaphore heap = new Semaphore(budgetMb, true);
        AtomicInteger completed = new AtomicInteger(done.size());
        AtomicInteger processed = new AtomicInteger();
        long start = System.nanoTime();
        try (BufferedWriter rows = append(out.resolve(PER_IMAGE), ImageRecord.HEADER);
                BufferedWriter curves = append(out.resolve(PER_IMAGE_PR), CurveRows.header());
                BufferedWriter objectRows = objects ? append(out.resolve(ObjectRows.FILE), ObjectRows.HEADER) : null) {
            ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
            Semaphore inFlight = new Semaphore(2 * threads);
            List<Future<?>> futures = new ArrayList<>();
            try {
                for (Sample sample : dataset) {
                    if (done.contains(sample.id())) {
                        continue;
                    }
                    inFlight.acquire();
                    futures.add(pool.submit(() -> {
                        int permits = 0;
                        try {
                            permits = reserveMemory(sample, heap, budgetMb);
                            Scored scored = score(sample, scoresMasks);
                            if (scored.zeroOne && zeroOneNoted.compareAndSet(false, true)) {
                                String note = "ground-truth masks hold only the values 0 and 1 (first seen in "
                                        + sample.groundTruthPath() + "); read as binary, 1 = foreground";
                                LOG.warn(note);
                                synchronized (lock) {
                                    notes.add(note);
                                }
                            }
                            synchronized (lock) {
                                if (scored.curve != null) {
                                    writeLine(curves, CurveRows.toCsv(sample.id(), scored.curve));
                                }
                                if (scored.match != null) {
                                    writeLine(objectRows, ObjectRows.toCsv(sample.id(), scored.match));
                                    acc.objects.add(scored.match);
                                }
                                String line = scored.record.toCsv();
                                writeLine(rows, line);
                                acc.add(ImageRecord.parse(line), scored.curve == null ? null
                                        : CurveRows.parse(CurveRows.toCsv(sample.id(), scored.curve)).getValue());
                                processed.incrementAndGet();
                                listener.imageDone(sample.id(), true, completed.incrementAndGet(), total);
                            }
                        } catch (IOException | RuntimeException | OutOfMemoryError | InterruptedException e) {
                            String message = e instanceof OutOfMemoryError
                                    ? "out of memory while processing it (heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB, "
                                            + threads + " thread(s)): run with a larger -Xmx, fewer threads or fewer superpixels"
                                    : e.getMessage() == null ? e.getClass().getName() : e.getMessage();
                            if (e instanceof InterruptedException) {
                                Thread.currentThread().interrupt();
                            }
                            LOG.warn("image {} failed: {}", sample.id(), message);
                            synchronized (lock) {
                                errors.add(new EvaluationError(sample.id(), sample.imagePath().toString(), message));
                                try {
                                    writeLine(rows, ImageRecord.error(sample.id(), message).toCsv());
                                } catch (IOException io) {
                                    throw new UncheckedIOException(io);
                                }
                                listener.imageDone(sample.id(), false, completed.incrementAndGet(), total);
                            }
                        } finally {
                            if (permits > 0) {
                                heap.release(permits);
                            }
                            inFlight.release();
                        }
                        return null;
                    }));
                    // Check and drop finished futures so the list does not grow with the dataset.
                    drain(futures, true);
                }
            } finally {
                pool.shutdown();
            }
            drain(futures, false);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Object> report = ReportWriter.report(dataset.name(), acc, scoresMasks,
                dataset.groundTruth().contains(GroundTruthKind.BOXES),
                dataset.groundTruth().contains(GroundTruthKind.SEGMENTATIONS), objects, processed.get(), wall, threads,
                segmenter.describe(), errors);
        report.put("notes", notes);
        ReportWriter.writeAll(out, report, acc, errors);
        return new EvaluationResult(report, errors, out, processed.get(), done.size());
    }

    /**
     * Per-image scoring result; {@code zeroOne} when its ground truth was a 0/1 mask; {@code match} the object counts
     * when objects are scored.
     */
    private record Scored(ImageRecord record, PrecisionRecallCurve curve, boolean zeroOne, ObjectMatching.Match match) {
    }

    /** Reserves the sample's estimated heap (in MB) from the budget; 0 permits without {@link Builder#memory}. */
    private int reserveMemory(Sample sample, Semaphore heap, int budgetMb) throws InterruptedException {
        if (memoryPerImage == null) {
            return 0;
        }
        long need = memoryPerImage.applyAsLong(sample);
        if (need > memoryBudget) {
            throw new IllegalArgumentException("needs about " + (need >> 20) + " MB of heap by the estimate, but the run may use "
                    + (memoryBudget >> 20) + " MB: run with a larger -Xmx (about " + (long) Math.ceil(need / 0.8 / (1L << 30))
                    + " GB) or fewer superpixels");
        }
        int permits = (int) Math.min(budgetMb, Math.max(1, need >> 20));
        heap.acquire(permits);
        return permits;
    }

    private Scored score(Sample sample, boolean scoresMasks) throws IOException {
        long t0 = System.nanoTime();
        Prediction p = segmenter.predict(sample);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double nan = Double.NaN;
        double iou = nan;
        double acc = nan;
        double precision = nan;
        double recall = nan;
        double iouAdaptive = nan;
        double iouHalf = nan;
        double mae = nan;
        double maxF = nan;
        PrecisionRecallCurve curve = null;
        boolean zeroOne = false;
        ObjectMatching.Match match = null;
        if (scoresMasks) {
            BinaryMask gt = sample.loadMask();
            zeroOne = gt.zeroOne();
            if (gt.width() != p.width() || gt.height() != p.height()) {
                throw new IllegalArgumentException("prediction is " + p.width() + "x" + p.height() + " but ground truth "
                        + sample.groundTruthPath() + " is " + gt.width() + "x" + gt.height());
            }
            ConfusionCounts c = ConfusionCounts.of(p.mask(), gt.pixels());
            iou = c.iou();
            acc = c.accuracy();
            precision = c.precision();
            recall = c.recall();
            iouAdaptive = SoftMapMetrics.atAdaptiveThreshold(p.soft(), gt.pixels()).iou();
            iouHalf = ConfusionCounts.ofSoft(p.soft(), 0.5, gt.pixels()).iou();
            mae = SoftMapMetrics.meanAbsoluteError(p.soft(), gt.pixels());
            curve = PrecisionRecallCurve.of(p.soft(), gt.pixels());
            maxF = curve.maxFBeta(PrecisionRecallCurve.BETA_SQUARED);
            if (objects) {
                if (p.objects() == null) {
                    throw new IllegalArgumentException("object scores were asked for but the segmenter found no objects (build the"
                            + " pipeline with objects, e.g. evaluate --objects)");
                }
                match = ObjectMatching.match(p.objects(), ObjectMatching.groundTruthObjects(gt.pixels(), gt.width(), gt.height()));
            }
        }
        Boolean hit = null;
        if (sample.hasBoxes()) {
            List<BoundingBox> boxes = sample.loadBoxes();
            hit = CorLoc.hit(p.box(), boxes);
        }
        SuperpixelScores sp = null;
        if (sample.hasSegmentations()) {
            LabelMap superpixels = p.superpixels();
            if (superpixels == null) {
                throw new IllegalArgumentException("sample " + sample.id() + " needs superpixels for the superpixel metrics, but"
                        + " the segmenter gave none");
            }
            sp = SuperpixelMetrics.evaluate(superpixels, sample.loadSegmentations());
        }
        if (writeMasks) {
            writeMasks(sample.id(), p);
        }
        ImageRecord r = new ImageRecord(sample.id(), true, p.width(), p.height(), seconds, iou, acc, precision, recall, iouAdaptive,
                iouHalf, mae, maxF, hit, sp == null ? nan : sp.boundaryRecall(), sp == null ? nan : sp.undersegmentationError(),
                sp == null ? nan : sp.achievableSegmentationAccuracy(), sp == null ? nan : sp.superpixels(), "");
        return new Scored(r, curve, zeroOne, match);
    }

    private void writeMasks(String id, Prediction p) throws IOException {
        byte[] mask = new byte[p.mask().length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = p.mask()[i] != 0 ? (byte) 255 : 0;
        }
        float[] soft = p.soft();
        byte[] levels = new byte[soft.length];
        for (int i = 0; i < soft.length; i++) {
            levels[i] = (byte) PrecisionRecallCurve.level(soft[i], i);
        }
        Path dir = out.resolve("masks");
        AtomicFiles.writeGreyPng(dir.resolve(id + "-soft.png"), p.width(), p.height(), levels);
        AtomicFiles.writeGreyPng(dir.resolve(id + "-mask.png"), p.width(), p.height(), mask);
    }

    /**
     * Reads the rows an earlier run left, keeps the complete successful ones of this dataset, rewrites both files with
     * only those, and adds them to the aggregates. Returns the finished ids.
     */
    private Set<String> resume(Set<String> ids, boolean needsCurves, ReportAccumulator acc) throws IOException {
        Path rowsFile = out.resolve(PER_IMAGE);
        Path curvesFile = out.resolve(PER_IMAGE_PR);
        Map<String, String> curveLines = new HashMap<>();
        Map<String, Map.Entry<String, PrecisionRecallCurve>> curves = new HashMap<>();
        if (Files.exists(curvesFile)) {
            for (String line : readLines(curvesFile)) {
                try {
                    Map.Entry<String, PrecisionRecallCurve> e = CurveRows.parse(line);
                    curves.put(e.getKey(), e);
                    curveLines.put(e.getKey(), line);
                } catch (IllegalArgumentException e) {
                    // Header, or a row cut short by a kill: dropped.
                }
            }
        }
        Path objectsFile = out.resolve(ObjectRows.FILE);
        Map<String, String> objectLines = new HashMap<>();
        Map<String, ObjectMatching.Match> matches = new HashMap<>();
        if (objects && Files.exists(objectsFile)) {
            for (String line : readLines(objectsFile)) {
                try {
                    Map.Entry<String, ObjectMatching.Match> e = ObjectRows.parse(line);
                    matches.put(e.getKey(), e.getValue());
                    objectLines.put(e.getKey(), line);
                } catch (IllegalArgumentException e) {
                    // Header, or a row cut short by a kill: dropped.
                }
            }
        }
        Map<String, String> rowLines = new LinkedHashMap<>();
        Map<String, ImageRecord> records = new HashMap<>();
        if (Files.exists(rowsFile)) {
            for (String line : readLines(rowsFile)) {
                ImageRecord r;
                try {
                    r = ImageRecord.parse(line);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (!r.ok() || !ids.contains(r.id()) || (needsCurves && !curves.containsKey(r.id()))
                        || (objects && !matches.containsKey(r.id()))) {
                    continue;
                }
                if (writeMasks && !(Files.exists(out.resolve("masks").resolve(r.id() + "-mask.png")))) {
                    continue;
                }
                rowLines.put(r.id(), line);
                records.put(r.id(), r);
            }
        }
        if (!Files.exists(rowsFile) && !Files.exists(curvesFile)) {
            return Set.of();
        }
        StringBuilder rowsText = new StringBuilder(ImageRecord.HEADER).append('\n');
        StringBuilder curvesText = new StringBuilder(CurveRows.header()).append('\n');
        StringBuilder objectsText = new StringBuilder(ObjectRows.HEADER).append('\n');
        for (Map.Entry<String, String> e : rowLines.entrySet()) {
            rowsText.append(e.getValue()).append('\n');
            if (needsCurves) {
                curvesText.append(curveLines.get(e.getKey())).append('\n');
            }
            acc.add(records.get(e.getKey()), needsCurves ? curves.get(e.getKey()).getValue() : null);
            if (objects) {
                objectsText.append(objectLines.get(e.getKey())).append('\n');
                acc.objects.add(matches.get(e.getKey()));
            }
        }
        AtomicFiles.writeString(rowsFile, rowsText.toString());
        AtomicFiles.writeString(curvesFile, curvesText.toString());
        if (objects) {
            AtomicFiles.writeString(objectsFile, objectsText.toString());
        }
        LOG.info("resuming {}: {} finished image(s) kept", out, rowLines.size());
        return rowLines.keySet();
    }

    /** Waits for (or, with {@code onlyDone}, checks the finished of) the futures and rethrows what escaped a worker. */
    private static void drain(List<Future<?>> futures, boolean onlyDone) throws IOException, InterruptedException {
        var it = futures.iterator();
        while (it.hasNext()) {
            Future<?> f = it.next();
            if (onlyDone && !f.isDone()) {
                continue;
            }
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // Only Errors (e.g. OutOfMemoryError) and output failures get here; images' own failures are recorded.
                Throwable c = e.getCause();
                if (c instanceof Error err) {
                    throw err;
                }
                if (c instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                throw new IllegalStateException("evaluation worker failed: " + c, c);
            }
            it.remove();
        }
    }

    private static List<String> readLines(Path file) throws IOException {
        // A kill can leave a partial multi-byte character at the end; decode leniently.
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }

    private static BufferedWriter append(Path file, String header) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (fresh) {
            writeLine(w, header);
        }
        return w;
    }

    private static void writeLine(BufferedWriter w, String line) throws IOException {
        w.write(line);
        w.write('\n');
        w.flush();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "supercuts-eval-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Settings of a run; {@link #build()} validates them.
     *
     * <p>Thread safety: not thread-safe; the built runner is immutable.
     */
    public static final class Builder {
        private Dataset dataset;
        private Segmenter segmenter;
        private Path out;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private boolean writeMasks = true;
        private EvaluationListener listener;
        private Map<String, Object> settings = new LinkedHashMap<>();
        private boolean overwrite;
        private ToLongFunction<Sample> memoryPerImage;
        private long memoryBudget;
        private boolean objects;

        private Builder() {
        }

        /**
         * Whether to score the segmenter's objects ({@link Prediction#objects()}) against the ground-truth objects, into
         * {@code per_image_objects.csv} and the report's {@code objects_*} keys (default false; needs masks).
         */
        public Builder objects(boolean o) {
            this.objects = o;
            return this;
        }

        /**
         * What else defines the run besides the dataset and the segmenter's description (e.g. the dataset root, the split,
         * every command-line option that changes results); part of the {@code run.json} fingerprint. Values must be JSON
         * values (strings, numbers, booleans, lists, maps).
         */
        public Builder settings(Map<String, ?> s) {
            this.settings = new LinkedHashMap<>(s);
            return this;
        }

        /** Whether to delete the results of an earlier run with other settings instead of refusing (default false). */
        public Builder overwrite(boolean o) {
            this.overwrite = o;
            return this;
        }

        /**
         * Reserve {@code perImage(sample)} bytes from {@code budget} bytes while each image runs (default: no memory
         * accounting). {@code perImage} should read only the image header; what it throws fails that image.
         */
        public Builder memory(ToLongFunction<Sample> perImage, long budget) {
            this.memoryPerImage = perImage;
            this.memoryBudget = budget;
            return this;
        }

        /** The dataset to evaluate (required). */
        public Builder dataset(Dataset d) {
            this.dataset = d;
            return this;
        }

        /** What predicts each sample (required). */
        public Builder segmenter(Segmenter s) {
            this.segmenter = s;
            return this;
        }

        /** The output folder (required); a run on a folder that holds an earlier run's results resumes it. */
        public Builder outputDirectory(Path dir) {
            this.out = dir;
            return this;
        }

        /** Worker threads, {@code >= 1} (default: available processors). */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /** Whether to write {@code masks/STEM-mask.png} and {@code STEM-soft.png} (default true). */
        public Builder writeMasks(boolean w) {
            this.writeMasks = w;
            return this;
        }

        /** Progress callbacks (optional). */
        public Builder listener(EvaluationListener l) {
            this.listener = l;
            return this;
        }

        /** The runner; validates the settings. */
        public EvaluationRunner build() {
            return new EvaluationRunner(this);
        }
    }
}
