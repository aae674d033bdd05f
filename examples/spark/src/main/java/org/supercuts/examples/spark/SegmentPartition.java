package org.supercuts.examples.spark;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.examples.cli.SmallImages;
import org.supercuts.image.ImageDecoder;
import org.supercuts.image.ImageReadOptions;
import org.supercuts.image.Masks;
import org.supercuts.image.PlanarImage;
import org.supercuts.render.Pictures;

/**
 * Segments the images of one partition of {@code binaryFile} rows ({@code path}, {@code content}), one image at a time,
 * with the executor's shared pipeline ({@link ExecutorPipelines}), and yields one table row per image
 * ({@link SegmentRows}). Rows are produced lazily, so a partition never holds more than one image's result.
 *
 * <p>A bad image never fails the task: an image that cannot be decoded or segmented (including running out of memory on
 * it) becomes a row with its error. Invalid options and a failing output file system do fail it: they are not the
 * image's fault, and Spark retries the task elsewhere before failing the job with the message.
 *
 * <p>Thread safety: each task deserialises its own copy; the shared pipeline is thread-safe.
 */
final class SegmentPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SegmentPartition.class);

    private final PipelineArgs options;
    private final PngOutputs png;
    private final Broadcast<SerializableConfiguration> hadoopConf;
    private final LongAccumulator segmented;
    private final LongAccumulator failed;

    /**
     * @param png where to write the pictures, or null for the table only
     * @param hadoopConf the job's Hadoop configuration (for the picture outputs)
     * @param segmented counts the images segmented (may over-count when Spark retries a task)
     * @param failed counts the error rows (likewise)
     */
    SegmentPartition(PipelineArgs options, PngOutputs png, Broadcast<SerializableConfiguration> hadoopConf,
            LongAccumulator segmented, LongAccumulator failed) {
        this.options = options;
        this.png = png;
        this.hadoopConf = hadoopConf;
        this.segmented = segmented;
        this.failed = failed;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        TaskContext task = TaskContext.get();
        Pipeline pipeline = ExecutorPipelines.pipeline(options, task == null ? 1 : task.cpus());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public Row next() {
                Row in = input.next();
                return segment(pipeline, in.getString(in.fieldIndex("path")), in.getAs("content"));
            }
        };
    }

    private Row segment(Pipeline pipeline, String path, byte[] content) {
        long t0 = System.nanoTime();
        PlanarImage image;
        Segmentation s;
        Map<String, BufferedImage> pictures;
        long decoded;
        long done;
        java.nio.file.Path local = null;
        try {
            // segment's decoder (TwelveMonkeys, EXIF orientation, corrupt files refused) reads files: hand it the bytes as one.
            local = Files.createTempFile("supercuts-", suffix(path));
            Files.write(local, content);
            image = ImageDecoder.read(local, ImageReadOptions.defaults()).image();
            decoded = System.nanoTime();
            s = SmallImages.fit(pipeline, image.width(), image.height()).pipeline().segment(image);
            done = System.nanoTime();
            pictures = png == null ? null : pictures(image, s);
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            failed.add(1);
            String message = local == null ? message(e) : message(e).replace(local.toString(), path);
            LOG.warn("{}: {}", path, message);
            return SegmentRows.failed(path, message, options);
        } finally {
            deleteQuietly(local);
        }
        String prefix = null;
        if (pictures != null) {
            prefix = png.write(path, pictures, hadoopConf.value().value());
        }
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("decode", (decoded - t0) / 1e6);
        if (pictures != null) {
            timings.put("png", (System.nanoTime() - done) / 1e6); // drawing and writing
        }
        segmented.add(1);
        return SegmentRows.segmented(path, s, timings, prefix, options);
    }

    /**
     * The pictures of segment's default output set (--pictures all), keyed by the suffix of their file names: with
     * objects also their 16-bit label maps ({@code objects}, {@code parts}) and the {@code objects-overlay}.
     */
    static Map<String, BufferedImage> pictures(PlanarImage image, Segmentation s) {
        Map<String, BufferedImage> pictures = new LinkedHashMap<>();
        pictures.put("mask", Masks.toBufferedImage(s.mask(), image.width(), image.height()));
        pictures.put("soft", Masks.softToBufferedImage(s.softMask(), image.width(), image.height()));
        pictures.put("overlay", Pictures.overlay(image, s));
        pictures.put("levels", Pictures.levels(image, s.levels()));
        if (s.hasObjects()) {
            pictures.put("objects", s.objectSet().objectLabels().toBufferedImage());
            pictures.put("parts", s.objectSet().partLabels().toBufferedImage());
            pictures.put("objects-overlay", Pictures.objects(image, s.objectSet()));
        }
        return pictures;
    }

    private static String suffix(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : ".img";
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", file, e.toString());
            }
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof OutOfMemoryError) {
            return "out of memory on this image (" + (m == null ? "" : m + "; ") + "give the executors more memory or use fewer"
                    + " superpixels)";
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
