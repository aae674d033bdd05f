package org.supercuts.examples.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.supercuts.Provenance;
import org.supercuts.Segmentation;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.CocoRle;
import org.supercuts.image.LabelMap;
import org.supercuts.image.Masks;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The job's table: one row per image. Columns (all but {@code path} and {@code options} are null in an error row):
 * <ul>
 *   <li>{@code path} (string): the image's URI as the {@code binaryFile} source gives it, the key a re-run skips on;</li>
 *   <li>{@code width}, {@code height} (int);</li>
 *   <li>{@code box} (struct x0, y0, x1, y1; x1 and y1 exclusive): the object's box, null when there is no object;</li>
 *   <li>{@code mask} (struct size [height, width], counts): the mask in COCO's compressed RLE, as pycocotools writes it
 *       ({@code pycocotools.mask.decode({"size": size, "counts": counts})} reads it);</li>
 *   <li>{@code objects} (array of struct id, score, box, area, parts, mask): reserved for {@code --objects}, always null
 *       in this version;</li>
 *   <li>{@code superpixels} (int) and {@code levels} (array of int): segment counts of the superpixels and of each
 *       hierarchy level, coarse to fine;</li>
 *   <li>{@code foreground_fraction} (double);</li>
 *   <li>{@code timings_ms} (map string to double): the pipeline's stage timings plus {@code decode} and {@code png};</li>
 *   <li>{@code provenance} (struct version, device, seed, stages map): as in {@code segment}'s JSON;</li>
 *   <li>{@code png} (string): where the pictures went ({@code PREFIX-mask.png} ...), null without {@code --png};</li>
 *   <li>{@code options} (string): the segment options of the run that wrote the row;</li>
 *   <li>{@code error} (string): why the image failed, null for a segmented image.</li>
 * </ul>
 *
 * <p>Thread safety: stateless.
 */
final class SegmentRows {
    static final String PATH = "path";
    static final String OPTIONS = "options";
    static final String ERROR = "error";

    private static final StructType BOX = new StructType()
            .add("x0", DataTypes.IntegerType, false).add("y0", DataTypes.IntegerType, false)
            .add("x1", DataTypes.IntegerType, false).add("y1", DataTypes.IntegerType, false);
    private static final StructType RLE = new StructType()
            .add("size", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("counts", DataTypes.StringType, false);
    private static final StructType OBJECT = new StructType()
            .add("id", DataTypes.IntegerType, false).add("score", DataTypes.DoubleType, false)
            .add("box", BOX, false).add("area", DataTypes.LongType, false).add("parts", DataTypes.IntegerType, false)
            .add("mask", RLE, false);
    private static final StructType PROVENANCE = new StructType()
            .add("version", DataTypes.StringType, true).add("device", DataTypes.StringType, true)
            .add("seed", DataTypes.LongType, false)
            .add("stages", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true), true);

    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField(PATH, DataTypes.StringType, false),
        DataTypes.createStructField("width", DataTypes.IntegerType, true),
        DataTypes.createStructField("height", DataTypes.IntegerType, true),
        DataTypes.createStructField("box", BOX, true),
        DataTypes.createStructField("mask", RLE, true),
        DataTypes.createStructField("objects", DataTypes.createArrayType(OBJECT, false), true),
        DataTypes.createStructField("superpixels", DataTypes.IntegerType, true),
        DataTypes.createStructField("levels", DataTypes.createArrayType(DataTypes.IntegerType, false), true),
        DataTypes.createStructField("foreground_fraction", DataTypes.DoubleType, true),
        DataTypes.createStructField("timings_ms", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), true),
        DataTypes.createStructField("provenance", PROVENANCE, true),
        DataTypes.createStructField("png", DataTypes.StringType, true),
        DataTypes.createStructField(OPTIONS, DataTypes.StringType, false),
        DataTypes.createStructField(ERROR, DataTypes.StringType, true),
    });

    private SegmentRows() {
    }

    /** The row of a segmented image. */
    static Row segmented(String path, Segmentation s, Map<String, Double> extraTimings, String png, PipelineArgs options) {
        int w = s.width();
        int h = s.height();
        byte[] mask = s.mask();
        CocoRle rle = CocoRle.encode(mask, w, h);
        List<Integer> levels = new ArrayList<>();
        for (LabelMap level : s.levels()) {
            levels.add(level.count());
        }
        Map<String, Double> timings = new TreeMap<>(s.timingsMillis());
        timings.putAll(extraTimings);
        Provenance p = s.provenance();
        Row provenance = RowFactory.create(p.libraryVersion(), p.device(), p.seed(), scalaMap(new TreeMap<>(p.stages())));
        return RowFactory.create(path, w, h, s.box().map(SegmentRows::box).orElse(null),
                RowFactory.create(seq(List.of(h, w)), rle.compressedCounts()), null, s.superpixels().count(), seq(levels),
                Masks.count(mask) / (double) mask.length, scalaMap(timings), provenance, png, options.canonical(), null);
    }

    /** The row of an image that could not be segmented. */
    static Row failed(String path, String error, PipelineArgs options) {
        return RowFactory.create(path, null, null, null, null, null, null, null, null, null, null, null, options.canonical(),
                error);
    }

    private static Row box(BoundingBox b) {
        return RowFactory.create(b.x0(), b.y0(), b.x1(), b.y1());
    }

    private static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
        return CollectionConverters.asScala(values).toList();
    }

    private static <K, V> scala.collection.Map<K, V> scalaMap(Map<K, V> values) {
        return CollectionConverters.asScala(values);
    }
}
