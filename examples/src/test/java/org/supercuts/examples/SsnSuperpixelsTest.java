package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.supercuts.Segmentation;
import org.supercuts.testing.SharedData;

class SsnSuperpixelsTest {
    @Test
    void segmentsOnSsnSuperpixelsOfTheSharedModel() {
        // Skips (with a message naming the file) when ../shared is absent, as in a user's fresh clone.
        Path model = SharedData.require("models/ssn/ssn_bsds_pixel_features.onnx");
        Segmentation s = SsnSuperpixels.run(model, 200, Fixtures.chelsea(), Fixtures.OUT);
        assertThat(s.provenance().stages().get("superpixels")).startsWith("ssn(");
        assertThat(s.superpixels().count()).isBetween(100, 300);
        assertThat(s.box()).isPresent();
        assertThat(Fixtures.OUT.resolve("ssn-overlay.png")).exists();
    }
}
