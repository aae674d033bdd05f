package org.supercuts.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.supercuts.Pipeline;
import org.supercuts.SuperCuts;
import org.supercuts.image.PlanarImage;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.linalg.AffinityOperator;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.spectral.NCut;
import org.supercuts.spectral.SpectralEmbedding;
import org.supercuts.spectral.SpectralPartition;
import org.supercuts.spectral.SpectralPartitioner;

/**
 * Profile of the default pipeline's spectral stage on real affinities: the default pipeline is run once per ECSSD image to
 * get its superpixel affinity, then each partitioner variant is timed on those affinities (single thread, after a warm-up),
 * and its 16-segment partition is compared with that of the previous default solver (auto, tolerance 1e-6): the number of
 * images with an identical partition and the mean Rand index.
 *
 * <p>Run: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.bench.SpectralStageProfile [IMAGES [SECONDS]]}
 * (default 40 odd-numbered images, 3 s of timing per variant).
 *
 * <p>Thread safety: a main program.
 */
public final class SpectralStageProfile {
    private SpectralStageProfile() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        Path dir = BenchImages.findShared("datasets/ECSSD/images");
        if (dir == null) {
            System.out.println("ECSSD not found under ../shared; nothing to profile");
            return;
        }
        List<Path> paths;
        try (Stream<Path> files = Files.list(dir)) {
            paths = files.sorted().collect(Collectors.toList());
        }
        Pipeline pipeline = SuperCuts.pipeline().build();
        List<AffinityMatrix> affinities = new ArrayList<>();
        for (int i = 0; i < paths.size() && affinities.size() < count; i += 2) {
            affinities.add(pipeline.segment(PlanarImage.read(paths.get(i)).toRgb()).affinity());
        }
        System.out.println(affinities.size() + " affinities, default partitioner " + pipeline.partitioner().describe());
        EigenSolver auto6 = EigenSolver.auto().tolerance(1e-6);
        // The reference: the default before the shift-invert solver (dense <= 128 nodes, Lanczos on W above, tol 1e-6).
        SpectralPartitioner previous = NCut.recursive().solver(auto6);
        Map<String, SpectralPartitioner> variants = new LinkedHashMap<>();
        variants.put("default", pipeline.partitioner());
        variants.put("previous-default(auto,tol1e-6)", previous);
        variants.put("auto-tol1e-10", NCut.recursive().solver(EigenSolver.auto()));
        variants.put("shift-invert-tol1e-6", NCut.recursive().solver(EigenSolver.shiftInvert().tolerance(1e-6)));
        variants.put("shift-invert-tol1e-10", NCut.recursive().solver(EigenSolver.shiftInvert()));
        List<int[]> reference = new ArrayList<>();
        for (AffinityMatrix w : affinities) {
            reference.add(previous.partition(w).tree().labelsWithSegments(16));
        }
        // Pieces of the default: the whole-graph embedding alone.
        timePiece("auto embedding k=2 of the whole graph", affinities, seconds, w -> SpectralEmbedding.smallest(
                AffinityOperator.of(w), 2, auto6));
        timePiece("shift-invert embedding k=2 of the whole graph", affinities, seconds, w -> SpectralEmbedding.smallest(
                AffinityOperator.of(w), 2, EigenSolver.shiftInvert().tolerance(1e-6)));
        timePiece("AffinityOperator.of", affinities, seconds, AffinityOperator::of);
        for (Map.Entry<String, SpectralPartitioner> e : variants.entrySet()) {
            SpectralPartitioner p = e.getValue();
            double ms = timePiece(e.getKey(), affinities, seconds, p::partition);
            int same = 0;
            double agreement = 0;
            for (int i = 0; i < affinities.size(); i++) {
                int[] labels = p.partition(affinities.get(i)).tree().labelsWithSegments(16);
                if (Arrays.equals(labels, reference.get(i))) {
                    same++;
                }
                agreement += pairAgreement(labels, reference.get(i));
            }
            System.out.printf(Locale.ROOT, "  -> %s: %.2f ms, identical 16-segment partitions %d/%d, pair agreement %.4f%n",
                    e.getKey(), ms, same, affinities.size(), agreement / affinities.size());
        }
    }

    /** Fraction of node pairs on which two labellings agree (same segment in both or different in both): the Rand index. */
    static double pairAgreement(int[] a, int[] b) {
        long agree = 0;
        long total = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                if ((a[i] == a[j]) == (b[i] == b[j])) {
                    agree++;
                }
                total++;
            }
        }
        return total == 0 ? 1 : (double) agree / total;
    }

    private static double timePiece(String name, List<AffinityMatrix> affinities, double seconds,
            java.util.function.Function<AffinityMatrix, ?> f) {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warmEnd) {
            for (AffinityMatrix w : affinities) {
                f.apply(w);
            }
        }
        List<Double> perImage = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int rounds = 0;
        double[] sums = new double[affinities.size()];
        while (System.nanoTime() < end || rounds == 0) {
            for (int i = 0; i < affinities.size(); i++) {
                long t = System.nanoTime();
                f.apply(affinities.get(i));
                sums[i] += (System.nanoTime() - t) / 1e6;
            }
            rounds++;
        }
        double total = 0;
        for (double s : sums) {
            perImage.add(s / rounds);
            total += s / rounds;
        }
        double mean = total / affinities.size();
        System.out.printf(Locale.ROOT, "%-40s mean %.3f ms, median %.3f ms (%d rounds)%n", name, mean, Timing.median(perImage),
                rounds);
        return mean;
    }
}
