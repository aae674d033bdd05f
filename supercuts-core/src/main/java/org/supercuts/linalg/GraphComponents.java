package org.supercuts.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connected components of an affinity graph (an edge is a non-zero off-diagonal weight), ordered by size descending, ties
 * by smallest member; an isolated node is a component of its own.
 *
 * <p>Thread safety: immutable after construction.
 */
public final class GraphComponents {
    private final int[] label;
    private final int[][] members;

    private GraphComponents(int[] label, int[][] members) {
        this.label = label;
        this.members = members;
    }

    /** The connected components of the graph of the non-zero entries of {@code w}. */
    public static GraphComponents of(AffinityOperator w) {
        int n = w.size();
        int[] raw = new int[n];
        Arrays.fill(raw, -1);
        int[] stack = new int[n];
        List<int[]> found = new ArrayList<>();
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (raw[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            raw[s] = count;
            int size = 0;
            int[] buffer = new int[16];
            while (top > 0) {
                int i = stack[--top];
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, size * 2);
                }
                buffer[size++] = i;
                if (w instanceof SparseAffinity sparse) {
                    // The same visit order as the visitor below, without a call per entry.
                    for (int e = sparse.rowStart(i), end = sparse.rowStart(i + 1); e < end; e++) {
                        int j = sparse.column(e);
                        if (raw[j] < 0) {
                            raw[j] = count;
                            stack[top++] = j;
                        }
                    }
                    continue;
                }
                final int comp = count;
                final int[] topRef = {top};
                w.forEachInRow(i, (j, v) -> {
                    if (raw[j] < 0) {
                        raw[j] = comp;
                        stack[topRef[0]++] = j;
                    }
                });
                top = topRef[0];
            }
            int[] m = Arrays.copyOf(buffer, size);
            Arrays.sort(m);
            found.add(m);
            count++;
        }
        // Largest first, ties by smallest member (the discovery order, which is by smallest member).
        Integer[] order = new Integer[count];
        for (int c = 0; c < count; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(found.get(b).length, found.get(a).length);
            return c != 0 ? c : Integer.compare(found.get(a)[0], found.get(b)[0]);
        });
        int[][] members = new int[count][];
        int[] label = new int[n];
        for (int r = 0; r < count; r++) {
            members[r] = found.get(order[r]);
            for (int i : members[r]) {
                label[i] = r;
            }
        }
        return new GraphComponents(label, members);
    }

    /** Number of components. */
    public int count() {
        return members.length;
    }

    /** The component of each node (a copy). */
    public int[] labels() {
        return label.clone();
    }

    /** The component of {@code node}. */
    public int label(int node) {
        return label[node];
    }

    /** The nodes of {@code component}, ascending. */
    public int[] members(int component) {
        return members[component];
    }
}
