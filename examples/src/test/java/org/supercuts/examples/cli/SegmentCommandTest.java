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

class SegmentCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void sampleImageProducesAllOutputs() throws Exception {
        Path out = dir.resolve("out");
        CliRun r = run("segment", "--out", out.toString(), "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        BufferedImage mask = ImageIO.read(out.resolve("chelsea-mask.png").toFile());
        assertThat(mask.getWidth()).isEqualTo(451);
        assertThat(mask.getHeight()).isEqualTo(300);
        boolean sawFg = false;
        boolean sawBg = false;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 451; x++) {
                int v = mask.getRaster().getSample(x, y, 0);
                assertThat(v).isIn(0, 255);
                sawFg |= v == 255;
                sawBg |= v == 0;
            }
        }
        assertThat(sawFg && sawBg).isTrue();
        assertThat(ImageIO.read(out.resolve("chelsea-soft.png").toFile()).getWidth()).isEqualTo(451);
        assertThat(ImageIO.read(out.resolve("chelsea-overlay.png").toFile()).getWidth()).isEqualTo(451);
        assertThat(ImageIO.read(out.resolve("chelsea-levels.png").toFile())).isNotNull();
        JsonNode json = new ObjectMapper().readTree(out.resolve("chelsea.json").toFile());
        assertThat(json.get("width").asInt()).isEqualTo(451);
        assertThat(json.get("height").asInt()).isEqualTo(300);
        assertThat(json.get("superpixels").asInt()).isGreaterThan(100);
        assertThat(json.get("box")).hasSize(4);
        assertThat(json.get("levels").size()).isGreaterThanOrEqualTo(1);
        assertThat(json.get("timings_ms").has("total")).isTrue();
    }

    @Test
    void batchGoesOnPastABadFileAndExitsNonZero() throws Exception {
        Path good = dir.resolve("good.png");
        BufferedImage bi = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 10; y < 30; y++) {
            for (int x = 20; x < 44; x++) {
                bi.setRGB(x, y, 0x2040ff);
            }
        }
        ImageIO.write(bi, "png", good.toFile());
        Path bad = dir.resolve("bad.jpg");
        Files.write(bad, new byte[] {0, 1, 2, 3});
        Path out = dir.resolve("out");
        CliRun r = run("segment", bad.toString(), good.toString(), "--out", out.toString(), "--superpixels", "40");
        assertThat(r.exit()).isEqualTo(SuperCutsCli.EXIT_SOME_FAILED);
        assertThat(r.err()).contains("bad.jpg");
        assertThat(out.resolve("good-mask.png")).exists();
        assertThat(out.resolve("bad-mask.png")).doesNotExist();
    }

    @Test
    void missingFileAloneIsBadInput() {
        CliRun r = run("segment", dir.resolve("missing.png").toString(), "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("missing.png").contains("does not exist");
    }

    @Test
    void invalidParametersAreNamed() {
        CliRun r = run("segment", "--superpixels", "1", "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--superpixels").contains(">= 2");
        CliRun t = run("segment", "--threads", "0", "--out", dir.toString());
        assertThat(t.err()).contains("--threads");
    }

    @Test
    void pseudolabelsWritesATrainingSet() throws Exception {
        Path images = Files.createDirectories(dir.resolve("imgs"));
        BufferedImage bi = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 8; y < 30; y++) {
            for (int x = 15; x < 45; x++) {
                bi.setRGB(x, y, 0xff2020);
            }
        }
        ImageIO.write(bi, "png", images.resolve("a.png").toFile());
        Path out = dir.resolve("set");
        CliRun r = run("pseudolabels", "--images", images.toString(), "--out", out.toString(), "--superpixels", "30");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("masks/a.png")).exists();
        assertThat(out.resolve("images/a.png")).exists();
        assertThat(Files.readAllLines(out.resolve("manifest.csv"))).hasSize(2).element(1).asString().startsWith("images/a.png,masks/a.png,60,40,");
    }
}
