package org.supercuts;

import java.util.Map;

/**
 * Where a result came from: the library version, the description of every stage, the random seed, and the compute device
 * that actually ran (e.g. {@code "cpu"}, {@code "cuda:0"}).
 *
 * <p>Thread safety: immutable value.
 */
public record Provenance(String libraryVersion, Map<String, String> stages, long seed, String device) {
    public Provenance {
        stages = Map.copyOf(stages);
    }
}
