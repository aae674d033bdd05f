package org.supercuts.examples.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.supercuts.Segmentation;
import org.supercuts.eval.metrics.ObjectMatching;
import org.supercuts.objects.DiscoveryRules;
import org.supercuts.objects.HierarchyNodes;
import org.supercuts.objects.ObjectDiscovery;
import org.supercuts.objects.RepeatedCuts;
import org.supercuts.objects.SaliencyComponents;

/**
 * The named object-discovery variants of {@link ObjectStudy}. A name may carry rule overrides after colons:
 * {@code :sX} minScore, {@code :eX} minExtraScore, {@code :oX} maxOverlap, {@code :nN} maxObjects, {@code :fX} splitScore, {@code :cX} splitCover, {@code :greedy} or {@code :bestset} the selection (e.g.
 * {@code components:s0.4:e0.7}); the prefix {@code all-} turns a generator's every candidate into a prediction (the
 * recall a perfect selection could reach).
 *
 * <p>Thread safety: stateless.
 */
final class ObjectVariants {
    /** One variant: a discovery (null for the mask-components baseline) and how it turns a segmentation into objects. */
    record Variant(ObjectDiscovery discovery, Function<Segmentation, List<byte[]>> objects) {
        List<byte[]> objects(Segmentation s) {
            return objects.apply(s);
        }
    }

    private static final Map<String, Function<DiscoveryRules, ObjectDiscovery>> DISCOVERIES = new TreeMap<>();

    static {
        DISCOVERIES.put("components", r -> SaliencyComponents.defaults().rules(r));
        DISCOVERIES.put("components-nosplit", r -> SaliencyComponents.defaults().splitSegments().rules(r));
        DISCOVERIES.put("components-multi", r -> SaliencyComponents.defaults().thresholds(0.3, 0.5, 0.7).rules(r));
 DISCOVERIES.put("components-wide", r -> SaliencyComponents.defaults().thresholds(0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
                .splitSegments(2, 4, 8, 16).rules(r));
        DISCOVERIES.put("nodes", r -> HierarchyNodes.defaults().rules(r));
        DISCOVERIES.put("cuts", r -> RepeatedCuts.defaults().rules(r));
        DISCOVERIES.put("cuts-maskcut", r -> RepeatedCuts.defaults().side(RepeatedCuts.Side.LARGEST_ENTRY).rules(r));
        DISCOVERIES.put("cuts-nostop", r -> RepeatedCuts.defaults().minEigengap(0).maxNcut(2).minContrast(-1).maxBoxOverlap(1)
                .rules(r));
    }

    static final List<String> NAMES;

    static {
        List<String> n = new ArrayList<>(DISCOVERIES.keySet());
        n.add(0, "mask-components");
        NAMES = List.copyOf(n);
    }

    private ObjectVariants() {
    }

    static Variant get(String spec) {
        String[] parts = spec.split(":");
        if (parts[0].equals("mask-components")) {
            // The baseline: the 8-connected components (>= 1 % of the image) of the default mask.
            return new Variant(null, s -> {
                ObjectMatching.ObjectLabels c = ObjectMatching.components(s.mask(), s.width(), s.height(),
                        ObjectMatching.MIN_AREA_SHARE);
                List<byte[]> out = new ArrayList<>();
                for (int k = 1; k <= c.count(); k++) {
                    byte[] m = new byte[c.labels().length];
                    for (int i = 0; i < m.length; i++) {
                        m[i] = c.labels()[i] == k ? (byte) 1 : 0;
                    }
                    out.add(m);
                }
                return out;
            });
        }
        boolean all = parts[0].startsWith("all-");
        String base = all ? parts[0].substring(4) : parts[0];
        Function<DiscoveryRules, ObjectDiscovery> make = DISCOVERIES.get(base);
        if (make == null) {
            throw new IllegalArgumentException("unknown object variant '" + parts[0] + "'; known: " + NAMES);
        }
        DiscoveryRules rules = DiscoveryRules.defaults();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.equals("greedy") || p.equals("bestset")) {
                rules = rules.bestSet(p.equals("bestset"));
                continue;
            }
            double v = Double.parseDouble(p.substring(1));
            rules = switch (p.charAt(0)) {
                case 's' -> rules.minScore(v);
                case 'e' -> rules.minExtraScore(v);
                case 'o' -> rules.maxOverlap(v);
                case 'n' -> rules.maxObjects((int) v);
                case 'f' -> rules.splitScore(v);
                case 'c' -> rules.splitCover(v);
                default -> throw new IllegalArgumentException("unknown rule override '" + p + "' in " + spec);
            };
        }
        ObjectDiscovery d = make.apply(rules);
        if (all) {
            // Every candidate of at least the minimum area as a prediction: the recall an ideal selection could reach.
            return new Variant(d, s -> {
                List<byte[]> out = new ArrayList<>();
                long min = (long) Math.ceil(ObjectMatching.MIN_AREA_SHARE * s.width() * s.height());
                for (var c : d.candidates(ObjectStudy.input(s))) {
                    if (c.area() >= min) {
                        out.add(ObjectStudy.mask(s, c.regions()));
                    }
                }
                return out;
            });
        }
        return new Variant(d, s -> ObjectStudy.masks(d.discover(ObjectStudy.input(s))));
    }
}
