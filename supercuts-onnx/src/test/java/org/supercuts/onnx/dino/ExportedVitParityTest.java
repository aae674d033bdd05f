package org.supercuts.onnx.dino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.supercuts.image.PlanarImage;
import org.supercuts.io.NpyReader;

/**
 * Parity of full-size exports against torch, for graphs a user exported with {@code --reference-dir}: set
 * {@code -Dsupercuts.test.vitDir=DIR} (DIR holds {@code X.onnx} and the parity pairs under {@code DIR/ref/X_*.npy}).
 * Skipped when the property is not set; the committed tiny graphs are covered by {@link TinyVitParityTest}.
 */
class ExportedVitParityTest {
    @Test
    void exportedGraphsMatchTheirTorchReferences() throws IOException {
        String dir = System.getProperty("supercuts.test.vitDir");
        assumeTrue(dir != null, "skipped: set -Dsupercuts.test.vitDir=DIR to check exported ViTs against torch");
        List<Path> graphs;
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            graphs = s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
        }
        assumeTrue(!graphs.isEmpty(), "skipped: no .onnx file in " + dir);
        for (Path graph : graphs) {
            String stem = graph.getFileName().toString().replace(".onnx", "");
            Path ref = graph.resolveSibling("ref");
            NpyReader.Array img = NpyReader.read(ref.resolve(stem + "_image.npy"));
            int[] s = img.shape();
            float[] v = img.toFloatArray();
            int plane = s[1] * s[2];
            float[][] planes = new float[3][plane];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(v, c * plane, planes[c], 0, plane);
            }
            PlanarImage image = PlanarImage.wrap(s[2], s[1], planes);
            for (FeatureKind kind : FeatureKind.values()) {
                try (DinoFeatures f = DinoFeatures.load(graph, DinoOptions.defaults().withFeature(kind))) {
                    float[] actual = f.extract(image).backingArray();
                    float[] expected = NpyReader.read(ref.resolve(stem + "_" + kind.outputName() + ".npy")).toFloatArray();
                    assertThat(actual).hasSameSizeAs(expected);
                    double max = 0;
                    double scale = 0;
                    for (int i = 0; i < actual.length; i++) {
                        max = Math.max(max, Math.abs(actual[i] - expected[i]));
                        scale = Math.max(scale, Math.abs(expected[i]));
                    }
                    System.out.printf("%s %s: max |ORT - torch| = %.3g (max |value| %.3g)%n", stem, kind, max, scale);
                    assertThat(max).as(stem + " " + kind).isLessThanOrEqualTo(1e-4 * Math.max(1, scale));
                    if (kind == FeatureKind.KEYS) {
                        // Reported, not asserted: wall-clock per image on this machine (the ViT dominates).
                        long t0 = System.nanoTime();
                        int runs = 5;
                        for (int r = 0; r < runs; r++) {
                            f.extract(image);
                        }
                        System.out.printf("%s: %.1f ms per %dx%d image on %s%n", stem, (System.nanoTime() - t0) / 1e6 / runs,
                                image.width(), image.height(), f.model().device());
                    }
                }
            }
        }
    }
}
