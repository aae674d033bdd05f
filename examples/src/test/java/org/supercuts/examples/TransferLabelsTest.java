package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.supercuts.image.Masks;
import org.supercuts.retrieval.TransferResult;

class TransferLabelsTest {
    @Test
    void theNewImageGetsItsRedDiscAndNotItsBlueSquare() throws IOException {
        TransferLabels.Scene query = TransferLabels.scene(84, 40, 20, 56, new float[] {0.45f, 0.50f, 0.58f}, 4);
        TransferLabels.Result r = TransferLabels.run(TransferLabels.annotated(), query, 10, Fixtures.OUT);

        assertThat(r.index().imageIds()).containsExactly("shapes-1", "shapes-2", "shapes-3");
        assertThat(r.index().labelledCount()).isEqualTo(r.index().size()).isPositive();
        byte[] mask = r.mask();
        int inter = 0;
        int union = 0;
        int onSquare = 0;
        for (int i = 0; i < mask.length; i++) {
            boolean truth = query.disc()[i] != 0;
            boolean fg = mask[i] != 0;
            inter += truth && fg ? 1 : 0;
            union += truth || fg ? 1 : 0;
            onSquare += query.square()[i] != 0 && fg ? 1 : 0;
        }
        // Superpixels along the disc's rim mix red and backdrop, so the mask follows the disc up to them.
        assertThat(inter / (double) union).as("IoU of the transferred mask with the disc").isGreaterThan(0.8);
        assertThat(onSquare).as("pixels of the blue square marked foreground").isZero();

        // The segment under the disc's centre: every one of its 10 neighbours is an annotated disc segment.
        assertThat(r.transfer().share(r.explained(), TransferResult.FOREGROUND)).isEqualTo(1.0);
        assertThat(r.explanation()).hasSize(10).allSatisfy(line -> assertThat(line).startsWith("shapes-").contains("label 1,"));
        for (int e : r.transfer().neighbours(r.explained()).entries()) {
            assertThat(r.index().label(e)).isEqualTo(1);
        }
        assertThat(Masks.count(mask)).isPositive();
        assertThat(Fixtures.OUT.resolve("transfer-labels-soft.png")).exists();
    }
}
