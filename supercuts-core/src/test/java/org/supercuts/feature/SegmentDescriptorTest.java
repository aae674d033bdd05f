package org.supercuts.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/** The descriptor's layout and what its blocks respond to, on constructed images. */
class SegmentDescriptorTest {
    /** Four 16x16 quadrants of a 32x32 image: flat red, flat red (again), horizontal stripes of red, flat blue. */
    private static PlanarImage quadrants() {
        int w = 32;
        float[][] p = new float[3][w * w];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int q = (y / 16) * 2 + x / 16;
                boolean stripe = q == 2 && (y / 2) % 2 == 0;
                float[] rgb = q == 3 ? new float[] {0.1f, 0.2f, 0.8f} : stripe ? new float[] {0.4f, 0.05f, 0.05f} : new float[] {0.8f, 0.1f, 0.1f};
                for (int c = 0; c < 3; c++) {
                    p[c][i] = rgb[c];
                }
            }
        }
        return PlanarImage.wrap(w, w, p);
    }

    private static LabelMap quadrantLabels() {
        int[] l = new int[32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                l[y * 32 + x] = (y / 16) * 2 + x / 16;
            }
        }
        return LabelMap.of(32, 32, l);
    }

    private static double cos(RegionFeatures f, int a, int b) {
        double s = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < f.dimension(); j++) {
            s += f.get(a, j) * f.get(b, j);
            na += f.get(a, j) * f.get(a, j);
            nb += f.get(b, j) * f.get(b, j);
        }
        return s / Math.sqrt(na * nb);
    }

    @Test
    void blocksAreUnitLengthTimesTheSquareRootOfTheirWeight() {
        PlanarImage img = quadrants();
        LabelMap l = quadrantLabels();
        SegmentDescriptor d = SegmentDescriptor.defaults();
        RegionFeatures f = d.extract(img, l, RegionGraph.build(img, l));
        assertThat(f.dimension()).isEqualTo(52).isEqualTo(d.dimension());
        int o = 0;
        for (String b : SegmentDescriptor.BLOCKS) {
            int size = SegmentDescriptor.blockSize(b);
            double norm = 0;
            for (int j = o; j < o + size; j++) {
                norm += f.get(0, j) * f.get(0, j);
            }
            assertThat(norm).as(b).isCloseTo(d.weight(b), within(1e-9));
            o += size;
        }
    }

    @Test
    void colourAndTextureSeparateWhatTheyShould() {
        PlanarImage img = quadrants();
        LabelMap l = quadrantLabels();
        SegmentDescriptor colour = SegmentDescriptor.defaults().weight("position", 0).weight("gradient", 0).weight("orientation", 0)
                .weight("lbp", 0);
        RegionFeatures f = colour.extract(img, l, RegionGraph.build(img, l));
        assertThat(f.dimension()).isEqualTo(26);
        // The two flat red quadrants have the same colours (their borders with the other quadrants differ: texture).
        assertThat(cos(f, 0, 1)).isCloseTo(1, within(1e-9));
        // Striped red is closer to flat red than flat blue is.
        assertThat(cos(f, 0, 2)).isGreaterThan(cos(f, 0, 3));
        // Texture alone: flat red is closer to flat blue than to striped red.
        SegmentDescriptor texture = SegmentDescriptor.defaults().weight("colour", 0).weight("spread", 0).weight("histogram", 0)
                .weight("position", 0);
        RegionFeatures t = texture.extract(img, l, RegionGraph.build(img, l));
        assertThat(cos(t, 1, 3)).isGreaterThan(cos(t, 1, 2) + 0.1);
    }

    @Test
    void refusesUnknownBlocksAndAllZeroWeights() {
        assertThatThrownBy(() -> SegmentDescriptor.defaults().weight("shape", 1)).hasMessageContaining("unknown descriptor block 'shape'");
        assertThatThrownBy(() -> SegmentDescriptor.defaults().weight("lbp", -1)).hasMessageContaining("'lbp' must be finite and >= 0, got -1");
        SegmentDescriptor d = SegmentDescriptor.defaults();
        for (String b : SegmentDescriptor.BLOCKS) {
            if (!b.equals("lbp")) {
                d = d.weight(b, 0);
            }
        }
        SegmentDescriptor last = d;
        assertThatThrownBy(() -> last.weight("lbp", 0)).hasMessageContaining("every descriptor block weight is 0");
    }
}
