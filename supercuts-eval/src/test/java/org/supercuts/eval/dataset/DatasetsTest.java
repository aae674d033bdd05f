package org.supercuts.eval.dataset;

import org.supercuts.eval.Fixtures;
import org.supercuts.testing.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Struct;

class DatasetsTest {

    private static List<Sample> all(Dataset d) {
        List<Sample> out = new ArrayList<>();
        d.forEach(out::add);
        return out;
    }

    @Test
    void dutsTePairsByStemAndBinarisesGradedMasks() {
        Dataset d = Datasets.open("duts", Fixtures.fixture("duts"), null, null, null);
        assertThat(d.name()).isEqualTo("duts-te");
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.problems()).isEmpty();
        assertThat(d.groundTruth()).containsExactly(GroundTruthKind.MASK);
        Sample a = all(d).get(0);
        assertThat(a.id()).isEqualTo("ILSVRC_a");
        PlanarImage img = a.loadImage();
        BinaryMask m = a.loadMask();
        assertThat(m.width()).isEqualTo(img.width());
        // Rectangle 8x8 inside, plus the graded column at x = 14 with level 128 (foreground); 127 at x = 15 is background.
        int fg = 0;
        for (byte b : m.pixels()) {
            fg += b;
        }
        assertThat(fg).isEqualTo(8 * 8 + 8);
        assertThat(m.pixels()[5 * 24 + 14]).isEqualTo((byte) 1);
        assertThat(m.pixels()[5 * 24 + 15]).isEqualTo((byte) 0);
    }

    @Test
    void unpairedFilesAreReportedByName() {
        Dataset omron = Datasets.dutOmron(Fixtures.fixture("dut-omron"));
        assertThat(omron.size()).isEqualTo(1);
        assertThat(omron.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("im002.jpg");
            assertThat(p.problem()).contains("no mask");
        });
        assertThatThrownBy(omron::requireNoProblems).isInstanceOf(DatasetException.class).hasMessageContaining("im002.jpg");

        Path folder = Fixtures.fixture("folder");
        Dataset f = Datasets.folder("folder", folder.resolve("images"), folder.resolve("masks"));
        assertThat(all(f)).extracting(Sample::id).containsExactly("broken", "p", "q");
        assertThat(f.problems()).singleElement().satisfies(p -> assertThat(p.file()).endsWith("orphan.png"));
    }

    @Test
    void duplicateStemsAreProblems(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        Path src = Fixtures.fixture("folder").resolve("images").resolve("p.png");
        Files.copy(src, images.resolve("x.png"));
        Files.copy(src, images.resolve("x.jpg"));
        Files.copy(src, masks.resolve("x.png"));
        Dataset d = Datasets.folder("dup", images, masks);
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.problems()).singleElement().satisfies(p -> assertThat(p.problem()).contains("same stem 'x'"));
    }

    @Test
    void cubReadsBoxesMasksAndSplit() {
        Path root = Fixtures.fixture("cub");
        Dataset all = Datasets.cub(root, null);
        assertThat(all.size()).isEqualTo(2);
        assertThat(all.groundTruth()).containsExactlyInAnyOrder(GroundTruthKind.MASK, GroundTruthKind.BOXES);
        Sample tiny = all(all).get(1);
        assertThat(tiny.id()).isEqualTo("Tiny_Bird_0001_1");
        assertThat(tiny.loadBoxes()).containsExactly(new BoundingBox(6, 4, 14, 12));
        // Inside value 200 >= 128 -> foreground.
        assertThat(tiny.loadMask().pixels()[5 * 24 + 7]).isEqualTo((byte) 1);
        Dataset test = Datasets.cub(root, "test");
        assertThat(all(test)).extracting(Sample::id).containsExactly("Small_Bird_0002_2");
        assertThatThrownBy(() -> Datasets.cub(root, "val")).hasMessageContaining("split for cub must be train or test")
                .hasMessageContaining("val");
    }

    @Test
    void vocConvertsOneBasedInclusiveBoxesAndReportsMissingImages() {
        Dataset voc = Datasets.open("voc07", Fixtures.fixture("voc07"), null, null, null);
        assertThat(voc.size()).isEqualTo(2);
        assertThat(voc.problems()).singleElement().satisfies(p -> assertThat(p.file()).endsWith("000003.jpg"));
        List<Sample> s = all(voc);
        assertThat(s.get(0).loadBoxes()).containsExactly(new BoundingBox(6, 4, 14, 12));
        assertThat(s.get(1).loadBoxes()).containsExactly(new BoundingBox(14, 14, 20, 20), new BoundingBox(2, 2, 10, 10));
        assertThat(s.get(1).hasMask()).isFalse();
        Dataset voc12 = Datasets.open("voc12", Fixtures.fixture("voc12"), "trainval", null, null);
        assertThat(voc12.name()).isEqualTo("voc12");
        assertThat(all(voc12).get(0).loadBoxes()).hasSize(1);
    }

    @Test
    void malformedVocAnnotationNamesTheFile(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("bad.xml");
        Files.writeString(xml, "<annotation><object><bndbox><xmin>a</xmin></bndbox></object></annotation>");
        assertThatThrownBy(() -> VocAnnotations.readBoxes(xml)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("bad.xml").hasMessageContaining("xmin is 'a'");
    }

    @Test
    void bsdsGroundTruthFromAWrittenMatFile(@TempDir Path dir) throws Exception {
        // A 1x2 cell of structs with uint16 Segmentation maps (3 rows x 4 columns), written with MFL.
        Cell cell = Mat5.newCell(1, 2);
        for (int a = 0; a < 2; a++) {
            Matrix seg = Mat5.newMatrix(3, 4, MatlabType.UInt16);
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    seg.setInt(y, x, x < 2 + a ? 1 : 5);
                }
            }
            Struct s = Mat5.newStruct();
            s.set("Segmentation", seg);
            cell.set(a, s);
        }
        MatFile mat = Mat5.newMatFile().addArray("groundTruth", cell);
        Path file = dir.resolve("12003.mat");
        Mat5.writeToFile(mat, file.toFile());
        List<LabelMap> maps = BsdsGroundTruth.read(file);
        assertThat(maps).hasSize(2);
        assertThat(maps.get(0).width()).isEqualTo(4);
        assertThat(maps.get(0).height()).isEqualTo(3);
        assertThat(maps.get(0).count()).isEqualTo(2);
        assertThat(maps.get(0).labels()).containsExactly(0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1);
        assertThat(maps.get(1).label(2, 1)).isEqualTo(0);

        Path notMat = dir.resolve("x.mat");
        Files.writeString(notMat, "nope");
        assertThatThrownBy(() -> BsdsGroundTruth.read(notMat)).isInstanceOf(DatasetException.class).hasMessageContaining("x.mat");
    }

    @Test
    void realEcssdFirstImages() {
        Dataset d = Datasets.ecssd(SharedData.require("datasets/" + "ECSSD"));
        assertThat(d.size()).isEqualTo(1000);
        assertThat(d.problems()).isEmpty();
        Sample first = d.iterator().next();
        assertThat(first.id()).isEqualTo("0001");
        PlanarImage img = first.loadImage();
        BinaryMask m = first.loadMask();
        assertThat(m.width()).isEqualTo(img.width());
        assertThat(m.height()).isEqualTo(img.height());
        int fg = 0;
        for (byte b : m.pixels()) {
            fg += b;
        }
        assertThat(fg).isBetween(1, m.pixels().length - 1);
        assertThat(d.limit(3).size()).isEqualTo(3);
    }

    @Test
    void realBsdsGroundTruth() {
        Dataset d = Datasets.bsds500(SharedData.require("datasets/" + "BSDS500"), "test");
        assertThat(d.size()).isEqualTo(200);
        assertThat(d.problems()).isEmpty();
        Sample s = d.iterator().next();
        PlanarImage img = s.loadImage();
        List<LabelMap> gts = s.loadSegmentations();
        assertThat(gts.size()).isBetween(4, 9);
        for (LabelMap g : gts) {
            assertThat(g.width()).isEqualTo(img.width());
            assertThat(g.height()).isEqualTo(img.height());
            assertThat(g.count()).isGreaterThan(1);
        }
    }
}
