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

/**
 * Guided filtering of another tool's predictions: {@code evaluate --predictions DIR --refine} and {@code refine}. The
 * predictions are coarse, as a ViT's are: the true rectangle's mask averaged over 8x8 blocks (patch resolution) and
 * shifted by 3 pixels, so the refined map must follow the image's edges better than the saved one.
 */
class RefineCommandTest {
    @TempDir
    Path dir;

    private void makeSample(String stem, int x0, int y0, int x1, int y1) throws Exception {
        int w = 64;
        int h = 48;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage pred = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x >= x0 && x < x1 && y >= y0 && y < y1;
                img.setRGB(x, y, in ? 0xf0d020 : 0x203040);
                mask.getRaster().setSample(x, y, 0, in ? 255 : 0);
            }
        }
        for (int by = 0; by < h; by += 8) {
            for (int bx = 0; bx < w; bx += 8) {
                int inside = 0;
                for (int y = by; y < by + 8; y++) {
                    for (int x = bx; x < bx + 8; x++) {
                        int sx = x - 3;
                        inside += sx >= x0 && sx < x1 && y >= y0 && y < y1 ? 1 : 0;
                    }
                }
                for (int y = by; y < by + 8; y++) {
                    for (int x = bx; x < bx + 8; x++) {
                        pred.getRaster().setSample(x, y, 0, Math.round(255f * inside / 64));
                    }
                }
            }
        }
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("masks"));
        Files.createDirectories(dir.resolve("pred"));
        ImageIO.write(img, "png", dir.resolve("images/" + stem + ".png").toFile());
        ImageIO.write(mask, "png", dir.resolve("masks/" + stem + ".png").toFile());
        ImageIO.write(pred, "png", dir.resolve("pred/" + stem + ".png").toFile());
    }

    private CliRun evaluate(Path predictions, Path out, String... more) {
        String[] base = {"evaluate", "--dataset", "folder", "--images", dir.resolve("images").toString(), "--masks",
                dir.resolve("masks").toString(), "--predictions", predictions.toString(), "--out", out.toString(), "--threads", "2"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void evaluateRefineReportsRawAndRefinedRowsAndRefineWritesTheSameMaps() throws Exception {
        makeSample("a", 19, 11, 45, 35);
        makeSample("b", 5, 6, 30, 41);
        Path out = dir.resolve("eval");
        CliRun r = evaluate(dir.resolve("pred"), out, "--refine", "--refine-radius", "4", "--refine-eps", "1e-3");
        assertThat(r.exit()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode raw = json.readTree(out.resolve("raw/report.json").toFile());
        JsonNode refined = json.readTree(out.resolve("refined/report.json").toFile());
        assertThat(raw.get("images").asInt()).isEqualTo(2);
        assertThat(refined.get("images").asInt()).isEqualTo(2);
        assertThat(refined.get("pipeline").get("refine").asText()).isEqualTo("guided(r=4, eps=0.001, guide=luminance)");
        assertThat(refined.get("iou").asDouble()).isGreaterThan(raw.get("iou").asDouble() + 0.05);
        assertThat(r.out()).contains("| as saved |").contains("| refined: guided(r=4");
        assertThat(Files.readString(out.resolve("refine.md"))).contains("| as saved |");

        // The refine command writes the refined maps; scoring them reproduces the refined row exactly.
        Path refinedDir = dir.resolve("refined-maps");
        CliRun w = CliRun.of("refine", "--predictions", dir.resolve("pred").toString(), "--images", dir.resolve("images").toString(),
                "--out", refinedDir.toString(), "--radius", "4", "--eps", "1e-3");
        assertThat(w.exit()).as(w.err()).isZero();
        assertThat(w.out()).contains("refined 2 of 2 prediction(s)");
        assertThat(refinedDir.resolve("a-soft.png")).exists();
        assertThat(refinedDir.resolve("b-mask.png")).exists();
        CliRun again = evaluate(refinedDir, dir.resolve("eval2"));
        assertThat(again.exit()).as(again.err()).isZero();
        JsonNode reread = json.readTree(dir.resolve("eval2/report.json").toFile());
        assertThat(reread.get("iou").asDouble()).isEqualTo(refined.get("iou").asDouble());
    }

    @Test
    void refineReportsStrayPredictionsAndSizeMismatchesByName() throws Exception {
        makeSample("a", 19, 11, 45, 35);
        makeSample("b", 5, 6, 30, 41);
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("pred/orphan.png").toFile());
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("pred/b.png").toFile());
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("refine", "--predictions", dir.resolve("pred").toString(), "--images", dir.resolve("images").toString(),
                "--out", out.toString());
        assertThat(r.exit()).isEqualTo(SuperCutsCli.EXIT_SOME_FAILED);
        assertThat(r.err()).contains("orphan.png: no image").contains("prediction is 32x24 but image").contains("b.png");
        assertThat(out.resolve("a-mask.png")).exists();
        assertThat(out.resolve("b-mask.png")).doesNotExist();
        CliRun same = CliRun.of("refine", "--predictions", dir.resolve("pred").toString(), "--images",
                dir.resolve("images").toString(), "--out", dir.resolve("pred").toString());
        assertThat(same.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(same.err()).contains("is the predictions folder");
    }

    @Test
    void optionsWithoutEffectOnSavedPredictionsAreErrors() throws Exception {
        makeSample("a", 19, 11, 45, 35);
        CliRun r = evaluate(dir.resolve("pred"), dir.resolve("o"), "--superpixels", "24");
        assertThat(r.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--superpixels has no effect with --predictions");
        CliRun eps = evaluate(dir.resolve("pred"), dir.resolve("o"), "--refine-eps", "0.01");
        assertThat(eps.err()).contains("--refine-eps has no effect without --refine");
        CliRun split = CliRun.of("evaluate", "--dataset", "folder", "--images", dir.resolve("images").toString(), "--masks",
                dir.resolve("masks").toString(), "--split", "test", "--predictions", dir.resolve("pred").toString(), "--out",
                dir.resolve("o").toString());
        assertThat(split.err()).contains("--split has no effect with --dataset folder");
        CliRun images = CliRun.of("evaluate", "--dataset", "ecssd", "--root", dir.toString(), "--images", dir.toString(),
                "--out", dir.resolve("o").toString());
        assertThat(images.err()).contains("--images has no effect with --dataset ecssd");
    }
}
