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
    void badSettingsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> ContourMerging.defaults().smallRegion(1)).hasMessageContaining("smallRegion");
        assertThatThrownBy(() -> ContourMerging.defaults().heightScale(0)).hasMessageContaining("heightScale");
        assertThatThrownBy(() -> ContourMerging.defaults().regionWeight(-1)).hasMessageContaining("regionWeight");
        assertThatThrownBy(() -> ContourMerging.defaults().contourWeights(1, Double.NaN, 0, 0)).hasMessageContaining("contour weight 1");
    }
}
