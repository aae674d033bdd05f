package org.supercuts.objects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects a generator's candidates, scoring each distinct region set once (the first source that produced it names it).
 *
 * <p>Thread safety: not thread-safe; one per {@code candidates} call.
 */
final class CandidatePool {
    private record Key(int[] regions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(regions, k.regions);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(regions);
        }
    }

    private final Scene scene;
    private final DiscoveryRules rules;
    private final Set<Key> seen = new HashSet<>();
    private final List<ObjectCandidate> candidates = new ArrayList<>();

    CandidatePool(Scene scene, DiscoveryRules rules) {
        this.scene = scene;
        this.rules = rules;
    }

    /** Adds a sorted region set unless it is empty or already in. */
    void add(int[] regions, String source) {
        if (regions.length > 0 && seen.add(new Key(regions))) {
            candidates.add(CandidateSelection.candidate(scene, regions, rules.objectness(), source));
        }
    }

    List<ObjectCandidate> candidates() {
        return candidates;
    }
}
