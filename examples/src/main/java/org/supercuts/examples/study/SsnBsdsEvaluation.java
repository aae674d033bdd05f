package org.supercuts.examples.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.supercuts.eval.metrics.SuperpixelAccumulator;
import org.supercuts.eval.metrics.SuperpixelMetrics;
import org.supercuts.eval.metrics.SuperpixelScores;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.runtime.Device;
import org.supercuts.onnx.runtime.ModelOptions;
import org.supercuts.onnx.ssn.SsnSpec;
import org.supercuts.onnx.ssn.SsnSuperpixelizer;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Quality and speed of {@link SsnSuperpixelizer} on a BSDS500 split: boundary recall (2-px tolerance), undersegmentation
 * error (Neubert-Protzel), achievable segmentation accuracy, superpixels per image (means over images, each image's scores
 * averaged over its annotators, see {@code SuperpixelMetrics}) and milliseconds per image for {@code segment} (encoding,
 * network, clustering, connectivity; the first two images are warm-up and not timed).
 *
 * <pre>
 * java -cp examples/target/supercuts-examples-*.jar org.supercuts.examples.SsnBsdsEvaluation \
 *     [--root ../shared/datasets/BSDS500] [--model ../shared/models/ssn/ssn_bsds_pixel_features.onnx] [--split test]
 *     [--k 200] [--iterations 5] [--threads 1] [--parallel-clustering false] [--device cpu] [--limit N]
 * </pre>
 *
 * <p>Thread safety: a command-line program; not for concurrent use.
 */
public final class SsnBsdsEvaluation {
    private SsnBsdsEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = findShared();
        Path root = shared.resolve("datasets/BSDS500");
        Path model = shared.resolve("models/ssn/ssn_bsds_pixel_features.onnx");
        String split = "test";
        int k = 200;
        int iterations = 5;
        int threads = 1;
        boolean parallelClustering = false;
        String device = "cpu";
        int limit = Integer.MAX_VALUE;
        double minSizeFraction = 0.06;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--root" -> root = Path.of(v);
                case "--model" -> model = Path.of(v);
                case "--split" -> split = v;
                case "--k" -> k = Integer.parseInt(v);
                case "--iterations" -> iterations = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--parallel-clustering" -> parallelClustering = Boolean.parseBoolean(v);
                case "--device" -> device = v;
                case "--limit" -> limit = Integer.parseInt(v);
                case "--min-size-fraction" -> minSizeFraction = Double.parseDouble(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path images = root.resolve("data/images").resolve(split);
        Path truth = root.resolve("data/groundTruth").resolve(split);
        List<Path> files;
        try (Stream<Path> s = Files.list(images)) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(limit).toList();
        }
        SsnSpec spec = SsnSpec.defaults(model).withSuperpixels(k).withIterations(iterations).withParallel(parallelClustering)
                .withMinSizeFraction(minSizeFraction)
                .withModelOptions(ModelOptions.defaults().withIntraOpThreads(threads).withDevice(Device.parse(device)));
        SuperpixelAccumulator all = new SuperpixelAccumulator();
        double twoSidedRecallSum = 0;
        long timedNanos = 0;
        int timed = 0;
        try (SsnSuperpixelizer ssn = SsnSuperpixelizer.open(spec)) {
            System.out.println("# " + ssn.describe() + ", intra-op threads " + threads + ", parallel clustering "
                    + parallelClustering + ", " + files.size() + " images of " + images);
            for (int i = 0; i < Math.min(2, files.size()); i++) {
                ssn.segment(PlanarImage.read(files.get(i)));
            }
            for (Path file : files) {
                PlanarImage image = PlanarImage.read(file);
                long t0 = System.nanoTime();
                LabelMap labels = ssn.segment(image);
                timedNanos += System.nanoTime() - t0;
                timed++;
                String id = file.getFileName().toString().replace(".jpg", "");
                SuperpixelScores s = SuperpixelMetrics.evaluate(labels, readAnnotations(truth.resolve(id + ".mat")));
                all.add(s);
                double twoSided = twoSidedBoundaryRecall(labels, readAnnotations(truth.resolve(id + ".mat")));
                twoSidedRecallSum += twoSided;
                System.out.printf(Locale.ROOT, "%s BR=%.4f UE=%.4f ASA=%.4f n=%d BR2=%.4f%n", id, s.boundaryRecall(),
                        s.undersegmentationError(), s.achievableSegmentationAccuracy(), (int) s.superpixels(), twoSided);
            }
        }
        SuperpixelScores mean = all.mean();
        System.out.printf(Locale.ROOT, "MEAN over %d images: BR=%.4f UE=%.4f ASA=%.4f superpixels/image=%.1f ms/image=%.1f"
                + " (BR2, two-sided superpixel boundaries: %.4f)%n", all.images(), mean.boundaryRecall(),
                mean.undersegmentationError(), mean.achievableSegmentationAccuracy(), mean.superpixels(),
                timedNanos / 1e6 / Math.max(1, timed), twoSidedRecallSum / Math.max(1, all.images()));
    }

    /**
     * A diagnostic variant of boundary recall (column BR2): ground-truth boundaries as in {@code SuperpixelMetrics}, but a
     * superpixel boundary pixel is any pixel with a differently labelled 4-neighbour (both sides of every label change, as
     * some benchmarks mark them), 2-px Chebyshev tolerance, averaged over annotators. Published SSN numbers appear to use
     * such a convention; the project's metric is BR.
     */
    static double twoSidedBoundaryRecall(LabelMap superpixels, List<LabelMap> annotations) {
        int w = superpixels.width();
        int h = superpixels.height();
        boolean[] sp = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = superpixels.label(x, y);
                sp[y * w + x] = (x > 0 && superpixels.label(x - 1, y) != v) || (x + 1 < w && superpixels.label(x + 1, y) != v)
                        || (y > 0 && superpixels.label(x, y - 1) != v) || (y + 1 < h && superpixels.label(x, y + 1) != v);
            }
        }
        double sum = 0;
        int counted = 0;
        for (LabelMap gt : annotations) {
            boolean[] g = SuperpixelMetrics.boundaries(gt);
            long total = 0;
            long hit = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (!g[y * w + x]) {
                        continue;
                    }
                    total++;
                    boolean found = false;
                    for (int yy = Math.max(0, y - 2); yy <= Math.min(h - 1, y + 2) && !found; yy++) {
                        for (int xx = Math.max(0, x - 2); xx <= Math.min(w - 1, x + 2) && !found; xx++) {
                            found = sp[yy * w + xx];
                        }
                    }
                    hit += found ? 1 : 0;
                }
            }
            if (total > 0) {
                sum += (double) hit / total;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** {@code ../shared}, or the first {@code shared/} folder found walking up from the working directory. */
    static Path findShared() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("shared/models"))) {
                return d.resolve("shared");
            }
        }
        return Path.of("../shared");
    }

    /** The human segmentations of one BSDS500 image ({@code groundTruth{i}.Segmentation}, labels from 1). */
    static List<LabelMap> readAnnotations(Path mat) throws IOException {
        List<LabelMap> out = new ArrayList<>();
        try (Mat5File file = Mat5.readFromFile(mat.toFile())) {
            Cell cells = file.getCell("groundTruth");
            for (int i = 0; i < cells.getNumElements(); i++) {
                Matrix seg = cells.getStruct(i).getMatrix("Segmentation");
                int h = seg.getNumRows();
                int w = seg.getNumCols();
                int[] labels = new int[w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        labels[y * w + x] = seg.getInt(y, x);
                    }
                }
                out.add(LabelMap.compact(w, h, labels));
            }
        }
        return out;
    }
}
