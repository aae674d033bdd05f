package org.supercuts.selection;

import java.util.List;
import java.util.Objects;

import org.supercuts.graph.RegionGraph;
import org.supercuts.selection.ThresholdRule;

/**
 * Multi-layer cellular automata (MCA) integration of several saliency maps (Qin, Lu, Xu &amp; Wang, "Saliency Detection
 * via Cellular Automata", CVPR 2015, sec. 4): each map is one layer of cells, and a cell's neighbours are the cells at
 * the same place in the other layers. In each synchronous step every layer's Otsu threshold splits it into foreground and
 * background, and a cell's saliency, as log-odds, moves up by {@code lambda} for every other layer that calls that place
 * foreground and down by {@code lambda} for every one that calls it background,
 *
 * <pre>
 *   l(S_m(t+1)) = l(S_m(t)) + lambda * sum over k != m of sign(S_k(t) - gamma_k(t)),   l(p) = ln(p / (1 - p))
 * </pre>
 *
 * (a Bayesian update in which each other layer is evidence of fixed reliability); the result is the mean of the layers.
 * Where the maps agree the score becomes more confident, where they disagree it stays in between, so the integration is
 * sharper than a plain mean where it is safe to be.
 *
 * <p>Defaults: lambda = 0.15 and 3 steps (the paper's step, ln(lambda / (1 - lambda)), is given here directly).
 *
 * <p>Deviations from the paper: cells are regions (this pipeline's superpixels) rather than pixels, so the Otsu
 * threshold is computed on a 64-bin histogram of region scores weighted by region area; scores are clamped to
 * [1e-6, 1 - 1e-6] before taking log-odds. Each layer's map is rescaled to [0, 1] first.
 *
 * <p>Thread safety: immutable, safe to call concurrently (given thread-safe layers).
 */
public final class MultiLayerCellularAutomata implements ObjectSelector {
    private static final int BINS = 64;
    private static final double CLAMP = 1e-6;

    private final List<ObjectSelector> layers;
    private final double lambda;
    private final int steps;

    private MultiLayerCellularAutomata(List<ObjectSelector> layers, double lambda, int steps) {
        Objects.requireNonNull(layers, "layers");
        if (layers.size() < 2) {
            throw new IllegalArgumentException("layers must hold at least 2 selectors, got " + layers.size());
        }
        BackgroundClusterContrast.positive("lambda", lambda);
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        this.layers = List.copyOf(layers);
        this.lambda = lambda;
        this.steps = steps;
    }

    /** Integrates the maps of {@code layers} (at least two) with lambda 0.15 and 3 steps. */
    public static MultiLayerCellularAutomata of(List<ObjectSelector> layers) {
        return new MultiLayerCellularAutomata(layers, 0.15, 3);
    }

    /** The log-odds step per agreeing or disagreeing layer (> 0). */
    public MultiLayerCellularAutomata lambda(double l) {
        return new MultiLayerCellularAutomata(layers, l, steps);
    }

    /** Number of synchronous steps (0 = the plain mean of the layers). */
    public MultiLayerCellularAutomata steps(int s) {
        return new MultiLayerCellularAutomata(layers, lambda, s);
    }

    @Override
    public double[] foreground(Input input) {
        RegionGraph g = input.graph();
        int m = layers.size();
        double[][] s = new double[m][];
        for (int k = 0; k < m; k++) {
            s[k] = GraphSolvers.normalise(layers.get(k).foreground(input));
        }
        int n = s[0].length;
        double[] gamma = new double[m];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < m; k++) {
                gamma[k] = otsuThreshold(s[k], g);
            }
            double[][] next = new double[m][n];
            for (int k = 0; k < m; k++) {
                for (int i = 0; i < n; i++) {
                    double p = Math.min(1 - CLAMP, Math.max(CLAMP, s[k][i]));
                    double logOdds = Math.log(p / (1 - p));
                    for (int o = 0; o < m; o++) {
                        if (o != k) {
                            logOdds += lambda * Math.signum(s[o][i] - gamma[o]);
                        }
                    }
                    next[k][i] = 1 / (1 + Math.exp(-logOdds));
                }
            }
            s = next;
        }
        double[] out = new double[n];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < n; i++) {
                out[i] += s[k][i] / m;
            }
        }
        return out;
    }

    /**
     * Otsu's threshold (maximum between-class variance) of scores in [0, 1], each region weighted by its area, on a
     * {@value #BINS}-bin histogram; returns a bin edge in (0, 1), or 0.5 when all scores fall in one bin.
     */
    static double otsuThreshold(double[] s, RegionGraph g) {
        double[] area = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            area[i] = g.size(i);
        }
        return ThresholdRule.otsu(s, area, BINS);
    }

    @Override
    public boolean usesPartition() {
        return layers.stream().anyMatch(ObjectSelector::usesPartition);
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("multi-layer-cellular-automata(");
        for (ObjectSelector l : layers) {
            b.append(l.describe()).append(',');
        }
        return b.append("lambda=").append(lambda).append(",steps=").append(steps).append(')').toString();
    }
}
