package org.supercuts.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.Datasets;

/** Resume only with the same settings, out-of-memory per image, memory budgets, 0/1 masks, umask permissions. */
class RunSafetyTest {
    @TempDir
    Path dir;

    /** The red channel thresholded at 0.5, described with {@code name}. */
    private static Segmenter red(String name) {
        return Segmenter.ofImages(img -> Prediction.ofSoft(img.width(), img.height(), img.plane(0).clone(), 0.5),
                Map.of("segmenter", name));
    }

    /** Two 32x24 images with a red block, and masks storing {@code foreground} (1 or 255) inside it. */
    private Dataset dataset(int foreground) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path masks = Files.createDirectories(dir.resolve("masks" + foreground));
        for (String id : new String[] {"a", "b"}) {
            BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
            BufferedImage mask = new BufferedImage(32, 24, BufferedImage.TYPE_BYTE_GRAY);
            int x0 = id.equals("a") ? 4 : 14;
            for (int y = 6; y < 18; y++) {
                for (int x = x0; x < x0 + 12; x++) {
                    img.setRGB(x, y, 0xff0000);
                    mask.getRaster().setSample(x, y, 0, foreground);
                }
            }
            ImageIO.write(img, "png", images.resolve(id + ".png").toFile());
            ImageIO.write(mask, "png", masks.resolve(id + ".png").toFile());
        }
        return Datasets.folder("folder", images, masks);
    }

    @Test
    void resumesOnlyTheSameSettingsAndNamesWhatChanged() throws Exception {
        Dataset d = dataset(255);
        Path out = dir.resolve("out");
        EvaluationRunner.builder().dataset(d).segmenter(red("red")).outputDirectory(out).threads(1)
                .settings(Map.of("superpixels", 400)).build().run();
        assertThat(out.resolve("run.json")).exists();

        EvaluationResult same = EvaluationRunner.builder().dataset(d).segmenter(red("red")).outputDirectory(out).threads(1)
                .settings(Map.of("superpixels", 400)).build().run();
        assertThat(same.resumed()).isEqualTo(2);

        EvaluationRunner changed = EvaluationRunner.builder().dataset(d).segmenter(red("green")).outputDirectory(out).threads(1)
                .settings(Map.of("superpixels", 300)).build();
        assertThatThrownBy(changed::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(out.toString())
                .hasMessageContaining("settings.superpixels: was 400, now 300")
                .hasMessageContaining("segmenter.segmenter: was red, now green").hasMessageContaining("--overwrite");

        EvaluationResult fresh = changed.toBuilder().overwrite(true).build().run();
        assertThat(fresh.resumed()).isZero();
        assertThat(fresh.processed()).isEqualTo(2);
        assertThat(Files.readString(out.resolve("run.json"))).contains("green").contains("300");
    }

    @Test
    void resultsWithoutAFingerprintAreNotResumedSilently() throws Exception {
        Dataset d = dataset(255);
        Path out = dir.resolve("out");
        EvaluationRunner.builder().dataset(d).segmenter(red("red")).outputDirectory(out).threads(1).build().run();
        Files.delete(out.resolve("run.json"));
        assertThatThrownBy(() -> EvaluationRunner.builder().dataset(d).segmenter(red("red")).outputDirectory(out).threads(1)
                .build().run()).hasMessageContaining("no run.json");
    }

    @Test
    void outOfMemoryFailsOnlyItsImage() throws Exception {
        Dataset d = dataset(255);
        Segmenter greedy = Segmenter.ofImages(img -> {
            if (img.get(0, 5, 10) > 0.5f) {
                throw new OutOfMemoryError("Java heap space");
            }
            return Prediction.ofSoft(img.width(), img.height(), img.plane(0).clone(), 0.5);
        }, Map.of("segmenter", "greedy on a"));
        EvaluationResult r = EvaluationRunner.builder().dataset(d).segmenter(greedy).outputDirectory(dir.resolve("out")).threads(2)
                .build().run();
        assertThat(r.processed()).isEqualTo(1);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("a");
            assertThat(e.file()).endsWith("a.png");
            assertThat(e.message()).contains("out of memory").contains("-Xmx");
        });
        assertThat(r.report().get("images")).isEqualTo(1);
    }

    @Test
    void imagesAboveTheMemoryBudgetFailWithTheNumbers() throws Exception {
        EvaluationResult r = EvaluationRunner.builder().dataset(dataset(255)).segmenter(red("red")).outputDirectory(dir.resolve("out"))
                .threads(1).memory(sample -> 3L << 30, 1L << 30).build().run();
        assertThat(r.errors()).hasSize(2).allSatisfy(e -> assertThat(e.message()).contains("needs about 3072 MB")
                .contains("1024 MB").contains("-Xmx"));
    }

    @Test
    void zeroOneMasksAreBinaryWithOneNote() throws Exception {
        EvaluationResult r = EvaluationRunner.builder().dataset(dataset(1)).segmenter(red("red")).outputDirectory(dir.resolve("out"))
                .threads(2).build().run();
        assertThat(r.metric("iou")).isEqualTo(1.0);
        assertThat((java.util.List<?>) r.report().get("notes")).singleElement().asString().contains("only the values 0 and 1");
    }

    @Test
    void outputsFollowTheUmask() throws Exception {
        Path out = dir.resolve("out");
        EvaluationRunner.builder().dataset(dataset(255)).segmenter(red("red")).outputDirectory(out).threads(1).build().run();
        Path reference = Files.writeString(dir.resolve("reference"), "x");
        for (String f : new String[] {"report.json", "report.md", "per_image.csv", "run.json", "masks/a-mask.png"}) {
            assertThat(Files.getPosixFilePermissions(out.resolve(f))).as(f).isEqualTo(Files.getPosixFilePermissions(reference));
        }
    }
}
