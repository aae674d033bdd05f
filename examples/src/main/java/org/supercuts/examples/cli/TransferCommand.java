package org.supercuts.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.supercuts.image.ImageFiles;
import org.supercuts.image.Masks;
import org.supercuts.image.PlanarImage;
import org.supercuts.retrieval.AnnotatedFolder;
import org.supercuts.retrieval.ImageSegments;
import org.supercuts.retrieval.IndexBuilder;
import org.supercuts.retrieval.LabelTransfer;
import org.supercuts.retrieval.NeighbourSearch;
import org.supercuts.retrieval.Neighbours;
import org.supercuts.retrieval.SegmentEmbedder;
import org.supercuts.retrieval.SegmentIndex;
import org.supercuts.retrieval.SegmentIndexFile;
import org.supercuts.retrieval.TransferResult;
import org.supercuts.retrieval.TransferSoftMap;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code supercuts transfer --index-images DIR --index-masks DIR [--index FILE] [--save-index FILE] --out OUT IMAGE...}:
 * labels new images by kNN label transfer from annotated ones. Writes, per input {@code STEM}: {@code STEM-mask.png}
 * (0/255) and {@code STEM-soft.png} (the foreground vote share, fused, smoothed and rescaled by {@link TransferSoftMap};
 * 0..255) as {@code segment} does, {@code
 * STEM-neighbours.json} (every segment's k neighbours: source image, segment id, label, similarity) and {@code
 * STEM-explain.png} (the largest segments beside thumbnails of the segments they retrieved). With {@code --index-labels}
 * instead of {@code --index-masks} the annotations are class-id maps (255 = ignore) and {@code STEM-labels.png} holds the
 * transferred class ids.
 *
 * <p>Thread safety: a command object, used once.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = "Label images by the votes of their segments' nearest annotated segments (kNN label transfer).")
public final class TransferCommand implements Callable<Integer> {
    /** The k chosen on ECSSD's odd half (docs/retrieval.md). */
    static final int DEFAULT_K = 100;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Images to label.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--index-images", paramLabel = "DIR", description = "Annotated images to index.")
    Path indexImages;

    /** Exactly one kind of annotation folder. */
    static final class Annotations {
        @Option(names = "--index-masks", paramLabel = "DIR", description = "Binary masks of --index-images (same stems).")
        Path masks;

        @Option(names = "--index-labels", paramLabel = "DIR",
                description = "Class-id maps of --index-images (same stems; 255 = ignore).")
        Path labels;
    }

    @ArgGroup(exclusive = true)
    Annotations annotations;

    @Option(names = "--index", paramLabel = "FILE",
            description = "A saved index to search (with --index-images as well, the new images are appended to it).")
    Path indexFile;

    @Option(names = "--save-index", paramLabel = "FILE", description = "Save the index that was searched.")
    Path saveIndex;

    @Option(names = "--k", paramLabel = "K", description = "Neighbours per segment (default: ${DEFAULT-VALUE}).")
    int k = DEFAULT_K;

    @Option(names = "--voting", paramLabel = "RULE", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    LabelTransfer.Voting voting = LabelTransfer.Voting.WEIGHTED;

    @Option(names = "--concentration", paramLabel = "KAPPA",
            description = "Concentration of the weighted vote, weight = exp(KAPPA (cos - 1)); 0 = plain (default: ${DEFAULT-VALUE}).")
    double concentration = LabelTransfer.DEFAULT_CONCENTRATION;

    @Option(names = "--fusion", paramLabel = "A",
            description = "Soft map = A * vote share + (1 - A) * the default pipeline's saliency (needs --saliency-weight > 0;"
                    + " 1 = the vote share alone; default: ${DEFAULT-VALUE}).")
    double fusion = TransferSoftMap.DEFAULT_FUSION;

    @Option(names = "--smoothing", paramLabel = "BETA",
            description = "Smooth the fused map over the superpixel graph, f = (1 - BETA) y + BETA * (neighbours' mean of f), in"
                    + " [0, 1) (needs --saliency-weight > 0; 0 = off; default: ${DEFAULT-VALUE}).")
    double smoothing = TransferSoftMap.DEFAULT_SMOOTHING;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Mask threshold on the fused, smoothed map, in (0, 1); the soft map is rescaled so that T is 128"
                    + " (default: ${DEFAULT-VALUE}).")
    double threshold = TransferSoftMap.DEFAULT_THRESHOLD;

