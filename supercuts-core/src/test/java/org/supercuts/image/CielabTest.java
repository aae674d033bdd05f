package org.supercuts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CielabTest {
    @Test
    void knownValues() {
        double[] lab = new double[3];
        Cielab.fromSrgb(1, 1, 1, lab);
        assertThat(lab[0]).isCloseTo(100, within(1e-3));
        assertThat(lab[1]).isCloseTo(0, within(1e-2));
        assertThat(lab[2]).isCloseTo(0, within(1e-2));
        // Pure sRGB red: L* 53.24, a* 80.09, b* 67.20 (standard D65 values).
        Cielab.fromSrgb(1, 0, 0, lab);
        assertThat(lab[0]).isCloseTo(53.24, within(0.02));
        assertThat(lab[1]).isCloseTo(80.09, within(0.05));
        assertThat(lab[2]).isCloseTo(67.20, within(0.05));
        Cielab.fromSrgb(0, 0, 0, lab);
        assertThat(lab[0]).isCloseTo(0, within(1e-9));
    }
}
