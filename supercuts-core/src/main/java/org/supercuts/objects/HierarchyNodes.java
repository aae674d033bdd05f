package org.supercuts.objects;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.supercuts.graph.RegionGraph;
import org.supercuts.spectral.PartitionTree;

/**
 * Objects as nodes of the normalized-cut hierarchy selected by objectness: every node of the pipeline's partition tree
 * but the root (each connected piece of it, in the region graph) covering at most {@code maxArea} of the image is a
 * candidate, scored by {@link Objectness}; the {@link DiscoveryRules} keep the best disjoint ones. Saliency enters only
 * through the score, so this finds objects the saliency map misses, and is bounded by the tree's resolution.
 *
 * <p>Related work: selecting segments of a hierarchy by an objectness score is the scheme of object proposals from
 * hierarchical segmentation (Arbeláez et al., "Multiscale Combinatorial Grouping", CVPR 2014; Uijlings et al.,
 * "Selective Search", IJCV 2013). Deviations: one hierarchy (the pipeline's recursive normalized cut) instead of several,
 * no combinations of segments, and a small learned score over graph cues instead of a random forest.
 *
 * <p>Thread safety: immutable.
 */
public final class HierarchyNodes implements ObjectDiscovery {
    private final double maxArea;
    private final DiscoveryRules rules;

    private HierarchyNodes(double maxArea, DiscoveryRules rules) {
        if (!(maxArea > 0 && maxArea <= 1)) {
            throw new IllegalArgumentException("maxArea is a share of the image and must be in (0, 1], got " + maxArea);
        }
        this.maxArea = maxArea;
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Tree nodes up to 90 % of the image, default rules. */
    public static HierarchyNodes defaults() {
        return new HierarchyNodes(0.9, DiscoveryRules.defaults());
    }

    /** The largest candidate, as a share of the image, in (0, 1]. */
    public HierarchyNodes maxArea(double share) {
        return new HierarchyNodes(share, rules);
    }

    /** The same candidates selected by other rules. */
    public HierarchyNodes rules(DiscoveryRules r) {
        return new HierarchyNodes(maxArea, r);
    }

    @Override
    public DiscoveryRules rules() {
        return rules;
    }

    @Override
    public ObjectSet discover(Input input) {
        Scene scene = new Scene(input);
        return CandidateSelection.select(scene, generate(scene), rules);
    }

    @Override
    public List<ObjectCandidate> candidates(Input input) {
        return generate(new Scene(input)).candidates();
    }

    private CandidateSelection.Generated generate(Scene scene) {
        RegionGraph g = scene.graph;
        PartitionTree tree = scene.input.partition().tree();
        long minPixels = CandidateSelection.minPixels(scene, rules);
        double maxPixels = maxArea * scene.imageArea;
        CandidatePool pool = new CandidatePool(scene, rules);
        for (int id = 1; id < tree.treeNodeCount(); id++) {
            for (int[] piece : RegionSets.components(g, tree.node(id).members())) {
                long a = RegionSets.area(g, piece);
                if (a >= minPixels && a <= maxPixels) {
                    pool.add(piece, "node#" + id);
                }
            }
        }
        String note = tree.treeNodeCount() == 1 ? "the hierarchy has no split: the graph has no cut to make"
                : String.format(Locale.ROOT, "no node of the hierarchy covers between %.2f%% and %.0f%% of the image",
                        100 * rules.minArea(), 100 * maxArea);
        return new CandidateSelection.Generated(pool.candidates(), note);
    }

    @Override
    public String describe() {
        return "hierarchy-nodes(maxArea=" + maxArea + "," + rules.describe() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
