package org.supercuts.onnx.ssn;

import java.util.Objects;

import org.supercuts.feature.FeatureExtractor;
import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * Region features from an SSN pixel-feature network (Jampani et al., ECCV 2018): the mean over each region's pixels of
 * the network's 15 learned channels (the 5 input channels it passes through, scaled colour and position, are left out:
 * other descriptors carry those). The SSN was trained so that pixels of one superpixel have similar features, which
 * makes their region means a learned colour/texture descriptor for comparing segments.
 *
 * <p>The network runs on each call ({@link SsnSuperpixelizer#features}); it is owned by the superpixelizer given here,
 * which the caller closes.
 *
 * <p>Thread safety: safe to call concurrently (the ONNX session is).
 */
public final class SsnRegionFeatures implements FeatureExtractor {
    /** The learned channels, first in the network's output. */
    public static final int LEARNED_CHANNELS = 15;

    private final SsnSuperpixelizer network;

    /** Region features from {@code network}'s pixel features (the caller keeps ownership of the network). */
    public SsnRegionFeatures(SsnSuperpixelizer network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public RegionFeatures extract(PlanarImage image, LabelMap labels, RegionGraph graph) {
        if (image.width() != labels.width() || image.height() != labels.height()) {
            throw new IllegalArgumentException("image is " + image.width() + "x" + image.height() + " but labels are "
                    + labels.width() + "x" + labels.height() + "; they must have the same size");
        }
        float[] planar = network.features(image).toArray();
        int n = labels.count();
        int pixels = image.width() * image.height();
        int[] lbl = labels.backingArray();
        double[] sum = new double[n * LEARNED_CHANNELS];
        for (int c = 0; c < LEARNED_CHANNELS; c++) {
            int off = c * pixels;
            for (int p = 0; p < pixels; p++) {
                sum[lbl[p] * LEARNED_CHANNELS + c] += planar[off + p];
            }
        }
        int[] sizes = labels.sizes();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < LEARNED_CHANNELS; c++) {
                sum[r * LEARNED_CHANNELS + c] /= sizes[r];
            }
        }
        return RegionFeatures.wrap(n, LEARNED_CHANNELS, sum);
    }

    @Override
    public String describe() {
        return "ssn-pool(" + network.describe() + ")";
    }
}
