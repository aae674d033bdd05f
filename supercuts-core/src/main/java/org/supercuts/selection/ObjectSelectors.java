package org.supercuts.selection;

import org.supercuts.graph.RegionGraph;

/**
 * The rules that decide which side of the root normalized-cut split is the object. Each orients the Fiedler vector
 * {@code v} about the split threshold {@code t}: the object side maps to [0.5, 1] and the other side to [0, 0.5), each
 * linearly in the distance to {@code t} relative to the farthest node on that side, so thresholding at 0.5 reproduces the
 * split exactly and the soft map ranks nodes by how confidently the eigenvector places them.
 *
 * <ul>
 *   <li>{@link #tokenCut()} — TokenCut (Wang et al., CVPR 2022): the side holding the entry of largest |v|.</li>
 *   <li>{@link #deepSpectral()} — Deep Spectral Methods (Melas-Kyriazi et al., CVPR 2022): the object is the minority;
 *       flip when more than half is on the positive side.</li>
 *   <li>{@link #borderPrior()} — the side that touches the image border less (background connectivity prior, as in
 *       Zhu et al., CVPR 2014 and most saliency work).</li>
 * </ul>
 *
 * <p>Deviations from the papers: both papers work on ViT patches of equal size, so "more than half" counts nodes; on
 * superpixels of unequal size we count pixels. TokenCut takes the largest |v| entry as the seed of the object; we keep its
 * side as the object (the same decision at the partition level).
 *
 * <p>Thread safety: the selectors are immutable and stateless.
 */
public final class ObjectSelectors {
    private ObjectSelectors() {
    }

    /** TokenCut's rule: the side of the root cut holding the entry of largest magnitude is the object. */
    public static ObjectSelector tokenCut() {
        return new Rule("tokencut") {
            @Override
            boolean highSideIsObject(double[] v, double t, RegionGraph g) {
                int best = 0;
                for (int i = 1; i < v.length; i++) {
                    if (Math.abs(v[i]) > Math.abs(v[best])) {
                        best = i;
                    }
                }
                return v[best] >= t;
            }
        };
    }

    /** Deep Spectral Methods' rule: the smaller side (by pixels) of the root cut is the object. */
    public static ObjectSelector deepSpectral() {
        return new Rule("deepspectral") {
            @Override
            boolean highSideIsObject(double[] v, double t, RegionGraph g) {
                long high = 0;
                long all = 0;
                for (int i = 0; i < v.length; i++) {
                    all += g.size(i);
                    if (v[i] >= t) {
                        high += g.size(i);
                    }
                }
                return 2 * high <= all;
            }
        };
    }

    /**
     * The border prior: the side of the root cut with fewer image-border pixels is the object (on a tie, the smaller
     * side).
     */
    public static ObjectSelector borderPrior() {
        return new Rule("border-prior") {
            @Override
            boolean highSideIsObject(double[] v, double t, RegionGraph g) {
                long highBorder = 0;
                long lowBorder = 0;
                long highArea = 0;
                long lowArea = 0;
                for (int i = 0; i < v.length; i++) {
                    if (v[i] >= t) {
                        highBorder += g.borderPixels(i);
                        highArea += g.size(i);
                    } else {
                        lowBorder += g.borderPixels(i);
                        lowArea += g.size(i);
                    }
                }
                if (highBorder != lowBorder) {
                    return highBorder < lowBorder;
                }
                return highArea <= lowArea;
            }
        };
    }

    /**
     * Maps {@code v} to [0, 1] about {@code t}: the object side to [0.5, 1], the other to [0, 0.5), linear in the distance
     * to {@code t} relative to the farthest node of the same side.
     */
    public static double[] orient(double[] v, double t, boolean highSideIsObject) {
        double maxHigh = 0;
        double maxLow = 0;
        for (double x : v) {
            if (x >= t) {
                maxHigh = Math.max(maxHigh, x - t);
            } else {
                maxLow = Math.max(maxLow, t - x);
            }
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            boolean high = v[i] >= t;
            double rel = high ? (maxHigh > 0 ? (v[i] - t) / maxHigh : 0) : (maxLow > 0 ? (t - v[i]) / maxLow : 0);
            boolean object = high == highSideIsObject;
            out[i] = object ? 0.5 + 0.5 * rel : 0.499 * (1 - rel);
        }
        return out;
    }

    private abstract static class Rule implements ObjectSelector {
        private final String name;

        Rule(String name) {
            this.name = name;
        }

        abstract boolean highSideIsObject(double[] v, double t, RegionGraph g);

        @Override
        public double[] foreground(Input input) {
            double[] v = input.partition().fiedler();
            double t = input.partition().fiedlerThreshold();
            return orient(v, t, highSideIsObject(v, t, input.graph()));
        }

        @Override
        public String describe() {
            return name;
        }
    }
}
