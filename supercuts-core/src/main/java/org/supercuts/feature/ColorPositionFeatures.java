package org.supercuts.feature;

import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * Region features from mean colour and position: {@code colorWeight * (L, a, b) / 100} (CIELAB) followed by
 * {@code [cx/diag, cy/diag] * positionWeight}, where diag is the image diagonal. The default (colour weight 1, position
 * weight 0) gives pure mean-CIELAB features, which the Gaussian affinity turns into a colour similarity.
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class ColorPositionFeatures implements FeatureExtractor {
    private final double colorWeight;
    private final double positionWeight;

    private ColorPositionFeatures(double colorWeight, double positionWeight) {
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
    }

    /** Mean CIELAB only. */
    public static ColorPositionFeatures color() {
        return new ColorPositionFeatures(1, 0);
    }

    /** The weight of the mean CIELAB colour (>= 0). */
    public ColorPositionFeatures colorWeight(double w) {
        return new ColorPositionFeatures(w, positionWeight);
    }

    /** The weight of the normalised centroid (>= 0). */
    public ColorPositionFeatures positionWeight(double w) {
        return new ColorPositionFeatures(colorWeight, w);
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
        return RegionFeatures.wrap(n, d, data);
    }

    @Override
    public String describe() {
        return "color-position(color=" + colorWeight + ",position=" + positionWeight + ")";
    }
}
