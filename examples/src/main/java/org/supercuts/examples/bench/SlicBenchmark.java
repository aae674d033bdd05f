package org.supercuts.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.superpixel.Slic;

/**
 * JMH benchmark of {@link Slic} (10 iterations, m = 10, defaults otherwise) per image size, K and thread count.
 *
 * <p>Images: {@code 481x321} is BSDS500 {@code test/100007.jpg} and {@code 1024x768} the same photograph resized
 * bilinearly, both read from {@code ../shared} (found by walking up from the working directory, or given with
 * {@code -Dsupercuts.shared=DIR}); without the shared data both are a synthetic textured image of that size.
 * {@code threads = all} uses every available processor on a pool created in the trial's setup.
 *
 * <p>Run: {@code java -cp <examples classpath> org.openjdk.jmh.Main SlicBenchmark} (add e.g.
 * {@code -p size=481x321 -p k=400 -p threads=1} to narrow it).
 *
 * <p>Thread safety: JMH state, one instance per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SlicBenchmark {
    @Param({"481x321", "1024x768"})
    public String size;

    @Param({"100", "400", "1000"})
    public int k;

    @Param({"1", "all"})
    public String threads;

    private PlanarImage image;
    private Slic slic;
    private ExecutorService pool;

    @Setup
    public void setUp() {
        String[] wh = size.split("x");
        int width = Integer.parseInt(wh[0]);
        int height = Integer.parseInt(wh[1]);
        image = loadOrSynthesise(width, height);
        int count = "all".equals(threads) ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
        slic = Slic.segments(k).compactness(10).threads(count); // m = 10: the setting the documented timings used
        if (count > 1) {
            pool = Executors.newFixedThreadPool(count - 1);
            slic = slic.executor(pool);
        }
    }

    @TearDown
    public void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Benchmark
    public LabelMap segment() {
        return slic.segment(CompareCommand.unconverted(image)); // a new image object: CIELAB conversion is timed
    }

    private static PlanarImage loadOrSynthesise(int width, int height) {
        Path shared = sharedDirectory();
        Path photo = shared == null ? null : shared.resolve("datasets/BSDS500/data/images/test/100007.jpg");
        if (photo != null && Files.isRegularFile(photo)) {
            PlanarImage source = PlanarImage.read(photo);
            return source.width() == width && source.height() == height ? source : resize(source, width, height);
        }
        return synthetic(width, height);
    }

    private static Path sharedDirectory() {
        String property = System.getProperty("supercuts.shared");
        if (property != null) {
            return Path.of(property);
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            Path parent = dir.getParent();
            if (parent != null && Files.isDirectory(parent.resolve("shared"))) {
                return parent.resolve("shared");
            }
            dir = parent;
        }
        return null;
    }

    /** Bilinear resampling (pixel centres aligned), enough to get a realistic larger image. */
    static PlanarImage resize(PlanarImage source, int width, int height) {
        int sw = source.width();
        int sh = source.height();
        float[][] planes = new float[source.channels()][width * height];
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sh / height - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(sh - 1, y0 + 1);
            double wy = fy - y0;
            for (int x = 0; x < width; x++) {
                double fx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sw / width - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(sw - 1, x0 + 1);
                double wx = fx - x0;
                for (int c = 0; c < planes.length; c++) {
                    double top = source.get(c, x0, y0) * (1 - wx) + source.get(c, x1, y0) * wx;
                    double bottom = source.get(c, x0, y1) * (1 - wx) + source.get(c, x1, y1) * wx;
                    planes[c][y * width + x] = (float) (top * (1 - wy) + bottom * wy);
                }
            }
        }
        return PlanarImage.wrap(width, height, planes);
    }

    /** Smooth colour ramps, 40 random solid discs and +-0.04 noise, from a fixed seed. */
    static PlanarImage synthetic(int width, int height) {
        SplittableRandom random = new SplittableRandom(2012);
        float[][] planes = new float[3][width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                planes[0][i] = 0.2f + 0.6f * x / width;
                planes[1][i] = 0.3f + 0.4f * y / height;
                planes[2][i] = 0.5f;
            }
        }
        for (int d = 0; d < 40; d++) {
            int cx = random.nextInt(width);
            int cy = random.nextInt(height);
            int r = 5 + random.nextInt(Math.max(6, Math.min(width, height) / 6));
            float[] colour = {(float) random.nextDouble(), (float) random.nextDouble(), (float) random.nextDouble()};
            for (int y = Math.max(0, cy - r); y < Math.min(height, cy + r + 1); y++) {
                for (int x = Math.max(0, cx - r); x < Math.min(width, cx + r + 1); x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                        for (int c = 0; c < 3; c++) {
                            planes[c][y * width + x] = colour[c];
                        }
                    }
                }
            }
        }
        for (float[] plane : planes) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = Math.max(0f, Math.min(1f, plane[i] + (float) (random.nextDouble() * 0.08 - 0.04)));
            }
        }
        return PlanarImage.wrap(width, height, planes);
    }
}
