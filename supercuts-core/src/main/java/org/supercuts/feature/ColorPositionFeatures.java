package org.supercuts.feature;

import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * Region features from mean colour and position: {@code colorWeight * (L, a, b) / 100} (CIELAB) followed by
 * {@code [cx/diag, cy/diag] * positionWeight}, where diag is the image diagonal. The default (colour weight 1, position
 * weight 0) gives pure mean-CIELAB features, which the Gaussian affinity turns into a colour similarity.
 *
 * <p>{@link #centered(boolean) centered(true)} subtracts the image's mean (the pixel-weighted mean of the region rows), so
 * the features are offsets from the image's average colour and position. Angle-based affinities (cosine, TokenCut's
 * threshold rule, dot products) need this: raw CIELAB vectors all point into the same octant (L &gt; 0), so nearly every
 * pair has a cosine above 0.2 and TokenCut's graph becomes complete.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class ColorPositionFeatures implements FeatureExtractor {
    private final double colorWeight;
    private final double positionWeight;
    private final boolean centered;

    private ColorPositionFeatures(double colorWeight, double positionWeight, boolean centered) {
        if (!(colorWeight >= 0) || !Double.isFinite(colorWeight)) {
            throw new IllegalArgumentException("colorWeight must be finite and >= 0, got " + colorWeight);
        }
        if (!(positionWeight >= 0) || !Double.isFinite(positionWeight)) {
            throw new IllegalArgumentException("positionWeight must be finite and >= 0, got " + positionWeight);
        }
        if (colorWeight == 0 && positionWeight == 0) {
            throw new IllegalArgumentException("colorWeight and positionWeight are both 0; at least one must be > 0");
        }
        this.colorWeight = colorWeight;
        this.positionWeight = positionWeight;
        this.centered = centered;
    }

    /** Mean CIELAB only. */
    public static ColorPositionFeatures color() {
        return new ColorPositionFeatures(1, 0, false);
    }

    /** The weight of the mean CIELAB colour (>= 0). */
    public ColorPositionFeatures colorWeight(double w) {
        return new ColorPositionFeatures(w, positionWeight, centered);
    }

    /** The weight of the normalised centroid (>= 0). */
    public ColorPositionFeatures positionWeight(double w) {
        return new ColorPositionFeatures(colorWeight, w, centered);
    }

    /** Whether the image's mean feature is subtracted (see the class comment). */
    public ColorPositionFeatures centered(boolean subtractMean) {
        return new ColorPositionFeatures(colorWeight, positionWeight, subtractMean);
    }

    @Override
    public RegionFeatures extract(PlanarImage image, LabelMap labels, RegionGraph graph) {
        int n = graph.regionCount();
        int d = (colorWeight > 0 ? 3 : 0) + (positionWeight > 0 ? 2 : 0);
        double diag = Math.hypot(graph.width(), graph.height());
        double[] data = new double[n * d];
        for (int r = 0; r < n; r++) {
            int o = r * d;
            if (colorWeight > 0) {
                for (int c = 0; c < 3; c++) {
                    data[o++] = colorWeight * graph.meanLab(r, c) / 100.0;
                }
            }
            if (positionWeight > 0) {
                data[o++] = positionWeight * graph.centroidX(r) / diag;
                data[o] = positionWeight * graph.centroidY(r) / diag;
            }
        }
        if (centered) {
            double[] mean = new double[d];
            long pixels = 0;
            for (int r = 0; r < n; r++) {
                pixels += graph.size(r);
                for (int j = 0; j < d; j++) {
                    mean[j] += graph.size(r) * data[r * d + j];
                }
            }
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < d; j++) {
                    data[r * d + j] -= mean[j] / pixels;
                }
            }
        }
        return RegionFeatures.wrap(n, d, data);
    }

    @Override
    public String describe() {
        return "color-position(color=" + colorWeight + ",position=" + positionWeight + (centered ? ",centered" : "") + ")";
    }
}
