package org.supercuts.retrieval;

import java.util.Locale;
import java.util.Objects;

import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.feature.FeatureExtractor;
import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * Turns an image into segments with embeddings: the segments are the superpixels of a {@link Pipeline}, the vector of
 * each is the output of any {@link FeatureExtractor} (colour/texture descriptors, SSN or DINO features), L2-normalised,
 * optionally followed by a block of the pipeline's unsupervised saliency ("the unsupervised cues as extra segment
 * features").
 *
 * <p>The saliency block (weight w, 0 = off) encodes two numbers per segment: its mean soft-map value s and its rank r in
 * the image (the share of the image's area whose segments have a lower s), each as 6 Gaussian bumps at 0, 0.2, …, 1
 * (σ = 0.2), normalised to length √w. The cosine of two embeddings is then (cos_features + w·cos_saliency) / (1 + w).
 * With w = 0 only the pipeline's superpixelizer and region graph run; with w > 0 the whole pipeline runs (its result is
 * kept in {@link ImageSegments#segmentation()}).
 *
 * <p>{@link #describe()} names the superpixels, the extractor and w; an index records it, and searches refuse queries
 * from an embedder that describes itself differently.
 *
 * <p>Thread safety: immutable; {@link #embed} may run concurrently when the pipeline and extractor may.
 */
public final class SegmentEmbedder {
    private static final int BUMPS = 6;
    private static final double BUMP_SIGMA = 0.2;

    private final Pipeline pipeline;
    private final FeatureExtractor features;
    private final double saliencyWeight;

    private SegmentEmbedder(Pipeline pipeline, FeatureExtractor features, double saliencyWeight) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.features = Objects.requireNonNull(features, "features");
        if (!(saliencyWeight >= 0) || !Double.isFinite(saliencyWeight)) {
            throw new IllegalArgumentException("saliency weight must be finite and >= 0, got " + saliencyWeight);
        }
        this.saliencyWeight = saliencyWeight;
    }

    /** Segments from {@code pipeline}'s superpixels, vectors from {@code features}, no saliency block. */
    public static SegmentEmbedder of(Pipeline pipeline, FeatureExtractor features) {
        return new SegmentEmbedder(pipeline, features, 0);
    }

    /** This embedder with a saliency block of weight {@code w} (0 = none). */
    public SegmentEmbedder saliencyWeight(double w) {
        return new SegmentEmbedder(pipeline, features, w);
    }

    /** The weight w of the saliency block (0 = none). */
    public double saliencyWeight() {
        return saliencyWeight;
    }

    /** The pipeline whose superpixels are the segments (and whose soft map is the saliency). */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** The extractor of the segments' vectors. */
    public FeatureExtractor features() {
        return features;
    }

    /** Segments and embeds one image. */
    public ImageSegments embed(PlanarImage image) {
        Objects.requireNonNull(image, "image");
        LabelMap segments;
        RegionGraph graph;
        Segmentation result = null;
        double[] saliency = null;
        if (saliencyWeight > 0) {
            result = pipeline.segment(image);
            segments = result.superpixels();
            graph = result.regionGraph();
            saliency = meanPerSegment(segments, result.softMask());
        } else {
            segments = pipeline.superpixelizer().segment(image);
            graph = RegionGraph.build(image, segments);
        }
        // The pipeline's own features are reused when they are the ones asked for.
        RegionFeatures f = result != null && result.features() != null && features.equals(pipeline.featureExtractor())
                ? result.features() : features.extract(image, segments, graph);
        int[] areas = segments.sizes();
        double[] out = embedding(f.backingArray(), segments.count(), f.dimension(), saliency, areas, saliencyWeight);
        int d = dimension(f.dimension());
        return new ImageSegments(segments, d, out, areas, saliency, result);
    }

    /**
     * The embedding rows from extractor rows: each feature row L2-normalised, followed, when {@code saliencyWeight > 0},
     * by the saliency block of the segment's mean saliency and area rank (see the class comment).
     *
     * @param features       {@code n x fd} extractor values, row-major
     * @param saliency       mean saliency per segment (ignored, may be null, when the weight is 0)
     * @param areas          pixels per segment (for the rank)
     * @param saliencyWeight w, >= 0
     */
    public static double[] embedding(double[] features, int n, int fd, double[] saliency, int[] areas, double saliencyWeight) {
        boolean withSaliency = saliencyWeight > 0;
        if (withSaliency && (saliency == null || saliency.length != n)) {
            throw new IllegalArgumentException("a saliency weight of " + saliencyWeight + " needs one saliency value per segment");
        }
        int d = fd + (withSaliency ? 2 * BUMPS : 0);
        double[] out = new double[n * d];
        double[] rank = withSaliency ? areaRank(saliency, areas) : null;
        for (int s = 0; s < n; s++) {
            double norm = 0;
            for (int j = 0; j < fd; j++) {
                norm += features[s * fd + j] * features[s * fd + j];
            }
            double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int j = 0; j < fd; j++) {
                out[s * d + j] = features[s * fd + j] * inv;
            }
            if (withSaliency) {
                bumps(saliency[s], out, s * d + fd);
                bumps(rank[s], out, s * d + fd + BUMPS);
                scale(out, s * d + fd, 2 * BUMPS, Math.sqrt(saliencyWeight));
            }
        }
        return out;
    }

    /** The vector length for an extractor output of {@code featureDimension} values. */
    public int dimension(int featureDimension) {
        return featureDimension + (saliencyWeight > 0 ? 2 * BUMPS : 0);
    }

    static double[] meanPerSegment(LabelMap segments, float[] pixelValues) {
        int[] lbl = segments.backingArray();
        double[] sum = new double[segments.count()];
        int[] count = new int[segments.count()];
        for (int i = 0; i < lbl.length; i++) {
            sum[lbl[i]] += pixelValues[i];
            count[lbl[i]]++;
        }
        for (int s = 0; s < sum.length; s++) {
            sum[s] /= count[s];
        }
        return sum;
    }

    /**
     * Per segment, the share of the total area held by segments of strictly lower value, plus half the share of its ties:
     * a value's rank in its image, in [0, 1], that means the same in images of any size and value range.
     */
    public static double[] areaRank(double[] values, int[] areas) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        long total = 0;
        for (int a : areas) {
            total += a;
        }
        double[] rank = new double[n];
        long below = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            long tied = 0;
            while (j < n && values[order[j]] == values[order[i]]) {
                tied += areas[order[j]];
                j++;
            }
            double r = (below + tied / 2.0) / total;
            for (int k = i; k < j; k++) {
                rank[order[k]] = r;
            }
            below += tied;
            i = j;
        }
        return rank;
    }

    private static void bumps(double v, double[] out, int o) {
        double norm = 0;
        for (int b = 0; b < BUMPS; b++) {
            double c = b / (double) (BUMPS - 1);
            double e = Math.exp(-(v - c) * (v - c) / (2 * BUMP_SIGMA * BUMP_SIGMA));
            out[o + b] = e;
            norm += e * e;
        }
        double inv = 1 / Math.sqrt(norm);
        for (int b = 0; b < BUMPS; b++) {
            out[o + b] *= inv;
        }
    }

    private static void scale(double[] out, int o, int len, double factor) {
        // Two unit blocks side by side have length √2; together they get length √w.
        double f = factor / Math.sqrt(2);
        for (int k = 0; k < len; k++) {
            out[o + k] *= f;
        }
    }

    /** What the vectors are: superpixels, extractor and saliency weight (and the selection when w > 0). */
    public String describe() {
        String base = "segments=" + pipeline.superpixelizer().describe() + ";features=" + features.describe();
        if (saliencyWeight == 0) {
            return base;
        }
        return base + String.format(Locale.ROOT, ";saliency=%.3g(%s)", saliencyWeight, pipeline.selector().describe());
    }
}
