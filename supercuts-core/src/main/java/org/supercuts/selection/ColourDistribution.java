package org.supercuts.selection;

import org.supercuts.graph.RegionGraph;

/**
 * Saliency from the spatial distribution of colours (the "element distribution" measure of Perazzi, Krähenbühl, Pritch
 * &amp; Hornung, "Saliency Filters: Contrast Based Filtering for Salient Region Detection", CVPR 2012): a colour that
 * occurs all over the image is background, a colour confined to one compact area is likely the object. For each region
 * i, with colour-similarity weights {@code w_ij = exp(-|c_i - c_j|^2 / (2 sigma^2))} normalised over j (and scaled by
 * region area), the spatial variance {@code D_i = sum_j w_ij |p_j - mu_i|^2} of its colour around the weighted mean
 * position {@code mu_i}; the score is {@code 1 - D} rescaled to [0, 1]. It does not use the image border, so it is
 * complementary to the background-prior cues ({@link ManifoldRanking}, {@link AbsorbingMarkovChain}).
 *
 * <p>Deviations from the paper: regions are this pipeline's superpixels and colours are mean CIELAB divided by 100;
 * positions are normalised by the image width and height; the Gaussian-filter acceleration is unnecessary at a few
 * hundred regions (the sums are computed exactly, O(n^2)).
 *
 * <p>Thread safety: immutable, safe to call concurrently.
 */
public final class ColourDistribution implements ObjectSelector {
    private final double sigma;

    private ColourDistribution(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        this.sigma = sigma;
    }

    /** Colour kernel width 0.2 on CIELAB / 100. */
    public static ColourDistribution defaults() {
        return new ColourDistribution(0.2);
    }

    /** Width of the colour-similarity kernel, on CIELAB distances divided by 100. */
    public ColourDistribution sigma(double s) {
        return new ColourDistribution(s);
    }

    @Override
    public double[] foreground(Input input) {
        RegionGraph g = input.graph();
        int n = g.regionCount();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] lab = new double[3 * n];
        for (int i = 0; i < n; i++) {
            x[i] = g.centroidX(i) / g.width();
            y[i] = g.centroidY(i) / g.height();
            for (int c = 0; c < 3; c++) {
                lab[3 * i + c] = g.meanLab(i, c) / 100;
            }
        }
        double inv = 1 / (2 * sigma * sigma);
        double[] spread = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double total = 0;
            double mx = 0;
            double my = 0;
            for (int j = 0; j < n; j++) {
                double d0 = lab[3 * i] - lab[3 * j];
                double d1 = lab[3 * i + 1] - lab[3 * j + 1];
                double d2 = lab[3 * i + 2] - lab[3 * j + 2];
                w[j] = g.size(j) * Math.exp(-(d0 * d0 + d1 * d1 + d2 * d2) * inv);
                total += w[j];
                mx += w[j] * x[j];
                my += w[j] * y[j];
            }
            mx /= total;
            my /= total;
            double v = 0;
            for (int j = 0; j < n; j++) {
                double dx = x[j] - mx;
                double dy = y[j] - my;
                v += w[j] * (dx * dx + dy * dy);
            }
            spread[i] = v / total;
        }
        double[] s = GraphSolvers.normalise(spread);
        for (int i = 0; i < n; i++) {
            s[i] = 1 - s[i];
        }
        return s;
    }

    @Override
    public boolean usesPartition() {
        return false;
    }

    @Override
    public String describe() {
        return "colour-distribution(sigma=" + sigma + ")";
    }
}
