package org.supercuts.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supercuts.linalg.AffinityMatrix;
import org.supercuts.image.PlanarImage;

import picocli.CommandLine;

class BenchHelpersTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Timing.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(Timing.median(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
    }

    @Test
    void measureRunsWarmupsAndRepeats() {
        int[] calls = {0};
        Timing<Integer> t = Timing.measure(2, 3, () -> ++calls[0]);
        assertThat(calls[0]).isEqualTo(5);
        assertThat(t.result()).isEqualTo(5);
        assertThat(t.timesMs()).hasSize(3).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(0));
    }

    @Test
    void patchGraphIsASymmetricClusteredAffinity() {
        int n = 400;
        double[] f = PatchGraphs.features(n, 7);
        assertThat(f).containsExactly(PatchGraphs.features(n, 7));
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < PatchGraphs.DIMENSION; j++) {
                s += f[i * PatchGraphs.DIMENSION + j] * f[i * PatchGraphs.DIMENSION + j];
            }
            assertThat(s).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
        AffinityMatrix w = PatchGraphs.clippedCosine(f, n);
        assertThat(w.get(0, 0)).isZero();
        // Patches in the same column strip share a cluster more often than patches at opposite sides of the grid.
        int cols = 20;
        double near = 0;
        double far = 0;
        for (int y = 0; y < cols; y++) {
            near += w.get(y * cols, y * cols + 1);
            far += w.get(y * cols, y * cols + cols - 1);
        }
        assertThat(near).isGreaterThan(far);
    }

    @Test
    void rawFilesRoundTripAndCheckTheirSize(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("d.f64");
        RawFiles.writeDoubles(d, new double[] {1.5, -2.25, 3e-300});
        assertThat(RawFiles.readDoubles(d, 3)).containsExactly(1.5, -2.25, 3e-300);
        Path f = dir.resolve("f.f32");
        RawFiles.writeFloats(f, new float[] {1f, 2f}, new float[] {3f});
        assertThat(RawFiles.readFloats(f, 3)).containsExactly(1f, 2f, 3f);
        assertThatThrownBy(() -> RawFiles.readFloats(f, 4)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("12 bytes, expected 16");
    }

    @Test
    void compareRejectsBadCountsNamingTheOption() {
        CompareCommand cmd = new CompareCommand();
        new CommandLine(cmd).parseArgs("--images", "0");
        assertThatThrownBy(cmd::validate).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--images")
                .hasMessageContaining("0");
        CompareCommand parts = new CompareCommand();
        new CommandLine(parts).parseArgs("--parts", "slic,fft");
        assertThatThrownBy(parts::validate).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fft");
        CompareCommand nodes = new CompareCommand();
        new CommandLine(nodes).parseArgs("--dense-nodes", "3");
        assertThatThrownBy(nodes::validate).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--dense-nodes").hasMessageContaining("got 3");
    }

    @Test
    void compareRejectsBadCliOptionsNamingTheOption() {
        CompareCommand images = new CompareCommand();
        new CommandLine(images).parseArgs("--cli-images", "0");
        assertThatThrownBy(images::validate).hasMessageContaining("--cli-images").hasMessageContaining("0");
        CompareCommand photo = new CompareCommand();
        new CommandLine(photo).parseArgs("--photo", "6000by4000");
        assertThatThrownBy(photo::validate).hasMessageContaining("--photo").hasMessageContaining("6000by4000");
        CompareCommand tiny = new CompareCommand();
        new CommandLine(tiny).parseArgs("--photo", "8x8");
        assertThatThrownBy(tiny::validate).hasMessageContaining("at least 16");
    }

    @Test
    void unconvertedImagesShareThePixelsButNotTheConversion() {
        PlanarImage image = BenchImages.synthetic(20, 10, 1);
        float[][] lab = image.cielab();
        PlanarImage fresh = CompareCommand.unconverted(image);
        assertThat(fresh).isEqualTo(image);
        assertThat(fresh.plane(0)).isSameAs(image.plane(0));
        assertThat(fresh.cielab()).isNotSameAs(lab);
        assertThat(fresh.cielab()[1]).containsExactly(lab[1]);
    }

    @Test
    void generatedPhotoHasTheRequestedSize(@TempDir Path dir) throws Exception {
        Path photo = dir.resolve("photo.jpg");
        BenchImages.writePhoto(photo, 64, 48);
        java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(photo.toFile());
        assertThat(read.getWidth()).isEqualTo(64);
        assertThat(read.getHeight()).isEqualTo(48);
    }

    @Test
    void missingInterpreterIsReportedByPath(@TempDir Path dir) {
        Path missing = dir.resolve("no-python");
        assertThatThrownBy(() -> PythonAnchors.prepare(missing, dir, System.out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }
}
