package org.supercuts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code transfer} and {@code cluster} on synthetic scenes: a red square (foreground) on a blue-grey background, placed
 * differently in each image, with exact masks.
 */
class TransferCommandTest {
    static final int W = 64;
    static final int H = 48;

    @TempDir
    Path dir;

    /** Writes scene {@code name} with the square's left edge at {@code x0}; returns {image, mask} paths. */
    static Path[] scene(Path images, Path masks, String name, int x0) throws IOException {
        Files.createDirectories(images);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        BufferedImage mask = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean in = x >= x0 && x < x0 + 24 && y >= 12 && y < 36;
                int noise = ((x * 7 + y * 13) % 5) * 4;
                img.setRGB(x, y, in ? ((200 + noise) << 16) | (30 << 8) | 40 : (60 << 16) | ((80 + noise) << 8) | 150);
                mask.getRaster().setSample(x, y, 0, in ? 255 : 0);
            }
        }
        Path image = images.resolve(name + ".png");
        ImageIO.write(img, "png", image.toFile());
        Path m = null;
        if (masks != null) {
            Files.createDirectories(masks);
            m = masks.resolve(name + ".png");
            ImageIO.write(mask, "png", m.toFile());
        }
        return new Path[] {image, m};
    }

    /** Scenes a, b, c with the square at columns 4, 36 and 20. */
    private static void threeScenes(Path images, Path masks) throws IOException {
        scene(images, masks, "a", 4);
        scene(images, masks, "b", 36);
        scene(images, masks, "c", 20);
    }

    private static double iou(Path predicted, int x0) throws IOException {
        BufferedImage p = ImageIO.read(predicted.toFile());
        int inter = 0;
        int union = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean truth = x >= x0 && x < x0 + 24 && y >= 12 && y < 36;
                boolean fg = p.getRaster().getSample(x, y, 0) > 127;
                inter += truth && fg ? 1 : 0;
                union += truth || fg ? 1 : 0;
            }
        }
        return inter / (double) union;
    }

    @Test
    void transfersLabelsAndExplainsThem() throws Exception {
        Path images = dir.resolve("images");
        Path masks = dir.resolve("masks");
        threeScenes(images, masks);
        Path query = scene(dir.resolve("queries"), null, "q", 12)[0];
        Path out = dir.resolve("out");
        Path saved = dir.resolve("index.scidx");
        CliRun r = CliRun.of("transfer", "--index-images", images.toString(), "--index-masks", masks.toString(), "--save-index",
                saved.toString(), "--k", "5", "--superpixels", "40", "--threads", "2", "--out", out.toString(), query.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("transferred labels to 1 of 1 image(s)");
        assertThat(iou(out.resolve("q-mask.png"), 12)).isGreaterThan(0.8);
        assertThat(ImageIO.read(out.resolve("q-soft.png").toFile()).getWidth()).isEqualTo(W);
        BufferedImage explain = ImageIO.read(out.resolve("q-explain.png").toFile());
        assertThat(explain.getWidth()).isGreaterThan(5 * RetrievalPictures.THUMB);
        JsonNode json = new ObjectMapper().readTree(out.resolve("q-neighbours.json").toFile());
        assertThat(json.get("k").asInt()).isEqualTo(5);
        JsonNode first = json.get("segments").get(0);
        assertThat(first.get("neighbours")).hasSize(5);
        JsonNode nb = first.get("neighbours").get(0);
        assertThat(nb.get("image").asText()).isIn("a", "b", "c");
        assertThat(nb.get("label").asInt()).isIn(0, 1);
        assertThat(nb.get("similarity").asDouble()).isBetween(-1.0, 1.0001);
        assertThat(saved).exists();

        // The saved index alone gives the same masks.
        Path out2 = dir.resolve("out2");
        CliRun again = CliRun.of("transfer", "--index", saved.toString(), "--k", "5", "--superpixels", "40", "--out", out2.toString(),
                query.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.readAllBytes(out2.resolve("q-mask.png"))).isEqualTo(Files.readAllBytes(out.resolve("q-mask.png")));
    }

    @Test
    void badInputGetsClearErrors() throws Exception {
        Path images = dir.resolve("images");
        Path masks = dir.resolve("masks");
        scene(images, masks, "a", 4);
        scene(images, masks, "b", 36);
        Path query = scene(dir.resolve("queries"), null, "q", 12)[0];
        Files.delete(masks.resolve("b.png"));
        Path out = dir.resolve("out");
        String[] base = {"transfer", "--index-images", images.toString(), "--index-masks", masks.toString(), "--superpixels", "40",
                "--out", out.toString(), query.toString()};

        CliRun missing = CliRun.of(concat(base, "--k", "3"));
        assertThat(missing.exit()).as(missing.err()).isZero();
        assertThat(missing.err()).contains(images.resolve("b.png").toString()).contains(masks.resolve("b.png").toString());

        CliRun zero = CliRun.of(concat(base, "--k", "0"));
        assertThat(zero.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(zero.err()).contains("--k must be >= 1, got 0");

        CliRun tooMany = CliRun.of(concat(base, "--k", "100000"));
        assertThat(tooMany.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(tooMany.err()).contains("--k 100000 is larger than the index, which holds");

        // A mask of another size: a per-image error naming both files; with no image left the index is empty.
        Files.delete(masks.resolve("a.png"));
        ImageIO.write(new BufferedImage(10, 12, BufferedImage.TYPE_BYTE_GRAY), "png", masks.resolve("a.png").toFile());
        CliRun empty = CliRun.of(concat(base, "--k", "3"));
        assertThat(empty.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(empty.err()).contains("mask " + masks.resolve("a.png") + " is 10x12 but image " + images.resolve("a.png") + " is 64x48")
                .contains("the index is empty");

        // An index of other features is refused, naming both.
        Path saved = dir.resolve("i.scidx");
        scene(images, masks, "a", 4);
        CliRun noSaliency = CliRun.of(concat(base, "--saliency-weight", "0", "--fusion", "0.5"));
        assertThat(noSaliency.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(noSaliency.err()).contains("--fusion 0.5 mixes in the saliency, which --saliency-weight 0 turns off");
        CliRun noGraph = CliRun.of(concat(base, "--saliency-weight", "0", "--fusion", "1", "--smoothing", "0.9"));
        assertThat(noGraph.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(noGraph.err()).contains("--smoothing 0.9 needs the region graph that --saliency-weight 0 does not keep");
        CliRun badSmoothing = CliRun.of(concat(base, "--smoothing", "1"));
        assertThat(badSmoothing.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(badSmoothing.err()).contains("--smoothing must be in [0, 1), got 1.0");
        CliRun badThreshold = CliRun.of(concat(base, "--threshold", "0"));
        assertThat(badThreshold.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(badThreshold.err()).contains("--threshold must be in (0, 1), got 0.0");
        CliRun save = CliRun.of(concat(base, "--k", "3", "--save-index", saved.toString(), "--saliency-weight", "0", "--fusion", "1",
                "--smoothing", "0"));
        assertThat(save.exit()).as(save.err()).isZero();
        CliRun other = CliRun.of("transfer", "--index", saved.toString(), "--superpixels", "40", "--out", out.toString(), query.toString());
        assertThat(other.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(other.err()).contains("the index was built with features 'segments=slic(").contains("but the query uses 'segments=slic(")
                .contains(";saliency=");

        // A truncated index file is refused.
        byte[] bytes = Files.readAllBytes(saved);
        Path cut = dir.resolve("cut.scidx");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        CliRun truncated = CliRun.of("transfer", "--index", cut.toString(), "--superpixels", "40", "--out", out.toString(), query.toString());
        assertThat(truncated.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(truncated.err()).contains(cut.toString()).contains("truncated");
    }

    @Test
    void clustersACollectionAndScoresItAgainstMasks() throws Exception {
        Path images = dir.resolve("images");
        Path masks = dir.resolve("masks");
        threeScenes(images, masks);
        Path out = dir.resolve("clusters");
        CliRun r = CliRun.of("cluster", "--images", images.toString(), "--masks", masks.toString(), "--k", "2", "--superpixels", "40",
                "--saliency-weight", "0", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("clusters.json").toFile());
        assertThat(json.get("restart_objectives")).hasSize(5);
        // Red squares and blue-grey backgrounds: two clusters match fg/bg almost exactly.
        assertThat(json.get("hungarian").get("miou").asDouble()).isGreaterThan(0.8);
        assertThat(json.get("majority_vote").get("miou").asDouble()).isGreaterThanOrEqualTo(json.get("hungarian").get("miou").asDouble());
        BufferedImage labels = ImageIO.read(out.resolve("a-clusters.png").toFile());
        assertThat(labels.getWidth()).isEqualTo(W);
        assertThat(labels.getRaster().getSample(10, 20, 0)).isNotEqualTo(labels.getRaster().getSample(50, 5, 0));
        assertThat(out.resolve("b-clusters-colour.png")).exists();

        CliRun bad = CliRun.of("cluster", "--images", images.toString(), "--k", "0", "--out", out.toString());
        assertThat(bad.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("--k must be in 1..255");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
