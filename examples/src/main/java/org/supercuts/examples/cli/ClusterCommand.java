package org.supercuts.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.supercuts.clustering.SphericalKMeans;
import org.supercuts.eval.metrics.UnsupervisedMiou;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.PlanarImage;
import org.supercuts.retrieval.AnnotatedFolder;
import org.supercuts.retrieval.ImageSegments;
import org.supercuts.retrieval.SegmentEmbedder;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code supercuts cluster --images DIR --k K --out OUT [--masks DIR | --labels DIR]}: groups the segments of a whole
 * collection into K clusters by spherical k-means on their embeddings (co-segmentation without labels), and writes
 * {@code OUT/STEM-clusters.png} per image (8-bit cluster ids), {@code OUT/STEM-clusters-colour.png} (each cluster in
 * its {@link org.supercuts.render.Palette} colour) and {@code OUT/clusters.json} (objective of every restart and their spread, and with ground truth the
 * Hungarian-matched and majority-vote mIoU).
 *
 * <p>Thread safety: a command object, used once.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Cluster the segments of an image collection into K groups (spherical k-means over segment embeddings).")
public final class ClusterCommand implements Callable<Integer> {
    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of images.")
    Path imagesDir;

    @Option(names = "--k", required = true, paramLabel = "K", description = "Number of clusters (2..255).")
    int k;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    /** Optional ground truth, one kind. */
    static final class Truth {
        @Option(names = "--masks", paramLabel = "DIR", description = "Binary masks (same stems): score against fg/bg.")
        Path masks;

        @Option(names = "--labels", paramLabel = "DIR", description = "Class-id maps (same stems, 255 = ignore).")
        Path labels;
    }

    @ArgGroup(exclusive = true)
    Truth truth;

    @Option(names = "--restarts", paramLabel = "R", description = "k-means restarts, seeds SEED..SEED+R-1 (default: ${DEFAULT-VALUE}).")
    int restarts = 5;

    @Option(names = "--seed", paramLabel = "S", description = "First k-means seed (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Mixin
    PipelineOptions pipelineOptions;

    @Mixin
    EmbeddingOptions embeddingOptions;

    @Spec
    CommandSpec spec;

    /** One image's segments and, with ground truth, each segment's pixel count per class. */
    private record Embedded(Path image, String stem, ImageSegments segments, int[][] classCounts) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (k < 1 || k > 255) {
            throw new IllegalArgumentException("--k must be in 1..255 (cluster ids are written as 8-bit values), got " + k);
        }
        SphericalKMeans kmeans = SphericalKMeans.clusters(k).restarts(restarts).seed(seed);
        List<Path> inputs = AnnotatedFolder.imageFiles(imagesDir, "--images");
        Path truthDir = truth == null ? null : truth.masks != null ? truth.masks : truth.labels;
        AnnotatedFolder annotated = truthDir == null ? null : AnnotatedFolder.open(imagesDir, truthDir,
                truth.masks != null ? AnnotatedFolder.Kind.MASKS : AnnotatedFolder.Kind.LABELS);
        Map<String, AnnotatedFolder.Item> items = new LinkedHashMap<>();
        if (annotated != null) {
            annotated.items().forEach(i -> items.put(i.image().toString(), i));
        }
        Files.createDirectories(out);
        List<AutoCloseable> resources = new ArrayList<>();
        List<String> failures = new ArrayList<>(annotated == null ? List.of() : annotated.problems());
        List<Embedded> embedded = new ArrayList<>();
        try (PipelineOptions.Built built = pipelineOptions.build(1)) {
            SegmentEmbedder embedder = embeddingOptions.build(built.pipeline(), pipelineOptions.ssnModel, pipelineOptions.device, resources);
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(pipelineOptions.threads(), inputs.size()));
            try {
                List<Future<Embedded>> futures = new ArrayList<>();
                for (Path input : inputs) {
                    AnnotatedFolder.Item item = items.get(input.toString());
                    if (annotated != null && item == null) {
                        continue;
                    }
                    futures.add(pool.submit(() -> embed(embedder, annotated, item, input)));
                }
                for (Future<Embedded> f : futures) {
                    try {
                        embedded.add(f.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures.add(SuperCutsCli.message(e.getCause()));
                    }
                }
            } finally {
                pool.shutdown();
            }
        } finally {
            new PipelineOptions.Built(null, resources).close();
        }
        failures.forEach(f -> err.println("error: " + f));
        err.flush();
        if (embedded.isEmpty()) {
            throw new IllegalArgumentException("no image of " + imagesDir + " could be segmented");
        }
        int n = embedded.stream().mapToInt(e -> e.segments.count()).sum();
        if (k > n) {
            throw new IllegalArgumentException("--k " + k + " is larger than the number of segments, " + n);
        }
        int d = embedded.get(0).segments.dimension();
        float[] all = new float[n * d];
        int o = 0;
        for (Embedded e : embedded) {
            float[] q = e.segments.queries();
            System.arraycopy(q, 0, all, o, q.length);
            o += q.length;
        }
        long t0 = System.nanoTime();
        SphericalKMeans.Result r = kmeans.cluster(all, n, d);
        double clusterMs = (System.nanoTime() - t0) / 1e6;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("k", k);
        json.put("images", embedded.size());
        json.put("segments", n);
        json.put("clustering", kmeans.describe());
        json.put("objective", r.objective());
        json.put("restart_objectives", r.restartObjectives());
        json.put("objective_sd_over_seeds", r.objectiveSpread());
        json.put("best_restart", r.bestRestart());
        json.put("cluster_ms", clusterMs);
        int[] sizes = new int[k];
        int classes = 0;
        for (Embedded e : embedded) {
            if (e.classCounts != null) {
                for (int[] c : e.classCounts) {
                    classes = Math.max(classes, c.length);
                }
            }
        }
        UnsupervisedMiou miou = classes > 0 ? new UnsupervisedMiou(k, classes) : null;
        int start = 0;
        for (Embedded e : embedded) {
            int[] lbl = e.segments.segments().backingArray();
            int[] pixels = new int[lbl.length];
            for (int i = 0; i < lbl.length; i++) {
                pixels[i] = r.assignment()[start + lbl[i]];
            }
            for (int s = 0; s < e.segments.count(); s++) {
                sizes[r.assignment()[start + s]] += e.segments.areas()[s];
            }
            int w = e.segments.segments().width();
            int h = e.segments.segments().height();
            ImageFiles.writePng(RetrievalPictures.labelImage(pixels, w, h), out.resolve(e.stem + "-clusters.png"));
            ImageFiles.writePng(colourImage(pixels, w, h), out.resolve(e.stem + "-clusters-colour.png"));
            if (miou != null && e.classCounts != null) {
                addCounts(miou, e.classCounts, r.assignment(), start);
            }
            start += e.segments.count();
        }
        json.put("cluster_pixels", sizes);
        String scores = "";
        if (miou != null) {
            UnsupervisedMiou.Result hungarian = miou.result();
            UnsupervisedMiou.Result majority = miou.majorityVote();
            json.put("classes", classes);
            json.put("hungarian", resultJson(hungarian));
            json.put("majority_vote", resultJson(majority));
            scores = String.format(Locale.ROOT, "; Hungarian mIoU %.4f, majority-vote mIoU %.4f", hungarian.meanIou(), majority.meanIou());
        }
        json.put("errors", failures);
        EmbeddingOptions.writeJson(json, out.resolve("clusters.json"));
        stdout.printf(Locale.ROOT, "clustered %d segments of %d image(s) into %d groups (objective %.4f, sd over %d seeds %.4f)%s;"
                + " outputs in %s%n", n, embedded.size(), k, r.objective(), restarts, r.objectiveSpread(), scores, out.toAbsolutePath());
        stdout.flush();
        return failures.isEmpty() ? 0 : SuperCutsCli.EXIT_SOME_FAILED;
    }

