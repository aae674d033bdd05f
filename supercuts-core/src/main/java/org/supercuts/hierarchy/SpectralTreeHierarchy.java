package org.supercuts.hierarchy;

import java.util.ArrayList;
import java.util.List;

import org.supercuts.spectral.PartitionTree;

/**
 * The hierarchy of recursive (or k-way) normalized cuts (Shi and Malik, TPAMI 2000) as a merge tree: the
 * {@link PartitionTree} of the input ({@link HierarchyInput#partition()}) read bottom-up. The superpixels of each leaf join
 * at height 0; the children of the split at position {@code s} of the split order (of {@code S}) join at height
 * {@code (S - s) / (S + 1)}, so a threshold selects a number of splits, cheapest cut first, the same for every image.
 *
 * <p>Deviations from the paper: none in the cuts; the heights are ranks, since NCut values of successive splits are not
 * monotone.
 *
 * <p>Thread safety: stateless; {@link #build} may be called concurrently.
 */
public final class SpectralTreeHierarchy implements HierarchyBuilder {
    private static final SpectralTreeHierarchy INSTANCE = new SpectralTreeHierarchy();

    private SpectralTreeHierarchy() {
    }

    /** The builder that reads the input's normalized-cut partition tree. */
    public static SpectralTreeHierarchy fromPartition() {
        return INSTANCE;
    }

    /**
     * @throws IllegalArgumentException when the input has no partition tree
     */
    @Override
    public MergeTree build(HierarchyInput input) {
        PartitionTree p = input.partition();
        if (p == null) {
            throw new IllegalArgumentException("spectral-tree hierarchy needs the input's partition tree (HierarchyInput"
                    + ".withPartition); none was given");
        }
        return of(p);
    }

    /** The merge tree of a partition tree (see the class description). */
    public static MergeTree of(PartitionTree p) {
        int n = p.graphNodeCount();
        List<int[]> merges = new ArrayList<>();
        List<Double> heights = new ArrayList<>();
        int[] cluster = new int[p.treeNodeCount()];
        int next = n;
        for (int id = 0; id < p.treeNodeCount(); id++) {
            PartitionTree.Node node = p.node(id);
            if (!node.isLeaf()) {
                continue;
            }
            int[] m = node.members();
            int current = m[0];
            for (int j = 1; j < m.length; j++) {
                merges.add(new int[] {current, m[j]});
                heights.add(0.0);
                current = next++;
            }
            cluster[id] = current;
        }
        int splits = p.splitCount();
        for (int s = splits - 1; s >= 0; s--) {
            PartitionTree.Node node = p.split(s);
            double h = (double) (splits - s) / (splits + 1);
            int[] children = node.children();
            int current = cluster[children[0]];
            for (int j = 1; j < children.length; j++) {
                merges.add(new int[] {current, cluster[children[j]]});
                heights.add(h);
                current = next++;
            }
            cluster[node.id()] = current;
        }
        int[] left = new int[merges.size()];
        int[] right = new int[merges.size()];
        double[] hs = new double[merges.size()];
        for (int i = 0; i < hs.length; i++) {
            left[i] = merges.get(i)[0];
            right[i] = merges.get(i)[1];
            hs[i] = heights.get(i);
        }
        return MergeTree.of(n, left, right, hs);
    }

    @Override
    public String describe() {
        return "spectral-tree";
    }

    @Override
    public String toString() {
        return describe();
    }
}
