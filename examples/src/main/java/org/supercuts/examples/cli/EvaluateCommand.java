package org.supercuts.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.supercuts.eval.bsds.RegionEvaluation;
import org.supercuts.eval.bsds.ScaledSegmenter;
import org.supercuts.eval.bsds.SegmentationDirectory;
import org.supercuts.Pipeline;
import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.run.EvaluationError;
import org.supercuts.eval.run.EvaluationListener;
import org.supercuts.eval.run.EvaluationResult;
import org.supercuts.eval.run.EvaluationRunner;
import org.supercuts.eval.run.Prediction;
import org.supercuts.eval.run.PredictionDirectory;
import org.supercuts.eval.run.RefinedSegmenter;
import org.supercuts.eval.run.Segmenter;
import org.supercuts.image.ImageDecoder;
import org.supercuts.image.PlanarImage;
import org.supercuts.image.SafeFiles;
import org.supercuts.refine.MaskRefiner;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code supercuts evaluate --dataset NAME --root DIR [...]}: runs the pipeline (or scores saved predictions) on a benchmark
 * and writes {@code report.json}, {@code report.md}, {@code pr_curve.png}, {@code per_image.csv} and the masks to the
 * output folder; with {@code --objects} also the object scores ({@code objects_*} in the report, {@code
 * per_image_objects.csv}). Re-running with the same {@code --out} resumes when the settings are the same ({@code run.json}); with other
 * settings it is refused naming what changed, unless {@code --overwrite} starts afresh. Exit code 0 when every image was scored, 1 when some
 * failed or the dataset had unpaired files (listed on stderr and in the report), 2 for bad input.
 *
 * <p>With {@code --predictions DIR --refine} the saved maps are scored twice, as saved ({@code OUT/raw/}) and refined by
 * the guided filter guided by the image luminance ({@code OUT/refined/}, {@link RefinedSegmenter}); both rows are printed
 * and written to {@code OUT/refine.md}.
 *
 * <p>Thread safety: a command object, used once.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate on a benchmark: IoU, accuracy, max-F-beta (both conventions), MAE, CorLoc, superpixel metrics.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "ecssd, duts, dut-omron, cub, voc07, voc12, bsds500 or folder.")
    String dataset;

    @Option(names = "--root", paramLabel = "DIR", description = "Dataset root folder, in the dataset's published layout.")
    Path root;

    @Option(names = "--images", paramLabel = "DIR", description = "For --dataset folder: the image folder.")
    Path images;

    @Option(names = "--masks", paramLabel = "DIR", description = "For --dataset folder: the mask folder (masks matched by file stem).")
    Path masks;

    @Option(names = "--split", paramLabel = "SPLIT",
            description = "bsds500: train, val or test (default test); voc: an ImageSets/Main list (default trainval); cub: train or test (default all).")
    String split;

    @Option(names = "--limit", paramLabel = "N", description = "Evaluate only the first N images (in file-name order).")
    Integer limit;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: supercuts-out/evaluate-DATASET).")
    Path out;

    @Option(names = "--predictions", paramLabel = "DIR",
            description = "Score predictions saved by another tool instead of running the pipeline: DIR/STEM-soft.png, STEM-mask.png or STEM.png.")
    Path predictions;

    @Option(names = "--no-masks", description = "Do not write the predicted masks.")
    boolean noMasks;

    @Option(names = "--overwrite", description = "Delete the results of an earlier run in --out whose settings differ, instead"
            + " of refusing to mix them (a run with the same settings resumes either way).")
    boolean overwrite;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @Option(names = "--regions", description = "bsds500: the region benchmark of the hierarchy over a sweep of scales (covering,"
            + " PRI, VoI at ODS and OIS) and the boundary benchmark of its contour map (F ODS/OIS, AP). Implied by --predictions"
            + " DIR when DIR holds segmentations/<scale>/<stem>.png.")
    boolean regions;

    @Option(names = "--scales", paramLabel = "N", description = "With --regions: thresholds i/(N+1), i = 1..N, on the hierarchy's"
            + " merge heights (default: ${DEFAULT-VALUE}, as the BSDS code).")
    int scales = 99;

    @Option(names = "--save-segmentations", description = "With --regions: write segmentations/<scale>/<stem>.png (16-bit label"
            + " maps) for every scale swept.")
    boolean saveSegmentations;

    @Option(names = "--no-boundaries", description = "With --regions: skip the boundary benchmark.")
    boolean noBoundaries;

    @Mixin
    PipelineOptions pipelineOptions;

    @Mixin
    ObjectOptions objectOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (root == null && !("folder".equalsIgnoreCase(dataset) && images != null && masks != null)) {
            throw new IllegalArgumentException("--root is required for --dataset " + dataset
                    + " (for --dataset folder give --images and --masks instead)");
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be >= 1, got " + limit);
        }
        checkDatasetOptions();
        Dataset data = Datasets.open(dataset, root, split, images, masks);
        if (limit != null) {
            data = data.limit(limit);
        }
        int threads = pipelineOptions.threads();
        if (objectOptions.enabled() && (predictions != null || regions)) {
            throw new IllegalArgumentException("--objects scores the pipeline's objects and cannot be combined with "
                    + (regions ? "--regions" : "--predictions"));
        }
        objectOptions.discovery(); // bad object options are reported before anything runs
        if (regions || (predictions != null && SegmentationDirectory.holdsSegmentations(predictions))) {
            return evaluateRegions(data, threads, err, stdout);
        }
        Path outDir = out != null ? out : Path.of("supercuts-out", "evaluate-" + data.name());
        if (predictions != null) {
            pipelineOptions.rejectPipelineOptions("with --predictions (the saved predictions are scored as they are)");
            PredictionDirectory saved = new PredictionDirectory(predictions);
            MaskRefiner refiner = pipelineOptions.refiner();
            if (refiner == null) {
                return evaluate(data, saved, outDir, null, threads, err, stdout).hasErrors() ? SuperCutsCli.EXIT_SOME_FAILED : 0;
            }
            EvaluationResult raw = evaluate(data, saved, outDir.resolve("raw"), null, threads, err, stdout);
            EvaluationResult refined = evaluate(data, new RefinedSegmenter(saved, refiner), outDir.resolve("refined"),
                    refiner.describe(), threads, err, stdout);
            writeRefineTable(outDir, refiner, raw, refined, stdout);
            return raw.hasErrors() || refined.hasErrors() ? SuperCutsCli.EXIT_SOME_FAILED : 0;
        }
        // Images run in parallel, so each image's stages get one thread.
        try (PipelineOptions.Built built = pipelineOptions.build(1)) {
            // only masks are scored: the results need no affinity matrix, features or eigenvectors
            Pipeline lean = objectOptions.apply(built.pipeline()).toBuilder().keepIntermediates(false).build();
            return evaluate(data, fittedToSmallImages(lean), outDir, null, threads, err, stdout).hasErrors()
                    ? SuperCutsCli.EXIT_SOME_FAILED : 0;
        }
    }

    /** --images, --masks, --root and --split only where the dataset reads them. */
    private void checkDatasetOptions() {
        String name = dataset.toLowerCase(Locale.ROOT);
        boolean folder = name.equals("folder");
        String with = "with --dataset " + dataset;
        pipelineOptions.rejectIfGiven("--images", !folder, with + " (it is the image folder of --dataset folder)");
        pipelineOptions.rejectIfGiven("--masks", !folder, with + " (it is the mask folder of --dataset folder)");
        pipelineOptions.rejectIfGiven("--root", folder && images != null && masks != null, "with --images and --masks");
        pipelineOptions.rejectIfGiven("--split", !List.of("bsds500", "voc07", "voc12", "cub").contains(name), with
                + " (splits exist for bsds500, voc07, voc12 and cub)");
    }

    /** Prints and writes the raw and refined rows side by side. */
    private static void writeRefineTable(Path outDir, MaskRefiner refiner, EvaluationResult raw, EvaluationResult refined,
            PrintWriter stdout) {
        StringBuilder md = new StringBuilder("| predictions | IoU | Acc | max-F-beta | MAE |\n|---|---|---|---|---|\n");
        for (EvaluationResult r : List.of(raw, refined)) {
            String label = r == raw ? "as saved" : "refined: " + refiner.describe();
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f |%n", label, number(r, "iou"), number(r, "acc"),
                    number(r, "max_fbeta"), number(r, "mae")));
        }
        try {
            SafeFiles.write(outDir.resolve("refine.md"), md.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outDir.resolve("refine.md") + ": " + e.getMessage(), e);
        }
        stdout.print(md);
        stdout.flush();
    }

    private static double number(EvaluationResult r, String key) {
        return r.report().get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * Runs one evaluation into {@code outDir}; {@code refine} names the refiner applied to saved predictions (null for
     * none), so that a resumed run with another filter is refused like any other change of settings.
     */
    private EvaluationResult evaluate(Dataset data, Segmenter segmenter, Path outDir, String refine, int threads,
            PrintWriter err, PrintWriter stdout) {
        SafeFiles.requireWritableDirectory(outDir, "--out");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("dataset", dataset.toLowerCase(Locale.ROOT));
        settings.put("root", root == null ? null : root.toAbsolutePath().normalize().toString());
        settings.put("images", images == null ? null : images.toAbsolutePath().normalize().toString());
        settings.put("masks", masks == null ? null : masks.toAbsolutePath().normalize().toString());
        settings.put("split", split);
        settings.put("predictions", predictions == null ? null : predictions.toAbsolutePath().normalize().toString());
        if (predictions == null) {
            settings.put("options", pipelineOptions.describe());
        }
        if (refine != null) {
            settings.put("refine", refine);
        }
        MemoryEstimate memory = MemoryEstimate.of(pipelineOptions.levels, false, pipelineOptions.multiScale, pipelineOptions.usesSsn());
        long usable = MemoryEstimate.usableHeap();
        int k = pipelineOptions.superpixels;
        if (predictions == null && memory.bytes(0, k) > usable) {
            throw new IllegalArgumentException(MemoryEstimate.tooManySuperpixels(memory, k, usable));
        }
        EvaluationResult result;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("evaluate " + data.name()).setInitialMax(data.size())
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            result = EvaluationRunner.builder().dataset(data).segmenter(segmenter).outputDirectory(outDir).threads(threads)
                    .writeMasks(!noMasks).objects(objectOptions.enabled()).settings(settings).overwrite(overwrite)
                    .memory(sample -> {
                        int[] size = ImageDecoder.storedSize(sample.imagePath());
                        long pixels = (long) size[0] * size[1];
                        return memory.bytes(pixels, Math.min(k, SmallImages.maxSuperpixels(pixels)));
                    }, usable).listener(new EvaluationListener() {
                        @Override
                        public void started(int total, int resumed) {
                            bar.stepTo(resumed);
                        }

                        @Override
                        public void imageDone(String id, boolean ok, int completed, int total) {
                            bar.stepTo(completed);
                        }
                    }).build().run();
        }
        for (EvaluationError e : result.errors()) {
            err.println("error: " + (e.id() == null ? "" : e.id() + ": ") + e.file() + ": " + e.message());
        }
        stdout.println(summary(result));
        stdout.println("report: " + outDir.resolve("report.json").toAbsolutePath());
        stdout.flush();
        err.flush();
        return result;
    }

    private int evaluateRegions(Dataset data, int threads, PrintWriter err, PrintWriter stdout) {
        if (scales < 1) {
            throw new IllegalArgumentException("--scales must be >= 1, got " + scales);
        }
        Path outDir = out != null ? out : Path.of("supercuts-out", "evaluate-" + data.name() + "-regions");
        pipelineOptions.rejectIfGiven("--refine", true, "with the region benchmark (it scores label maps, not soft masks)");
        if (predictions != null) {
            pipelineOptions.rejectPipelineOptions("with --predictions (the saved label maps are scored as they are)");
        }
        PipelineOptions.Built built = predictions != null ? null : pipelineOptions.build(1);
        RegionEvaluation.Result result;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("regions " + data.name()).setInitialMax(data.size())
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            ScaledSegmenter segmenter = predictions != null ? new SegmentationDirectory(predictions)
                    : ScaledSegmenter.of(built.pipeline(), ScaledSegmenter.thresholds(scales));
            result = RegionEvaluation.builder().dataset(data).segmenter(segmenter).outputDirectory(outDir).threads(threads)
                    .saveSegmentations(saveSegmentations).boundaries(!noBoundaries)
                    .listener((id, ok, completed, total) -> bar.stepTo(completed)).build().run();
        } finally {
            if (built != null) {
                built.close();
            }
        }
        for (EvaluationError e : result.errors()) {
            err.println("error: " + (e.id() == null ? "" : e.id() + ": ") + e.file() + ": " + e.message());
        }
        StringBuilder sb = new StringBuilder(data.name() + ": " + result.report().get("images") + " image(s)");
        for (String key : new String[] {"covering_ods", "covering_ois", "pri_ods", "pri_ois", "voi_ods", "voi_ois",
                "boundary_f_ods", "boundary_f_ois", "boundary_ap"}) {
            if (result.report().get(key) instanceof Number n) {
                sb.append(String.format(Locale.ROOT, ", %s %.4f", key, n.doubleValue()));
            }
        }
        sb.append(", ods_scale ").append(result.report().get("ods_scale"));
        stdout.println(sb);
        stdout.println("report: " + outDir.resolve("report.json").toAbsolutePath());
        stdout.flush();
        err.flush();
        return result.hasErrors() ? SuperCutsCli.EXIT_SOME_FAILED : 0;
    }

    /** The pipeline, with its superpixel count clamped per image for small images ({@link SmallImages}). */
    private static Segmenter fittedToSmallImages(Pipeline pipeline) {
        Segmenter plain = Segmenter.of(pipeline);
        return new Segmenter() {
            @Override
            public Prediction predict(Sample sample) {
                PlanarImage image = sample.loadImage();
                return Prediction.of(SmallImages.fit(pipeline, image.width(), image.height()).pipeline().segment(image));
            }

            @Override
            public Map<String, Object> describe() {
                return plain.describe();
            }
        };
    }

    static String summary(EvaluationResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.report().get("dataset")).append(": ").append(r.report().get("images")).append(" image(s)");
        if (r.resumed() > 0) {
            sb.append(" (").append(r.resumed()).append(" resumed)");
        }
        for (String key : new String[] {"iou", "acc", "max_fbeta", "max_fbeta_per_image", "mae", "iou_adaptive", "corloc",
                "boundary_recall", "undersegmentation_error", "asa", "superpixels", "objects_multi_recall", "objects_single_precision",
                "objects_single_recall", "objects_single_answered", "objects_empty_answered_zero", "images_per_second"}) {
            Object v = r.report().get(key);
            if (v instanceof Number n) {
                sb.append(String.format(Locale.ROOT, ", %s %.4f", key, n.doubleValue()));
            }
        }
        return sb.toString();
    }
}
