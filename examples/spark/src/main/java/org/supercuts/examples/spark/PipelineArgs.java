package org.supercuts.examples.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.supercuts.examples.cli.ObjectOptions;
import org.supercuts.examples.cli.PipelineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code segment} options of one job as the words the user typed, in a canonical order ({@code --name=value},
 * sorted): what the driver ships to the executors, which parse them back into a {@link PipelineOptions} and an
 * {@link ObjectOptions} with picocli, so that the job builds exactly the pipeline {@code ./supercuts segment} builds for
 * the same words. The canonical form
 * is also stored in the table, so that a re-run with other options is noticed.
 *
 * <p>{@code --threads} is left out: in Spark, parallelism is the executors' cores, and a task's cores
 * ({@code spark.task.cpus}) are the threads of one image.
 *
 * <p>Thread safety: immutable.
 */
final class PipelineArgs implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String THREADS = "--threads";

    private final List<String> words;

    private PipelineArgs(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** The segment options and the object options, parsed. */
    record Parsed(PipelineOptions pipeline, ObjectOptions objects) {
    }

    /**
     * The options of the {@link PipelineOptions} and {@link ObjectOptions} mixins that {@code parsed} matched (defaults
     * are not listed).
     */
    static PipelineArgs matchedIn(ParseResult parsed) {
        Set<String> segmentOptions = new TreeSet<>();
        for (OptionSpec o : spec().options()) {
            segmentOptions.add(o.longestName());
        }
        List<String> words = new ArrayList<>();
        for (OptionSpec o : parsed.matchedOptions()) {
            String name = o.longestName();
            if (!segmentOptions.contains(name) || name.equals(THREADS)) {
                continue;
            }
            if (o.arity().max() == 0) {
                if (Boolean.TRUE.equals(o.getValue())) {
                    words.add(name);
                }
            } else {
                for (String v : o.originalStringValues()) {
                    words.add(name + "=" + v);
                }
            }
        }
        words.sort(null);
        return new PipelineArgs(words);
    }

    static PipelineArgs of(String... words) {
        return new PipelineArgs(List.of(words));
    }

    /** The options, parsed as {@code segment} parses them. */
    Parsed parse() {
        return parse(UnaryOperator.identity());
    }

    /**
     * The options, parsed as {@code segment} parses them, with every file option ({@code --ssn-model}, {@code --model})
     * whose file does not exist passed through {@code localFile}: on an executor, a model shipped with
     * {@code spark-submit --files} lies in the SparkFiles folder, not at the path the user named.
     */
    Parsed parse(UnaryOperator<Path> localFile) {
        Holder holder = new Holder();
        CommandLine cli = new CommandLine(holder).setCaseInsensitiveEnumValuesAllowed(true);
        cli.parseArgs(words.toArray(String[]::new));
        for (OptionSpec o : cli.getCommandSpec().options()) {
            if (o.type() == Path.class && o.getValue() != null && !Files.exists(o.<Path>getValue())) {
                o.setValue(localFile.apply(o.getValue()));
            }
        }
        return new Parsed(holder.options, holder.objects);
    }

    List<String> words() {
        return words;
    }

    /** The words joined by spaces (the table's {@code options} column); empty for the defaults. */
    String canonical() {
        return String.join(" ", words);
    }

    private static CommandSpec spec() {
        return CommandSpec.forAnnotatedObject(new Holder());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PipelineArgs a && a.words.equals(words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return words.isEmpty() ? "(defaults)" : canonical();
    }

    /** Only the segment options, for parsing them on their own. */
    @Command(name = "segment-options")
    static final class Holder {
        @Mixin
        PipelineOptions options;

        @Mixin
        ObjectOptions objects;
    }
}
