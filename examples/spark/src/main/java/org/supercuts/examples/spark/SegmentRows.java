package org.supercuts.examples.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.supercuts.Provenance;
import org.supercuts.Segmentation;
import org.supercuts.examples.cli.ObjectsJson;
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
 *   <li>{@code objects} (array of struct id, score, box, area, parts, rle), with {@code --objects}: the objects in
 *       descending score, each with its box (as the {@code box} column), area, parts (array of struct id, area, box) and
 *       mask (as the {@code mask} column): what {@code segment} writes in the {@code objects} array of its JSON, made by
 *       the same code ({@link ObjectsJson}); an empty array when the image has no object, null without
 *       {@code --objects};</li>
 *   <li>{@code objects_reason} (string), with {@code --objects}: why the search ended, for zero objects why none
 *       qualified ({@code segment}'s {@code objects_reason}); null without {@code --objects};</li>
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
    private static final StructType PART = new StructType()
            .add("id", DataTypes.IntegerType, false).add("area", DataTypes.LongType, false).add("box", BOX, false);
    /** The fields and their order are those of {@link ObjectsJson}'s maps: rows are filled from them by name. */
    private static final StructType OBJECT = new StructType()
            .add("id", DataTypes.IntegerType, false).add("score", DataTypes.DoubleType, false)
            .add("box", BOX, false).add("area", DataTypes.LongType, false)
            .add("parts", DataTypes.createArrayType(PART, false), false).add("rle", RLE, false);
    private static final ArrayType OBJECTS = DataTypes.createArrayType(OBJECT, false);
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
        DataTypes.createStructField("objects", OBJECTS, true),
        DataTypes.createStructField("objects_reason", DataTypes.StringType, true),
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
        Object objects = s.hasObjects() ? value(ObjectsJson.objects(s.objectSet()), OBJECTS) : null;
        String objectsReason = s.hasObjects() ? s.objectSet().reason() : null;
        return RowFactory.create(path, w, h, s.box().map(SegmentRows::box).orElse(null),
                RowFactory.create(seq(List.of(h, w)), rle.compressedCounts()), objects, objectsReason, s.superpixels().count(),
                seq(levels), Masks.count(mask) / (double) mask.length, scalaMap(timings), provenance, png, options.canonical(),
                null);
    }

    /** The row of an image that could not be segmented. */
    static Row failed(String path, String error, PipelineArgs options) {
        return RowFactory.create(path, null, null, null, null, null, null, null, null, null, null, null, null,
                options.canonical(), error);
    }

    /**
     * A JSON-style value as a value of Spark type {@code type}: a map fills a struct by field name, an {@code int[]}
     * fills a struct of int fields by position (a box) or an array, a list fills an array; anything else is kept.
     */
    private static Object value(Object v, DataType type) {
        if (type instanceof StructType struct) {
            StructField[] fields = struct.fields();
            Object[] values = new Object[fields.length];
            for (int f = 0; f < fields.length; f++) {
                if (v instanceof Map<?, ?> map) {
                    if (!map.containsKey(fields[f].name())) {
                        throw new IllegalStateException("no '" + fields[f].name() + "' in " + map.keySet());
                    }
                    values[f] = value(map.get(fields[f].name()), fields[f].dataType());
                } else {
                    values[f] = ((int[]) v)[f];
                }
            }
            return RowFactory.create(values);
        }
        if (type instanceof ArrayType array) {
            List<Object> elements = new ArrayList<>();
            if (v instanceof int[] ints) {
                for (int i : ints) {
                    elements.add(i);
                }
            } else {
                for (Object e : (List<?>) v) {
                    elements.add(value(e, array.elementType()));
                }
            }
            return seq(elements);
        }
        return v;
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
