package org.supercuts.eval.bsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supercuts.SuperCuts;
import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.LabelImages;
import org.supercuts.image.LabelMap;
import org.supercuts.superpixel.Slic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Struct;

/** The region benchmark end to end on a BSDS500-layout fixture: two 32 x 24 images, left/right halves, one annotator. */
class RegionEvaluationTest {
    static final int W = 32;
    static final int H = 24;

    @TempDir
    Path dir;

    /** image: red left of x = split, blue right; ground truth: the same two halves (labels 1, 2) and their boundary. */
    private void sample(String id, int split) throws Exception {
        Path images = dir.resolve("data/images/test");
        Path gt = dir.resolve("data/groundTruth/test");
        Files.createDirectories(images);
        Files.createDirectories(gt);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Matrix seg = Mat5.newMatrix(H, W, MatlabType.UInt16);
        Matrix bdry = Mat5.newMatrix(H, W, MatlabType.UInt8);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img.setRGB(x, y, x < split ? 0xd02020 : 0x2040d0);
                seg.setInt(y, x, x < split ? 1 : 2);
                bdry.setInt(y, x, x == split - 1 ? 1 : 0);
            }
        }
        ImageIO.write(img, "png", images.resolve(id + ".png").toFile());
        Struct s = Mat5.newStruct();
        s.set("Segmentation", seg);
        s.set("Boundaries", bdry);
        Cell cell = Mat5.newCell(1, 1);
        cell.set(0, s);
        Mat5.writeToFile(Mat5.newMatFile().addArray("groundTruth", cell), gt.resolve(id + ".mat").toFile());
    }

    private static LabelMap halves(int split) {
        int[] l = new int[W * H];
        for (int i = 0; i < l.length; i++) {
            l[i] = i % W < split ? 0 : 1;
        }
        return LabelMap.of(W, H, l);
    }

    private static LabelMap whole() {
        return LabelMap.of(W, H, new int[W * H]);
    }

    @Test
    void savedLabelMapsAreScoredWithTheExpectedNumbersAndBadFilesAreNamedPerImage() throws Exception {
        sample("a", 16);
        sample("b", 8);
        sample("c", 16);
        Path pred = dir.resolve("pred/segmentations");
        // Scale "1": exact halves for a and b; scale "2": one segment. c's file at scale 2 has the wrong size.
        ImageFiles.writeLabels(halves(16), pred.resolve("1/a.png"));
        ImageFiles.writeLabels(whole(), pred.resolve("2/a.png"));
        ImageFiles.writeLabels(halves(8), pred.resolve("1/b.png"));
        ImageFiles.writeLabels(whole(), pred.resolve("2/b.png"));
        ImageFiles.writeLabels(halves(16), pred.resolve("1/c.png"));
        ImageFiles.writeLabels(LabelMap.of(4, 4, new int[16]), pred.resolve("2/c.png"));
        // A malformed ground truth for a fourth image: its own error, the run goes on.
        Files.copy(dir.resolve("data/images/test/a.png"), dir.resolve("data/images/test/d.png"));
        Files.writeString(dir.resolve("data/groundTruth/test/d.mat"), "not a mat file");
        Dataset data = Datasets.bsds500(dir, "test");
        Path out = dir.resolve("out");
        RegionEvaluation.Result r = RegionEvaluation.builder().dataset(data).segmenter(new SegmentationDirectory(dir.resolve("pred")))
                .outputDirectory(out).threads(2).build().run();
        assertThat(r.errors()).hasSize(2);
        assertThat(r.errors()).anySatisfy(e -> assertThat(e.message()).contains("2/c.png").contains("4x4"));
        assertThat(r.errors()).anySatisfy(e -> assertThat(e.message()).contains("d.mat"));
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.get("images").asInt()).isEqualTo(2);
        // Scale 1 is exact: covering 1, PRI 1, VoI 0. Scale 2 (one segment): a covers 0.5 of each half; b: 8/32 and 24/32.
        assertThat(json.get("covering_ods").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(json.get("ods_scale").asText()).isEqualTo("1");
        assertThat(json.get("pri_ods").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(json.get("voi_ods").asDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(r.sweep().covering(1)).isCloseTo((16 * 24 * 0.5 * 2 + 8 * 24 * 0.25 + 24 * 24 * 0.75) / (2.0 * W * H),
                within(1e-12));
        // Boundaries: the machine boundary at x = split - 1 is exactly the human one.
        assertThat(json.get("boundary_f_ods").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(json.get("covering_ois").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(out.resolve("scales.csv")).exists();
        assertThat(Files.readString(out.resolve("per_image_regions.csv"))).contains("c,error").contains("a,ok");
    }

    @Test
    void thePipelinesHierarchyIsSweptAndItsSegmentationsSavedAndReadBack() throws Exception {
        sample("a", 16);
        sample("b", 12);
        Dataset data = Datasets.bsds500(dir, "test");
        var pipeline = SuperCuts.pipeline().superpixels(Slic.segments(24).compactness(10)).build();
        Path out = dir.resolve("ours");
        RegionEvaluation.Result r = RegionEvaluation.builder().dataset(data).segmenter(ScaledSegmenter.of(pipeline,
                ScaledSegmenter.thresholds(9))).outputDirectory(out).threads(1).saveSegmentations(true).build().run();
        assertThat(r.errors()).isEmpty();
        // Two flat halves: a sweep of 9 thresholds finds them well (SLIC's 24 cells need not follow x = 12 exactly).
        assertThat(r.metric("covering_ods")).isGreaterThan(0.6);
        assertThat(r.metric("covering_ois")).isGreaterThanOrEqualTo(r.metric("covering_ods"));
        assertThat(Files.list(out.resolve("segmentations")).count()).isEqualTo(9);
        LabelMap saved = LabelImages.read(out.resolve("segmentations/0.5000/a.png"));
        assertThat(saved.width()).isEqualTo(W);
        // Reading the saved maps back as predictions gives the same region numbers.
        RegionEvaluation.Result back = RegionEvaluation.builder().dataset(data).segmenter(new SegmentationDirectory(out))
                .outputDirectory(dir.resolve("back")).threads(1).build().run();
        assertThat(back.metric("covering_ods")).isCloseTo(r.metric("covering_ods"), within(1e-12));
        assertThat(back.metric("pri_ois")).isCloseTo(r.metric("pri_ois"), within(1e-12));
        assertThat(back.metric("voi_ods")).isCloseTo(r.metric("voi_ods"), within(1e-12));
        assertThat(back.metric("boundary_f_ods")).isCloseTo(r.metric("boundary_f_ods"), within(1e-12));
    }
}
