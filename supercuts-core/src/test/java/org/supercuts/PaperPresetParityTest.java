package org.supercuts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.supercuts.affinity.TokenCutAffinity;
import org.supercuts.feature.FeatureExtractor;
import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.io.NpyReader;
import org.supercuts.superpixel.Grid;

/**
 * The {@code tokencut} and {@code deepspectral} presets against the papers' algorithms as implemented independently with
 * NumPy/SciPy in {@code supercuts-core/tools/paper_presets.py}, on the features it saved (src/test/resources/presets,
 * regenerate with {@code python3 supercuts-core/tools/paper_presets.py fixtures supercuts-core/src/test/resources/presets
 * --vit-keys supercuts-onnx/src/test/resources/models/tiny_vit_p8_64_keys.npy}). Regions are the cells of a patch grid
 * ({@link Grid} on an image of exactly rows x cols cells of 4x4 pixels), the features those saved; masks must be identical,
 * eigenvectors equal to 1e-8 of their largest entry up to sign, the Fiedler value to 1e-9.
 */
class PaperPresetParityTest {
    private static final int CELL = 4;
    private static final double VECTOR_TOLERANCE = 1e-8;

    record Case(String name, int rows, int cols, double tau, double tokenCutLambda2, double deepSpectralLambda2, String what) {
        @Override
        public String toString() {
            return name + " (" + what + ")";
        }
    }

    static List<Case> cases() throws IOException {
        List<String> lines = Files.readAllLines(resource("cases.tsv"));
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split("\t");
            return new Case(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[8]), f[11]);
        }).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tokenCutPresetReproducesThePaper(Case c) {
        Pipeline p = onGrid(Presets.tokenCut(), c).affinity(TokenCutAffinity.defaults().tau(c.tau())).build();
        check(p.segment(image(c)), c, "tokencut", c.tokenCutLambda2());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deepSpectralPresetReproducesThePaper(Case c) {
        Pipeline p = onGrid(Presets.deepSpectral(), c).build();
        check(p.segment(image(c)), c, "deepspectral", c.deepSpectralLambda2());
    }

    private static void check(Segmentation s, Case c, String preset, double lambda2) {
        int n = c.rows() * c.cols();
        assertThat(s.superpixels().count()).isEqualTo(n);
        double[] expectedMask = npy(c.name() + "_" + preset + "_mask.npy");
        double[] expectedVector = npy(c.name() + "_" + preset + "_eigenvector.npy");
        double[] fg = s.regionForeground();
        boolean[] ours = new boolean[n];
        boolean[] theirs = new boolean[n];
        for (int i = 0; i < n; i++) {
            ours[i] = fg[i] >= 0.5;
            theirs[i] = expectedMask[i] != 0;
        }
        assertThat(ours).as(preset + " mask of " + c).containsExactly(theirs);
        // The pixel mask is the region mask painted onto the cells.
        int[] labels = s.superpixels().backingArray();
        for (int i = 0; i < labels.length; i++) {
            assertThat(s.mask()[i] != 0).isEqualTo(ours[labels[i]]);
        }
        double[] v = s.partition().fiedler();
        double scale = 0;
        double dot = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(expectedVector[i]));
            dot += v[i] * expectedVector[i];
        }
        double sign = dot < 0 ? -1 : 1;
        double maxDiff = 0;
        for (int i = 0; i < n; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(sign * v[i] - expectedVector[i]));
        }
        assertThat(maxDiff / scale).as(preset + " eigenvector of " + c + ", relative to its largest entry")
                .isLessThanOrEqualTo(VECTOR_TOLERANCE);
        assertThat(s.partition().eigenvalue(1)).as(preset + " Fiedler value of " + c).isCloseTo(lambda2,
                org.assertj.core.api.Assertions.within(1e-9));
    }

    private static Pipeline.Builder onGrid(Pipeline.Builder preset, Case c) {
        RegionFeatures saved = features(c);
        return preset.superpixels(Grid.cells(c.rows() * c.cols())).features(new FeatureExtractor() {
            @Override
            public RegionFeatures extract(PlanarImage image, LabelMap labels, RegionGraph graph) {
                return saved;
            }

            @Override
            public String describe() {
                return "saved(" + c.name() + ")";
            }
        });
    }

    private static PlanarImage image(Case c) {
        int w = c.cols() * CELL;
        int h = c.rows() * CELL;
        return PlanarImage.wrap(w, h, new float[w * h]);
    }

    private static RegionFeatures features(Case c) {
        NpyReader.Array a = NpyReader.read(resource(c.name() + "_features.npy"));
        return RegionFeatures.wrap(a.shape()[0], a.shape()[1], a.toDoubleArray());
    }

    private static double[] npy(String file) {
        return NpyReader.read(resource(file)).toDoubleArray();
    }

    private static Path resource(String file) {
        try {
            return Path.of(PaperPresetParityTest.class.getResource("/presets/" + file).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource presets/" + file + " is missing; run supercuts-core/tools/paper_presets.py", e);
        }
    }
}
