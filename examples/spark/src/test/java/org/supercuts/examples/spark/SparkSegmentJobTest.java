package org.supercuts.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supercuts.examples.cli.SuperCutsCli;
import org.supercuts.image.CocoRle;
import org.supercuts.testing.SharedData;

/**
 * The job in local mode ({@code local[2]}) on small generated images, against {@code ./supercuts segment} run in-process on
 * the same files with the same options.
 */
class SparkSegmentJobTest {
    private static final List<String> PICTURES = List.of("mask", "soft", "overlay", "levels");
    private static final List<String> OBJECT_PICTURES = List.of("objects", "parts", "objects-overlay");
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("SparkSegmentJobTest").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run job(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SparkSegmentCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A bright ellipse on a noisy darker background, different per seed. */
    private static void writeImage(Path path, int width, int height, long seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        double cx = width * (0.35 + 0.3 * random.nextDouble());
        double cy = height * (0.35 + 0.3 * random.nextDouble());
        double rx = width * 0.22;
        double ry = height * 0.25;
        int object = 0xd0 << 16 | (0x40 + random.nextInt(0x80)) << 8 | 0x30;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = (x - cx) / rx;
                double dy = (y - cy) / ry;
                int base = dx * dx + dy * dy <= 1 ? object : 0x305070;
                int noise = random.nextInt(24);
                int r = Math.min(255, ((base >> 16) & 0xff) + noise);
                int g = Math.min(255, ((base >> 8) & 0xff) + noise);
                int b = Math.min(255, (base & 0xff) + noise);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        Files.createDirectories(path.getParent());
        String name = path.getFileName().toString();
        ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), path.toFile());
    }

    private List<Path> writeImages(Path in) throws IOException {
        List<Path> images = new ArrayList<>();
        images.add(in.resolve("a.png"));
        images.add(in.resolve("b.jpg"));
        images.add(in.resolve("sub").resolve("c.png"));
        images.add(in.resolve("sub").resolve("deeper").resolve("d.jpg"));
        images.add(in.resolve("odd [1] {x}.png"));
        int[][] sizes = {{96, 72}, {80, 100}, {120, 64}, {64, 64}, {100, 75}};
        for (int i = 0; i < images.size(); i++) {
            writeImage(images.get(i), sizes[i][0], sizes[i][1], 17 + i);
        }
        return images;
    }

    private static Map<String, Row> rowsByFileName(Path table) {
        Map<String, Row> rows = new HashMap<>();
        for (Row r : spark.read().parquet(table.toString()).collectAsList()) {
            String path = r.getString(r.fieldIndex("path"));
            assertThat(rows.put(path.substring(path.lastIndexOf('/') + 1), r)).as("one row per image: %s", path).isNull();
        }
        return rows;
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** The CLI's mask as 0/1 bytes, row-major. */
    private static byte[] cliMask(Path png) throws IOException {
        BufferedImage mask = ImageIO.read(png.toFile());
        byte[] bits = new byte[mask.getWidth() * mask.getHeight()];
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                bits[y * mask.getWidth() + x] = (byte) (mask.getRaster().getSample(x, y, 0) != 0 ? 1 : 0);
            }
        }
        return bits;
    }

    private void assertSameAsTheCli(List<Path> images, Path in, Path table, Path pictures, String... options) throws IOException {
        Path cliOut = dir.resolve("cli");
        List<String> cliArgs = new ArrayList<>(List.of("segment", "--out", cliOut.toString(), "--threads", "2"));
        cliArgs.addAll(List.of(options));
        images.forEach(p -> cliArgs.add(p.toString()));
        assertThat(SuperCutsCli.run(cliArgs.toArray(String[]::new))).isZero();
        Map<String, Row> rows = rowsByFileName(table);
        ObjectMapper json = new ObjectMapper();
        for (Path image : images) {
            Row row = rows.get(image.getFileName().toString());
            assertThat(row).as("row of %s", image).isNotNull();
            assertThat(row.<String>getAs("error")).as("error of %s", image).isNull();
            String stem = stem(image);
            JsonNode cli = json.readTree(cliOut.resolve(stem + ".json").toFile());
            int w = row.getAs("width");
            int h = row.getAs("height");
            assertThat(w).isEqualTo(cli.get("width").asInt());
            assertThat(h).isEqualTo(cli.get("height").asInt());
            assertThat(row.<Integer>getAs("superpixels")).isEqualTo(cli.get("superpixels").asInt());
            List<Integer> levels = new ArrayList<>();
            cli.get("levels").forEach(n -> levels.add(n.asInt()));
            assertThat(row.<Integer>getList(row.fieldIndex("levels"))).isEqualTo(levels);
            Row box = row.getAs("box");
            if (cli.get("box").isNull()) {
                assertThat(box).as("box of %s, which has an empty mask", image).isNull();
            } else {
                assertThat(boxAsJson(json, box)).isEqualTo(cli.get("box"));
            }
            Row mask = row.getAs("mask");
            assertThat(mask.<Integer>getList(0)).containsExactly(h, w);
            byte[] fromTable = CocoRle.fromCompressed(h, w, mask.getString(1)).decode();
            assertThat(fromTable).as("mask of %s, decoded from the table's RLE", image).isEqualTo(cliMask(cliOut.resolve(stem
                    + "-mask.png")));
            String relative = in.relativize(image).toString();
            Path prefix = pictures.resolve(relative.substring(0, relative.lastIndexOf('.')));
            List<String> expected = new ArrayList<>(PICTURES);
            if (cli.has("objects")) {
                expected.addAll(OBJECT_PICTURES);
            }
            for (String picture : expected) {
                assertThat(cliOut.resolve(stem + "-" + picture + ".png")).exists();
                Path ours = Path.of(prefix + "-" + picture + ".png");
                assertThat(Files.readAllBytes(ours)).as("%s byte for byte", ours)
                        .isEqualTo(Files.readAllBytes(cliOut.resolve(stem + "-" + picture + ".png")));
            }
            assertThat(row.<String>getAs("png")).endsWith(prefix.toString());
            assertThat(row.<scala.collection.Map<String, Double>>getAs("timings_ms").contains("decode")).isTrue();
            assertThat(row.<Row>getAs("provenance").<String>getAs("version")).isEqualTo(cli.get("provenance").get("version").asText());
            if (cli.has("objects")) {
                assertThat(objectsAsJson(row.getList(row.fieldIndex("objects")))).as("objects of %s", image)
                        .isEqualTo(cli.get("objects"));
                assertThat(row.<String>getAs("objects_reason")).isEqualTo(cli.get("objects_reason").asText());
            } else {
                assertThat(row.<Object>getAs("objects")).isNull();
                assertThat(row.<Object>getAs("objects_reason")).isNull();
            }
        }
    }

    /** The objects column as segment's JSON spells it: boxes as [x0, y0, x1, y1], the mask under "rle". */
    private static JsonNode objectsAsJson(List<Row> objects) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode out = json.createArrayNode();
        for (Row o : objects) {
            ObjectNode n = out.addObject();
            n.put("id", o.<Integer>getAs("id"));
            n.put("score", o.<Double>getAs("score"));
            n.set("box", boxAsJson(json, o.getAs("box")));
            n.put("area", o.<Long>getAs("area"));
            ArrayNode parts = n.putArray("parts");
            for (Row p : o.<Row>getList(o.fieldIndex("parts"))) {
                ObjectNode pn = parts.addObject();
                pn.put("id", p.<Integer>getAs("id"));
                pn.put("area", p.<Long>getAs("area"));
                pn.set("box", boxAsJson(json, p.getAs("box")));
            }
            Row rle = o.getAs("rle");
            ObjectNode r = n.putObject("rle");
            ArrayNode size = r.putArray("size");
            rle.<Integer>getList(0).forEach(size::add);
            r.put("counts", rle.getString(1));
        }
        return json.readTree(json.writeValueAsString(out)); // numbers as the parser types them (int, not long)
    }

    private static ArrayNode boxAsJson(ObjectMapper json, Row box) {
        return json.createArrayNode().add(box.getInt(0)).add(box.getInt(1)).add(box.getInt(2)).add(box.getInt(3));
    }

    @Test
    void objectsAndTheirPicturesAreTheCliSAndAnImageWithoutObjectsSaysWhy() throws IOException {
        Path in = dir.resolve("in");
        List<Path> images = new ArrayList<>(writeImages(in).subList(0, 3));
        Files.delete(in.resolve("sub/deeper/d.jpg"));
        Files.delete(in.resolve("odd [1] {x}.png"));
        Path flat = in.resolve("flat.png");
        BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[64 * 48];
        Arrays.fill(pixels, 0x808080);
        grey.setRGB(0, 0, 64, 48, pixels, 0, 64);
        ImageIO.write(grey, "png", flat.toFile());
        images.add(flat);
        Path table = dir.resolve("table");
        Path pictures = dir.resolve("png");
        Run r = job("--images", in.toString(), "--out", table.toString(), "--png", pictures.toString(), "--superpixels", "60",
                "--objects");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 image(s) listed, 0 already in the table (skipped), 4 segmented, 0 failed");
        Map<String, Row> rows = rowsByFileName(table);
        assertThat(rows.get("flat.png").<String>getAs("options")).isEqualTo("--objects --superpixels=60");
        assertThat(rows.get("flat.png").getList(rows.get("flat.png").fieldIndex("objects"))).isEmpty();
        assertThat(rows.get("flat.png").<String>getAs("objects_reason")).isNotBlank();
        assertThat(rows.get("a.png").getList(rows.get("a.png").fieldIndex("objects"))).as("the ellipse of a.png").isNotEmpty();
        assertSameAsTheCli(images, in, table, pictures, "--superpixels", "60", "--objects");
    }

    @Test
    void masksAndPicturesAreTheCliSAndACorruptImageIsARowWithItsError() throws IOException {
        Path in = dir.resolve("in");
        List<Path> images = writeImages(in);
        Files.write(in.resolve("broken.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
        Files.writeString(in.resolve("notes.txt"), "not an image, and not matched by the glob");
        Path table = dir.resolve("table");
        Path pictures = dir.resolve("png");
        Run r = job("--images", in.toString(), "--out", table.toString(), "--png", pictures.toString(), "--superpixels", "60");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 image(s) listed, 0 already in the table (skipped), 5 segmented, 1 failed");

        Map<String, Row> rows = rowsByFileName(table);
        assertThat(rows).containsOnlyKeys("a.png", "b.jpg", "c.png", "d.jpg", "odd [1] {x}.png", "broken.jpg");
        Row broken = rows.get("broken.jpg");
        assertThat(broken.<String>getAs("error")).startsWith("image file:").contains("in/broken.jpg").doesNotContain("supercuts-");
        assertThat(broken.<Object>getAs("mask")).isNull();
        assertThat(broken.<String>getAs("options")).isEqualTo("--superpixels=60");
        assertSameAsTheCli(images, in, table, pictures, "--superpixels", "60");
    }

    @Test
    void aReRunSkipsFinishedImagesSegmentsNewOnesAndRefusesOtherOptions() throws IOException {
        Path in = dir.resolve("in");
        writeImage(in.resolve("one.png"), 64, 48, 1);
        Files.write(in.resolve("bad.png"), new byte[] {1, 2, 3});
        Path table = dir.resolve("table");
        String[] args = {"--images", in.toString(), "--out", table.toString(), "--superpixels", "40"};
        assertThat(job(args).out()).contains("2 image(s) listed, 0 already in the table (skipped), 1 segmented, 1 failed");
        Run again = job(args);
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("2 image(s) listed, 2 already in the table (skipped), 0 segmented, 0 failed");
        writeImage(in.resolve("two.png"), 48, 64, 2);
        assertThat(job(args).out()).contains("3 image(s) listed, 2 already in the table (skipped), 1 segmented, 0 failed");
        assertThat(rowsByFileName(table)).containsOnlyKeys("one.png", "bad.png", "two.png");

        writeImage(in.resolve("three.png"), 48, 48, 3);
        Run other = job("--images", in.toString(), "--out", table.toString(), "--superpixels", "50");
        assertThat(other.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(other.err()).contains("--superpixels=40").contains("--superpixels=50").contains("other segment options");
        assertThat(rowsByFileName(table)).containsOnlyKeys("one.png", "bad.png", "two.png");
    }

    @Test
    void badOptionsAndFoldersAreRefusedWithTheirName() throws IOException {
        Path in = dir.resolve("in");
        writeImage(in.resolve("one.png"), 64, 48, 4);
        Path table = dir.resolve("table").toAbsolutePath();
        Run objects = job("--images", in.toString(), "--out", table.toString(), "--max-objects", "0");
        assertThat(objects.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(objects.err()).contains("--max-objects must be >= 1, got 0");
        Run missing = job("--images", dir.resolve("nowhere").toString(), "--out", table.toString());
        assertThat(missing.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("--images").contains("nowhere").contains("does not exist");
        Run superpixels = job("--images", in.toString(), "--out", table.toString(), "--superpixels", "1");
        assertThat(superpixels.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(superpixels.err()).contains("--superpixels must be >= 2");
        Run picturesInside = job("--images", in.toString(), "--out", table.toString(), "--png", in.resolve("png").toString());
        assertThat(picturesInside.exit()).isEqualTo(SuperCutsCli.EXIT_BAD_INPUT);
        assertThat(picturesInside.err()).contains("--png").contains("inside --images");
        assertThat(table).doesNotExist();
    }

    @Test
    void ssnMasksAreTheCliSWithOnePipelinePerJvm() throws IOException {
        Optional<Path> shared = SharedData.root();
        Assumptions.assumeTrue(shared.isPresent(), "../shared is absent: the SSN model is needed for this test");
        Path model = shared.get().resolve("models/ssn/ssn_bsds_pixel_features.onnx");
        Assumptions.assumeTrue(Files.exists(model), model + " is absent");
        Path in = dir.resolve("in");
        List<Path> images = writeImages(in).subList(0, 3);
        Files.delete(in.resolve("sub/deeper/d.jpg"));
        Files.delete(in.resolve("odd [1] {x}.png"));
        Path table = dir.resolve("table");
        Path pictures = dir.resolve("png");
        String[] options = {"--superpixels-method", "ssn", "--ssn-model", model.toString(), "--superpixels", "50"};
        List<String> args = new ArrayList<>(List.of("--images", in.toString(), "--out", table.toString(), "--png", pictures.toString()));
        args.addAll(List.of(options));
        int before = ExecutorPipelines.builtCount();
        Run r = job(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 image(s) listed, 0 already in the table (skipped), 3 segmented, 0 failed");
        assertThat(ExecutorPipelines.builtCount()).as("pipelines (and ONNX sessions) built for the run").isEqualTo(before + 1);
        assertSameAsTheCli(images, in, table, pictures, options);
    }
}