    @Option(names = "--explain-segments", paramLabel = "N",
            description = "Segments shown in STEM-explain.png, largest first (default: ${DEFAULT-VALUE}).")
    int explainSegments = 4;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("supercuts-out");

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @Mixin
    PipelineOptions pipelineOptions;

    @Mixin
    EmbeddingOptions embeddingOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (k < 1) {
            throw new IllegalArgumentException("--k must be >= 1, got " + k);
        }
        if (!(fusion >= 0 && fusion <= 1)) {
            throw new IllegalArgumentException("--fusion must be in [0, 1], got " + fusion);
        }
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("--smoothing must be in [0, 1), got " + smoothing);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("--threshold must be in (0, 1), got " + threshold);
        }
        if (fusion < 1 && embeddingOptions.saliencyWeight == 0) {
            throw new IllegalArgumentException("--fusion " + fusion + " mixes in the saliency, which --saliency-weight 0 turns off;"
                    + " use --fusion 1 or a saliency weight > 0");
        }
        if (smoothing > 0 && embeddingOptions.saliencyWeight == 0) {
            throw new IllegalArgumentException("--smoothing " + smoothing + " needs the region graph that --saliency-weight 0 does"
                    + " not keep; use --smoothing 0 or a saliency weight > 0");
        }
        if (explainSegments < 0) {
            throw new IllegalArgumentException("--explain-segments must be >= 0, got " + explainSegments);
        }
        Path annotationDir = annotations == null ? null : annotations.masks != null ? annotations.masks : annotations.labels;
        if (indexFile == null && indexImages == null) {
            throw new IllegalArgumentException("give --index-images DIR with --index-masks DIR (or --index-labels DIR), or --index FILE");
        }
        if (indexImages != null && annotationDir == null) {
            throw new IllegalArgumentException("--index-images needs --index-masks DIR or --index-labels DIR");
        }
        if (indexImages == null && annotationDir != null) {
            throw new IllegalArgumentException("--index-masks/--index-labels need --index-images DIR");
        }
        int threads = pipelineOptions.threads();
        Files.createDirectories(out);
        List<AutoCloseable> resources = new ArrayList<>();
        try (PipelineOptions.Built built = pipelineOptions.build(1)) {
            SegmentEmbedder embedder = embeddingOptions.build(built.pipeline(), pipelineOptions.ssnModel, pipelineOptions.device, resources);
            SegmentIndex index = index(embedder, annotationDir, threads, err, stdout);
            if (saveIndex != null) {
                SegmentIndexFile.save(index, saveIndex);
                stdout.println("saved the index (" + index.size() + " segments) to " + saveIndex.toAbsolutePath());
            }
            LabelTransfer transfer = LabelTransfer.nearest(k).voting(voting).concentration(concentration);
            if (k > index.size()) {
                throw new IllegalArgumentException("--k " + k + " is larger than the index, which holds " + index.size() + " segments");
            }
            NeighbourSearch search = NeighbourSearch.auto(index);
            boolean labelMaps = annotations != null ? annotations.labels != null : !isBinary(index);
            return transferAll(embedder, search, transfer, labelMaps, threads, err, stdout);
        } finally {
            new PipelineOptions.Built(null, resources).close();
        }
    }

    private SegmentIndex index(SegmentEmbedder embedder, Path annotationDir, int threads, PrintWriter err, PrintWriter stdout) {
        SegmentIndex loaded = null;
        if (indexFile != null) {
            loaded = SegmentIndexFile.load(indexFile);
            LabelTransfer.checkCompatible(loaded, embedder.describe(), -1);
        }
        if (indexImages == null) {
            return loaded;
        }
        AnnotatedFolder folder = AnnotatedFolder.open(indexImages, annotationDir,
                annotations.masks != null ? AnnotatedFolder.Kind.MASKS : AnnotatedFolder.Kind.LABELS);
        IndexBuilder.Result r = IndexBuilder.build(folder, embedder, threads, null);
        r.errors().forEach(e -> err.println("error: " + e));
        err.flush();
        if (r.index() == null || r.index().isEmpty()) {
            throw new IllegalArgumentException("the index is empty: no image of " + indexImages + " could be indexed"
                    + (r.errors().isEmpty() ? "" : " (" + r.errors().size() + " error(s) above)"));
        }
        stdout.printf(java.util.Locale.ROOT, "indexed %d segments of %d image(s) in %.1f s%n", r.index().size(), r.index().imageIds().size(),
                r.totalMillis() / 1000);
        stdout.flush();
        return loaded == null ? r.index() : loaded.toBuilder().append(r.index()).build();
    }

    private static boolean isBinary(SegmentIndex index) {
        for (int i = 0; i < index.size(); i++) {
            int l = index.label(i);
            if (l != 0 && l != 1 && l != SegmentIndex.UNLABELLED) {
                return false;
            }
        }
        return true;
    }

    private int transferAll(SegmentEmbedder embedder, NeighbourSearch search, LabelTransfer transfer, boolean labelMaps, int threads,
            PrintWriter err, PrintWriter stdout) throws Exception {
        ConcurrentSkipListMap<String, String> failures = new ConcurrentSkipListMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, images.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path input : images) {
                futures.add(pool.submit(() -> {
                    try {
                        transferOne(embedder, search, transfer, labelMaps, input);
                    } catch (RuntimeException | IOException e) {
                        failures.put(input.toString(), input + ": " + SuperCutsCli.message(e));
                        if (debug) {
                            e.printStackTrace(err);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        failures.values().forEach(f -> err.println("error: " + f));
        int done = images.size() - failures.size();
        stdout.println("transferred labels to " + done + " of " + images.size() + " image(s) with " + transfer.describe() + " over "
                + search.describe() + " search; outputs in " + out.toAbsolutePath());
        stdout.flush();
        err.flush();
        if (failures.isEmpty()) {
            return 0;
        }
        return done == 0 && images.size() == 1 ? SuperCutsCli.EXIT_BAD_INPUT : SuperCutsCli.EXIT_SOME_FAILED;
    }

    private void transferOne(SegmentEmbedder embedder, NeighbourSearch search, LabelTransfer transfer, boolean labelMaps, Path input)
            throws IOException {
        PlanarImage image = PlanarImage.read(input);
        ImageSegments q = embedder.embed(image);
        TransferResult t = transfer.transfer(search, embedder.describe(), q);
        String stem = SegmentCommand.stem(input);
        int w = image.width();
        int h = image.height();
        float[] soft = TransferSoftMap.defaults().fusion(fusion).smoothing(smoothing).threshold(threshold).softMap(t);
        ImageFiles.writeMask(Masks.threshold(soft, 0.5), w, h, out.resolve(stem + "-mask.png"));
        ImageFiles.writeSoft(soft, w, h, out.resolve(stem + "-soft.png"));
        if (labelMaps) {
            ImageFiles.writePng(RetrievalPictures.labelImage(t.labelMap(), w, h), out.resolve(stem + "-labels.png"));
        }
        EmbeddingOptions.writeJson(neighboursJson(input, q, t, search.index()), out.resolve(stem + "-neighbours.json"));
        ImageFiles.writePng(RetrievalPictures.explain(image, q, t, search.index(), indexImages, embedder, explainSegments),
                out.resolve(stem + "-explain.png"));
    }

    private Map<String, Object> neighboursJson(Path input, ImageSegments q, TransferResult t, SegmentIndex index) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("image", input.toString());
        json.put("width", q.segments().width());
        json.put("height", q.segments().height());
        json.put("k", k);
        json.put("voting", voting.name().toLowerCase(java.util.Locale.ROOT));
        json.put("fusion", fusion);
        json.put("smoothing", smoothing);
        json.put("threshold", threshold);
        json.put("concentration", voting == LabelTransfer.Voting.WEIGHTED ? concentration : 0);
        Map<String, Object> idx = new LinkedHashMap<>();
        idx.put("segments", index.size());
        idx.put("images", index.imageIds().size());
        idx.put("features", index.features());
        json.put("index", idx);
        List<Object> segments = new ArrayList<>();
        for (int s = 0; s < q.count(); s++) {
            Map<String, Object> seg = new LinkedHashMap<>();
            seg.put("segment", s);
            seg.put("area", q.areas()[s]);
            seg.put("label", t.segmentLabels()[s]);
            seg.put("foreground_share", round(t.share(s, TransferResult.FOREGROUND)));
            List<Object> nbs = new ArrayList<>();
            Neighbours nb = t.neighbours(s);
            for (int j = 0; j < nb.size(); j++) {
                int e = nb.entries()[j];
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("image", index.imageId(e));
                one.put("segment", index.segmentId(e));
                one.put("label", index.label(e));
                one.put("similarity", round(nb.similarities()[j]));
                nbs.add(one);
            }
            seg.put("neighbours", nbs);
            segments.add(seg);
        }
        json.put("segments", segments);
        return json;
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }
}
