package org.supercuts.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.PlanarImage;

/**
 * Segments many images on a thread pool with one shared pipeline: a built {@link Pipeline} is immutable and thread-safe,
 * so every worker calls {@code segment} on the same instance. {@code keepIntermediates(false)} drops each result's
 * affinity matrix, features and eigenvectors, which a batch that keeps its results does not need. Results come back in
 * input order, whatever order the workers finish in.
 *
 * <p>Usage: {@code BatchOnThreadPool [threads]}. Writes {@code target/examples/batch-N-mask.png} for each image.
 *
 * <p>Thread safety: stateless; {@link #run} owns its pool and shuts it down.
 */
public final class BatchOnThreadPool {
    private BatchOnThreadPool() {
    }

    /** A 120x90 picture of a dark square whose top-left corner is at (x, y), on a light gradient. */
    public static PlanarImage square(int x, int y) {
        int w = 120;
        int h = 90;
        float[][] rgb = new float[3][w * h];
        for (int i = 0; i < w * h; i++) {
            boolean in = i % w >= x && i % w < x + 36 && i / w >= y && i / w < y + 30;
            for (int c = 0; c < 3; c++) {
                rgb[c][i] = in ? 0.1f + 0.05f * c : 0.7f + 0.2f * (i % w) / w - 0.1f * c;
            }
        }
        return PlanarImage.wrap(w, h, rgb);
    }

    /** Segments {@code images} on {@code threads} workers; result i belongs to image i. Writes each mask into {@code outDir}. */
    public static List<Segmentation> run(List<PlanarImage> images, int threads, Path outDir)
            throws InterruptedException, ExecutionException {
        Pipeline pipeline = SuperCuts.pipeline().keepIntermediates(false).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Segmentation>> futures = new ArrayList<>();
            for (PlanarImage image : images) {
                futures.add(pool.submit(() -> pipeline.segment(image)));
            }
            List<Segmentation> results = new ArrayList<>();
            for (Future<Segmentation> f : futures) {
                results.add(f.get());
            }
            for (int i = 0; i < results.size(); i++) {
                Segmentation s = results.get(i);
                ImageFiles.writeMask(s.mask(), s.width(), s.height(), outDir.resolve("batch-" + i + "-mask.png"));
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** Runs the example on eight generated images. */
    public static void main(String[] args) throws InterruptedException, ExecutionException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        List<PlanarImage> images = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            images.add(square(10 + 9 * i, 8 + 6 * i));
        }
        List<Segmentation> results = run(images, threads, Path.of("target", "examples"));
        for (int i = 0; i < results.size(); i++) {
            System.out.println("image " + i + ": object box " + results.get(i).box().orElse(null));
        }
    }
}
