package org.supercuts.spectral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A hierarchy of partitions of n graph nodes, recorded as an ordered list of splits: the root holds all nodes, each split
 * replaces one leaf by two or more children that partition it. Applying the first s splits gives a partition; applying them
 * all gives the finest one. Split order is the order of importance (for recursive normalized cuts: cheapest cut first).
 *
 * <p>Thread safety: immutable once built; {@link Builder} is not thread-safe.
 */
public final class PartitionTree {
    /**
     * A node of the tree.
     *
     * @param id         index of the node (root = 0)
     * @param parent     index of the parent, -1 for the root
     * @param members    the graph nodes it holds, ascending
     * @param children   indices of its children, empty for a leaf
     * @param splitCost  the cost of the split that created its children (e.g. the NCut value), NaN for a leaf
     * @param splitOrder the position of that split in the split order, -1 for a leaf
     */
    public record Node(int id, int parent, int[] members, int[] children, double splitCost, int splitOrder) {
        /** Whether the node has no children. */
        public boolean isLeaf() {
            return children.length == 0;
        }

        /** Number of graph nodes it holds. */
        public int size() {
            return members.length;
        }
    }

    private final int nodeCountOfGraph;
    private final List<Node> nodes;
    private final List<Integer> splits;

    private PartitionTree(int n, List<Node> nodes, List<Integer> splits) {
        this.nodeCountOfGraph = n;
        this.nodes = nodes;
        this.splits = splits;
    }

    /** A tree for a graph of {@code n} nodes with the root (all nodes) as its only node. */
    public static Builder builder(int n) {
        return new Builder(n);
    }

    /** The tree of a flat partition: the root split once into the given groups ({@code labels[i]} is node i's group). */
    public static PartitionTree flat(int[] labels, double cost) {
        int k = 0;
        for (int l : labels) {
            k = Math.max(k, l + 1);
        }
        Builder b = builder(labels.length);
        if (k > 1) {
            b.split(0, labels, cost);
        }
        return b.build();
    }

    /** Number of nodes of the partitioned graph. */
    public int graphNodeCount() {
        return nodeCountOfGraph;
    }

    /** The root, holding every graph node. */
    public Node root() {
        return nodes.get(0);
    }

    /** The tree node with index {@code id}. */
    public Node node(int id) {
        return nodes.get(id);
    }

    /** Number of tree nodes. */
    public int treeNodeCount() {
        return nodes.size();
    }

    /** Number of splits. */
    public int splitCount() {
        return splits.size();
    }

    /** The tree node split at position {@code s} of the split order. */
    public Node split(int s) {
        return nodes.get(splits.get(s));
    }

    /** Number of segments after the first {@code s} splits. */
    public int segmentsAfterSplits(int s) {
        int segments = 1;
        for (int i = 0; i < s; i++) {
            segments += split(i).children().length - 1;
        }
        return segments;
    }

    /** Number of segments of the finest partition (all splits applied). */
    public int leafCount() {
        return segmentsAfterSplits(splits.size());
    }

    /**
     * The partition after the first {@code s} splits: {@code result[i]} is the segment of graph node i, segments numbered
     * 0..m-1 in order of their smallest member.
     */
    public int[] labelsAfterSplits(int s) {
        if (s < 0 || s > splits.size()) {
            throw new IllegalArgumentException("splits must be in [0, " + splits.size() + "], got " + s);
        }
        int[] owner = new int[nodeCountOfGraph];
        // Walk from the root, descending through split nodes whose split order is < s.
        List<Node> stack = new ArrayList<>();
        stack.add(root());
        List<Node> leaves = new ArrayList<>();
        while (!stack.isEmpty()) {
            Node node = stack.remove(stack.size() - 1);
            if (!node.isLeaf() && node.splitOrder() < s) {
                for (int c : node.children()) {
                    stack.add(nodes.get(c));
                }
            } else {
                leaves.add(node);
            }
        }
        leaves.sort((a, b) -> Integer.compare(a.members()[0], b.members()[0]));
        for (int l = 0; l < leaves.size(); l++) {
            for (int m : leaves.get(l).members()) {
                owner[m] = l;
            }
        }
        return owner;
    }

