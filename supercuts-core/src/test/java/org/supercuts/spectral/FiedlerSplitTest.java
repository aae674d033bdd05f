package org.supercuts.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The vertex order of a Fiedler sweep (moved here from the shift-invert solver's test when the packages were split). */
class FiedlerSplitTest {

    @Test
    void orderDescendingBreaksTiesByIndex() {
        double[] v = {0.5, -1, 0.5, 2, -1, 0.5, 0};
        assertThat(FiedlerSplit.orderDescending(v)).containsExactly(3, 0, 2, 5, 6, 1, 4);
        SplittableRandom r = new SplittableRandom(4);
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(50) / 7.0;
        }
        Integer[] boxed = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = Double.compare(x[b], x[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        assertThat(FiedlerSplit.orderDescending(x)).containsExactly(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
    }
}
