package org.supercuts.objects;

import java.util.Arrays;
import java.util.Locale;

import org.supercuts.spectral.PartitionTree;

/**
 * Parts from the pipeline's normalized-cut hierarchy ({@link PartitionTree}) restricted to the object: the tree's splits
 * are replayed cheapest first on the object's superpixels, a split counting only where it divides the object; replay
 * stops at {@code maxParts} parts, and splits dearer than {@code maxCut} (their NCut value over the whole image's graph)
 * are not made. Parts are then made connected and those below {@code minPartArea} merged into a neighbour.
 *
 * <p>Cheap (no eigensolve) but bounded by the tree's resolution: an object inside one leaf of the tree has one part.
 *
 * <p>Thread safety: immutable.
 */
public final class TreeParts implements PartDecomposition {
    private final int maxParts;
    private final double minPartArea;
    private final double maxCut;

    private TreeParts(int maxParts, double minPartArea, double maxCut) {
        PartRules.check(maxParts, minPartArea, maxCut);
        this.maxParts = maxParts;
        this.minPartArea = minPartArea;
        this.maxCut = maxCut;
    }

    /** At most 6 parts, each at least 5 % of the object, splits of any cost. */
    public static TreeParts defaults() {
        return new TreeParts(6, 0.05, Double.POSITIVE_INFINITY);
    }

    /** The most parts per object, at least 1. */
    public TreeParts maxParts(int n) {
        return new TreeParts(n, minPartArea, maxCut);
    }

    /** The smallest part as a share of the object's pixels, in [0, 1). */
    public TreeParts minPartArea(double share) {
        return new TreeParts(maxParts, share, maxCut);
    }

    /** The dearest split (NCut value) that is made; {@code Double.POSITIVE_INFINITY} for any. */
    public TreeParts maxCut(double ncut) {
        return new TreeParts(maxParts, minPartArea, ncut);
    }

    @Override
    public int[] parts(ObjectDiscovery.Input input, int[] regions) {
        PartitionTree tree = input.partition().tree();
        int n = input.graph().regionCount();
        int[] index = new int[n];
        Arrays.fill(index, -1);
        for (int i = 0; i < regions.length; i++) {
            index[regions[i]] = i;
        }
        int[] node = new int[regions.length]; // the current tree leaf of each object region
        int parts = 1;
        for (int s = 0; s < tree.splitCount() && parts < maxParts; s++) {
            PartitionTree.Node split = tree.split(s);
            if (split.splitCost() > maxCut) {
                continue;
            }
            int inside = -1;
            for (int m : split.members()) {
                if (index[m] >= 0) {
                    inside = index[m];
                    break;
                }
            }
            if (inside < 0 || node[inside] != split.id()) {
                continue; // not on the object, or an ancestor's split was not made
            }
            int used = 0;
            for (int c : split.children()) {
                boolean any = false;
                for (int m : tree.node(c).members()) {
                    if (index[m] >= 0) {
                        node[index[m]] = c;
                        any = true;
                    }
                }
                used += any ? 1 : 0;
            }
            parts += used - 1;
        }
        return Parts.clean(input.graph(), regions, node, minPartArea);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "tree-parts(maxParts=%d,minPartArea=%s,maxCut=%s)", maxParts, minPartArea, maxCut);
    }

    @Override
    public String toString() {
        return describe();
    }
}
