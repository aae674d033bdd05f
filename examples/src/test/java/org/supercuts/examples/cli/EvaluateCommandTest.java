package org.supercuts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** A 64x48 picture: a blue rectangle [x0, x1) x [y0, y1) on grey; its mask; a slightly shifted prediction. */
    private void makeSample(String stem, int x0, int y0, int x1, int y1) throws Exception {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        BufferedImage mask = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage pred = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                boolean in = x >= x0 && x < x1 && y >= y0 && y < y1;
                img.setRGB(x, y, in ? 0x2040ff : 0x808080);
                mask.getRaster().setSample(x, y, 0, in ? 255 : 0);
                boolean predIn = x >= x0 + 2 && x < x1 + 2 && y >= y0 && y < y1;
                pred.getRaster().setSample(x, y, 0, predIn ? 230 : 10);
            }
        }
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("masks"));
        Files.createDirectories(dir.resolve("pred"));
        ImageIO.write(img, "png", dir.resolve("images/" + stem + ".png").toFile());
        ImageIO.write(mask, "png", dir.resolve("masks/" + stem + ".png").toFile());
        ImageIO.write(pred, "png", dir.resolve("pred/" + stem + "-soft.png").toFile());
    }

    @Test
    void scoresSavedPredictionsAndWritesTheReport() throws Exception {
        makeSample("a", 20, 10, 44, 30);
        makeSample("b", 8, 8, 32, 40);
        Path out = dir.resolve("out");
        CliRun r = run("evaluate", "--dataset", "folder", "--images", dir.resolve("images").toString(), "--masks",
                dir.resolve("masks").toString(), "--predictions", dir.resolve("pred").toString(), "--out", out.toString(),
                "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.get("images").asInt()).isEqualTo(2);
        // a: 24x20 box shifted by 2 px: IoU = 22*20 / (26*20); b: 24x32 shifted by 2: 22*32 / (26*32).
        assertThat(json.get("iou").asDouble()).isCloseTo(22.0 / 26, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.out()).contains("iou 0.8462").contains("report.json");
        assertThat(out.resolve("masks/a-mask.png")).exists();
    }

    @Test
    void runsThePipelineAndExitsNonZeroOnAnUnpairedImage() throws Exception {
        makeSample("a", 20, 10, 44, 30);
        makeSample("b", 8, 8, 32, 40);
        Files.delete(dir.resolve("masks/b.png"));
        Path out = dir.resolve("out");
        CliRun r = run("evaluate", "--dataset", "folder", "--images", dir.resolve("images").toString(), "--masks",
                dir.resolve("masks").toString(), "--out", out.toString(), "--threads", "1", "--superpixels", "24");
        assertThat(r.exit()).as(r.err()).isEqualTo(SuperCutsCli.EXIT_SOME_FAILED);
        assertThat(r.err()).contains("b.png").contains("no mask");
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.get("images").asInt()).isEqualTo(1);
        assertThat(json.get("iou").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("pipeline").get("stages").has("superpixels")).isTrue();
        assertThat(json.get("errors").get(0).get("file").asText()).endsWith("b.png");
    }

    @Test
    void rerunWithOtherOptionsIsRefusedNamingThemUnlessOverwrite() throws Exception {
        makeSample("a", 20, 10, 44, 30);
        Path out = dir.resolve("out");
        String[] base = {"evaluate", "--dataset", "folder", "--images", dir.resolve("images").toString(), "--masks",
                dir.resolve("masks").toString(), "--out", out.toString()};
        assertThat(run(concat(base, "--superpixels", "24", "--threads", "1")).exit()).isZero();
        CliRun resumed = run(concat(base, "--superpixels", "24", "--threads", "2"));
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("(1 resumed)");
        CliRun refused = run(concat(base, "--superpixels", "32"));
        assertThat(refused.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("settings.options.--superpixels: was 24, now 32").contains("--overwrite");
        CliRun fresh = run(concat(base, "--superpixels", "32", "--overwrite"));
        assertThat(fresh.exit()).as(fresh.err()).isZero();
        assertThat(fresh.out()).doesNotContain("resumed");
    }

    @Test
    void tinyImagesAndTiffsAreEvaluatedToo() throws Exception {
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("masks"));
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        BufferedImage mask = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 4; y < 12; y++) {
            for (int x = 4; x < 12; x++) {
                img.setRGB(x, y, 0xffffff);
                mask.getRaster().setSample(x, y, 0, 255);
            }
        }
        ImageIO.write(img, "tiff", dir.resolve("images/t.tif").toFile());
        ImageIO.write(mask, "png", dir.resolve("masks/t.png").toFile());
        CliRun r = run("evaluate", "--dataset", "folder", "--images", dir.resolve("images").toString(), "--masks",
                dir.resolve("masks").toString(), "--out", dir.resolve("out").toString(), "--threads", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("out/report.json").toFile()).get("images").asInt()).isEqualTo(1);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badInputIsOneErrorLine() {
        CliRun r = run("evaluate", "--dataset", "nope", "--root", dir.toString());
        assertThat(r.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("dataset must be one of").contains("nope");
        CliRun noRoot = run("evaluate", "--dataset", "ecssd");
        assertThat(noRoot.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(noRoot.err()).contains("--root is required");
    }
}
