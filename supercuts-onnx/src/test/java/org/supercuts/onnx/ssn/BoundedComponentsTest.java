package org.supercuts.onnx.ssn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedComponentsTest {
    @Test
    void cutsLargePiecesIntoBreadthFirstChunks() {
        // one 4x3 label (12 pixels) and a separate label on the last column
        int[] labels = {
            0, 0, 0, 0, 1,
            0, 0, 0, 0, 1,
            0, 0, 0, 0, 1};
        int[] out = BoundedComponents.split(labels, 5, 3, 5);
        // BFS from the first unvisited pixel in raster order, neighbours left, right, up, down, capped at 5 pixels
        assertThat(out).containsExactly(
                0, 0, 0, 1, 2,
                0, 0, 1, 1, 2,
                3, 3, 1, 1, 2);
    }

    @Test
    void separatesDisconnectedPiecesOfOneLabelAndKeepsSmallOnesWhole() {
        int[] labels = {
            7, 7, 3, 7,
            7, 3, 3, 7};
        int[] out = BoundedComponents.split(labels, 4, 2, 100);
        assertThat(out).containsExactly(
                0, 0, 1, 2,
                0, 1, 1, 2);
    }
}
