package org.supercuts.onnx.dino;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supercuts.image.LabelMap;
import org.supercuts.onnx.TestModels;

class PatchGridSuperpixelizerTest {

    @Test
    void labelsAreTheResizedPatchGrid() {
        try (DinoFeatures vit = DinoFeatures.load(TestModels.path("tiny_vit_p8_64.onnx"),
                DinoOptions.defaults().withResizePolicy(ResizePolicy.RESIZE_EXACT))) {
            PatchGridSuperpixelizer sp = new PatchGridSuperpixelizer(vit);
            LabelMap l = sp.segment(TestModels.gradient(100, 50));
            assertThat(l.count()).isEqualTo(64);
            // 100 / 8 = 12.5 columns and 50 / 8 = 6.25 rows per patch: pixel x is in column floor((x + 0.5) * 0.64 / 8).
            for (int y = 0; y < 50; y++) {
                for (int x = 0; x < 100; x++) {
                    int gx = (int) Math.floor((x + 0.5) * 0.64 / 8);
                    int gy = (int) Math.floor((y + 0.5) * 1.28 / 8);
                    assertThat(l.label(x, y)).isEqualTo(gy * 8 + gx);
                }
            }
            int[] sizes = l.sizes();
            int total = 0;
            for (int s : sizes) {
                assertThat(s).isBetween(12 * 6, 13 * 7);
                total += s;
            }
            assertThat(total).isEqualTo(5000);
            assertThat(sp.describe()).startsWith("patch-grid(vit(tiny_vit_p8_64.onnx,p=8");
        }
    }

    @Test
    void pixelsOutsideACentreCropJoinTheEdgePatches() {
        try (DinoFeatures vit = DinoFeatures.load(TestModels.path("tiny_vit_p8_64.onnx"),
                DinoOptions.defaults().withResizePolicy(ResizePolicy.CROP))) {
            LabelMap l = new PatchGridSuperpixelizer(vit).segment(TestModels.gradient(80, 64));
            assertThat(l.count()).isEqualTo(64);
            // Crop offset 8: columns 0..15 are in patch column 0, 72..79 in column 7.
            assertThat(l.label(0, 0)).isEqualTo(l.label(15, 0));
            assertThat(l.label(16, 0)).isEqualTo(1);
            assertThat(l.label(79, 63)).isEqualTo(63);
            assertThat(l.sizes()[0]).isEqualTo(16 * 8);
        }
    }

    @Test
    void imagesSmallerThanTheGridKeepOnlyPatchesHoldingAPixel() {
        try (DinoFeatures vit = DinoFeatures.load(TestModels.path("tiny_vit_p8_64.onnx"),
                DinoOptions.defaults().withResizePolicy(ResizePolicy.RESIZE_EXACT))) {
            PatchGridSuperpixelizer sp = new PatchGridSuperpixelizer(vit);
            assertThat(sp.segment(TestModels.gradient(3, 3)).count()).isEqualTo(9);
            assertThat(sp.segment(TestModels.gradient(1, 1)).count()).isEqualTo(1);
            LabelMap l = sp.segment(TestModels.gradient(3, 2));
            assertThat(l.labels()).containsExactly(0, 1, 2, 3, 4, 5);
        }
    }
}
