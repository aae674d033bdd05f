package org.supercuts.examples.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of the job: lists the images ({@code binaryFile} with {@code pathGlobFilter} and
 * {@code recursiveFileLookup}, content not read), leaves out those the table already has a row for, and segments the
 * rest in chunks of {@code commitEvery} images, each chunk appended to the table as one Spark job. A run that dies loses
 * at most the chunk it was working on; the next run starts after the last appended chunk.
 *
 * <p>One run at a time per table: two runs appending to one table at once could segment an image twice.
 *
 * <p>Thread safety: used by one driver thread.
 */
final class SegmentJob {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentJob.class);
    /** Rows per Parquet file of the table (a row is a few kB: the RLE counts and the stage descriptions). */
    private static final int ROWS_PER_FILE = 20_000;
    private static final String MAX_LENGTH = "spark.sql.sources.binaryFile.maxLength";
    private static final String LISTING_TASKS = "spark.sql.sources.parallelPartitionDiscovery.parallelism";

    private final SparkSession spark;
    private final String images;
    private final String glob;
    private final String table;
    private final String png;
    private final PipelineArgs options;
    private final int commitEvery;

    /** What a run did. */
    record Summary(long listed, long skipped, long segmented, long failed, double seconds) {
    }

    SegmentJob(SparkSession spark, String images, String glob, String table, String png, PipelineArgs options, int commitEvery) {
        this.spark = spark;
        this.images = images;
        this.glob = glob;
        this.table = table;
        this.png = png;
        this.options = options;
        this.commitEvery = commitEvery;
    }

    Summary run() throws IOException {
        long t0 = System.nanoTime();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String inputRoot = qualifiedFolder(images, "--images", conf, true);
        String tableRoot = qualifiedFolder(table, "--out", conf, false);
        String pictureRoot = png == null ? null : pictureRoot(inputRoot, conf);
        int taskCores = Integer.parseInt(spark.conf().get("spark.task.cpus", "1"));
        // Invalid options fail here, before any task starts; in local mode the tasks then reuse this very pipeline.
        ExecutorPipelines.pipeline(options, taskCores);

        Map<String, Long> listed = list(inputRoot);
        Set<String> done = finishedPaths(tableRoot, conf);
        List<String> remaining = new ArrayList<>();
        for (String path : new TreeSet<>(listed.keySet())) {
            if (!done.contains(path)) {
                remaining.add(path);
            }
        }
        long skipped = listed.size() - remaining.size();
        LOG.info("{} image(s) under {}, {} already in {}, {} to segment", listed.size(), inputRoot, skipped, tableRoot,
                remaining.size());

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        LongAccumulator segmented = spark.sparkContext().longAccumulator("segmented");
        LongAccumulator failed = spark.sparkContext().longAccumulator("failed");
        PngOutputs pictures = png == null ? null : new PngOutputs(inputRoot, pictureRoot, sharedPrefixes(inputRoot, listed.keySet()));
        Broadcast<SerializableConfiguration> hadoopConf = jsc.broadcast(new SerializableConfiguration(conf));
        SegmentPartition segment = new SegmentPartition(options, pictures, hadoopConf, segmented, failed);

        long maxLength = Long.parseLong(spark.conf().get(MAX_LENGTH, String.valueOf(Integer.MAX_VALUE)));
        List<Row> tooLarge = new ArrayList<>();
        List<String> readable = new ArrayList<>();
        for (String path : remaining) {
            if (listed.get(path) > maxLength) {
                tooLarge.add(SegmentRows.failed(path, "the file has " + listed.get(path) + " bytes; the binaryFile source reads at"
                        + " most " + maxLength + " (" + MAX_LENGTH + ")", options));
            } else {
                readable.add(path);
            }
        }
        if (!tooLarge.isEmpty()) {
            append(spark.createDataFrame(tooLarge, SegmentRows.SCHEMA), tableRoot, tooLarge.size());
            failed.add(tooLarge.size());
        }
        if (!spark.conf().contains(LISTING_TASKS)) {
            // A chunk names its files one by one, and Spark lists more than 32 paths with one task per path by default
            // (up to 10 000): thousands of tiny tasks before the first image. One listing task per core instead.
            spark.conf().set(LISTING_TASKS, String.valueOf(spark.sparkContext().defaultParallelism()));
        }
        for (int from = 0; from < readable.size(); from += commitEvery) {
            List<String> chunk = readable.subList(from, Math.min(readable.size(), from + commitEvery));
            // A first run that fits one chunk reads the listed folder itself: no second file index of every path.
            Dataset<Row> files = chunk.size() == listed.size() ? folder(inputRoot)
                    : spark.read().format("binaryFile").load(escapeGlobs(chunk));
            files = files.select("path", "content");
            append(files.mapPartitions(segment, Encoders.row(SegmentRows.SCHEMA)), tableRoot, chunk.size());
            LOG.info("appended {} of {} image(s) to {}", from + chunk.size(), readable.size(), tableRoot);
        }
        return new Summary(listed.size(), skipped, segmented.value(), failed.value(), (System.nanoTime() - t0) / 1e9);
    }

    private String pictureRoot(String inputRoot, Configuration conf) {
        String root = qualifiedFolder(png, "--png", conf, false);
        if (root.equals(inputRoot) || root.startsWith(inputRoot + "/")) {
            throw new IllegalArgumentException("--png " + png + " lies inside --images " + images + "; the next run would read its"
                    + " pictures as images. Choose a folder outside it");
        }
        return root;
    }

    /** The images of the input folder and its subfolders that pass the glob (content is read only if selected). */
    private Dataset<Row> folder(String inputRoot) {
        return spark.read().format("binaryFile").option("pathGlobFilter", glob).option("recursiveFileLookup", "true").load(inputRoot);
    }

    /** Every image under the input folder that passes the glob, with its length. */
    private Map<String, Long> list(String inputRoot) {
        List<Row> rows = folder(inputRoot).select("path", "length").collectAsList();
        Map<String, Long> listed = new HashMap<>();
        for (Row r : rows) {
            listed.put(r.getString(0), r.getLong(1));
        }
        return listed;
    }

    /**
     * The paths the table already has a row for (segmented or failed), after checking that the table was written with the
     * same segment options; an empty set when there is no table yet.
     */
    private Set<String> finishedPaths(String tableRoot, Configuration conf) throws IOException {
        Path root = new Path(tableRoot);
        FileSystem fs = root.getFileSystem(conf);
        if (!fs.exists(root)) {
            return Set.of();
        }
        // Task outputs of a run that died before its commit would otherwise be committed by this run's first chunk.
        Path temporary = new Path(root, "_temporary");
        if (fs.exists(temporary)) {
            LOG.info("removing {}, left by a run that did not finish", temporary);
            fs.delete(temporary, true);
        }
        boolean hasParquet = false;
        for (FileStatus f : fs.listStatus(root)) {
            hasParquet |= f.isFile() && f.getPath().getName().endsWith(".parquet");
        }
        if (!hasParquet) {
            return Set.of();
        }
        Dataset<Row> existing = spark.read().parquet(tableRoot);
        Set<String> columns = Set.of(existing.columns());
        if (!columns.contains(SegmentRows.PATH) || !columns.contains(SegmentRows.OPTIONS)) {
            throw new IllegalArgumentException("--out " + tableRoot + " holds a Parquet table that this job did not write (no "
                    + SegmentRows.PATH + " and " + SegmentRows.OPTIONS + " columns); choose another folder");
        }
        List<String> before = new ArrayList<>();
        for (Row r : existing.select(SegmentRows.OPTIONS).distinct().collectAsList()) {
            before.add(r.getString(0));
        }
        if (!before.equals(List.of(options.canonical()))) {
            throw new IllegalArgumentException("--out " + tableRoot + " holds results of other segment options (" + describe(before)
                    + "); this run's are " + options + ". Use another --out, or the same options to go on with it");
        }
        Set<String> done = new HashSet<>();
        for (Row r : existing.select(SegmentRows.PATH).distinct().collectAsList()) {
            done.add(r.getString(0));
        }
        return done;
    }

    private static String describe(List<String> options) {
        List<String> described = new ArrayList<>();
        for (String o : options) {
            described.add(o.isEmpty() ? "(defaults)" : o);
        }
        return String.join(" | ", described);
    }

    private static void append(Dataset<Row> rows, String tableRoot, int count) {
        rows.repartition(Math.max(1, (count + ROWS_PER_FILE - 1) / ROWS_PER_FILE)).write().mode(SaveMode.Append).parquet(tableRoot);
    }

    /** Relative prefixes (without extension) that more than one listed input has: their pictures keep the extension. */
    private static Set<String> sharedPrefixes(String inputRoot, Set<String> paths) {
        Set<String> seen = new HashSet<>();
        Set<String> shared = new TreeSet<>();
        for (String p : paths) {
            String stem = PngOutputs.withoutExtension(PngOutputs.relative(inputRoot, p));
            if (!seen.add(stem)) {
                shared.add(stem);
            }
        }
        return shared;
    }

    /** The paths as load() arguments: load() expands globs, and file names may hold glob characters such as [ or {. */
    static String[] escapeGlobs(List<String> paths) {
        String[] escaped = new String[paths.size()];
        for (int i = 0; i < escaped.length; i++) {
            StringBuilder sb = new StringBuilder(paths.get(i).length() + 8);
            for (char c : paths.get(i).toCharArray()) {
                if ("\\{}[]*?".indexOf(c) >= 0) {
                    sb.append('\\');
                }
                sb.append(c);
            }
            escaped[i] = sb.toString();
        }
        return escaped;
    }

    private static String qualifiedFolder(String folder, String option, Configuration conf, boolean mustExist) {
        try {
            Path p = new Path(folder);
            FileSystem fs = p.getFileSystem(conf);
            if (fs.exists(p) && !fs.getFileStatus(p).isDirectory()) {
                throw new IllegalArgumentException(option + " " + folder + " is a file, not a folder");
            }
            if (mustExist && !fs.exists(p)) {
                throw new IllegalArgumentException(option + " " + folder + " does not exist");
            }
            return fs.makeQualified(p).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(option + " " + folder + ": " + e.getMessage(), e);
        }
    }
}
