package org.supercuts.eval.bsds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supercuts.eval.dataset.BsdsGroundTruth;
import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.DatasetProblem;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.run.AtomicFiles;
import org.supercuts.eval.run.EvaluationError;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.LabelMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The BSDS500 region and boundary benchmarks over a sweep of scales (Arbeláez et al., TPAMI 2011): for each image of a
 * dataset with human segmentations, the segmentations at every scale ({@link ScaledSegmenter}) are scored against all
 * annotators ({@link RegionScores}, {@link BoundaryScores}) and pooled ({@link SweepAccumulator}). Writes to the output
 * folder:
 * <ul>
 *   <li>{@code report.json}: {@code covering_ods}, {@code covering_ois}, {@code pri_ods}, {@code pri_ois},
 *       {@code voi_ods}, {@code voi_ois}, {@code ods_scale} (the covering ODS scale; {@code pri_ods_scale},
 *       {@code voi_ods_scale} for the others), {@code boundary_f_ods}, {@code boundary_f_ois}, {@code boundary_ap},
 *       {@code boundary_ods_scale}, {@code boundary_tolerance}, images, scales, timing, pipeline, definitions, errors;</li>
 *   <li>{@code report.md}, {@code scales.csv} (the dataset curve per scale) and {@code per_image_regions.csv};</li>
 *   <li>with {@link Builder#saveSegmentations}, {@code segmentations/<scale>/<stem>.png} for every scale (16-bit label
 *       maps, every pixel labelled), readable back by {@link SegmentationDirectory}.</li>
 * </ul>
 * An image whose ground truth is missing or malformed, or whose segmentation fails or has the wrong size, is recorded as an
 * error naming the file, and the run goes on.
 *
 * <p>Thread safety: immutable; do not run two at once on one output folder.
 */
public final class RegionEvaluation {
    private static final Logger LOG = LoggerFactory.getLogger(RegionEvaluation.class);

    private final Dataset dataset;
    private final ScaledSegmenter segmenter;
    private final Path out;
    private final int threads;
    private final boolean saveSegmentations;
    private final boolean boundaries;
    private final ProgressListener listener;

    /** Progress callbacks, called under the runner's lock. */
    public interface ProgressListener {
        /** Called after each image. */
        void imageDone(String id, boolean ok, int completed, int total);
    }

