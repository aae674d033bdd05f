package org.supercuts.eval.bsds;

import java.util.List;
import java.util.Objects;

import org.supercuts.hierarchy.Cut;
import org.supercuts.hierarchy.Hierarchy;
import org.supercuts.image.LabelMap;

/**
 * The segmentations of one image at every scale of a sweep, in the form the benchmark reads them: either a hierarchy cut
 * at thresholds (groupings of one base labelling, the superpixels, with the contour map's boundaries), or a stack of
 * independent label maps (another tool's output).
 *
 * <p>Thread safety: implementations are immutable.
 */
public interface ScaledSegmentation {
    /** Width in pixels. */
    int width();

    /** Height in pixels. */
    int height();

    /** Number of scales of the sweep. */
    int scales();

    /** The segmentation at scale s as a label map. */
    LabelMap level(int s);

    /** The machine boundary pixels at scale s (1 = boundary). */
    byte[] boundaries(int s);

    /** Every pixel that is a boundary at some scale. */
    byte[] boundaryUnion();

    /** The region scores of every scale against the annotators' segmentations. */
    RegionScores regionScores(List<LabelMap> humans);

    /** A hierarchy cut at each threshold (ascending, fine to coarse). */
    static ScaledSegmentation of(Hierarchy hierarchy, double[] thresholds) {
        return new HierarchySweep(hierarchy, thresholds);
    }

    /** Independent label maps, one per scale, all of one size. */
    static ScaledSegmentation ofLevels(List<LabelMap> levels) {
        return new LevelStack(levels);
    }

    /** A hierarchy at thresholds: regions grouped from the superpixels, boundaries from the contour map. */
    final class HierarchySweep implements ScaledSegmentation {
        private final Hierarchy hierarchy;
        private final double[] thresholds;
        private final Cut[] cuts;

        HierarchySweep(Hierarchy hierarchy, double[] thresholds) {
            this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
            this.thresholds = thresholds.clone();
            this.cuts = new Cut[thresholds.length];
            for (int s = 0; s < thresholds.length; s++) {
                cuts[s] = hierarchy.tree().cutAtThreshold(thresholds[s], Hierarchy.MAX_THRESHOLD);
            }
        }

        @Override
        public int width() {
            return hierarchy.width();
        }

        @Override
        public int height() {
            return hierarchy.height();
        }

        @Override
        public int scales() {
            return thresholds.length;
        }

        @Override
        public LabelMap level(int s) {
            return hierarchy.level(cuts[s]).labels();
        }

        @Override
        public byte[] boundaries(int s) {
            return hierarchy.ucm().boundaries(thresholds[s]);
        }

        @Override
        public byte[] boundaryUnion() {
            return hierarchy.ucm().boundaries(-1);
        }

        @Override
        public RegionScores regionScores(List<LabelMap> humans) {
            int[][] groups = new int[cuts.length][];
            int[] segments = new int[cuts.length];
            for (int s = 0; s < cuts.length; s++) {
                groups[s] = cuts[s].regionLabels();
                segments[s] = cuts[s].segments();
            }
            return RegionScores.of(hierarchy.superpixels(), groups, segments, humans);
        }
    }

    /** Independent label maps. */
    final class LevelStack implements ScaledSegmentation {
        private final List<LabelMap> levels;

        LevelStack(List<LabelMap> levels) {
            this.levels = List.copyOf(levels);
            if (this.levels.isEmpty()) {
                throw new IllegalArgumentException("a sweep needs at least one scale");
            }
            LabelMap first = this.levels.get(0);
            for (int s = 1; s < this.levels.size(); s++) {
                LabelMap l = this.levels.get(s);
                if (l.width() != first.width() || l.height() != first.height()) {
                    throw new IllegalArgumentException("scale " + s + " is " + l.width() + "x" + l.height() + " but scale 0 is "
                            + first.width() + "x" + first.height());
                }
            }
        }

        @Override
        public int width() {
            return levels.get(0).width();
        }

        @Override
        public int height() {
            return levels.get(0).height();
        }

        @Override
        public int scales() {
            return levels.size();
        }

        @Override
        public LabelMap level(int s) {
            return levels.get(s);
        }

        @Override
        public byte[] boundaries(int s) {
            return BoundaryScores.labelBoundaries(levels.get(s).backingArray(), width(), height());
        }

        @Override
        public byte[] boundaryUnion() {
            byte[] union = new byte[width() * height()];
            for (int s = 0; s < levels.size(); s++) {
                byte[] b = boundaries(s);
                for (int i = 0; i < b.length; i++) {
                    union[i] |= b[i];
                }
            }
            return union;
        }

        @Override
        public RegionScores regionScores(List<LabelMap> humans) {
            int n = levels.size();
            double[] cover = new double[n];
            double[] ri = new double[n];
            double[] voi = new double[n];
            int[] segments = new int[n];
            double total = 0;
            for (int s = 0; s < n; s++) {
                LabelMap l = levels.get(s);
                int[] identity = new int[l.count()];
                for (int r = 0; r < identity.length; r++) {
                    identity[r] = r;
                }
                RegionScores one = RegionScores.of(l, new int[][] {identity}, new int[] {l.count()}, humans);
                cover[s] = one.coverCount()[0];
                ri[s] = one.randIndex()[0];
                voi[s] = one.voi()[0];
                segments[s] = l.count();
                total = one.coverTotal();
            }
            return new RegionScores(cover, total, ri, voi, segments);
        }
    }
}
