package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supercuts.Segmentation;

class CustomPipelineTest {
    @Test
    void changedStagesKeepTheirOtherDefaults() {
        Segmentation s = CustomPipeline.run(Fixtures.chelsea(), Fixtures.OUT);
        assertThat(s.provenance().stages().get("superpixels")).startsWith("slic(k=250,m=20.0,");
        assertThat(s.provenance().stages().get("partition")).contains("maxSegments=24").contains("solver=shift-invert");
        assertThat(s.provenance().stages().get("refine")).startsWith("guided");
        assertThat(s.levels()).hasSize(5);
        assertThat(s.superpixels().count()).isBetween(150, 350);
        assertThat(Fixtures.OUT.resolve("custom-pipeline.png")).exists();
    }
}
