package org.supercuts.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContourMergingTest extends HierarchyBuilderContract {
    @Override
    protected HierarchyBuilder create() {
        return ContourMerging.defaults();
    }

    @Test
    void theStrongContourIsTheLastMergeAndItsHeightFollowsTheScale() {
        MergeTree t = ContourMerging.defaults().build(input(twoHalves(), grid()));
        assertThat(t.mergeCount()).isEqualTo(23);
        // Inside the halves the colour hardly changes: merges away from the contour are low (the wide baselines see the
        // contour from boundaries up to 4 pixels from it), and the last merge, the highest, joins the halves.
        int low = 0;
        for (int i = 0; i < 22; i++) {
            low += t.height(i) < 0.2 ? 1 : 0;
        }
        assertThat(low).isGreaterThanOrEqualTo(12);
        assertThat(t.height(22)).isGreaterThan(0.7);
        assertThat(t.cutWithSegments(2).regionLabels()[0]).isNotEqualTo(t.cutWithSegments(2).regionLabels()[5]);
        MergeTree wide = ContourMerging.defaults().heightScale(1000).build(input(twoHalves(), grid()));
        assertThat(wide.height(22)).isLessThan(t.height(22));
    }

    @Test
    void extraPixelFeaturesSeparateWhatColourCannot() {
        // A uniform image: colour gives no contour; a feature plane that steps at x = 8 does.
        float[][] p = new float[3][W * H];
        float[] feature = new float[W * H];
        for (int i = 0; i < W * H; i++) {
            p[0][i] = 0.5f;
            p[1][i] = 0.5f;
            p[2][i] = 0.5f;
            feature[i] = i % W < 8 ? 0 : 50;
        }
        var image = org.supercuts.image.PlanarImage.wrap(W, H, p);
        HierarchyInput in = HierarchyBuilderContract.input(image, grid()).withPixelFeatures(new float[][] {feature});
        Hierarchy h = Hierarchy.of(grid(), ContourMerging.defaults().featureWeights(1, 1).build(in));
        var two = h.atSegments(2).labels();
        for (int x = 0; x < W; x++) {
            assertThat(two.label(x, 5)).isEqualTo(x < 8 ? two.label(0, 0) : two.label(W - 1, 0));
        }
    }

    @Test
    void theTextureCueSeparatesTwoTexturesOfTheSameMeanColour() {
        // Left half horizontal, right half vertical stripes two pixels wide, of the same two greys: every 4 x 4 superpixel
        // has the same mean colour, only the orientation of the texture differs (|dL/dx| is 0 on horizontal stripes).
        float[][] p = new float[3][W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean dark = x < W / 2 ? y / 2 % 2 == 0 : x / 2 % 2 == 0;
                for (int c = 0; c < 3; c++) {
                    p[c][y * W + x] = dark ? 0.3f : 0.7f;
                }
            }
        }
        var image = org.supercuts.image.PlanarImage.wrap(W, H, p);
        Hierarchy h = Hierarchy.of(grid(), ContourMerging.defaults().texture(0, 2).build(input(image, grid())));
        var two = h.atSegments(2).labels();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertThat(two.label(x, y)).as("pixel %d,%d", x, y)
                        .isEqualTo(x < W / 2 ? two.label(0, 0) : two.label(W - 1, 0));
            }
        }
        assertThat(two.label(0, 0)).isNotEqualTo(two.label(W - 1, 0));
    }

    @Test
    void texturePlanesAreZeroOnFlatColourAndOrientedOnStripes() {
        int w = 12;
        int h = 10;
        float[] flat = new float[w * h];
        java.util.Arrays.fill(flat, 40);
        for (float[] plane : TexturePlanes.of(flat, w, h)) {
            for (float v : plane) {
                assertThat((double) v).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
        float[] stripes = new float[w * h];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = (i % w) / 2 % 2 == 0 ? 30 : 70;
        }
        float[][] t = TexturePlanes.of(stripes, w, h);
        int centre = 5 * w + 6;
        // Vertical stripes two pixels wide: every horizontal central difference is 40 / 2, every vertical one 0.
        assertThat(t[0][centre]).isEqualTo(20f);
        assertThat(t[1][centre]).isEqualTo(0f);
        // A 5 x 5 box holds 3 columns of one grey and 2 of the other: std = 40 * sqrt(6) / 5.
        assertThat((double) t[2][centre]).isCloseTo(40 * Math.sqrt(6) / 5, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void thePerimeterPriorScalesAPairByTheShareOfBoundaryItDoesNotHold() {
        // Four quadrants of 8 x 8 pixels: each shares half of its inner perimeter (16) with each of its two neighbours, so
        // the first merge's dissimilarity is multiplied by 1 + p * (1 - 1/2).
        int side = 16;
        int[] l = new int[side * side];
        float[][] p = new float[3][side * side];
        float[] grey = {0.2f, 0.4f, 0.6f, 0.9f};
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int q = (y < side / 2 ? 0 : 2) + (x < side / 2 ? 0 : 1);
                l[y * side + x] = q;
                for (int c = 0; c < 3; c++) {
                    p[c][y * side + x] = grey[q];
                }
            }
        }
        var labels = org.supercuts.image.LabelMap.of(side, side, l);
        HierarchyInput in = input(org.supercuts.image.PlanarImage.wrap(side, side, p), labels);
        double h0 = ContourMerging.defaults().perimeterWeight(0).build(in).height(0);
        double h1 = ContourMerging.defaults().perimeterWeight(1).build(in).height(0);
        double d0 = 10 * h0 / (1 - h0);
        assertThat(h1).isCloseTo(1.5 * d0 / (1.5 * d0 + 10), org.assertj.core.data.Offset.offset(1e-9));
        // Two halves share all of their inner perimeters: the prior leaves them alone.
        HierarchyInput halves = input(twoHalves(), org.supercuts.image.LabelMap.of(W, H, halvesLabels()));
        assertThat(ContourMerging.defaults().perimeterWeight(1).build(halves).height(0))
                .isEqualTo(ContourMerging.defaults().perimeterWeight(0).build(halves).height(0));
    }

    private static int[] halvesLabels() {
        int[] l = new int[W * H];
        for (int i = 0; i < l.length; i++) {
            l[i] = i % W < W / 2 ? 0 : 1;
        }
        return l;
    }

    @Test
    void badSettingsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> ContourMerging.defaults().smallRegion(1)).hasMessageContaining("smallRegion");
        assertThatThrownBy(() -> ContourMerging.defaults().heightScale(0)).hasMessageContaining("heightScale");
        assertThatThrownBy(() -> ContourMerging.defaults().regionWeight(-1)).hasMessageContaining("regionWeight");
        assertThatThrownBy(() -> ContourMerging.defaults().contourWeights(1, Double.NaN, 0, 0)).hasMessageContaining("contour weight 1");
        assertThatThrownBy(() -> ContourMerging.defaults().texture(-1, 0)).hasMessageContaining("textureContourWeight");
        assertThatThrownBy(() -> ContourMerging.defaults().texture(0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("textureRegionWeight");
        assertThatThrownBy(() -> ContourMerging.defaults().perimeterWeight(1.5))
                .hasMessageContaining("perimeterWeight must be in [0, 1], got 1.5");
    }
}
