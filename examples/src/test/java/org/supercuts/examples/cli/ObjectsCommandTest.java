package org.supercuts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supercuts.image.CocoRle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code segment --objects} and the object options of {@code segment} and {@code evaluate}. */
class ObjectsCommandTest {
    @TempDir
    Path dir;

    /** 120 x 90: a red and a yellow square apart on dark grey. */
    private Path twoSquares() throws Exception {
        BufferedImage bi = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                boolean red = x >= 15 && x < 45 && y >= 20 && y < 50;
                boolean yellow = x >= 70 && x < 105 && y >= 40 && y < 75;
                bi.setRGB(x, y, red ? 0xdc2828 : yellow ? 0xe6c81e : 0x28282e);
            }
        }
        Path p = dir.resolve("two.png");
        ImageIO.write(bi, "png", p.toFile());
        return p;
    }

    @Test
    void segmentWritesObjectAndPartLabelsOverlayAndJson() throws Exception {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("segment", twoSquares().toString(), "--objects", "--out", out.toString(), "--threads", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        BufferedImage objects = ImageIO.read(out.resolve("two-objects.png").toFile());
        BufferedImage parts = ImageIO.read(out.resolve("two-parts.png").toFile());
        assertThat(objects.getRaster().getSampleModel().getSampleSize(0)).isEqualTo(16);
        assertThat(objects.getRaster().getSample(5, 5, 0)).isZero();
        int red = objects.getRaster().getSample(30, 35, 0);
        int yellow = objects.getRaster().getSample(87, 57, 0);
        assertThat(java.util.Set.of(red, yellow)).containsExactlyInAnyOrder(1, 2);
        assertThat(parts.getRaster().getSample(30, 35, 0)).isPositive();
        assertThat(ImageIO.read(out.resolve("two-objects-overlay.png").toFile()).getWidth()).isEqualTo(120);

        JsonNode json = new ObjectMapper().readTree(out.resolve("two.json").toFile());
        JsonNode list = json.get("objects");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("score").asDouble()).isGreaterThanOrEqualTo(list.get(1).get("score").asDouble());
        for (JsonNode o : list) {
            assertThat(o.get("box")).hasSize(4);
            assertThat(o.get("parts")).isNotEmpty();
            JsonNode rle = o.get("rle");
            assertThat(rle.get("size").get(0).asInt()).isEqualTo(90);
            assertThat(rle.get("size").get(1).asInt()).isEqualTo(120);
            CocoRle decoded = CocoRle.fromCompressed(90, 120, rle.get("counts").asText());
            assertThat(decoded.area()).isEqualTo(o.get("area").asLong());
            // The mask in the JSON is the object's label in STEM-objects.png.
            byte[] m = decoded.decode();
            for (int i = 0; i < m.length; i++) {
                int label = objects.getRaster().getSample(i % 120, i / 120, 0);
                assertThat(m[i] != 0).isEqualTo(label == o.get("id").asInt());
            }
        }
        assertThat(json.get("objects_reason").asText()).startsWith("2 object(s)");
    }

    @Test
    void withoutObjectsNoObjectFilesAreWritten() throws Exception {
        Path out = dir.resolve("plain");
        assertThat(CliRun.of("segment", twoSquares().toString(), "--out", out.toString()).exit()).isZero();
        assertThat(out.resolve("two-objects.png")).doesNotExist();
        assertThat(new ObjectMapper().readTree(out.resolve("two.json").toFile()).has("objects")).isFalse();
    }

    @Test
    void badObjectOptionsAreRejectedNamingTheOption() throws Exception {
        String image = twoSquares().toString();
        String[][] cases = {{"--max-objects", "0", "--max-objects must be >= 1, got 0"},
                {"--min-object-area", "-0.1", "--min-object-area is a share of the image and must be in [0, 1), got -0.1"},
                {"--min-object-area", "1", "--min-object-area is a share of the image and must be in [0, 1), got 1.0"},
                {"--min-part-area", "1.5", "--min-part-area"}, {"--max-parts", "0", "--max-parts must be >= 1"},
                {"--min-objectness", "2", "--min-objectness must be in [0, 1]"}};
        for (String[] c : cases) {
            CliRun r = CliRun.of("segment", image, "--out", dir.resolve("bad").toString(), c[0], c[1]);
            assertThat(r.exit()).as(c[0]).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
            assertThat(r.err()).contains(c[2]);
        }
        CliRun e = CliRun.of("evaluate", "--dataset", "folder", "--images", dir.toString(), "--masks", dir.toString(), "--out",
                dir.resolve("ev").toString(), "--max-objects", "0");
        assertThat(e.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(e.err()).contains("--max-objects must be >= 1");
    }
}
