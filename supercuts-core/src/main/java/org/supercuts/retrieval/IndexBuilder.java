package org.supercuts.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import org.supercuts.image.PlanarImage;

/**
 * Builds a {@link SegmentIndex} from an {@link AnnotatedFolder}: each image is embedded, each segment labelled by the
 * majority of its annotated pixels (segments mostly marked ignore are left out: they cannot vote), images in parallel,
 * added in file order so the index does not depend on the thread count. An image that fails (unreadable, annotation of
 * another size) is reported by name and left out; the others go on.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class IndexBuilder {
    private IndexBuilder() {
    }

    /**
     * The index and the images that could not be added.
     *
     * <p>Thread safety: immutable.
     *
     * @param index        the segments of every image that worked
     * @param errors       one line per failed image (the folder's pairing problems first)
     * @param embedMillis  summed wall-clock milliseconds of embedding (segmentation and features) over the images
     * @param totalMillis  wall-clock milliseconds of the whole build
     */
    public record Result(SegmentIndex index, List<String> errors, double embedMillis, double totalMillis) {
    }

    /** One image's labelled segments. */
    private record Part(String id, int dimension, double[] vectors, int[] segments, int[] labels, int[] areas, double millis) {
    }

    /**
     * Embeds every paired image of {@code folder} with {@code embedder} on {@code threads} threads.
     *
     * @param progress called with the number of images done so far (may be null)
     */
    public static Result build(AnnotatedFolder folder, SegmentEmbedder embedder, int threads, IntConsumer progress) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(embedder, "embedder");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        long t0 = System.nanoTime();
        List<AnnotatedFolder.Item> items = folder.items();
        List<String> errors = new ArrayList<>(folder.problems());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())));
        List<Future<Part>> futures = new ArrayList<>();
        int[] done = {0};
        try {
            for (AnnotatedFolder.Item item : items) {
                futures.add(pool.submit(() -> {
                    try {
                        return embed(folder, item, embedder);
                    } finally {
                        if (progress != null) {
                            synchronized (done) {
                                progress.accept(++done[0]);
                            }
                        }
                    }
                }));
            }
            SegmentIndex.Builder b = null;
            double embedMillis = 0;
            for (int i = 0; i < futures.size(); i++) {
                Part p;
                try {
                    p = futures.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    errors.add(items.get(i).image() + ": " + (c.getMessage() == null ? c.toString() : c.getMessage()));
                    continue;
                }
                if (b == null) {
                    b = SegmentIndex.builder(p.dimension, embedder.describe());
                }
                b.addImage(p.id, p.vectors, p.segments, p.labels, p.areas);
                embedMillis += p.millis;
            }
            SegmentIndex index = b == null ? null : b.build();
            return new Result(index, errors, embedMillis, (System.nanoTime() - t0) / 1e6);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the segment index", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Part embed(AnnotatedFolder folder, AnnotatedFolder.Item item, SegmentEmbedder embedder) {
        long t = System.nanoTime();
        PlanarImage image = PlanarImage.read(item.image());
        int[] pixelLabels = folder.readLabels(item, image.width(), image.height());
        ImageSegments s = embedder.embed(image);
        int[] labels = s.labelsFrom(pixelLabels, AnnotatedFolder.IGNORE);
        int kept = 0;
        for (int l : labels) {
            kept += l != SegmentIndex.UNLABELLED ? 1 : 0;
        }
        int d = s.dimension();
        double[] v = new double[kept * d];
        int[] seg = new int[kept];
        int[] lab = new int[kept];
        int[] area = new int[kept];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == SegmentIndex.UNLABELLED) {
                continue;
            }
            System.arraycopy(s.vectors(), i * d, v, k * d, d);
            seg[k] = i;
            lab[k] = labels[i];
            area[k] = s.areas()[i];
            k++;
        }
        return new Part(item.id(), d, v, seg, lab, area, (System.nanoTime() - t) / 1e6);
    }
}
