package org.supercuts.examples.spark;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.supercuts.examples.cli.ObjectOptions;
import org.supercuts.examples.cli.PipelineOptions;
import org.supercuts.examples.cli.SuperCutsCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./supercuts spark --images DIR --out TABLE [--master local[N]] [--png DIR] [segment options]}: the segmentation
 * job on Apache Spark (docs/spark.md). It takes the {@code segment} command's options ({@link PipelineOptions},
 * {@link ObjectOptions}) and builds the same pipeline, so its masks and objects are those of {@code ./supercuts segment}
 * for the same images and options.
 *
 * <p>Exit codes: 0 when the job ran to the end, even if some images failed (their rows hold the error); 2 for bad
 * options or folders; any other failure of Spark ends the program with Spark's error.
 *
 * <p>Thread safety: a command object, used once.
 */
@Command(name = "spark", mixinStandardHelpOptions = true, versionProvider = SuperCutsCli.Version.class, sortOptions = false,
        description = {"Segment a folder of images on Apache Spark: one Parquet row per image (COCO-RLE mask, box, segment counts,"
                + " with --objects the objects, timings, provenance, error), optionally the pictures of 'segment'. A re-run skips the images already in the table.",
                "Takes the options of 'segment'; --threads is ignored (parallelism is the executors' cores, and a task's cores,"
                        + " spark.task.cpus, are the threads of one image)."})
public final class SparkSegmentCommand implements Callable<Integer> {
    static final String DEFAULT_GLOB = "*.{jpg,jpeg,png,bmp,gif,JPG,JPEG,PNG,BMP,GIF}";

    @Option(names = "--images", required = true, paramLabel = "DIR",
            description = "Folder of images, searched recursively (any Hadoop path: local, hdfs://, s3a://).")
    String images;

    @Option(names = "--out", required = true, paramLabel = "TABLE", description = "The Parquet table (a folder); appended to by re-runs.")
    String out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2] (default: the one spark-submit sets, else local[*]).")
    String master;

    @Option(names = "--glob", paramLabel = "PATTERN", description = "File names to read (binaryFile's pathGlobFilter; default: ${DEFAULT-VALUE}).")
    String glob = DEFAULT_GLOB;

    @Option(names = "--png", paramLabel = "DIR",
            description = "Also write segment's pictures (PREFIX-mask.png, -soft, -overlay, -levels; with --objects also -objects,"
                    + " -parts, -objects-overlay) here, mirroring the input tree.")
    String png;

    @Option(names = "--commit-every", paramLabel = "N",
            description = "Images per appended chunk: a run that dies loses at most one chunk (default: ${DEFAULT-VALUE}).")
    int commitEvery = 5000;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, as spark-submit's --conf (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @Mixin
    PipelineOptions pipelineOptions;

    @Mixin
    ObjectOptions objectOptions;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns the exit code (for embedding); uses the active SparkSession if there is one. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, printing to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SparkSegmentCommand()).setCaseInsensitiveEnumValuesAllowed(true).setOut(out).setErr(err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + SegmentPartition.message(ex));
            if (debug) {
                ex.printStackTrace(cmd.getErr());
            }
            return SuperCutsCli.EXIT_BAD_INPUT;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (commitEvery < 1) {
            throw new IllegalArgumentException("--commit-every must be >= 1, got " + commitEvery);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption(PipelineArgs.THREADS)) {
            stderr.println("warning: --threads is ignored by the Spark job: its parallelism is the executors' cores (local[N]),"
                    + " and spark.task.cpus the threads of one image");
        }
        PipelineArgs options = PipelineArgs.matchedIn(parsed);
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = session();
        try {
            SegmentJob.Summary s = new SegmentJob(spark, images, glob, out, png, options, commitEvery).run();
            stdout.printf(Locale.ROOT, "spark: %d image(s) listed, %d already in the table (skipped), %d segmented, %d failed"
                    + " (see the error column); %.1f s, %.2f images/s; table %s%n", s.listed(), s.skipped(), s.segmented(),
                    s.failed(), s.seconds(), (s.segmented() + s.failed()) / Math.max(s.seconds(), 1e-9), out);
            stdout.flush();
            return 0;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    private SparkSession session() {
        SparkConf sparkConf = new SparkConf();
        conf.forEach(sparkConf::set);
        if (master != null) {
            sparkConf.setMaster(master);
        } else if (!sparkConf.contains("spark.master")) {
            sparkConf.setMaster("local[*]");
        }
        if (sparkConf.get("spark.master").startsWith("local") && !sparkConf.contains("spark.ui.enabled")) {
            sparkConf.set("spark.ui.enabled", "false");
        }
        sparkConf.setIfMissing("spark.app.name", "supercuts segment");
        return SparkSession.builder().config(sparkConf).getOrCreate();
    }
}
