package org.supercuts.linalg;

import java.util.Objects;

/**
 * Small checks and helpers on node index sets.
 *
 * <p>Thread safety: stateless.
 */
final class Nodes {
    private Nodes() {
    }

    /** Checks that {@code nodes} is non-empty, strictly ascending and inside [0, n). */
    static void checkSubset(int[] nodes, int n) {
        Objects.requireNonNull(nodes, "nodes");
        if (nodes.length == 0) {
            throw new IllegalArgumentException("nodes must not be empty");
        }
        for (int a = 0; a < nodes.length; a++) {
            if (nodes[a] < 0 || nodes[a] >= n) {
                throw new IllegalArgumentException("nodes[" + a + "] = " + nodes[a] + " is outside [0, " + n + ")");
            }
            if (a > 0 && nodes[a] <= nodes[a - 1]) {
                throw new IllegalArgumentException("nodes must be strictly ascending, got " + nodes[a - 1] + " then " + nodes[a]);
            }
        }
    }
}