    private static Embedded embed(SegmentEmbedder embedder, AnnotatedFolder folder, AnnotatedFolder.Item item, Path input) {
        PlanarImage image = PlanarImage.read(input);
        ImageSegments s = embedder.embed(image);
        int[][] counts = null;
        if (item != null) {
            int[] gt = folder.readLabels(item, image.width(), image.height());
            int[] lbl = s.segments().backingArray();
            int classes = 0;
            for (int v : gt) {
                if (v != AnnotatedFolder.IGNORE) {
                    classes = Math.max(classes, v + 1);
                }
            }
            counts = new int[s.count()][Math.max(1, classes)];
            for (int i = 0; i < lbl.length; i++) {
                if (gt[i] != AnnotatedFolder.IGNORE) {
                    counts[lbl[i]][gt[i]]++;
                }
            }
        }
        return new Embedded(input, SegmentCommand.stem(input), s, counts);
    }

    /** Adds per-segment class counts as an equivalent pixel list (the order of pixels does not matter to the matching). */
    private static void addCounts(UnsupervisedMiou miou, int[][] counts, int[] assignment, int start) {
        int total = 0;
        for (int[] c : counts) {
            for (int v : c) {
                total += v;
            }
        }
        int[] predicted = new int[total];
        int[] truthPixels = new int[total];
        int p = 0;
        for (int s = 0; s < counts.length; s++) {
            for (int g = 0; g < counts[s].length; g++) {
                for (int i = 0; i < counts[s][g]; i++) {
                    predicted[p] = assignment[start + s];
                    truthPixels[p++] = g;
                }
            }
        }
        miou.add(predicted, truthPixels);
    }

    private static Map<String, Object> resultJson(UnsupervisedMiou.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("miou", r.meanIou());
        m.put("class_iou", r.classIou());
        m.put("pixel_accuracy", r.pixelAccuracy());
        m.put("class_of_cluster", r.classOfCluster());
        return m;
    }

    private static java.awt.image.BufferedImage colourImage(int[] clusters, int w, int h) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < clusters.length; i++) {
            img.setRGB(i % w, i / w, org.supercuts.render.Palette.colour(clusters[i]));
        }
        return img;
    }
}