    private RegionEvaluation(Builder b) {
        this.dataset = Objects.requireNonNull(b.dataset, "dataset must be set");
        this.segmenter = Objects.requireNonNull(b.segmenter, "segmenter must be set");
        this.out = Objects.requireNonNull(b.out, "output directory must be set");
        if (b.threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + b.threads);
        }
        this.threads = b.threads;
        this.saveSegmentations = b.saveSegmentations;
        this.boundaries = b.boundaries;
        this.listener = b.listener == null ? (id, ok, c, t) -> { } : b.listener;
    }

    /** A builder with the defaults set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The outcome: report entries, errors, images scored. */
    public record Result(Map<String, Object> report, List<EvaluationError> errors, SweepAccumulator sweep) {
        /** True when some image failed or the dataset had problems. */
        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        /** A report entry as a number, or NaN when absent. */
        public double metric(String key) {
            return report.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }

    private record Scored(String row, RegionScores regions, BoundaryScores boundaries) {
    }

    /** Runs the evaluation and writes its outputs. */
    public Result run() {
        try {
            return runChecked();
        } catch (IOException e) {
            throw new UncheckedIOException("region evaluation output in " + out + " could not be written: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("region evaluation interrupted", e);
        }
    }

    private Result runChecked() throws IOException, InterruptedException {
        Files.createDirectories(out);
        List<String> scales = segmenter.scaleNames();
        SweepAccumulator acc = new SweepAccumulator(scales.size());
        List<EvaluationError> errors = new ArrayList<>();
        for (DatasetProblem p : dataset.problems()) {
            errors.add(new EvaluationError(null, p.file(), p.problem()));
        }
        List<Sample> samples = new ArrayList<>();
        dataset.forEach(samples::add);
        Map<String, String> rows = new java.util.TreeMap<>();
        Object lock = new Object();
        AtomicInteger completed = new AtomicInteger();
        long start = System.nanoTime();
        double[] seconds = new double[1];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "supercuts-regions");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Sample sample : samples) {
                futures.add(pool.submit(() -> {
                    try {
                        long t0 = System.nanoTime();
                        Scored s = score(sample, scales);
                        double sec = (System.nanoTime() - t0) / 1e9;
                        synchronized (lock) {
                            acc.add(s.regions(), s.boundaries());
                            seconds[0] += sec;
                            rows.put(sample.id(), sample.id() + ",ok," + String.format(Locale.ROOT, "%.4f", sec) + "," + s.row() + ",");
                            listener.imageDone(sample.id(), true, completed.incrementAndGet(), samples.size());
                        }
                    } catch (RuntimeException e) {
                        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
                        LOG.warn("image {} failed: {}", sample.id(), message);
                        synchronized (lock) {
                            errors.add(new EvaluationError(sample.id(), sample.imagePath().toString(), message));
                            rows.put(sample.id(), sample.id() + ",error,,,,,,,,," + quote(message));
                            listener.imageDone(sample.id(), false, completed.incrementAndGet(), samples.size());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof java.lang.Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("region evaluation worker failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Object> report = report(acc, scales, errors, wall, seconds[0]);
        writeOutputs(report, acc, scales, rows, errors);
        return new Result(report, errors, acc);
    }

    private Scored score(Sample sample, List<String> scales) {
        Path mat = sample.groundTruthPath();
        if (mat == null) {
            throw new IllegalArgumentException("sample " + sample.id() + " has no ground-truth file");
        }
        List<BsdsGroundTruth.Annotation> humans = BsdsGroundTruth.readWithBoundaries(mat);
        ScaledSegmentation seg = segmenter.segment(sample);
        if (seg.scales() != scales.size()) {
            throw new IllegalStateException("segmenter gave " + seg.scales() + " scales for " + sample.id() + ", expected "
                    + scales.size());
        }
        List<LabelMap> segs = new ArrayList<>();
        List<byte[]> bdry = new ArrayList<>();
        for (BsdsGroundTruth.Annotation a : humans) {
            LabelMap h = a.segmentation();
            if (h.width() != seg.width() || h.height() != seg.height()) {
                throw new IllegalArgumentException("segmentation of " + sample.id() + " is " + seg.width() + "x" + seg.height()
                        + " but its ground truth " + mat + " is " + h.width() + "x" + h.height());
            }
            segs.add(h);
            bdry.add(a.boundaries());
        }
        RegionScores r = seg.regionScores(segs);
        BoundaryScores b = boundaries ? BoundaryScores.of(seg.width(), seg.height(), seg.scales(), seg::boundaries,
                seg.boundaryUnion(), bdry, BoundaryScores.tolerance(seg.width(), seg.height())) : null;
        if (saveSegmentations) {
            for (int s = 0; s < scales.size(); s++) {
                ImageFiles.writeLabels(seg.level(s), out.resolve("segmentations").resolve(scales.get(s)).resolve(sample.id() + ".png"));
            }
        }
        int bestCover = 0;
        int bestRi = 0;
        int bestVoi = 0;
        for (int s = 0; s < r.scales(); s++) {
            if (r.covering(s) >= r.covering(bestCover)) {
                bestCover = s;
            }
            if (r.randIndex()[s] >= r.randIndex()[bestRi]) {
                bestRi = s;
            }
            if (r.voi()[s] <= r.voi()[bestVoi]) {
                bestVoi = s;
            }
        }
        double bestF = Double.NaN;
        if (b != null) {
            bestF = 0;
            for (int s = 0; s < r.scales(); s++) {
                double rec = b.humanTotal()[s] == 0 ? 0 : b.matchedHuman()[s] / b.humanTotal()[s];
                double pre = b.machineTotal()[s] == 0 ? 0 : b.matchedMachine()[s] / b.machineTotal()[s];
                bestF = Math.max(bestF, SweepAccumulator.f(rec, pre));
            }
        }
        String row = String.format(Locale.ROOT, "%d,%d,%d,%.6f,%s,%.6f,%.6f,%s", seg.width(), seg.height(), humans.size(),
                r.covering(bestCover), scales.get(bestCover), r.randIndex()[bestRi], r.voi()[bestVoi],
                Double.isNaN(bestF) ? "" : String.format(Locale.ROOT, "%.6f", bestF));
        return new Scored(row, r, b);
    }

    private Map<String, Object> report(SweepAccumulator acc, List<String> scales, List<EvaluationError> errors, double wall, double seconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dataset", dataset.name());
        r.put("images", acc.images());
        r.put("scales", scales.size());
        boolean any = acc.images() > 0;
        r.put("covering_ods", any ? acc.coveringOds() : null);
        r.put("covering_ois", any ? acc.coveringOis() : null);
        r.put("pri_ods", any ? acc.priOds() : null);
        r.put("pri_ois", any ? acc.priOis() : null);
        r.put("voi_ods", any ? acc.voiOds() : null);
        r.put("voi_ois", any ? acc.voiOis() : null);
        r.put("ods_scale", any ? scales.get(acc.coveringOdsScale()) : null);
        r.put("ods_segments", any ? acc.meanSegments(acc.coveringOdsScale()) : null);
        r.put("pri_ods_scale", any ? scales.get(acc.priOdsScale()) : null);
        r.put("voi_ods_scale", any ? scales.get(acc.voiOdsScale()) : null);
        if (any && acc.hasBoundaries()) {
            double[] ods = acc.boundaryOds();
            r.put("boundary_f_ods", ods[0]);
            r.put("boundary_recall_ods", ods[1]);
            r.put("boundary_precision_ods", ods[2]);
            r.put("boundary_ods_scale", scales.get(Math.min(scales.size() - 1, (int) Math.round(ods[3]))));
            r.put("boundary_ods_scale_index", ods[3]);
            r.put("boundary_f_ois", acc.boundaryOis());
            r.put("boundary_ap", acc.boundaryAp());
            r.put("boundary_tolerance", "0.0075 x image diagonal (" + String.format(Locale.ROOT, "%.2f", BoundaryScores.tolerance(481, 321))
                    + " px on 481x321), maximum-cardinality matching; see BoundaryMatcher");
        }
        r.put("seconds_per_image", acc.images() > 0 ? seconds / acc.images() : null);
        r.put("wall_seconds", wall);
        r.put("threads", threads);
        r.put("pipeline", segmenter.describe());
        Map<String, String> defs = new LinkedHashMap<>();
        defs.put("covering", "sum over annotators and their regions of |R| * max IoU(R, machine region), over the total area of"
                + " those regions; ODS: counts pooled over images at one scale, best scale; OIS: each image at its best scale,"
                + " counts pooled (BSDS collect_eval_reg)");
        defs.put("pri", "Rand index of the machine segmentation with each annotator, mean over annotators; ODS: best dataset"
                + " mean at one scale; OIS: mean of each image's best");
        defs.put("voi", "variation of information H(S)+H(G)-2I(S,G) in bits, mean over annotators; ODS: lowest dataset mean at"
                + " one scale; OIS: mean of each image's lowest");
        defs.put("boundary", "machine boundary = pixels whose right or lower neighbour is in another segment (no thinning: one"
                + " pixel wide by construction); human boundary = the .mat file's Boundaries; matched within 0.0075 x diagonal"
                + " by a maximum-cardinality bipartite matching per annotator; recall pooled over annotators, precision ="
                + " machine pixels matched to any annotator; F ODS interpolated between scales, OIS each image at its best-F"
                + " scale, AP = mean interpolated precision at recall 0:0.01:1");
        r.put("definitions", defs);
        r.put("errors", EvaluationError.reportEntries(errors));
        return r;
    }

    private void writeOutputs(Map<String, Object> report, SweepAccumulator acc, List<String> scales, Map<String, String> rows,
            List<EvaluationError> errors) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        write(out.resolve("report.json"), mapper.writeValueAsString(report) + "\n");
        StringBuilder csv = new StringBuilder("scale,covering,pri,voi,mean_segments,boundary_recall,boundary_precision\n");
        if (acc.images() > 0) {
            for (int s = 0; s < scales.size(); s++) {
                csv.append(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%.2f,%.6f,%.6f%n", scales.get(s), acc.covering(s), acc.pri(s),
                        acc.voi(s), acc.meanSegments(s), acc.boundaryRecall(s), acc.boundaryPrecision(s)));
            }
        }
        write(out.resolve("scales.csv"), csv.toString());
        StringBuilder per = new StringBuilder(
                "id,status,seconds,width,height,annotators,covering_best,covering_best_scale,pri_best,voi_best,boundary_f_best,message\n");
        rows.values().forEach(l -> per.append(l).append('\n'));
        write(out.resolve("per_image_regions.csv"), per.toString());
        StringBuilder md = new StringBuilder("# SuperCuts region benchmark: " + report.get("dataset") + "\n\n| metric | value |\n|---|---|\n");
        for (Map.Entry<String, Object> e : report.entrySet()) {
            Object v = e.getValue();
            if (v == null || v instanceof Map || v instanceof List) {
                continue;
            }
            md.append("| ").append(e.getKey()).append(" | ")
                    .append(v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(v)).append(" |\n");
        }
        md.append("\n## Errors (").append(errors.size()).append(")\n\n");
        for (EvaluationError e : errors) {
            md.append("- ").append(e.id() == null ? "(dataset)" : e.id()).append(" `").append(e.file()).append("`: ")
                    .append(e.message().replace('\n', ' ')).append('\n');
        }
        write(out.resolve("report.md"), md.toString());
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\r", " ").replace("\n", " ").replace("\"", "\"\"") + "\"";
    }

    /**
     * Settings of a run.
     *
     * <p>Thread safety: not thread-safe; the built runner is immutable.
     */
    public static final class Builder {
        private Dataset dataset;
        private ScaledSegmenter segmenter;
        private Path out;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private boolean saveSegmentations;
        private boolean boundaries = true;
        private ProgressListener listener;

        private Builder() {
        }

        /** The dataset to evaluate (required). */
        public Builder dataset(Dataset d) {
            this.dataset = d;
            return this;
        }

        /** What segments each sample (required). */
        public Builder segmenter(ScaledSegmenter s) {
            this.segmenter = s;
            return this;
        }

        /** The output folder (required). */
        public Builder outputDirectory(Path dir) {
            this.out = dir;
            return this;
        }

        /** Worker threads, at least 1 (default: available processors). */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /** Write {@code segmentations/<scale>/<stem>.png} for every scale (default false). */
        public Builder saveSegmentations(boolean save) {
            this.saveSegmentations = save;
            return this;
        }

        /** Run the boundary benchmark too (default true). */
        public Builder boundaries(boolean on) {
            this.boundaries = on;
            return this;
        }

        /** Progress callbacks (default: none). */
        public Builder listener(ProgressListener l) {
            this.listener = l;
            return this;
        }

        /** The runner, validated. */
        public RegionEvaluation build() {
            return new RegionEvaluation(this);
        }
    }
}
