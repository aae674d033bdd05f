package org.supercuts.hierarchy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.supercuts.image.LabelMap;

/**
 * A hierarchy of segmentations of one image: a {@link MergeTree} over the image's superpixels. It gives a segmentation at
 * any scale, by segment count ({@link #atSegments}) or by a threshold on the merge heights in [0, 1]
 * ({@link #atThreshold}, the scale to fix for a whole dataset), evenly spread levels ({@link #levels}), and the
 * ultrametric contour map ({@link #ucm()}) whose thresholding gives every level's boundaries. All levels are nested.
 *
 * <p>A scale outside the range is clamped to the coarsest or finest level and the {@link Level} says so; nothing fails
 * except a NaN threshold.
 *
 * <p>For a part of the image, {@link #restrictTo(int[])} gives the merge tree induced on a set of superpixels (the same
 * ultrametric on them), to cut by count or threshold.
 *
 * <p>Thread safety: immutable; the contour map is computed once on first use.
 */
public final class Hierarchy {
    /** The top of the threshold scale: builders' heights lie in [0, 1]. */
    public static final double MAX_THRESHOLD = 1.0;

    private final LabelMap superpixels;
    private final MergeTree tree;
    private volatile Ucm ucm;

    private Hierarchy(LabelMap superpixels, MergeTree tree) {
        this.superpixels = superpixels;
        this.tree = tree;
    }

    /**
     * @throws IllegalArgumentException when the tree's leaf count differs from the superpixel count
     */
    public static Hierarchy of(LabelMap superpixels, MergeTree tree) {
        Objects.requireNonNull(superpixels, "superpixels");
        Objects.requireNonNull(tree, "tree");
        if (tree.regionCount() != superpixels.count()) {
            throw new IllegalArgumentException("merge tree has " + tree.regionCount() + " leaves but there are "
                    + superpixels.count() + " superpixels");
        }
        return new Hierarchy(superpixels, tree);
    }

    /** The superpixels the hierarchy is built over. */
    public LabelMap superpixels() {
        return superpixels;
    }

    /** The merge tree over the superpixels. */
    public MergeTree tree() {
        return tree;
    }

    /** Width in pixels. */
    public int width() {
        return superpixels.width();
    }

    /** Height in pixels. */
    public int height() {
        return superpixels.height();
    }

    /** The coarsest level with at least {@code k} segments (clamped to the range, see {@link Level#clamped()}). */
    public Level atSegments(int k) {
        return level(tree.cutWithSegments(k));
    }

    /** The level at threshold {@code t} in [0, 1]: superpixels joined at height {@code <= t} share a segment. */
    public Level atThreshold(double t) {
        return level(tree.cutAtThreshold(t, MAX_THRESHOLD));
    }

    /** The level of a cut of {@link #tree()} (or of a tree with the same leaves). */
    public Level level(Cut cut) {
        return new Level(superpixels.mapRegions(cut.regionLabels()), cut);
    }

    /**
     * Up to {@code count} distinct levels from coarse to fine, at thresholds spread evenly strictly between the lowest and
     * the highest merge height (levels that would repeat a segment count are left out).
     */
    public List<Level> levels(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("levels must be >= 1, got " + count);
        }
        List<Level> out = new ArrayList<>();
        double lo = tree.minHeight();
        double hi = tree.maxHeight();
        int previous = -1;
        for (int i = count; i >= 1; i--) {
            double t = lo + (hi - lo) * i / (count + 1);
            Cut cut = tree.cutAtThreshold(t, MAX_THRESHOLD);
            if (cut.segments() != previous) {
                out.add(level(cut));
                previous = cut.segments();
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The ultrametric contour map (computed on first call). */
    public Ucm ucm() {
        Ucm u = ucm;
        if (u == null) {
            u = Ucm.of(superpixels, tree);
            ucm = u;
        }
        return u;
    }

    /**
     * The merge tree induced on the given superpixels: leaf {@code j} is superpixel {@code superpixelIds[j]}; see
     * {@link MergeTree#restrictTo(int[])}.
     */
    public MergeTree restrictTo(int[] superpixelIds) {
        return tree.restrictTo(superpixelIds);
    }

    @Override
    public String toString() {
        return "Hierarchy[" + width() + "x" + height() + ", " + tree + "]";
    }
}
