package org.supercuts.objects;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The objectness score of a candidate: a logistic model {@code p = 1 / (1 + exp(-(b + w . f(cues))))} over the features
 * {@link #features(Cues)} of its {@link Cues}. Fitted as the probability that the candidate matches a ground-truth
 * object at IoU &gt;= 0.5, so it lies in [0, 1] and grows with how likely the candidate is a real object.
 *
 * <p>The default weights were fitted by maximum likelihood on the candidates of ECSSD's odd-numbered images and of the
 * synthetic set generated from them ({@code ObjectStudy fit} with a ridge of 1e-5 per candidate, docs/objects.md); the
 * even half and PASCAL-S were never used. The ridge was chosen on the same odd-half sets: the weaker penalty (1e-3 gave
 * the previous model) lets the border share and the NCut value weigh more, which answers more single-object images
 * and more object-free images correctly at once.
 *
 * <p>Thread safety: immutable.
 */
public final class Objectness {
    /** Names of {@link #features(Cues)}, in order. */
    public static final String[] FEATURES = {"log_area", "saliency", "ring_saliency", "outside_saliency",
            "colour_contrast/100", "edge_contrast/100", "border_share", "fill", "ncut", "log_colour_over_texture",
            "log_edges_over_image"};

    /** Default intercept and weights (see the class comment for how they were chosen). */
    private static final double[] DEFAULT = {1.5646, 1.0923, 1.9103, -3.8765, -2.4283, -2.0301, 4.0382, -7.3205, -0.8680, -9.5627,
            0.2919, 1.0968};

    private final double[] coefficients;

    private Objectness(double[] coefficients) {
        Objects.requireNonNull(coefficients, "coefficients");
        if (coefficients.length != FEATURES.length + 1) {
            throw new IllegalArgumentException("objectness needs an intercept and " + FEATURES.length + " weights ("
                    + String.join(", ", FEATURES) + "), got " + coefficients.length + " numbers");
        }
        for (int k = 0; k < coefficients.length; k++) {
            if (!Double.isFinite(coefficients[k])) {
                throw new IllegalArgumentException("objectness coefficient " + k + " is " + coefficients[k] + "; must be finite");
            }
        }
        this.coefficients = coefficients.clone();
    }

    /** The default model. */
    public static Objectness defaults() {
        return new Objectness(DEFAULT);
    }

    /** A model with the given intercept followed by one weight per entry of {@link #FEATURES}. */
    public static Objectness of(double... interceptAndWeights) {
        return new Objectness(interceptAndWeights);
    }

    /** The model's features of a candidate's cues (the inputs the weights multiply). */
    public static double[] features(Cues c) {
        return new double[] {Math.log(Math.max(c.area(), 1e-6)), c.saliency(), c.ringSaliency(), c.outsideSaliency(),
                c.colourContrast() / 100, c.edgeContrast() / 100, c.borderShare(), c.fill(), c.ncut(),
                Math.log((c.colourContrast() + 1) / (c.imageTexture() + 1)), Math.log((c.edgeContrast() + 1) / (c.imageEdges() + 1))};
    }

    /** The score in [0, 1]. */
    public double score(Cues c) {
        double[] f = features(c);
        double z = coefficients[0];
        for (int k = 0; k < f.length; k++) {
            z += coefficients[k + 1] * f[k];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The intercept followed by the weights (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The model in one line (its coefficients), for provenance. */
    public String describe() {
        StringBuilder sb = new StringBuilder("objectness(");
        for (int k = 0; k < coefficients.length; k++) {
            sb.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3g", coefficients[k]));
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Objectness other && Arrays.equals(coefficients, other.coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return describe();
    }
}
