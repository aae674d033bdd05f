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
import java.util.concurrent.atomic.AtomicInteger;

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
 * aggregates are streamed ({@link ReportAccumulator}); no map is kept after its image is scored.
 *
 * <p>Resume: a row is appended only after the image's mask files are in place, so a row in {@code per_image.csv} means the
 * image is finished. Re-running with the same output directory first rewrites the two CSV files keeping only complete,
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
        this.objects = b.objects;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataset = dataset;
        b.segmenter = segmenter;
        b.out = out;
        b.threads = threads;
        b.writeMasks = writeMasks;
        b.listener = listener;
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
                        try {
                            Scored scored = score(sample, scoresMasks);
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
                        } catch (IOException | RuntimeException e) {
                            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
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
        ReportWriter.writeAll(out, report, acc, errors);
        return new EvaluationResult(report, errors, out, processed.get(), done.size());
    }

    /** Per-image scoring result. */
    private record Scored(ImageRecord record, PrecisionRecallCurve curve, ObjectMatching.Match match) {
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
        ObjectMatching.Match match = null;
        if (scoresMasks) {
            BinaryMask gt = sample.loadMask();
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
        return new Scored(r, curve, match);
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
        deleteStaleTemporaries(out);
        deleteStaleTemporaries(out.resolve("masks"));
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

    /** Removes the temporary files ({@code .NAME*.tmp}) a killed run may have left before moving them into place. */
    private static void deleteStaleTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
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

        public Builder dataset(Dataset d) {
            this.dataset = d;
            return this;
        }

        public Builder segmenter(Segmenter s) {
            this.segmenter = s;
            return this;
        }

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

        public Builder listener(EvaluationListener l) {
            this.listener = l;
            return this;
        }

        public EvaluationRunner build() {
            return new EvaluationRunner(this);
        }
    }
}
