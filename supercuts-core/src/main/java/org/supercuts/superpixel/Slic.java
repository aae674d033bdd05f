package org.supercuts.superpixel;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

import org.supercuts.concurrent.BandRunner;
import org.supercuts.image.FastCielab;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * SLIC superpixels: R. Achanta, A. Shaji, K. Smith, A. Lucchi, P. Fua, S. Süsstrunk, "SLIC Superpixels Compared to
 * State-of-the-Art Superpixel Methods", IEEE TPAMI 34(11), 2012.
 *
 * <p>Local k-means in CIELAB colour and image position. K seeds are placed on a regular grid of step S = sqrt(N/K) and
 * moved to the lowest colour gradient in their 3x3 neighbourhood; each iteration assigns every pixel to the nearest
 * centre among those whose 2S x 2S window contains it, under D = sqrt(dc^2 + (ds/S)^2 m^2) (dc: Euclidean distance in
 * L*a*b*, ds: Euclidean distance in pixels, m: {@link #compactness}), then moves each centre to the mean of its pixels.
 * Finally {@link Connectivity#enforce} splits labels into 4-connected pieces and merges pieces that are too small.
 *
 * <p>Deviations from the paper:
 * <ul>
 *   <li>A fixed number of iterations ({@link #iterations}, default 10, the paper's recommendation) instead of a residual
 *       threshold, so the cost and the result do not depend on a tolerance.</li>
 *   <li>The grid has {@code rows x cols} cells as close to square as the image allows: the shorter side is divided first
 *       into round(side / S) rows (so a 1xN image gets its seeds along its length), the other into
 *       ceil(K / rows) columns. The seed count is therefore at least K (where the image allows), not exactly K; like
 *       scikit-image's and OpenCV's integer grid steps, rounding up keeps small K on a 4:3 image from getting fewer, wider
 *       cells (9 x 11 instead of 9 x 12 at K = 100, 1024x768). The window is 2&middot;(W/cols) x 2&middot;(H/rows).</li>
 *   <li>A seed moves only when a neighbour's gradient is strictly lower, so flat regions keep the regular grid.</li>
 *   <li>Pixels start labelled with their grid cell, and a pixel that no centre's window reaches in an iteration keeps its
 *       previous label (the paper leaves it unlabelled until connectivity enforcement).</li>
 *   <li>Colour conversion uses {@link FastCielab} (quantized to 2<sup>-14</sup>, clamped to [0, 1] input); grey images are
 *       treated as R = G = B.</li>
 *   <li>Optional Gaussian pre-smoothing of the L*a*b* planes ({@link #sigma}, default off), as scikit-image offers.</li>
 *   <li>Connectivity: components smaller than {@link #minSizeFactor}&middot;N/K pixels merge into a neighbour, and a
 *       flood fill never grows a piece beyond {@link #maxSizeFactor}&middot;N/K pixels (see
 *       {@link Connectivity#enforce(int[], int, int, int, int)}); the paper only states that stray pieces are merged.
 *       A small piece joins the piece left of (or above) its first pixel, as in the authors' code, not the most similar
 *       neighbour, so a stray piece can land across an edge (at most minSizeFactor&middot;N/K pixels).</li>
 *   <li>Equal distances go to the lower centre index, whatever the visiting order (the paper does not say).</li>
 * </ul>
 *
 * <p>Parallelism: with {@link #threads} above 1 the image is processed in row bands on the given {@link #executor} (or
 * on a private pool created and shut down within each call when none is given; never a shared global pool). The result
 * is identical for every thread count: bands write disjoint pixels, and centre sums are exact (see {@link FastCielab}).
 * For repeated multi-threaded calls pass an executor, which saves starting threads on every call.
 *
 * <p>Cost: about 4N distance evaluations per iteration (each pixel lies in about four windows), independent of K. The
 * innermost loop runs over the Java Vector API when the {@code jdk.incubator.vector} module is present, after a
 * background warm-up, with identical results ({@link #activeKernel()}); the CIELAB planes are those of
 * {@link PlanarImage#cielab()}, converted once per image and shared with the region graph.
 *
 * <p>Thread safety: immutable; {@link #segment} may be called concurrently from several threads.
 */
public final class Slic implements Superpixelizer {
    /**
     * Default compactness m: 20, tuned in the default pipeline (IoU .616 vs .600 for the paper's 10 on ECSSD's odd half,
     * docs/pipeline-defaults.md). Every other setting keeps it unless {@link #compactness(double)} names another.
     */
    public static final double DEFAULT_COMPACTNESS = 20;
    /** Far beyond any useful value (the paper uses 1 to 40); keeps the float distance arithmetic finite. */
    private static final double MAX_COMPACTNESS = 1e6;

    private final int segments;
    private final double compactness;
    private final int iterations;
    private final double minSizeFactor;
    private final double maxSizeFactor;
    private final double sigma;
    private final int threads;
    private final ExecutorService executor;

    private Slic(int segments, double compactness, int iterations, double minSizeFactor, double maxSizeFactor, double sigma,
            int threads, ExecutorService executor) {
        if (segments < 1) {
            throw new IllegalArgumentException("segments must be >= 1, got " + segments);
        }
        if (!(compactness >= 0 && compactness <= MAX_COMPACTNESS)) {
            throw new IllegalArgumentException("compactness must be in [0, " + MAX_COMPACTNESS + "], got " + compactness);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (!(minSizeFactor >= 0 && minSizeFactor <= 1)) {
            throw new IllegalArgumentException("minSizeFactor must be in [0, 1], got " + minSizeFactor);
        }
        if (!(maxSizeFactor >= 1)) {
            throw new IllegalArgumentException("maxSizeFactor must be >= 1 (infinity disables the bound), got " + maxSizeFactor);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0 (0 = no smoothing), got " + sigma);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.segments = segments;
        this.compactness = compactness;
        this.iterations = iterations;
        this.minSizeFactor = minSizeFactor;
        this.maxSizeFactor = maxSizeFactor;
        this.sigma = sigma;
        this.threads = threads;
        this.executor = executor;
    }

    /**
     * A SLIC spec asking for about {@code k} superpixels, with the defaults m = {@value #DEFAULT_COMPACTNESS} (the tuned
     * pipeline default; the paper and scikit-image use 10), 10 iterations, minSizeFactor 0.25, maxSizeFactor 3, no
     * smoothing, one thread.
     *
     * @throws IllegalArgumentException when {@code k < 1}; {@link #segment} also requires {@code k <= width*height}
     */
    public static Slic segments(int k) {
        return new Slic(k, DEFAULT_COMPACTNESS, 10, 0.25, 3.0, 0.0, 1, null);
    }

    /** The compactness m (in [0, 1e6]): the weight of spatial distance against colour distance (L*a*b* units per S pixels). */
    public Slic compactness(double m) {
        return new Slic(segments, m, iterations, minSizeFactor, maxSizeFactor, sigma, threads, executor);
    }

    /** The number of assignment steps (>= 1). */
    public Slic iterations(int count) {
        return new Slic(segments, compactness, count, minSizeFactor, maxSizeFactor, sigma, threads, executor);
    }

    /**
     * Connected pieces with fewer than {@code factor * N / K} pixels are merged into a neighbour ({@code factor} in [0, 1];
     * 0 keeps every piece).
     */
    public Slic minSizeFactor(double factor) {
        return new Slic(segments, compactness, iterations, factor, maxSizeFactor, sigma, threads, executor);
    }

    /**
     * Bounds the size of one connected piece during connectivity enforcement: a piece's flood fill stops at
     * {@code factor * N / K} pixels and the rest of that label becomes further pieces ({@code factor >= 1};
     * {@link Double#POSITIVE_INFINITY} disables the bound). Small pieces merged in afterwards may add to a piece, so a final
     * superpixel can exceed the bound by merged fragments. SLIC's windows rarely produce labels above 4N/K pixels, so the
     * default 3 only cuts exceptional clusters.
     */
    public Slic maxSizeFactor(double factor) {
        return new Slic(segments, compactness, iterations, minSizeFactor, factor, sigma, threads, executor);
    }

    /** Standard deviation in pixels of a Gaussian applied to the L*a*b* planes before clustering (0 = none). */
    public Slic sigma(double pixels) {
        return new Slic(segments, compactness, iterations, minSizeFactor, maxSizeFactor, pixels, threads, executor);
    }

    /** Number of threads (>= 1) working on one image; the result does not depend on it. */
    public Slic threads(int count) {
        return new Slic(segments, compactness, iterations, minSizeFactor, maxSizeFactor, sigma, count, executor);
    }

    /**
     * Runs the extra threads' work on {@code pool} (owned by the caller, who shuts it down; it is never shut down here).
     * Only used when {@link #threads} is above 1. A pool with fewer threads works too: the calling thread takes over any
     * work that the pool does not start.
     */
    public Slic executor(ExecutorService pool) {
        Objects.requireNonNull(pool, "executor");
        return new Slic(segments, compactness, iterations, minSizeFactor, maxSizeFactor, sigma, threads, pool);
    }

    /** The requested superpixel count K. */
    public int segments() {
        return segments;
    }

    /** The compactness m. */
    public double compactness() {
        return compactness;
    }

    /** The number of assignment steps. */
    public int iterations() {
        return iterations;
    }

    /** Pieces below this fraction of N/K pixels are merged. */
    public double minSizeFactor() {
        return minSizeFactor;
    }

    /** The largest piece, as a multiple of N/K pixels. */
    public double maxSizeFactor() {
        return maxSizeFactor;
    }

    /** The pre-smoothing sigma in pixels (0 = none). */
    public double sigma() {
        return sigma;
    }

    /** Threads per image. */
    public int threads() {
        return threads;
    }

    /**
     * @throws IllegalArgumentException when the image has fewer pixels than {@link #segments}
     */
    @Override
    public LabelMap segment(PlanarImage image) {
        Objects.requireNonNull(image, "image");
        int width = image.width();
        int height = image.height();
        int pixels = image.pixelCount();
        if (segments > pixels) {
            throw new IllegalArgumentException("segments = " + segments + " exceeds the pixel count of the " + width + "x" + height
                    + " image (" + pixels + "); SLIC needs segments <= width*height");
        }
        double cell = (double) pixels / segments;
        int minSize = (int) Math.max(1, Math.round(minSizeFactor * cell));
        int maxSize = Double.isInfinite(maxSizeFactor) ? Integer.MAX_VALUE
                : (int) Math.min(Integer.MAX_VALUE, Math.max(minSize, Math.round(maxSizeFactor * cell)));
        try (BandRunner runner = BandRunner.create(threads, executor)) {
            int[] labels = new SlicEngine(image, segments, compactness, sigma, runner).cluster(iterations);
            return Connectivity.enforce(labels, width, height, minSize, maxSize, runner);
        }
    }

    /**
     * Which assignment kernel SLIC uses at this moment in this JVM: {@code "vector"} (the Java Vector API loop, once its
     * background warm-up has switched it on) or {@code "scalar"}. Both give identical labels; benchmarks report it.
     */
    public static String activeKernel() {
        return SlicRowKernel.active() == SlicRowKernel.scalar() ? "scalar" : "vector";
    }

    /** For example {@code slic(k=400,m=20.0,iter=10,minSize=0.25,maxSize=3.0,sigma=0.0)}; threads are left out because they do not change the result. */
    @Override
    public String describe() {
        return "slic(k=" + segments + ",m=" + compactness + ",iter=" + iterations + ",minSize=" + minSizeFactor + ",maxSize="
                + maxSizeFactor + ",sigma=" + sigma + ")";
    }

    @Override
    public String toString() {
        return describe() + (threads > 1 ? "[threads=" + threads + "]" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slic s && segments == s.segments && Double.compare(compactness, s.compactness) == 0
                && iterations == s.iterations && Double.compare(minSizeFactor, s.minSizeFactor) == 0
                && Double.compare(maxSizeFactor, s.maxSizeFactor) == 0 && Double.compare(sigma, s.sigma) == 0
                && threads == s.threads && executor == s.executor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(segments, compactness, iterations, minSizeFactor, maxSizeFactor, sigma, threads,
                System.identityHashCode(executor));
    }
}
