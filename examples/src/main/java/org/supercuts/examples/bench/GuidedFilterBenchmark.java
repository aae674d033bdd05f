package org.supercuts.examples.bench;

import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;
import org.supercuts.image.PlanarImage;
import org.supercuts.refine.GuidedFilter;

/**
 * Time of one guided-filter refinement of a soft mask, grey (luminance) and colour guide, across radii. The O(N) box
 * filter should make the time flat in the radius.
 *
 * <p>Run: {@code java -jar examples/target/benchmarks.jar GuidedFilterBenchmark} or through the JMH runner on the classpath,
 * e.g. {@code java -cp examples/target/supercuts.jar org.openjdk.jmh.Main GuidedFilterBenchmark -f 1 -wi 3 -i 5}.
 *
 * <p>Thread safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GuidedFilterBenchmark {
    /** Image size as WIDTHxHEIGHT; 400x300 is the ECSSD size. */
    @Param({"400x300", "1024x768"})
    public String size;

    @Param({"2", "8", "32"})
    public int radius;

    private PlanarImage image;
    private float[] soft;
    private GuidedFilter grey;
    private GuidedFilter colour;

    @Setup
    public void setUp() {
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        Random rnd = new Random(42);
        float[][] planes = new float[3][w * h];
        soft = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                // A disc object on a textured background, and a blocky soft mask of it (as superpixel scores look).
                boolean inside = (x - w / 2.0) * (x - w / 2.0) + (y - h / 2.0) * (y - h / 2.0) < (h / 3.0) * (h / 3.0);
                for (int c = 0; c < 3; c++) {
                    planes[c][i] = (inside ? 0.7f : 0.3f) + 0.1f * rnd.nextFloat();
                }
                boolean blockInside = ((x / 16 * 16 - w / 2.0) * (x / 16 * 16 - w / 2.0)
                        + (y / 16 * 16 - h / 2.0) * (y / 16 * 16 - h / 2.0)) < (h / 3.0) * (h / 3.0);
                soft[i] = blockInside ? 0.9f : 0.1f;
            }
        }
        image = PlanarImage.wrap(w, h, planes);
        grey = GuidedFilter.radius(radius).eps(1e-3);
        colour = grey.colorGuide();
    }

    @Benchmark
    public float[] greyGuide() {
        return grey.refine(image, soft);
    }

    @Benchmark
    public float[] colourGuide() {
        return colour.refine(image, soft);
    }
}
