package org.supercuts.superpixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.testing.SharedData;

/**
 * The {@link Superpixelizer} contract as tests: every implementation's test class extends this one and supplies
 * {@link #create(int)}. Other modules reuse it through the core test jar.
 *
 * <p>The images are small and synthetic (textured colour fields with shapes and noise, built from a fixed seed) so the suite
 * stays fast; one real ECSSD image is used when {@code ../shared} is present, and skipped with a message otherwise.
 *
 * <p>Thread safety: JUnit creates one instance per test; the static helpers are stateless.
 */
public abstract class SuperpixelizerContract {

    /** A superpixelizer asking for about {@code k} superpixels. */
    protected abstract Superpixelizer create(int k);

    /**
     * The same spec running on {@code threads} threads, or empty when the implementation has no thread setting (the
     * determinism-across-threads test is then skipped).
     */
    protected Optional<Superpixelizer> createWithThreads(int k, int threads) {
        return Optional.empty();
    }

    /**
     * How far the superpixel count may stray from K on a textured image: the count must lie in [K / factor, K * factor].
     * The default 2 allows for a grid that only approximates K seeds (rounding rows and columns moves the count by up to
     * about 20% on small images), connectivity enforcement that splits stray pieces off (raising the count) and merges
     * small ones (lowering it); an algorithm that ignores K would miss it by far more.
     */
    protected double countFactor() {
        return 2.0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tests

    @Test
    void labelsCoverEveryPixelWithoutGapsAndAreConnected() {
        PlanarImage image = texturedImage(64, 48, 1);
        LabelMap labels = create(40).segment(image);
        assertValid(labels, image, "textured 64x48, k=40");
    }

    @Test
    void repeatedCallsGiveIdenticalResults() {
        Superpixelizer s = create(30);
        PlanarImage image = texturedImage(50, 40, 2);
        LabelMap first = s.segment(image);
        for (int i = 0; i < 3; i++) {
            assertEquals(first, s.segment(image), "call " + (i + 2) + " differs from the first");
        }
        assertEquals(first, create(30).segment(image), "a second instance of the same spec differs");
    }

    @Test
    void imagesOfChangingSizesInSequence() {
        Superpixelizer s = create(20);
        int[][] sizes = {{40, 30}, {17, 61}, {90, 20}, {5, 4}, {40, 30}};
        LabelMap firstOfSize = null;
        for (int[] size : sizes) {
            PlanarImage image = texturedImage(size[0], size[1], 3);
            LabelMap labels = s.segment(image);
            assertValid(labels, image, "size " + size[0] + "x" + size[1]);
            if (size[0] == 40) {
                if (firstOfSize == null) {
                    firstOfSize = labels;
                } else {
                    assertEquals(firstOfSize, labels, "40x30 after other sizes differs from the first 40x30 result");
                }
            }
        }
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        PlanarImage image = texturedImage(97, 71, 4);
        Optional<Superpixelizer> single = createWithThreads(60, 1);
        assumeTrue(single.isPresent(), "implementation has no thread setting");
        LabelMap reference = single.get().segment(image);
        assertValid(reference, image, "1 thread");
        for (int threads : new int[] {2, 3, 8}) {
            LabelMap labels = createWithThreads(60, threads).orElseThrow().segment(image);
            assertEquals(reference, labels, threads + " threads differ from 1 thread");
        }
    }

    @Test
    void concurrentCallsFromSeveralThreadsGiveIdenticalResults() throws Exception {
        Superpixelizer s = create(25);
        List<PlanarImage> images = List.of(texturedImage(45, 35, 5), texturedImage(30, 52, 6), greyImage(40, 40, 7),
                texturedImage(61, 23, 8));
        List<LabelMap> sequential = new ArrayList<>();
        for (PlanarImage image : images) {
            sequential.add(s.segment(image));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LabelMap>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (PlanarImage image : images) {
                    futures.add(pool.submit(() -> s.segment(image)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(sequential.get(i % images.size()), futures.get(i).get(60, TimeUnit.SECONDS),
                        "concurrent call " + i + " differs from the sequential result");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void singlePixelImageGivesOneLabel() {
        PlanarImage image = PlanarImage.wrap(1, 1, new float[] {0.2f}, new float[] {0.5f}, new float[] {0.9f});
        LabelMap labels = create(1).segment(image);
        assertThat(labels.width()).isEqualTo(1);
        assertThat(labels.height()).isEqualTo(1);
        assertThat(labels.count()).isEqualTo(1);
        assertThat(labels.labelAt(0)).isZero();
    }

    @Test
    void singleRowAndSingleColumnImages() {
        for (int[] size : new int[][] {{50, 1}, {1, 50}, {2, 33}, {33, 2}}) {
            PlanarImage image = texturedImage(size[0], size[1], 9);
            LabelMap labels = create(5).segment(image);
            assertValid(labels, image, size[0] + "x" + size[1]);
        }
    }

    @Test
    void greyImages() {
        PlanarImage image = greyImage(48, 40, 10);
        LabelMap labels = create(20).segment(image);
        assertValid(labels, image, "grey 48x40");
        assertThat(labels.count()).as("superpixels on a textured grey image").isGreaterThan(1);
    }

    @Test
    void countIsNearKOnATexturedImage() {
        PlanarImage image = texturedImage(120, 90, 11);
        for (int k : new int[] {25, 100}) {
            LabelMap labels = create(k).segment(image);
            assertValid(labels, image, "k=" + k);
            assertThat((double) labels.count()).as("superpixel count for k=%d", k)
                    .isBetween(k / countFactor(), k * countFactor());
        }
    }

    @Test
    void realImageFromEcssd() {
        Optional<Path> shared = SharedData.root();
        assumeTrue(shared.isPresent(), "../shared not found; skipping the real-image contract test");
        Path file = shared.get().resolve("datasets/ECSSD/images/0001.jpg");
        assumeTrue(Files.isRegularFile(file), file + " not present; skipping the real-image contract test");
        PlanarImage image = PlanarImage.read(file);
        int k = 200;
        LabelMap labels = create(k).segment(image);
        assertValid(labels, image, file.toString());
        assertThat((double) labels.count()).as("superpixel count on %s", file).isBetween(k / countFactor(), k * countFactor());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers, also for subclasses

    /**
     * Checks, independently of {@link LabelMap}'s own validation: same size as the image, labels in {@code 0..count-1},
     * every label used, and every label a single 4-connected region (by a separate flood fill).
     */
    protected static void assertValid(LabelMap labels, PlanarImage image, String context) {
        assertThat(labels.width()).as("%s: width", context).isEqualTo(image.width());
        assertThat(labels.height()).as("%s: height", context).isEqualTo(image.height());
        int w = labels.width();
        int h = labels.height();
        int n = w * h;
        int count = labels.count();
        assertThat(count).as("%s: label count", context).isBetween(1, n);
        int[] l = labels.labels();
        int[] size = new int[count];
        for (int i = 0; i < n; i++) {
            assertThat(l[i]).as("%s: label of pixel %d", context, i).isBetween(0, count - 1);
            size[l[i]]++;
        }
        for (int k = 0; k < count; k++) {
            assertThat(size[k]).as("%s: pixels with label %d (no gaps allowed)", context, k).isPositive();
        }
        int[] reached = connectedFromFirstPixel(l, w, h, count);
        for (int k = 0; k < count; k++) {
            assertThat(reached[k]).as("%s: label %d is not 4-connected (%d of %d pixels reachable)", context, k, reached[k],
                    size[k]).isEqualTo(size[k]);
        }
    }

    /** For each label, how many of its pixels a 4-neighbour flood fill from its first pixel reaches. */
    private static int[] connectedFromFirstPixel(int[] l, int w, int h, int count) {
        int n = w * h;
        boolean[] visited = new boolean[n];
        boolean[] started = new boolean[count];
        int[] reached = new int[count];
        int[] stack = new int[n];
        for (int s = 0; s < n; s++) {
            int k = l[s];
            if (started[k]) {
                continue;
            }
            started[k] = true;
            int top = 0;
            stack[top++] = s;
            visited[s] = true;
            while (top > 0) {
                int p = stack[--top];
                reached[k]++;
                int x = p % w;
                int y = p / w;
                int[][] neighbours = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
                for (int[] q : neighbours) {
                    if (q[0] < 0 || q[0] >= w || q[1] < 0 || q[1] >= h) {
                        continue;
                    }
                    int j = q[1] * w + q[0];
                    if (!visited[j] && l[j] == k) {
                        visited[j] = true;
                        stack[top++] = j;
                    }
                }
            }
        }
        return reached;
    }

    /**
     * A colour image with structure at several scales: a smooth two-axis colour ramp, a few solid rectangles and discs in
     * distinct colours, and uniform noise of +-0.04; reproducible from {@code seed}.
     */
    protected static PlanarImage texturedImage(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] planes = new float[3][width * height];
        int shapes = 6;
        int[][] box = new int[shapes][];
        float[][] colour = new float[shapes][3];
        for (int s = 0; s < shapes; s++) {
            int x0 = random.nextInt(width);
            int y0 = random.nextInt(height);
            int bw = 1 + random.nextInt(Math.max(1, width / 2));
            int bh = 1 + random.nextInt(Math.max(1, height / 2));
            box[s] = new int[] {x0, y0, bw, bh, random.nextInt(2)};
            for (int c = 0; c < 3; c++) {
                colour[s][c] = (float) random.nextDouble();
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                float u = width > 1 ? x / (float) (width - 1) : 0.5f;
                float v = height > 1 ? y / (float) (height - 1) : 0.5f;
                float[] rgb = {0.2f + 0.6f * u, 0.3f + 0.4f * v, 0.8f - 0.5f * u * v};
                for (int s = 0; s < shapes; s++) {
                    int[] b = box[s];
                    boolean inside;
                    if (b[4] == 0) {
                        inside = x >= b[0] && x < b[0] + b[2] && y >= b[1] && y < b[1] + b[3];
                    } else {
                        double dx = (x - b[0]) / (double) b[2];
                        double dy = (y - b[1]) / (double) b[3];
                        inside = dx * dx + dy * dy <= 1;
                    }
                    if (inside) {
                        rgb = colour[s].clone();
                    }
                }
                for (int c = 0; c < 3; c++) {
                    float noisy = rgb[c] + (float) (random.nextDouble() * 0.08 - 0.04);
                    planes[c][i] = Math.max(0f, Math.min(1f, noisy));
                }
            }
        }
        return PlanarImage.wrap(width, height, planes);
    }

    /** A one-channel version of {@link #texturedImage}: the mean of its three channels. */
    protected static PlanarImage greyImage(int width, int height, long seed) {
        PlanarImage rgb = texturedImage(width, height, seed);
        float[] grey = new float[width * height];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (rgb.plane(0)[i] + rgb.plane(1)[i] + rgb.plane(2)[i]) / 3f;
        }
        return PlanarImage.wrap(width, height, grey);
    }
}
