package org.supercuts.superpixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.supercuts.concurrent.BandRunner;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

class SlicRowKernelTest {

    /** A textured colour image: smooth colour ramps, a few blocks and seeded noise, so windows compete everywhere. */
    private static PlanarImage textured(int w, int h, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] planes = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean block = (x / 23 + y / 17) % 3 == 0;
                planes[0][i] = clamp((block ? 0.8f : 0.2f) + 0.3f * x / w + (float) (0.05 * random.nextGaussian()));
                planes[1][i] = clamp(0.5f + 0.3f * (float) Math.sin(y * 0.07) + (float) (0.05 * random.nextGaussian()));
                planes[2][i] = clamp((block ? 0.1f : 0.6f) + (float) (0.05 * random.nextGaussian()));
            }
        }
        return PlanarImage.wrap(w, h, planes);
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    private static int[] cluster(PlanarImage image, int k, int threads, SlicRowKernel kernel) {
        try (BandRunner runner = BandRunner.create(threads, null)) {
            return new SlicEngine(image, k, 10, 0, runner, kernel).cluster(10);
        }
    }

    @Test
    void vectorKernelGivesBitIdenticalLabelsToTheScalarLoop() {
        SlicRowKernel vector = SlicRowKernel.vectorOrNull();
        assumeTrue(vector != null, "the jdk.incubator.vector module is not in the boot layer (run with --add-modules "
                + "jdk.incubator.vector, as the build's surefire configuration does)");
        for (int[] size : new int[][] {{97, 61}, {61, 97}}) {
            PlanarImage image = textured(size[0], size[1], 5 + size[0]);
            for (int k : new int[] {7, 40, 150}) {
                for (int threads : new int[] {1, 3}) {
                    int[] scalar = cluster(image, k, threads, SlicRowKernel.scalar());
                    int[] vectored = cluster(image, k, threads, vector);
                    assertThat(vectored).as("%dx%d K=%d threads=%d", size[0], size[1], k, threads).isEqualTo(scalar);
                }
            }
        }
        assertThat(SlicRowKernel.agreesWithScalar(vector, 2_000)).isTrue();
    }

    @Test
    void theSelfCheckRejectsAKernelThatDiffers() {
        SlicRowKernel offByOne = new SlicRowKernel() {
            @Override
            void assign(float[] l, float[] a, float[] b, float[] dist, int[] label, int k, float cl, float ca, float cb,
                    float rowTerm, float[] columnTerm, int base, int count) {
                SlicRowKernel.scalar().assign(l, a, b, dist, label, k, cl, ca, cb, rowTerm, columnTerm, base,
                        Math.max(0, count - 1));
            }
        };
        assertThat(SlicRowKernel.agreesWithScalar(offByOne, 2_000)).isFalse();
        assertThat(SlicRowKernel.agreesWithScalar(SlicRowKernel.scalar(), 2_000)).isTrue();
    }

    @Test
    void theGridHasAtLeastKCellsAndSquareCellsOnAFourByThreeImage() {
        float[] flat = new float[1024 * 768];
        Arrays.fill(flat, 0.5f);
        PlanarImage image = PlanarImage.wrap(1024, 768, flat);
        try (BandRunner runner = BandRunner.create(1, null)) {
            // S = sqrt(N / K) = 88.7: 768 / S rounds to 9 rows, and ceil(100 / 9) = 12 columns of 85.3 x 85.3 pixels.
            assertThat(new SlicEngine(image, 100, 10, 0, runner).seedCount()).isEqualTo(108);
            assertThat(new SlicEngine(image, 400, 10, 0, runner).seedCount()).isEqualTo(17 * 24);
        }
        // A flat image keeps the regular grid: 108 equal cells.
        LabelMap labels = Slic.segments(100).segment(image);
        assertThat(labels.count()).isEqualTo(108);
    }
}
