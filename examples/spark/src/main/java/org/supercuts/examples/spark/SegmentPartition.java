package org.supercuts.examples.spark;

import java.awt.image.BufferedImage;
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
import org.supercuts.examples.cli.SegmentCommand;
import org.supercuts.image.PlanarImage;

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
        try {
            image = PlanarImage.decode(content, java.nio.file.Path.of(path));
            decoded = System.nanoTime();
            s = pipeline.segment(image);
            done = System.nanoTime();
            pictures = png == null ? null : SegmentCommand.pictures(image, s);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            failed.add(1);
            // The exception names the java.nio Path, which spells hdfs://host/x as hdfs:/host/x; name the URI as listed.
            String message = message(e).replace(java.nio.file.Path.of(path).toString(), path);
            LOG.warn("{}: {}", path, message);
            return SegmentRows.failed(path, message, options);
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

    static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof OutOfMemoryError) {
            return "out of memory on this image (" + (m == null ? "" : m + "; ") + "give the executors more memory or use fewer"
                    + " superpixels)";
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
