package org.supercuts.onnx.dino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.TestModels;
import org.supercuts.onnx.dino.DinoRegionFeatures.Upsampling;

/** Pooling of patch features onto regions, on constructed feature maps with known answers. */
class DinoRegionFeaturesTest {

    /** A 4x2 grid of patch size 4 over a 16x8 image (no resampling); feature of patch (gx, gy) = (gx, 10 gy + 1). */
    private static PatchFeatures linearGrid(int imageW, int imageH, double scale) {
        PatchGeometry g = new PatchGeometry(imageW, imageH, 16, 8, 4, scale, scale, 0, 0);
        float[] f = new float[8 * 2];
        for (int gy = 0; gy < 2; gy++) {
            for (int gx = 0; gx < 4; gx++) {
                f[(gy * 4 + gx) * 2] = gx;
                f[(gy * 4 + gx) * 2 + 1] = 10 * gy + 1;
            }
        }
        return new PatchFeatures(g, FeatureKind.KEYS, 2, f, 0, null);
    }

    private static LabelMap split(int w, int h, int leftWidth) {
        int[] l = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = leftWidth; x < w; x++) {
                l[y * w + x] = 1;
            }
        }
        return LabelMap.of(w, h, l);
    }

    @Test
    void nearestGivesExactAreaWeightedMeansOfTwoRegions() {
        PatchFeatures f = linearGrid(16, 8, 1);
        // Aligned with the patches: left region = patch columns 0 and 1, both rows.
        RegionFeatures r = DinoRegionFeatures.pool(f, split(16, 8, 8), Upsampling.NEAREST, false);
        assertThat(r.regions()).isEqualTo(2);
        assertThat(r.row(0)).containsExactly(0.5, 6.0);
        assertThat(r.row(1)).containsExactly(2.5, 6.0);
        // Not aligned: the left region has 4 columns of patch 0 and 2 of patch 1 -> mean gx = (4*0 + 2*1) / 6.
        r = DinoRegionFeatures.pool(f, split(16, 8, 6), Upsampling.NEAREST, false);
        assertThat(r.get(0, 0)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.get(1, 0)).isCloseTo((2 * 1 + 4 * 2 + 4 * 3) / 10.0, within(1e-12));
        assertThat(r.get(0, 1)).isCloseTo(6.0, within(1e-12));
    }

    @Test
    void nearestFollowsTheGeometryWhenTheImageWasResized() {
        // A 32x16 image fed at 16x8: every patch covers 8x8 image pixels.
        PatchFeatures f = linearGrid(32, 16, 0.5);
        RegionFeatures r = DinoRegionFeatures.pool(f, split(32, 16, 12), Upsampling.NEAREST, false);
        // Left region: 8 columns of patch 0, 4 of patch 1.
        assertThat(r.get(0, 0)).isCloseTo(4.0 / 12, within(1e-12));
        assertThat(r.get(1, 0)).isCloseTo((4 * 1 + 8 * 2 + 8 * 3) / 20.0, within(1e-12));
    }

    @Test
    void bilinearReproducesALinearFeatureAwayFromTheBorder() {
        PatchFeatures f = linearGrid(16, 8, 1);
        RegionFeatures r = DinoRegionFeatures.pool(f, split(16, 8, 8), Upsampling.BILINEAR, false);
        // Pixel column x sits at patch coordinate x/4 - 0.375; bilinear interpolation of gx is exact inside [0, 3] and
        // clamps outside it.
        double left = 0;
        double right = 0;
        for (int x = 0; x < 16; x++) {
            double t = Math.min(3, Math.max(0, x / 4.0 - 0.375));
            if (x < 8) {
                left += t / 8;
            } else {
                right += t / 8;
            }
        }
        assertThat(r.get(0, 0)).isCloseTo(left, within(1e-12));
        assertThat(r.get(1, 0)).isCloseTo(right, within(1e-12));
        // Rows: coordinates y/4 - 0.375 clamped to [0, 1]; the second component is 10 * that + 1.
        double rows = 0;
        for (int y = 0; y < 8; y++) {
            rows += (10 * Math.min(1, Math.max(0, y / 4.0 - 0.375)) + 1) / 8;
        }
        assertThat(r.get(0, 1)).isCloseTo(rows, within(1e-12));
        assertThat(r.get(1, 1)).isCloseTo(rows, within(1e-12));
    }

    @Test
    void everyPixelRegionGetsItsOwnInterpolatedFeature() {
        // One region per pixel: the pooled feature is the pixel's own bilinear sample.
        PatchFeatures f = linearGrid(16, 8, 1);
        int[] l = new int[16 * 8];
        for (int i = 0; i < l.length; i++) {
            l[i] = i;
        }
        RegionFeatures r = DinoRegionFeatures.pool(f, LabelMap.of(16, 8, l), Upsampling.BILINEAR, false);
        assertThat(r.get(5 * 16 + 6, 0)).isCloseTo(6 / 4.0 - 0.375, within(1e-12));
        assertThat(r.get(0, 0)).isZero();
        assertThat(r.get(15, 0)).isEqualTo(3.0);
    }

    @Test
    void l2NormalisationGivesUnitVectorsInTheSameDirection() {
        PatchFeatures f = linearGrid(16, 8, 1);
        RegionFeatures raw = DinoRegionFeatures.pool(f, split(16, 8, 8), Upsampling.NEAREST, false);
        RegionFeatures unit = DinoRegionFeatures.pool(f, split(16, 8, 8), Upsampling.NEAREST, true);
        for (int r = 0; r < 2; r++) {
            double n = Math.hypot(raw.get(r, 0), raw.get(r, 1));
            assertThat(Math.hypot(unit.get(r, 0), unit.get(r, 1))).isCloseTo(1, within(1e-12));
            assertThat(unit.get(r, 0)).isCloseTo(raw.get(r, 0) / n, within(1e-12));
        }
    }

    @Test
    void labelsMustHaveTheImageSize() {
        PatchFeatures f = linearGrid(16, 8, 1);
        assertThatThrownBy(() -> DinoRegionFeatures.pool(f, split(17, 8, 8), Upsampling.NEAREST, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("17x8").hasMessageContaining("16x8");
    }

    @Test
    void extractorOnTheTinyVitMatchesPoolingItsPatchFeatures() {
        try (DinoFeatures vit = DinoFeatures.load(TestModels.path("tiny_vit_p8_64.onnx"), DinoOptions.defaults())) {
            PlanarImage image = TestModels.gradient(90, 60);
            LabelMap labels = split(90, 60, 40);
            DinoRegionFeatures extractor = new DinoRegionFeatures(vit);
            RegionFeatures r = extractor.extract(image, labels, RegionGraph.build(image, labels));
            RegionFeatures expected = DinoRegionFeatures.pool(vit.extract(image), labels, Upsampling.BILINEAR, true);
            assertThat(r.dimension()).isEqualTo(48);
            assertThat(r.backingArray()).containsExactly(expected.backingArray());
            assertThat(extractor.describe()).contains("tiny_vit_p8_64.onnx").contains("bilinear");
            // Patch-level mode: regions are the patches and nearest pooling returns each patch's own feature.
            LabelMap patches = new PatchGridSuperpixelizer(vit).segment(image);
            RegionFeatures perPatch = extractor.withUpsampling(Upsampling.NEAREST).withL2Normalize(false)
                    .extract(image, patches, RegionGraph.build(image, patches));
            PatchFeatures pf = vit.extract(image);
            assertThat(perPatch.regions()).isEqualTo(64);
            PatchGeometry g = pf.geometry();
            for (int y = 0; y < 60; y++) {
                for (int x = 0; x < 90; x++) {
                    int gx = g.patchColumn(x);
                    int gy = g.patchRow(y);
                    int region = patches.label(x, y);
                    assertThat(region).isEqualTo(gy * 8 + gx);
                    assertThat(perPatch.get(region, 7)).isCloseTo(pf.get(gx, gy, 7), within(1e-6));
                }
            }
            for (int gy = 0; gy < 8; gy++) {
                for (int gx = 0; gx < 8; gx++) {
                    float[] v = pf.vector(gx, gy);
                    for (int c = 0; c < 48; c++) {
                        assertThat(perPatch.get(gy * 8 + gx, c)).isCloseTo(v[c], within(1e-6));
                    }
                }
            }
        }
    }
}
