package org.supercuts.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

class ColourDistributionTest {
    /**
     * An 8x8 grid of 10-pixel blocks: a red 2x2 object in the top-left quadrant (off-centre, so no centre prior can
     * explain the result), four blue blocks, as many pixels as the object, one in each corner (a colour as rare as the
     * object's but spread over the whole image), grey elsewhere.
     */
    private static RegionGraph scene() {
        int n = 80;
        float[] r = new float[n * n];
        float[] g = new float[n * n];
        float[] b = new float[n * n];
        int[] labels = new int[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int i = y * n + x;
                int bx = x / 10;
                int by = y / 10;
                labels[i] = by * 8 + bx;
                float[] c = switch (kind(by * 8 + bx)) {
                    case 1 -> new float[] {0.9f, 0.1f, 0.1f};
                    case 2 -> new float[] {0.1f, 0.2f, 0.9f};
                    default -> new float[] {0.5f, 0.5f, 0.5f};
                };
                r[i] = c[0];
                g[i] = c[1];
                b[i] = c[2];
            }
        }
        return RegionGraph.build(PlanarImage.wrap(n, n, r, g, b), LabelMap.of(n, n, labels));
    }

    /** 1 = object, 2 = spread blue, 0 = grey. */
    private static int kind(int region) {
        int bx = region % 8;
        int by = region / 8;
        if (bx >= 1 && bx <= 2 && by >= 1 && by <= 2) {
            return 1;
        }
        return (bx == 0 || bx == 7) && (by == 0 || by == 7) ? 2 : 0;
    }

    @Test
    void compactColourOutranksAnEquallyRareButSpreadColour() {
        RegionGraph g = scene();
        double[] s = ColourDistribution.defaults().sigma(0.07).foreground(new ObjectSelector.Input(g, null, null, null));
        double minObject = 1;
        double minGrey = 1;
        double maxGrey = 0;
        double maxBlue = 0;
        for (int r = 0; r < g.regionCount(); r++) {
            assertThat(s[r]).isBetween(0.0, 1.0);
            switch (kind(r)) {
                case 1 -> minObject = Math.min(minObject, s[r]);
                case 2 -> maxBlue = Math.max(maxBlue, s[r]);
                default -> {
                    minGrey = Math.min(minGrey, s[r]);
                    maxGrey = Math.max(maxGrey, s[r]);
                }
            }
        }
        // Ranked by how far each colour spreads: the compact object first, the grey that covers the image next, the blue
        // that sits in all four corners (as rare as the object) last.
        assertThat(minObject).isEqualTo(1.0);
        assertThat(maxGrey).isLessThan(minObject - 0.2);
        assertThat(maxBlue).isEqualTo(0.0).isLessThan(minGrey);
    }

    @Test
    void badSigmaIsRejectedByName() {
        assertThatThrownBy(() -> ColourDistribution.defaults().sigma(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma").hasMessageContaining("> 0");
        assertThatThrownBy(() -> ColourDistribution.defaults().sigma(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
