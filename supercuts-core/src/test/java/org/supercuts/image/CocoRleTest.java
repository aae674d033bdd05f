package org.supercuts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CocoRleTest {

    @Test
    void runsGoDownColumnsAndStartWithBackground() {
        // 3 wide, 2 high:  0 1 1 / 0 1 0  -> column-major 0 0 | 1 1 | 1 0 -> runs 2, 3, 1
        byte[] mask = {0, 1, 1, 0, 1, 0};
        CocoRle rle = CocoRle.encode(mask, 3, 2);
        assertThat(rle.counts()).containsExactly(2, 3, 1);
        assertThat(rle.compressedCounts()).isEqualTo("231");
        assertThat(rle.area()).isEqualTo(3);
        assertThat(rle.decode()).containsExactly(mask);
    }

    @Test
    void foregroundInTheFirstPixelGivesAnEmptyFirstRun() {
        CocoRle rle = CocoRle.encode(new byte[] {1, 1, 1, 1}, 2, 2);
        assertThat(rle.counts()).containsExactly(0, 4);
        assertThat(rle.compressedCounts()).isEqualTo("04");
    }

    @Test
    void compressedFormStoresDifferencesInFiveBitGroups() {
        // Worked by hand from the format: runs 0, 1, 40, 1, 3.
        // 40 -> low 5 bits 8 with the continuation bit (8 + 32 + 48 = 'X'), then 1 ('1');
        // run 3 (index 3) stores 1 - 1 = 0 ('0'); run 4 stores 3 - 40 = -37 -> groups 27 with continuation ('k'), then
        // 30 whose bit 4 marks the sign ('N').
        CocoRle rle = CocoRle.fromCompressed(5, 9, "01X10kN");
        assertThat(rle.counts()).containsExactly(0, 1, 40, 1, 3);
        assertThat(rle.compressedCounts()).isEqualTo("01X10kN");
        assertThat(rle.area()).isEqualTo(2);
        byte[] mask = rle.decode();
        assertThat(mask[0]).isEqualTo((byte) 1); // pixel 0 of column 0 is the first foreground run
        assertThat(mask[4 * 9 + 8]).isEqualTo((byte) 0);
        assertThat(CocoRle.encode(mask, 9, 5)).isEqualTo(rle);
    }

    @Test
    void roundTripsRandomMasks() {
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < 200; t++) {
            int w = 1 + r.nextInt(40);
            int h = 1 + r.nextInt(40);
            byte[] mask = new byte[w * h];
            double p = r.nextDouble();
            for (int i = 0; i < mask.length; i++) {
                mask[i] = r.nextDouble() < p ? (byte) 1 : 0;
            }
            CocoRle rle = CocoRle.encode(mask, w, h);
            assertThat(rle.decode()).containsExactly(mask);
            assertThat(CocoRle.fromCompressed(h, w, rle.compressedCounts())).isEqualTo(rle);
            assertThat(rle.area()).isEqualTo(Masks.count(mask));
        }
    }

    @Test
    void malformedInputIsRefusedWithTheRule() {
        assertThatThrownBy(() -> CocoRle.fromCompressed(2, 2, "3")).hasMessageContaining("add up to 3 pixels")
                .hasMessageContaining("height*width=4");
        assertThatThrownBy(() -> CocoRle.fromCompressed(2, 2, "X")).hasMessageContaining("end inside a number");
        assertThatThrownBy(() -> CocoRle.fromCompressed(2, 2, "~")).hasMessageContaining("'~'");
        assertThatThrownBy(() -> CocoRle.encode(new byte[3], 2, 2)).hasMessageContaining("width*height=4");
        assertThatThrownBy(() -> CocoRle.encode(new byte[0], 0, 0)).hasMessageContaining("at least 1x1");
    }
}
