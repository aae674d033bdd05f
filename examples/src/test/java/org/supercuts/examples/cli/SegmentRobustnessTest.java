package org.supercuts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supercuts.testing.WildImages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The photos-from-the-wild cases of docs/robustness.md, on files the tests make. */
class SegmentRobustnessTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A 64x48 picture with a blue block at [x0, x0 + 20) x [12, 36) on grey. */
    private Path picture(String relative, int x0, String format) throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, x >= x0 && x < x0 + 20 && y >= 12 && y < 36 ? 0x2040ff : 0x808080);
            }
        }
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        ImageIO.write(img, format, p.toFile());
        return p;
    }

    private static List<String> files(Path out) throws IOException {
        try (var s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sameStemInTwoFoldersGivesTwoCompleteSetsEachFromItsOwnImage() throws Exception {
        Path left = picture("dirA/IMG_0001.png", 4, "png");
        Path right = picture("dirB/IMG_0001.png", 40, "png");
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("segment", left.toString(), right.toString(), "--out", out.toString(), "--threads", "2",
                "--superpixels", "48");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode a = JSON.readTree(out.resolve("dirA_IMG_0001.png.json").toFile());
        JsonNode b = JSON.readTree(out.resolve("dirB_IMG_0001.png.json").toFile());
        assertThat(a.get("source").get("path").asText()).isEqualTo(left.toAbsolutePath().toString());
        assertThat(b.get("source").get("path").asText()).isEqualTo(right.toAbsolutePath().toString());
        // Each mask is that of its own image: the blue block on the left in A, on the right in B.
        BufferedImage maskA = ImageIO.read(out.resolve("dirA_IMG_0001.png-mask.png").toFile());
        BufferedImage maskB = ImageIO.read(out.resolve("dirB_IMG_0001.png-mask.png").toFile());
        assertThat(maskA.getRaster().getSample(10, 24, 0)).isEqualTo(255);
        assertThat(maskA.getRaster().getSample(50, 24, 0)).isZero();
        assertThat(maskB.getRaster().getSample(50, 24, 0)).isEqualTo(255);
        assertThat(maskB.getRaster().getSample(10, 24, 0)).isZero();
        assertThat(a.get("outputs")).hasSize(4);
    }

    @Test
    void sameStemDifferentExtensionsAndRepeatsAreNamedApart() {
        Path x1 = Path.of("/p/x.jpg");
        Path x2 = Path.of("/p/x.png");
        Path y = Path.of("/q/y.jpg");
        Map<Path, String> names = OutputNames.assign(OutputNames.distinct(List.of(x1, x2, y, Path.of("/p/./x.jpg"))));
        assertThat(names).containsExactly(Map.entry(x1, "x.jpg"), Map.entry(x2, "x.png"), Map.entry(y, "y"));
        Map<Path, String> caseOnly = OutputNames.assign(List.of(Path.of("/a/Cat.jpg"), Path.of("/b/cat.jpg")));
        assertThat(caseOnly.values()).containsExactly("a_Cat.jpg", "b_cat.jpg");
    }

    @Test
    void truncatedFileFailsAloneWithNoOutputsAndExitOne() throws Exception {
        Path good = picture("good.png", 20, "png");
        Path whole = picture("whole.jpg", 20, "jpeg");
        Path cut = WildImages.truncated(whole, dir.resolve("cut.jpg"), 0.4);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("segment", good.toString(), cut.toString(), "--out", out.toString(), "--threads", "2",
                "--superpixels", "48");
        assertThat(r.exit()).isEqualTo(SuperCutsCli.EXIT_SOME_FAILED);
        assertThat(r.err()).contains("cut.jpg").contains("truncated or corrupt");
        assertThat(r.out()).contains("segmented 1 of 2").contains("failed: 1");
        assertThat(files(out)).noneMatch(f -> f.startsWith("cut")).contains("good.json");

        CliRun alone = CliRun.of("segment", cut.toString(), "--out", out.toString(), "--superpixels", "48");
        assertThat(alone.exit()).isEqualTo(SuperCutsCli.EXIT_SOME_FAILED);

        CliRun partial = CliRun.of("segment", cut.toString(), "--out", out.toString(), "--superpixels", "48", "--allow-partial");
        assertThat(partial.exit()).as(partial.err()).isZero();
        assertThat(partial.err()).contains("partial file accepted");
        assertThat(JSON.readTree(out.resolve("cut.json").toFile()).get("source").get("partial").asBoolean()).isTrue();
    }

    @Test
    void picturesOptionChoosesTheHeavyFiles() throws Exception {
        Path img = picture("p.png", 20, "png");
        Path masks = dir.resolve("masks");
        assertThat(CliRun.of("segment", img.toString(), "--out", masks.toString(), "--pictures", "masks", "--superpixels", "48")
                .exit()).isZero();
        assertThat(files(masks)).containsExactly("p-mask.png", "p-soft.png", "p.json");
        Path none = dir.resolve("none");
        assertThat(CliRun.of("segment", img.toString(), "--out", none.toString(), "--pictures", "none", "--superpixels", "48")
                .exit()).isZero();
        assertThat(files(none)).containsExactly("p.json");
        // Re-running with fewer pictures into a full set removes the pictures the new set does not have.
        assertThat(CliRun.of("segment", img.toString(), "--out", masks.toString(), "--pictures", "none", "--superpixels", "48")
                .exit()).isZero();
        assertThat(files(masks)).containsExactly("p.json");
    }

    @Test
    void leftoversOfAKilledRunAreSweptAtTheNextStart() throws Exception {
        Path img = picture("p.png", 20, "png");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path tmp = Files.writeString(out.resolve(".q-mask.png.2147483646-ab.tmp"), "half written");
        // A set killed while moving into place: its mask is there, its JSON is not, the journal lists both.
        Path orphan = Files.writeString(out.resolve("k-mask.png"), "from an unfinished set");
        Files.writeString(out.resolve(".k.json.2147483646-cd.pending"), out.resolve("k.json").toAbsolutePath() + "\n"
                + orphan.toAbsolutePath() + "\n");
        CliRun r = CliRun.of("segment", img.toString(), "--out", out.toString(), "--superpixels", "48");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("removed").contains("unfinished output set");
        assertThat(files(out)).containsExactly("p-levels.png", "p-mask.png", "p-overlay.png", "p-soft.png", "p.json");
        assertThat(tmp).doesNotExist();
    }

    @Test
    void aSetThatFailsToWriteLeavesNothingAndSaysDiskFull() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (TemporaryFiles temporaries = new TemporaryFiles()) {
            OutputSet set = new OutputSet(out, "x", temporaries).png("mask", () -> new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY))
                    .file(out, "big.npy", o -> {
                        o.write(new byte[1000]);
                        throw new IOException("No space left on device");
                    }).json(Map.of("image", "x.png"));
            assertThatThrownBy(set::write).hasMessageContaining("x-big.npy").hasMessageContaining("disk full");
            assertThat(files(out)).isEmpty();

            // After the hook (Ctrl-C, kill) nothing more is written.
            temporaries.abort();
            OutputSet late = new OutputSet(out, "y", temporaries).json(Map.of("image", "y.png"));
            assertThatThrownBy(late::write).hasMessageContaining("stopped");
            assertThat(files(out)).isEmpty();
        }
    }

    @Test
    void outFolderProblemsAreNamedInPlainWords() throws Exception {
        Path img = picture("p.png", 20, "png");
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRun r = CliRun.of("segment", img.toString(), "--out", file.toString());
        assertThat(r.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--out").contains("not-a-folder").contains("is a file, not a folder");
    }

    @Test
    void tinyImageClampsTheSuperpixelCountAndRecordsIt() throws Exception {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 4; y < 12; y++) {
            for (int x = 4; x < 12; x++) {
                img.setRGB(x, y, 0xffffff);
            }
        }
        Path p = dir.resolve("tiny.png");
        ImageIO.write(img, "png", p.toFile());
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("segment", p.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = JSON.readTree(out.resolve("tiny.json").toFile());
        assertThat(json.get("superpixels_requested").asInt()).isEqualTo(400);
        assertThat(json.get("superpixels_clamped").asText()).startsWith("to 64");
        assertThat(json.get("superpixels").asInt()).isLessThanOrEqualTo(64);
    }

    @Test
    void superpixelCountsThatCannotFitAreRefusedWithTheNumbers() throws Exception {
        Path img = picture("p.png", 20, "png");
        CliRun r = CliRun.of("segment", img.toString(), "--out", dir.resolve("out").toString(), "--superpixels", "1000000");
        assertThat(r.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--superpixels 1000000 needs about").contains("GB").contains("-Xmx")
                .contains("or fewer");
        assertThat(dir.resolve("out").toFile().list()).isEmpty();
    }

    @Test
    void memoryEstimateGrowsWithPixelsAndPairs() {
        MemoryEstimate m = MemoryEstimate.of(4, true, false, false);
        assertThat(m.bytes(24_000_000, 400)).isGreaterThan(m.bytes(120_000, 400));
        assertThat(m.bytes(0, 20_000)).isEqualTo(48L * 20_000 * 20_000 + MemoryEstimate.FIXED_BYTES);
        long budget = 1L << 30;
        int k = m.maxSuperpixels(120_000, budget);
        assertThat(m.bytes(120_000, k)).isLessThanOrEqualTo(budget);
        assertThat(m.bytes(120_000, k + 1)).isGreaterThan(budget);
    }

    @Test
    void phoneOrientationIsAppliedAndRecorded() throws Exception {
        Path phone = WildImages.jpegWithOrientation(dir.resolve("phone.jpg"), 6);
        Path out = dir.resolve("out");
        assertThat(CliRun.of("segment", phone.toString(), "--out", out.toString(), "--superpixels", "48").exit()).isZero();
        JsonNode json = JSON.readTree(out.resolve("phone.json").toFile());
        assertThat(json.get("width").asInt()).isEqualTo(32);
        assertThat(json.get("height").asInt()).isEqualTo(64);
        assertThat(json.get("source").get("exif_orientation").asInt()).isEqualTo(6);
        assertThat(json.get("source").get("orientation").asText()).startsWith("applied");
        Path raw = dir.resolve("raw");
        assertThat(CliRun.of("segment", phone.toString(), "--out", raw.toString(), "--superpixels", "48", "--raw-orientation")
                .exit()).isZero();
        assertThat(JSON.readTree(raw.resolve("phone.json").toFile()).get("width").asInt()).isEqualTo(64);
    }

    @Test
    void helpSaysWhatHappensToAlpha() {
        CliRun r = CliRun.of("segment", "--help");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("composited on white");
    }

    @Test
    void defaultSsnModelIsLookedForBesideTheInstallationNotTheCurrentFolder() {
        List<Path> candidates = PipelineOptions.defaultSsnModelCandidates();
        assertThat(candidates).isNotEmpty().allMatch(Path::isAbsolute)
                .allMatch(p -> p.getFileName().toString().equals(PipelineOptions.SSN_FILE));
        // From a checkout's examples/target/classes, the second candidate is ../shared beside the repository.
        assertThat(candidates.get(candidates.size() - 1).toString()).contains("shared/models/ssn");
    }
}
