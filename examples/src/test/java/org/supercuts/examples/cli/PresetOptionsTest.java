package org.supercuts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.image.PlanarImage;
import org.supercuts.io.NpyReader;
import org.supercuts.onnx.dino.DinoFeatures;
import org.supercuts.onnx.dino.DinoOptions;
import org.supercuts.onnx.presets.DinoPresets;
import org.supercuts.superpixel.Slic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code --preset}, {@code --tau}, {@code --dump} and the rule that an option with no effect in the chosen mode is an error. */
class PresetOptionsTest {
    /** The tiny random ViT of the onnx module's tests (the build runs tests from each module's folder). */
    private static final Path TINY_VIT = Path.of("../supercuts-onnx/src/test/resources/models/tiny_vit_p8_64.onnx");

    @TempDir
    Path dir;

    /** 96x80: a yellow textured square on a blue textured background. */
    private Path scene() throws Exception {
        BufferedImage bi = new BufferedImage(96, 80, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 96; x++) {
                boolean in = x >= 32 && x < 72 && y >= 24 && y < 64;
                int tex = (int) (12 * Math.sin(0.9 * x + 1.7 * y));
                int r = (in ? 230 : 40) + tex;
                int g = (in ? 180 : 60) - tex;
                int b = (in ? 30 : 115) + tex;
                bi.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        Path p = dir.resolve("scene.png");
        ImageIO.write(bi, "png", p.toFile());
        return p;
    }

    @Test
    void paperPresetsRunOnColourAndDumpTheNumbersTheyUsed() throws Exception {
        Path out = dir.resolve("out");
        Path dump = dir.resolve("dump");
        CliRun r = CliRun.of("segment", scene().toString(), "--preset", "tokencut", "--tau", "0.3", "--superpixels", "60",
                "--out", out.toString(), "--dump", dump.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode stages = new ObjectMapper().readTree(out.resolve("scene.json").toFile()).get("provenance").get("stages");
        assertThat(stages.get("selection").asText()).isEqualTo("tokencut-paper");
        assertThat(stages.get("affinity").asText()).isEqualTo("tokencut(tau=0.3,eps=1.0E-5)");
        assertThat(stages.get("features").asText()).contains("centered");
        NpyReader.Array fg = NpyReader.read(dump.resolve("scene-region-foreground.npy"));
        NpyReader.Array features = NpyReader.read(dump.resolve("scene-features.npy"));
        NpyReader.Array vectors = NpyReader.read(dump.resolve("scene-eigenvectors.npy"));
        int regions = new ObjectMapper().readTree(out.resolve("scene.json").toFile()).get("superpixels").asInt();
        assertThat(fg.shape()).containsExactly(regions);
        assertThat(features.shape()).containsExactly(regions, 3);
        assertThat(vectors.shape()).containsExactly(3, regions);
        // The mask written is the regions scoring >= 0.5 painted onto the superpixels.
        double[] labels = NpyReader.read(dump.resolve("scene-superpixels.npy")).toDoubleArray();
        BufferedImage mask = ImageIO.read(out.resolve("scene-mask.png").toFile());
        double[] score = fg.toDoubleArray();
        for (int i = 0; i < labels.length; i++) {
            boolean object = mask.getRaster().getSample(i % 96, i / 96, 0) == 255;
            assertThat(object).isEqualTo(score[(int) labels[i]] >= 0.5);
        }
        CliRun d = CliRun.of("segment", scene().toString(), "--preset", "deepspectral", "--superpixels", "60", "--out",
                out.toString());
        assertThat(d.exit()).as(d.err()).isZero();
    }

    @Test
    void theCliModelAndTheLibraryPresetGiveTheSameResult() throws Exception {
        Path image = scene();
        try (DinoFeatures vit = DinoFeatures.load(TINY_VIT, DinoOptions.defaults())) {
            PlanarImage img = PlanarImage.read(image);
            for (String preset : new String[] {"dino", "tokencut", "deepspectral"}) {
                Path out = dir.resolve("out-" + preset);
                String[] args = preset.equals("dino")
                        ? new String[] {"segment", image.toString(), "--model", TINY_VIT.toString(), "--superpixels", "60", "--out",
                                out.toString()}
                        : new String[] {"segment", image.toString(), "--model", TINY_VIT.toString(), "--preset", preset, "--out",
                                out.toString()};
                CliRun r = CliRun.of(args);
                assertThat(r.exit()).as(r.err()).isZero();
                Pipeline library = switch (preset) {
                    case "dino" -> DinoPresets.dino(vit).superpixels(Slic.segments(60).compactness(20)).build();
                    case "tokencut" -> DinoPresets.tokenCut(vit).build();
                    default -> DinoPresets.deepSpectral(vit).build();
                };
                Segmentation s = library.segment(img);
                BufferedImage mask = ImageIO.read(out.resolve("scene-mask.png").toFile());
                int differ = 0;
                for (int i = 0; i < s.mask().length; i++) {
                    boolean cli = mask.getRaster().getSample(i % 96, i / 96, 0) == 255;
                    differ += cli != (s.mask()[i] != 0) ? 1 : 0;
                }
                assertThat(differ).as("pixels where --preset %s and the library preset differ", preset).isZero();
                JsonNode stages = new ObjectMapper().readTree(out.resolve("scene.json").toFile()).get("provenance").get("stages");
                assertThat(stages.get("selection").asText()).isEqualTo(library.provenance().stages().get("selection"));
                assertThat(stages.get("affinity").asText()).isEqualTo(library.provenance().stages().get("affinity"));
            }
        }
    }

    static Stream<Arguments> optionsWithoutEffect() {
        return Stream.of(
                Arguments.of(new String[] {"--tau", "0.3"}, "--tau has no effect without --preset tokencut"),
                Arguments.of(new String[] {"--preset", "deepspectral", "--tau", "0.3"}, "--tau has no effect"),
                Arguments.of(new String[] {"--compactness", "10", "--superpixels-method", "patches", "--model", TINY_VIT.toString()},
                        "--compactness has no effect with patches regions"),
                Arguments.of(new String[] {"--preset", "tokencut", "--model", TINY_VIT.toString(), "--superpixels", "100"},
                        "--superpixels has no effect with patch regions"),
                Arguments.of(new String[] {"--ssn-model", "x.onnx"}, "--ssn-model has no effect without --superpixels-method ssn"),
                Arguments.of(new String[] {"--device", "cpu"}, "--device has no effect without an ONNX model"),
                Arguments.of(new String[] {"--refine-radius", "4"}, "--refine-radius has no effect without --refine"),
                Arguments.of(new String[] {"--preset", "tokencut", "--multi-scale"}, "--multi-scale has no effect with --preset tokencut"),
                Arguments.of(new String[] {"--preset", "tokencut", "--selection", "border"}, "--selection conflicts with --preset tokencut"),
                Arguments.of(new String[] {"--preset", "dino"}, "--preset dino needs --model"),
                Arguments.of(new String[] {"--preset", "saliency", "--model", TINY_VIT.toString()}, "--preset saliency is defined on colour"));
    }

    @ParameterizedTest
    @MethodSource("optionsWithoutEffect")
    void anOptionWithoutEffectIsAnError(String[] options, String message) throws Exception {
        String[] args = Stream.concat(Stream.of("segment", scene().toString(), "--out", dir.resolve("o").toString()),
                Stream.of(options)).toArray(String[]::new);
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.out()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(message);
        assertThat(Files.exists(dir.resolve("o").resolve("scene-mask.png"))).isFalse();
    }
}
