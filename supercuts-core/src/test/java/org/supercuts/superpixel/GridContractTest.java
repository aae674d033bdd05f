package org.supercuts.superpixel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supercuts.image.PlanarImage;

class GridContractTest extends SuperpixelizerContract {
    @Override
    protected Superpixelizer create(int k) {
        return Grid.cells(k);
    }

    @Test
    void cellsAreSquaresOfTheExpectedSide() {
        var labels = Grid.cells(12).segment(PlanarImage.wrap(40, 30, new float[1200]));
        // side = round(sqrt(1200 / 12)) = 10: a 4 x 3 grid of 10x10 cells.
        assertThat(labels.count()).isEqualTo(12);
        assertThat(labels.label(9, 9)).isEqualTo(0);
        assertThat(labels.label(10, 9)).isEqualTo(1);
        assertThat(labels.label(0, 10)).isEqualTo(4);
        assertThat(labels.sizes()).containsOnly(100);
    }
}
