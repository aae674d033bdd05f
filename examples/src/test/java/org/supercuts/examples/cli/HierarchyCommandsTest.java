package org.supercuts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.LabelImages;
import org.supercuts.image.LabelMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Struct;

/** {@code evaluate --regions}, {@code evaluate --predictions} with label maps, and {@code segment --hierarchy}. */
class HierarchyCommandsTest {
    @TempDir
    Path dir;

    /** A 40 x 30 BSDS-layout test image: a dark square on a light ground, and one annotator with that square. */
    private void bsdsSample(String id) throws Exception {
        Files.createDirectories(dir.resolve("data/images/test"));
        Files.createDirectories(dir.resolve("data/groundTruth/test"));
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Matrix seg = Mat5.newMatrix(30, 40, MatlabType.UInt16);
        Matrix bdry = Mat5.newMatrix(30, 40, MatlabType.UInt8);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                boolean in = x >= 10 && x < 30 && y >= 8 && y < 22;
                img.setRGB(x, y, in ? 0x203060 : 0xe0d0b0);
                seg.setInt(y, x, in ? 2 : 1);
            }
        }
        ImageIO.write(img, "png", dir.resolve("data/images/test/" + id + ".png").toFile());
        Struct s = Mat5.newStruct();
        s.set("Segmentation", seg);
        s.set("Boundaries", bdry);
        Cell cell = Mat5.newCell(1, 1);
        cell.set(0, s);
        Mat5.writeToFile(Mat5.newMatFile().addArray("groundTruth", cell), dir.resolve("data/groundTruth/test/" + id + ".mat").toFile());
    }

    @Test
    void regionsSweepWritesTheIssuesReportKeysAndTheSegmentations() throws Exception {
        bsdsSample("1");
        bsdsSample("2");
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("evaluate", "--dataset", "bsds500", "--root", dir.toString(), "--split", "test", "--regions",
                "--scales", "5", "--save-segmentations", "--superpixels", "30", "--threads", "1", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        for (String key : new String[] {"covering_ods", "covering_ois", "pri_ods", "pri_ois", "voi_ods", "voi_ois", "ods_scale",
                "boundary_f_ods", "boundary_f_ois", "boundary_ap"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("covering_ois").asDouble()).isGreaterThan(0.9);
        assertThat(json.get("scales").asInt()).isEqualTo(5);
        assertThat(r.out()).contains("covering_ods");
        LabelMap level = LabelImages.read(out.resolve("segmentations/0.5000/1.png"));
        assertThat(level.width()).isEqualTo(40);
    }

    @Test
    void anotherToolsLabelMapsAreScoredAndABadFileIsAPerImageError() throws Exception {
        bsdsSample("1");
        bsdsSample("2");
        Path pred = dir.resolve("tool/segmentations/10");
        int[] square = new int[40 * 30];
        for (int i = 0; i < square.length; i++) {
            int x = i % 40;
            int y = i / 40;
            square[i] = x >= 10 && x < 30 && y >= 8 && y < 22 ? 1 : 0;
        }
        ImageFiles.writeLabels(LabelMap.of(40, 30, square), pred.resolve("1.png"));
        // Image 2: an 8-bit map using all 256 values (labels wrapped around).
        BufferedImage wrapped = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 40 * 30; i++) {
            wrapped.getRaster().setSample(i % 40, i / 40, 0, i % 256);
        }
        ImageIO.write(wrapped, "png", pred.resolve("2.png").toFile());
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("evaluate", "--dataset", "bsds500", "--root", dir.toString(), "--predictions",
                dir.resolve("tool").toString(), "--threads", "1", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(SuperCutsCli.EXIT_SOME_FAILED);
        assertThat(r.err()).contains("2.png").contains("256 values");
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.get("images").asInt()).isEqualTo(1);
        assertThat(json.get("covering_ods").asDouble()).isEqualTo(1.0);
        assertThat(json.get("ods_scale").asText()).isEqualTo("10");
    }

    @Test
    void segmentWritesTheContourMapAndTheLevels() throws Exception {
        Path out = dir.resolve("seg");
        CliRun r = CliRun.of("segment", "--hierarchy", "--hierarchy-thresholds", "0.9,0.5", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        BufferedImage ucm = ImageIO.read(out.resolve("chelsea-ucm.png").toFile());
        assertThat(ucm.getColorModel().getComponentSize(0)).isEqualTo(16);
        LabelMap coarse = LabelImages.read(out.resolve("chelsea-level-0.png"));
        LabelMap fine = LabelImages.read(out.resolve("chelsea-level-1.png"));
        assertThat(fine.count()).isGreaterThan(coarse.count());
        assertThat(out.resolve("chelsea-hierarchy.png")).exists();
        JsonNode json = new ObjectMapper().readTree(out.resolve("chelsea.json").toFile());
        assertThat(json.get("hierarchy").get("levels").get(1).get("segments").asInt()).isEqualTo(fine.count());
        CliRun bad = CliRun.of("segment", "--hierarchy", "--hierarchy-thresholds", "1.5", "--out", out.toString());
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("--hierarchy-thresholds").contains("1.5");
    }
}
