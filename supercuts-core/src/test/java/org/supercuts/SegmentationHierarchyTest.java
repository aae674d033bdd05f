package org.supercuts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.supercuts.hierarchy.Hierarchy;
import org.supercuts.hierarchy.Level;
import org.supercuts.image.PlanarImage;
import org.supercuts.superpixel.Slic;

class SegmentationHierarchyTest {
    /** A 64 x 48 image: a blue disc on an orange ground, a faint ramp. */
    private static PlanarImage disc() {
        float[][] p = new float[3][64 * 48];
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int i = y * 64 + x;
                boolean in = (x - 30) * (x - 30) + (y - 24) * (y - 24) < 15 * 15;
                p[0][i] = in ? 0.1f : 0.9f;
                p[1][i] = in ? 0.2f : 0.5f + 0.002f * x;
                p[2][i] = in ? 0.8f : 0.1f;
            }
        }
        return PlanarImage.wrap(64, 48, p);
    }

    @Test
    void theDefaultPipelineGivesAHierarchyOnDemandWithoutChangingTheMask() {
        Pipeline p = SuperCuts.pipeline().superpixels(Slic.segments(60)).build();
        Segmentation s = p.segment(disc());
        Hierarchy h = s.hierarchy();
        assertThat(s.hierarchy()).isSameAs(h);
        assertThat(h.superpixels()).isEqualTo(s.superpixels());
        Level two = h.atSegments(2);
        assertThat(two.segments()).isEqualTo(2);
        // The disc is one of the two segments: its centre and a corner differ.
        assertThat(two.labels().label(30, 24)).isNotEqualTo(two.labels().label(1, 1));
        assertThat(p.provenance().stages()).containsKey("hierarchy");
        Segmentation without = p.toBuilder().hierarchy(null).build().segment(disc());
        assertThat(without.mask()).isEqualTo(s.mask());
        assertThatThrownBy(without::hierarchy).isInstanceOf(IllegalStateException.class).hasMessageContaining("hierarchy builder");
    }
}
