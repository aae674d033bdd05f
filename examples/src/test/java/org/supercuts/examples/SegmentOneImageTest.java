package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.supercuts.Segmentation;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.Masks;

class SegmentOneImageTest {
    @Test
    void findsTheCatAndWritesTheOverlay() {
        Segmentation s = SegmentOneImage.run(Fixtures.chelsea(), Fixtures.OUT);
        assertThat(s.width()).isEqualTo(451);
        assertThat(s.superpixels().count()).isBetween(300, 500);
        // The cat fills the middle of the photo: the box holds the centre and a sizeable share of the picture.
        BoundingBox box = s.box().orElseThrow();
        assertThat(box.x0()).isLessThan(225).isGreaterThan(0);
        assertThat(box.x1()).isGreaterThan(225);
        double share = Masks.count(s.mask()) / (double) (451 * 300);
        assertThat(share).isBetween(0.1, 0.7);
        assertThat(Fixtures.OUT.resolve("segment-one-image.png")).exists();
        assertThat(Files.exists(Fixtures.OUT.resolve("segment-one-image-mask.png"))).isTrue();
    }
}
