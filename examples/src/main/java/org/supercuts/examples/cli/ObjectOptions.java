package org.supercuts.examples.cli;

import org.supercuts.Pipeline;
import org.supercuts.Presets;
import org.supercuts.objects.DiscoveryRules;
import org.supercuts.objects.ObjectDiscovery;
import org.supercuts.objects.SaliencyComponents;
import org.supercuts.objects.SubgraphParts;
import picocli.CommandLine.Option;

/**
 * The object-discovery options of {@code segment} and {@code evaluate}: {@code --objects} and the rules it runs with.
 * Giving any rule implies {@code --objects}. Bad values are rejected naming the option, its value and the rule.
 *
 * <p>Thread safety: filled by picocli on one thread, then read-only.
 */
public final class ObjectOptions {
    @Option(names = "--objects", description = "Find the objects (none, one or several) and their parts: STEM-objects.png,"
            + " STEM-parts.png, STEM-objects-overlay.png and an 'objects' array in STEM.json (segment); object recall and"
            + " precision (evaluate).")
    boolean objects;

    @Option(names = "--max-objects", paramLabel = "N", description = "Most objects per image (default: 8; implies --objects).")
    Integer maxObjects;

    @Option(names = "--min-object-area", paramLabel = "SHARE",
            description = "Smallest object as a share of the image, in [0, 1) (default: 0.01; implies --objects).")
    Double minObjectArea;

    @Option(names = "--min-objectness", paramLabel = "SCORE",
            description = "Objectness the first object needs, in [0, 1]; below it the image has no object (default: 0.3;"
                    + " implies --objects).")
    Double minObjectness;

    @Option(names = "--max-parts", paramLabel = "N", description = "Most parts per object (default: 4; implies --objects).")
    Integer maxParts;

    @Option(names = "--min-part-area", paramLabel = "SHARE",
            description = "Smallest part as a share of its object, in [0, 1) (default: 0.05; implies --objects).")
    Double minPartArea;

    /** Whether objects are wanted. */
    public boolean enabled() {
        return objects || maxObjects != null || minObjectArea != null || minObjectness != null || maxParts != null
                || minPartArea != null;
    }

    /**
     * The discovery these options describe, or null when objects are not wanted.
     *
     * @throws IllegalArgumentException naming the option whose value breaks its rule
     */
    public ObjectDiscovery discovery() {
        if (!enabled()) {
            return null;
        }
        if (maxObjects != null && maxObjects < 1) {
            throw new IllegalArgumentException("--max-objects must be >= 1, got " + maxObjects);
        }
        checkShare("--min-object-area", minObjectArea, "a share of the image");
        checkShare("--min-part-area", minPartArea, "a share of the object");
        if (minObjectness != null && !(minObjectness >= 0 && minObjectness <= 1)) {
            throw new IllegalArgumentException("--min-objectness must be in [0, 1], got " + minObjectness);
        }
        if (maxParts != null && maxParts < 1) {
            throw new IllegalArgumentException("--max-parts must be >= 1, got " + maxParts);
        }
        ObjectDiscovery d = Presets.objectDiscovery();
        if (!(d instanceof SaliencyComponents components)) {
            return d;
        }
        DiscoveryRules rules = components.rules();
        if (maxObjects != null) {
            rules = rules.maxObjects(maxObjects);
        }
        if (minObjectArea != null) {
            rules = rules.minArea(minObjectArea);
        }
        if (minObjectness != null) {
            rules = rules.minScore(minObjectness);
        }
        if (maxParts != null || minPartArea != null) {
            SubgraphParts parts = SubgraphParts.defaults();
            if (maxParts != null) {
                parts = parts.maxParts(maxParts);
            }
            if (minPartArea != null) {
                parts = parts.minPartArea(minPartArea);
            }
            rules = rules.parts(parts);
        }
        return components.rules(rules);
    }

    /** The pipeline with these options' discovery (unchanged when objects are not wanted). */
    public Pipeline apply(Pipeline p) {
        ObjectDiscovery d = discovery();
        return d == null ? p : p.toBuilder().objects(d).build();
    }

    private static void checkShare(String option, Double v, String what) {
        if (v != null && !(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(option + " is " + what + " and must be in [0, 1), got " + v);
        }
    }
}
