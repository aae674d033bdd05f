package org.supercuts.eval.run;

import org.supercuts.eval.Fixtures;
import org.supercuts.testing.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.supercuts.eval.dataset.BinaryMask;
import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.ConfusionCounts;
import org.supercuts.eval.metrics.ObjectMatching;
import org.supercuts.eval.metrics.PrecisionRecallCurve;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EvaluationRunnerTest {

    /** The fixtures' objects are red rectangles: the red channel is a good soft map. */
    private static final Segmenter RED = Segmenter.ofImages(
            img -> Prediction.ofSoft(img.width(), img.height(), img.plane(0).clone(), 0.5), Map.of("segmenter", "red channel"));

    /** {@code predict} described as {@link #RED}, so that a run with it resumes RED's run (same fingerprint). */
    private static Segmenter describedAsRed(Segmenter predict) {
        return new Segmenter() {
            @Override
            public Prediction predict(Sample sample) {
                return predict.predict(sample);
            }

            @Override
            public Map<String, Object> describe() {
                return RED.describe();
            }
        };
    }

    private static Dataset folder() {
        Path f = Fixtures.fixture("folder");
        return Datasets.folder("folder", f.resolve("images"), f.resolve("masks"));
    }

    @Test
    void scoresFolderReportsBadImageAndOrphanByNameAndWritesOutputs(@TempDir Path out) throws Exception {
        List<String> progress = new ArrayList<>();
        EvaluationResult r = EvaluationRunner.builder().dataset(folder()).segmenter(RED).outputDirectory(out).threads(2)
                .listener(new EvaluationListener() {
                    @Override
                    public void imageDone(String id, boolean ok, int completed, int total) {
                        progress.add(id + ":" + ok + ":" + completed + "/" + total);
                    }
                }).build().run();

        assertThat(r.hasErrors()).isTrue();
        assertThat(r.errors()).extracting(EvaluationError::file).anySatisfy(f -> assertThat(f).endsWith("broken.jpg"))
                .anySatisfy(f -> assertThat(f).endsWith("orphan.png"));
        assertThat(progress).hasSize(3).anySatisfy(s -> assertThat(s).startsWith("broken:false"));
        assertThat(r.report().get("images")).isEqualTo(2);

        // Expected values recomputed independently from the metric classes, image by image.
        double iouSum = 0;
        double fSum = 0;
        for (String stem : new String[] {"p", "q"}) {
            Sample s = sampleOf(folder(), stem);
            PlanarImage img = s.loadImage();
            BinaryMask gt = s.loadMask();
            byte[] pred = new byte[img.pixelCount()];
            for (int i = 0; i < pred.length; i++) {
                pred[i] = img.plane(0)[i] >= 0.5f ? (byte) 1 : 0;
            }
            iouSum += ConfusionCounts.of(pred, gt.pixels()).iou();
            fSum += PrecisionRecallCurve.of(img.plane(0), gt.pixels()).maxFBeta(0.3);
        }
        assertThat(r.metric("iou")).isCloseTo(iouSum / 2, within(1e-6));
        assertThat(r.metric("max_fbeta_per_image")).isCloseTo(fSum / 2, within(1e-6));
        assertThat(r.metric("iou")).isLessThan(1.0).isGreaterThan(0.8);

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        for (String key : new String[] {"dataset", "images", "iou", "acc", "max_fbeta", "max_fbeta_per_image", "mae", "corloc",
                "images_per_second", "pipeline", "iou_adaptive", "errors"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("corloc").isNull()).isTrue();
        assertThat(json.get("pipeline").get("segmenter").asText()).isEqualTo("red channel");
        assertThat(json.get("errors").size()).isEqualTo(2);
        assertThat(out.resolve("masks/p-mask.png")).exists();
        assertThat(out.resolve("masks/q-soft.png")).exists();
        assertThat(out.resolve("pr_curve.png")).exists();
        assertThat(Files.readString(out.resolve("report.md"))).contains("broken.jpg").contains("max_fbeta_per_image");
        assertThat(Files.readAllLines(out.resolve("per_image.csv"))).hasSize(4); // header, p, q, broken (error row)
        try (var files = Files.list(out)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
        BinaryMask written = BinaryMask.read(out.resolve("masks/p-mask.png"));
        assertThat(written.width()).isEqualTo(24);
    }

    @Test
    void resumeSkipsFinishedImagesAndSurvivesATruncatedRow(@TempDir Path out) throws Exception {
        Dataset d = Datasets.dutsTe(Fixtures.fixture("duts"));
        EvaluationResult first = EvaluationRunner.builder().dataset(d).segmenter(RED).outputDirectory(out).threads(1).build().run();
        assertThat(first.processed()).isEqualTo(2);
        assertThat(first.hasErrors()).isFalse();

        EvaluationResult again = EvaluationRunner.builder().dataset(d).segmenter(describedAsRed(sample -> {
            throw new AssertionError("finished image " + sample.id() + " must not be processed again");
        })).outputDirectory(out).threads(1).build().run();
        assertThat(again.processed()).isZero();
        assertThat(again.resumed()).isEqualTo(2);
        assertThat(again.metric("iou")).isEqualTo(first.metric("iou"));
        assertThat(again.metric("max_fbeta")).isEqualTo(first.metric("max_fbeta"));

        // Simulate a kill in the middle of writing the second row: cut it short.
        Path rows = out.resolve("per_image.csv");
        List<String> lines = Files.readAllLines(rows);
        String cut = lines.get(2).substring(0, lines.get(2).length() / 2);
        Files.writeString(rows, lines.get(0) + "\n" + lines.get(1) + "\n" + cut);
        Path staleTemporary = out.resolve("masks/.x-mask.png123.tmp");
        Files.writeString(staleTemporary, "partial");
        String lostId = lines.get(2).split(",")[0];
        List<String> processedIds = new ArrayList<>();
        EvaluationResult resumed = EvaluationRunner.builder().dataset(d).segmenter(describedAsRed(sample -> {
            processedIds.add(sample.id());
            return RED.predict(sample);
        })).outputDirectory(out).threads(1).build().run();
        assertThat(processedIds).containsExactly(lostId);
        assertThat(resumed.resumed()).isEqualTo(1);
        assertThat(resumed.report().get("images")).isEqualTo(2);
        assertThat(resumed.metric("iou")).isCloseTo(first.metric("iou"), within(1e-12));
        assertThat(resumed.metric("max_fbeta")).isCloseTo(first.metric("max_fbeta"), within(1e-12));
        assertThat(resumed.metric("mae")).isCloseTo(first.metric("mae"), within(1e-12));
        assertThat(Files.readAllLines(rows)).hasSize(3);
        assertThat(staleTemporary).doesNotExist();
    }

    @Test
    void objectScoresAreReportedAndSurviveAResume(@TempDir Path out) throws Exception {
        // Objects = the 8-connected components of the red-channel mask (the fixtures hold one red rectangle each).
        Segmenter objects = Segmenter.ofImages(img -> {
            Prediction p = Prediction.ofSoft(img.width(), img.height(), img.plane(0).clone(), 0.5);
            ObjectMatching.ObjectLabels c = ObjectMatching.components(p.mask(), img.width(), img.height(), 0.01);
            List<byte[]> masks = new ArrayList<>();
            for (int k = 1; k <= c.count(); k++) {
                byte[] m = new byte[p.mask().length];
                for (int i = 0; i < m.length; i++) {
                    m[i] = c.labels()[i] == k ? (byte) 1 : 0;
                }
                masks.add(m);
            }
            return p.withObjects(masks);
        }, Map.of("segmenter", "red components"));
        Dataset d = Datasets.dutsTe(Fixtures.fixture("duts"));
        EvaluationResult first = EvaluationRunner.builder().dataset(d).segmenter(objects).outputDirectory(out).threads(1)
                .objects(true).build().run();
        assertThat(first.hasErrors()).isFalse();
        assertThat(first.metric("objects_single_recall")).isEqualTo(1.0);
        assertThat(first.metric("objects_single_precision")).isEqualTo(1.0);
        assertThat(first.report().get("objects_single_images")).isEqualTo(2L);
        assertThat(Files.readAllLines(out.resolve("per_image_objects.csv"))).hasSize(3).first()
                .isEqualTo("id,gt_objects,predicted_objects,matched");

        Segmenter finished = new Segmenter() {
            @Override
            public Prediction predict(Sample sample) {
                throw new AssertionError("finished image " + sample.id() + " must not be processed again");
            }

            @Override
            public Map<String, Object> describe() {
                return objects.describe();
            }
        };
        EvaluationResult again = EvaluationRunner.builder().dataset(d).segmenter(finished).outputDirectory(out).threads(1)
                .objects(true).build().run();
        assertThat(again.resumed()).isEqualTo(2);
        assertThat(again.report().get("objects_single_images")).isEqualTo(2L);
        assertThat(again.metric("objects_single_recall")).isEqualTo(1.0);

        // A segmenter without objects is an error per image, not a silent zero.
        EvaluationResult none = EvaluationRunner.builder().dataset(d).segmenter(RED).outputDirectory(out.resolve("none"))
                .threads(1).objects(true).build().run();
        assertThat(none.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.message()).contains("found no objects"));
    }

    @Test
    void predictionsModeScoresMasksWrittenByAnotherRun(@TempDir Path tmp) {
        Dataset d = Datasets.dutsTe(Fixtures.fixture("duts"));
        EvaluationResult original = EvaluationRunner.builder().dataset(d).segmenter(RED).outputDirectory(tmp.resolve("a")).threads(2)
                .build().run();
        EvaluationResult rescored = EvaluationRunner.builder().dataset(d).segmenter(new PredictionDirectory(tmp.resolve("a/masks")))
                .outputDirectory(tmp.resolve("b")).threads(2).writeMasks(false).build().run();
        assertThat(rescored.hasErrors()).isFalse();
        assertThat(rescored.metric("iou")).isEqualTo(original.metric("iou"));
        // The soft PNG holds the same 8-bit levels the curve is computed on.
        assertThat(rescored.metric("max_fbeta")).isCloseTo(original.metric("max_fbeta"), within(1e-6));
        assertThat(rescored.metric("mae")).isCloseTo(original.metric("mae"), within(1.0 / 255));

        EvaluationResult missing = EvaluationRunner.builder().dataset(d).segmenter(new PredictionDirectory(tmp.resolve("b")))
                .outputDirectory(tmp.resolve("c")).threads(1).build().run();
        assertThat(missing.errors()).hasSize(2).allSatisfy(e -> assertThat(e.message()).contains("no prediction for sample"));
    }

    @Test
    void corLocOnVocAndCub(@TempDir Path tmp) {
        EvaluationResult voc = EvaluationRunner.builder().dataset(Datasets.open("voc07", Fixtures.fixture("voc07"), null, null,
                null)).segmenter(RED).outputDirectory(tmp.resolve("voc")).threads(1).build().run();
        // Both predicted boxes match a ground-truth box; the listed-but-missing 000003 is an error.
        assertThat(voc.metric("corloc")).isEqualTo(100.0);
        assertThat(voc.report().get("iou")).isNull();
        assertThat(voc.errors()).singleElement().satisfies(e -> assertThat(e.file()).endsWith("000003.jpg"));

        EvaluationResult cub = EvaluationRunner.builder().dataset(Datasets.cub(Fixtures.fixture("cub"), null)).segmenter(RED)
                .outputDirectory(tmp.resolve("cub")).threads(1).build().run();
        assertThat(cub.hasErrors()).isFalse();
        assertThat(cub.metric("corloc")).isEqualTo(100.0);
        assertThat(cub.metric("iou")).isGreaterThan(0.8);

        // A segmenter predicting nothing localises nothing.
        Segmenter empty = Segmenter.ofImages(img -> Prediction.ofMask(img.width(), img.height(), new byte[img.pixelCount()]),
                Map.of());
        EvaluationResult none = EvaluationRunner.builder().dataset(Datasets.cub(Fixtures.fixture("cub"), null)).segmenter(empty)
                .outputDirectory(tmp.resolve("none")).threads(1).build().run();
        assertThat(none.metric("corloc")).isEqualTo(0.0);
        assertThat(none.metric("iou")).isEqualTo(0.0);
    }

    @Test
    void superpixelMetricsOnRealBsds(@TempDir Path out) {
        Dataset d = Datasets.bsds500(SharedData.require("datasets/" + "BSDS500"), "val").limit(2);
        // A 20x20-pixel grid as superpixels.
        Segmenter grid = Segmenter.ofImages(img -> {
            int w = img.width();
            int cols = (w + 19) / 20;
            int[] l = new int[img.pixelCount()];
            for (int i = 0; i < l.length; i++) {
                l[i] = (i / w) / 20 * cols + (i % w) / 20;
            }
            return Prediction.ofSuperpixels(LabelMap.of(w, img.height(), l));
        }, Map.of("segmenter", "grid 20"));
        EvaluationResult r = EvaluationRunner.builder().dataset(d).segmenter(grid).outputDirectory(out).threads(2).writeMasks(false)
                .build().run();
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.metric("superpixels")).isCloseTo(17 * 25, within(0.0)); // 481x321 or 321x481: 25 x 17 cells
        assertThat(r.metric("boundary_recall")).isBetween(0.2, 0.9);
        assertThat(r.metric("undersegmentation_error")).isBetween(0.01, 0.5);
        assertThat(r.metric("asa")).isBetween(0.7, 1.0);
        assertThat(r.report().get("iou")).isNull();
    }

    @Test
    void realEcssdFewImages(@TempDir Path out) {
        Dataset d = Datasets.ecssd(SharedData.require("datasets/" + "ECSSD")).limit(4);
        // Centre prior: soft = 1 - normalised distance to the centre.
        Segmenter centre = Segmenter.ofImages(img -> {
            int w = img.width();
            int h = img.height();
            float[] s = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = (x - w / 2.0) / (w / 2.0);
                    double dy = (y - h / 2.0) / (h / 2.0);
                    s[y * w + x] = (float) Math.max(0, 1 - Math.sqrt(dx * dx + dy * dy));
                }
            }
            return Prediction.ofSoft(w, h, s, 0.5);
        }, Map.of("segmenter", "centre prior"));
        EvaluationResult r = EvaluationRunner.builder().dataset(d).segmenter(centre).outputDirectory(out).threads(2).build().run();
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.report().get("images")).isEqualTo(4);
        assertThat(r.metric("iou")).isBetween(0.05, 0.95);
        assertThat(r.metric("max_fbeta_per_image")).isGreaterThanOrEqualTo(r.metric("max_fbeta") - 0.2);
        assertThat(r.metric("mae")).isBetween(0.0, 1.0);
    }

    private static Sample sampleOf(Dataset d, String id) {
        for (Sample s : d) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
