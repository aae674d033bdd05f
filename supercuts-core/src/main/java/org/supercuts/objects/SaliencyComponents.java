package org.supercuts.objects;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.supercuts.graph.RegionGraph;
import org.supercuts.spectral.PartitionTree;

/**
 * Objects as the connected components of the saliency map, split by the normalized-cut hierarchy: the candidates are the
 * connected components (in the region graph) of the regions whose saliency is at least each of the {@code thresholds},
 * and the pieces the hierarchy's partitions with {@code splitSegments} segments cut each component into. Candidates are
 * scored by {@link Objectness}; the {@link DiscoveryRules} keep the best disjoint ones, so a component that holds two
 * objects touching through a bridge of salient background yields its two pieces when they score higher than the whole.
 *
 * <p>Related work: connected components of a thresholded saliency map are the classical route from saliency to objects
 * (e.g. Achanta et al., CVPR 2009, Sec. 4); splitting them by a segmentation hierarchy follows hierarchical saliency (Yan
 * et al., CVPR 2013). Deviations: the hierarchy is the pipeline's recursive normalized cut, and the choice between a
 * component and its pieces is made by a learned objectness score instead of a fixed rule.
 *
 * <p>Thread safety: immutable.
 */
public final class SaliencyComponents implements ObjectDiscovery {
    private final double[] thresholds;
    private final int[] splitSegments;
    private final DiscoveryRules rules;

    private SaliencyComponents(double[] thresholds, int[] splitSegments, DiscoveryRules rules) {
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(splitSegments, "splitSegments");
        if (thresholds.length == 0) {
            throw new IllegalArgumentException("thresholds must name at least one saliency level, got none");
        }
        for (double t : thresholds) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("thresholds must be in (0, 1], got " + t);
            }
        }
        for (int k : splitSegments) {
            if (k < 2) {
                throw new IllegalArgumentException("splitSegments must be >= 2, got " + k);
            }
        }
        this.thresholds = thresholds.clone();
        this.splitSegments = splitSegments.clone();
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Components at saliency 0.2, 0.3, ..., 0.8 (0.5 is the pipeline's mask), split at the hierarchy's 2-, 4-, 8- and
     * 16-segment levels: on ECSSD's odd half, a candidate of this set matches 75 % of the single objects and 65 % of the
     * objects of multi-object images (components at 0.5 alone: 61 % and 53 %).
     */
    public static SaliencyComponents defaults() {
        return new SaliencyComponents(new double[] {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}, new int[] {2, 4, 8, 16},
                DiscoveryRules.defaults());
    }

    /** The saliency levels whose components are candidates, each in (0, 1]. */
    public SaliencyComponents thresholds(double... t) {
        return new SaliencyComponents(t, splitSegments, rules);
    }

    /** The hierarchy levels (segment counts, each >= 2) that split components into further candidates; none = no split. */
    public SaliencyComponents splitSegments(int... k) {
        return new SaliencyComponents(thresholds, k, rules);
    }

    /** The same candidates selected by other rules. */
    public SaliencyComponents rules(DiscoveryRules r) {
        return new SaliencyComponents(thresholds, splitSegments, r);
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
        double[] s = scene.input.saliency();
        PartitionTree tree = scene.input.partition().tree();
        int[][] levels = new int[splitSegments.length][];
        for (int i = 0; i < splitSegments.length; i++) {
            levels[i] = tree.labelsWithSegments(splitSegments[i]);
        }
        long minPixels = CandidateSelection.minPixels(scene, rules);
        CandidatePool pool = new CandidatePool(scene, rules);
        double max = 0;
        for (double v : s) {
            max = Math.max(max, v);
        }
        for (double t : thresholds) {
            boolean[] fg = new boolean[scene.regions()];
            for (int r = 0; r < fg.length; r++) {
                fg[r] = s[r] >= t;
            }
            for (int[] component : RegionSets.components(g, fg)) {
                String source = String.format(Locale.ROOT, "component@%.2f", t);
                pool.add(component, source);
                if (RegionSets.area(g, component) < 2 * minPixels) {
                    continue; // no split of it could give two objects
                }
                for (int i = 0; i < levels.length; i++) {
                    split(g, component, levels[i], minPixels, pool, source + "/" + splitSegments[i]);
                }
            }
        }
        String note = String.format(Locale.ROOT, "no salient region: saliency is below %.2f everywhere (highest %.2f)",
                Arrays.stream(thresholds).min().orElse(0.5), max);
        return new CandidateSelection.Generated(pool.candidates(), note);
    }

    /** Adds the pieces the level's segments cut the component into (when it cuts it at all). */
    private static void split(RegionGraph g, int[] component, int[] segment, long minPixels, CandidatePool pool, String source) {
        int first = segment[component[0]];
        boolean cut = false;
        for (int r : component) {
            cut |= segment[r] != first;
        }
        if (!cut) {
            return;
        }
        boolean[] done = new boolean[component.length];
        boolean[] member = new boolean[g.regionCount()];
        for (int i = 0; i < component.length; i++) {
            if (done[i]) {
                continue;
            }
            int label = segment[component[i]];
            java.util.Arrays.fill(member, false);
            for (int j = i; j < component.length; j++) {
                if (segment[component[j]] == label) {
                    member[component[j]] = true;
                    done[j] = true;
                }
            }
            for (int[] piece : RegionSets.components(g, member)) {
                if (RegionSets.area(g, piece) >= minPixels) {
                    pool.add(piece, source);
                }
            }
        }
    }

    @Override
    public String describe() {
        return "saliency-components(thresholds=" + Arrays.toString(thresholds) + ",split=" + Arrays.toString(splitSegments) + ","
                + rules.describe() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
