package org.supercuts.examples.spark;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.SparkFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supercuts.Pipeline;
import org.supercuts.examples.cli.PipelineOptions;

/**
 * One pipeline per JVM and configuration, built on first use: every task of an executor (and, in local mode, the driver)
 * shares it, so ONNX models are loaded once per executor into one session that all its tasks use (ONNX Runtime sessions
 * may be run from many threads at once, and all of them live in the one {@code OrtEnvironment} of the JVM). The
 * pipelines live until the JVM ends; a shutdown hook closes their native models.
 *
 * <p>A task's cores ({@code spark.task.cpus}, 1 by default) are the threads one image may use: SLIC's threads and ONNX
 * Runtime's intra-op threads. With {@code spark.executor.cores} tasks at once, an executor then runs as many threads as
 * it has cores, instead of every session starting one thread per machine core.
 *
 * <p>Thread safety: safe; concurrent first uses of one configuration build it once (the others wait).
 */
final class ExecutorPipelines {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorPipelines.class);
    private static final Map<Key, PipelineOptions.Built> BUILT = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorPipelines::closeAll, "supercuts-close-pipelines"));
    }

    private record Key(PipelineArgs args, int taskCores) {
    }

    private ExecutorPipelines() {
    }

    /**
     * The pipeline for these options and task cores, built on the first call in this JVM.
     *
     * @throws IllegalArgumentException when the options are invalid (the message names the option)
     */
    static Pipeline pipeline(PipelineArgs args, int taskCores) {
        if (taskCores < 1) {
            throw new IllegalArgumentException("spark.task.cpus must be >= 1, got " + taskCores);
        }
        return BUILT.computeIfAbsent(new Key(args, taskCores), ExecutorPipelines::build).pipeline();
    }

    /** How many pipelines this JVM has built (for tests: one per configuration, however many tasks ran). */
    static int builtCount() {
        return BUILT.size();
    }

    private static PipelineOptions.Built build(Key key) {
        LOG.info("building the pipeline for options {} with {} thread(s) per image", key.args(), key.taskCores());
        PipelineArgs.Parsed options = key.args().parse(ExecutorPipelines::shippedFile);
        options.objects().discovery(); // bad object options are refused before any model is opened
        PipelineOptions.Built built = options.pipeline().build(key.taskCores(), key.taskCores());
        return new PipelineOptions.Built(options.objects().apply(built.pipeline()), built.resources());
    }

    /** A file shipped with {@code spark-submit --files} (or {@code SparkContext.addFile}), found by its name. */
    private static Path shippedFile(Path named) {
        try {
            File shipped = new File(SparkFiles.get(named.getFileName().toString()));
            if (shipped.isFile()) {
                LOG.info("{} does not exist here; using the copy shipped to this executor, {}", named, shipped);
                return shipped.toPath();
            }
        } catch (RuntimeException e) {
            LOG.debug("no SparkFiles copy of {}: {}", named, e.toString());
        }
        return named;
    }

    private static void closeAll() {
        BUILT.values().forEach(PipelineOptions.Built::close);
        BUILT.clear();
    }
}