    /**
     * The coarsest partition with at least {@code k} segments (the finest one if the tree has fewer leaves).
     *
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public int[] labelsWithSegments(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("segments must be >= 1, got " + k);
        }
        int s = 0;
        while (s < splits.size() && segmentsAfterSplits(s) < k) {
            s++;
        }
        return labelsAfterSplits(s);
    }

    /**
     * Up to {@code count} distinct partitions from coarse to fine: the first has one split applied (two or more segments),
     * the last all splits; the ones between are spread evenly over the split order.
     */
    public List<int[]> levels(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("levels must be >= 1, got " + count);
        }
        int total = splits.size();
        if (total == 0) {
            return List.of(labelsAfterSplits(0));
        }
        List<int[]> out = new ArrayList<>();
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int s = count == 1 ? total : 1 + (int) Math.round((double) i * (total - 1) / (count - 1));
            if (s != previous) {
                out.add(labelsAfterSplits(s));
                previous = s;
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Builds a tree split by split. */
    public static final class Builder {
        private final int n;
        private final List<Node> nodes = new ArrayList<>();
        private final List<Integer> splits = new ArrayList<>();

        private Builder(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("a partition tree needs n >= 1 nodes, got " + n);
            }
            this.n = n;
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            nodes.add(new Node(0, -1, all, new int[0], Double.NaN, -1));
        }

        /**
         * Splits leaf {@code nodeId}: {@code groupOfMember[j]} is the group (0..g-1, g >= 2, all used) of the node's j-th member.
         *
         * @return the ids of the new children, in group order
         */
        public int[] split(int nodeId, int[] groupOfMember, double cost) {
            Node node = nodes.get(nodeId);
            Objects.requireNonNull(groupOfMember, "groupOfMember");
            if (!node.isLeaf()) {
                throw new IllegalStateException("node " + nodeId + " is already split");
            }
            if (groupOfMember.length != node.size()) {
                throw new IllegalArgumentException("groupOfMember has length " + groupOfMember.length + ", node " + nodeId
                        + " has " + node.size() + " members");
            }
            int g = 0;
            for (int v : groupOfMember) {
                if (v < 0) {
                    throw new IllegalArgumentException("group ids must be >= 0, got " + v);
                }
                g = Math.max(g, v + 1);
            }
            int[] counts = new int[g];
            for (int v : groupOfMember) {
                counts[v]++;
            }
            for (int c = 0; c < g; c++) {
                if (counts[c] == 0) {
                    throw new IllegalArgumentException("group " + c + " of the split of node " + nodeId + " is empty");
                }
            }
            if (g < 2) {
                throw new IllegalArgumentException("a split needs at least 2 groups, got " + g);
            }
            int[][] parts = new int[g][];
            for (int c = 0; c < g; c++) {
                parts[c] = new int[counts[c]];
            }
            int[] fill = new int[g];
            for (int j = 0; j < groupOfMember.length; j++) {
                int c = groupOfMember[j];
                parts[c][fill[c]++] = node.members()[j];
            }
            int[] children = new int[g];
            for (int c = 0; c < g; c++) {
                Arrays.sort(parts[c]);
                children[c] = nodes.size();
                nodes.add(new Node(children[c], nodeId, parts[c], new int[0], Double.NaN, -1));
            }
            nodes.set(nodeId, new Node(nodeId, node.parent(), node.members(), children, cost, splits.size()));
            splits.add(nodeId);
            return children.clone();
        }

        /** The tree node with index {@code id} so far. */
        public Node node(int id) {
            return nodes.get(id);
        }

        /** The tree with the splits made so far. */
        public PartitionTree build() {
            return new PartitionTree(n, List.copyOf(nodes), List.copyOf(splits));
        }
    }
}
