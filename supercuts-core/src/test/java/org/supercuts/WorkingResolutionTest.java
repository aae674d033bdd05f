package org.supercuts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.objects.DiscoveredObject;

class WorkingResolutionTest {

    @Test
    void workingFactorIsTheSmallestThatFits() {
        assertThat(Pipeline.workingFactor(400, 300, Pipeline.DEFAULT_WORKING_PIXELS)).isEqualTo(1);
        assertThat(Pipeline.workingFactor(1024, 1024, Pipeline.DEFAULT_WORKING_PIXELS)).isEqualTo(1);
        assertThat(Pipeline.workingFactor(1025, 1024, Pipeline.DEFAULT_WORKING_PIXELS)).isEqualTo(2);
        // 6000 x 4000: factor 5 gives 1200 x 800 = 960 000 pixels; factor 4 would give 1500 x 1000.
        assertThat(Pipeline.workingFactor(6000, 4000, Pipeline.DEFAULT_WORKING_PIXELS)).isEqualTo(5);
        assertThat(Pipeline.workingFactor(160, 120, 1000)).isEqualTo(5); // 32 x 24 = 768; factor 4: 40 x 30 = 1200
        assertThatThrownBy(() -> Pipeline.workingFactor(10, 10, 0)).hasMessageContaining("maxPixels");
        assertThatThrownBy(() -> SuperCuts.pipeline().workingResolution(10).build())
                .hasMessageContaining("workingResolution").hasMessageContaining("10");
    }

    @Test
    void imagesWithinTheWorkingResolutionAreSegmentedAsTheyAre() {
        PlanarImage image = PipelineEndToEndTest.syntheticObject(new byte[160 * 120]);
        Segmentation byDefault = SuperCuts.pipeline().build().segment(image);
        Segmentation full = SuperCuts.pipeline().workingResolution(Integer.MAX_VALUE).build().segment(image);
        assertThat(byDefault.workingFactor()).isEqualTo(1);
        assertThat(byDefault.workingImage()).isEmpty();
        assertThat(byDefault.mask()).isEqualTo(full.mask());
        assertThat(byDefault.softMask()).isEqualTo(full.softMask());
        assertThat(byDefault.superpixels()).isEqualTo(full.superpixels());
    }

    @Test
    void largerImagesAreSegmentedReducedAndTheirMasksUpsampledToFullResolution() {
        byte[] truth = new byte[160 * 120];
        PlanarImage image = PipelineEndToEndTest.syntheticObject(truth);
        Segmentation full = SuperCuts.pipeline().workingResolution(Integer.MAX_VALUE).build().segment(image);
        // 160 x 120 = 19 200 pixels; at most 6000 gives factor 2 (80 x 60 = 4800).
        Segmentation reduced = SuperCuts.pipeline().workingResolution(6000).build().segment(image);
        assertThat(reduced.workingFactor()).isEqualTo(2);
        assertThat(reduced.width()).isEqualTo(160);
        assertThat(reduced.height()).isEqualTo(120);
        assertThat(reduced.mask()).hasSize(160 * 120);
        assertThat(reduced.superpixels().width()).isEqualTo(80);
        assertThat(reduced.superpixels().height()).isEqualTo(60);
        assertThat(reduced.workingImage()).get().extracting(PlanarImage::width).isEqualTo(80);
        assertThat(reduced.timingsMillis()).containsKeys("downsample", "superpixels", "upsample", "total");
        // The object is found at either resolution, and the upsampled mask follows the ellipse's outline at full
        // resolution (the guided filter puts the edge back where the image has it).
        assertThat(PipelineEndToEndTest.iou(full.mask(), truth)).isGreaterThan(0.9);
        assertThat(PipelineEndToEndTest.iou(reduced.mask(), truth)).isGreaterThan(0.9);
        assertThat(reduced.box()).isPresent();
    }

    @Test
    void objectsAndTheHierarchyOfAReducedImageAreInTheRightPixels() {
        byte[] truth = new byte[160 * 120];
        PlanarImage image = PipelineEndToEndTest.syntheticObject(truth);
        Segmentation reduced = SuperCuts.pipeline().workingResolution(6000).objects(Presets.objectDiscovery()).build()
                .segment(image);
        assertThat(reduced.workingFactor()).isEqualTo(2);
        // Objects are in the image's own pixels, like the mask: their label map, masks and boxes are full size.
        assertThat(reduced.objects()).isNotEmpty();
        LabelMap objects = reduced.objectSet().objectLabels();
        assertThat(objects.width()).isEqualTo(160);
        assertThat(objects.height()).isEqualTo(120);
        DiscoveredObject first = reduced.objects().get(0);
        assertThat(first.mask()).hasSize(160 * 120);
        assertThat(PipelineEndToEndTest.iou(first.mask(), truth)).isGreaterThan(0.8);
        assertThat(first.box().x1()).isLessThanOrEqualTo(160);
        assertThat(first.box().x1() - first.box().x0()).isGreaterThan(40); // the ellipse spans more than half the width
        // The hierarchy labels the working image, like the superpixels.
        assertThat(reduced.hierarchy().atSegments(2).labels().width()).isEqualTo(80);
    }

    @Test
    void labelMapsEnlargeByReplicationToTheSizeTheyWereReducedFrom() {
        LabelMap small = LabelMap.of(2, 2, new int[] {0, 1, 2, 3});
        LabelMap big = small.upsample(2, 3, 4);
        assertThat(big.backingArray()).containsExactly(0, 0, 1, 0, 0, 1, 2, 2, 3, 2, 2, 3);
        assertThat(big.count()).isEqualTo(4);
        assertThat(small.upsample(1, 2, 2)).isSameAs(small);
        assertThatThrownBy(() -> small.upsample(2, 5, 4)).hasMessageContaining("factor 2").hasMessageContaining("5x4");
    }
}
