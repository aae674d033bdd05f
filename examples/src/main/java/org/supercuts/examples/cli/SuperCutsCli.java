package org.supercuts.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.supercuts.Pipeline;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./supercuts} command line: {@code segment}, {@code evaluate}, {@code refine}, {@code bench}, {@code pseudolabels},
 * {@code transfer} (kNN label transfer from annotated images), {@code cluster} (segments of a collection into K groups).
 *
 * <p>Errors in the user's input end the program with one {@code error: ...} line on stderr and a non-zero exit code; the
 * stack trace is printed only with {@code --debug} (or SUPERCUTS_DEBUG=1).
 *
 * <p>Thread safety: a program entry point, not meant to be shared.
 */
@Command(name = "supercuts", mixinStandardHelpOptions = true, versionProvider = SuperCutsCli.Version.class,
        description = "Unsupervised segmentation: superpixels, region graphs and normalized cuts.")
public final class SuperCutsCli {
    /** Exit code for bad input (usage, unreadable files, invalid parameters). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code when a batch finished but some inputs failed. */
    public static final int EXIT_SOME_FAILED = 1;

    /**
     * The subcommands by name, in help order. Only the one a run names is built: picocli reads every option annotation of
     * a command it is given, and building all of them is a tenth of a one-image run's wall time.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("segment", SegmentCommand::new);
        COMMANDS.put("evaluate", EvaluateCommand::new);
        COMMANDS.put("refine", RefineCommand::new);
        COMMANDS.put("pseudolabels", PseudolabelsCommand::new);
        COMMANDS.put("bench", org.supercuts.examples.bench.BenchCommand::new);
        COMMANDS.put("transfer", TransferCommand::new);
        COMMANDS.put("cluster", ClusterCommand::new);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SuperCutsCli());
        Supplier<Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named.get());
        } else { // help, usage and errors list every command
            COMMANDS.values().forEach(c -> cli.addSubcommand(c.get()));
            cli.addSubcommand(new CommandLine.HelpCommand());
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        boolean debug = "1".equals(System.getenv("SUPERCUTS_DEBUG")) || java.util.Arrays.asList(args).contains("--debug");
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + message(ex));
            if (debug) {
                ex.printStackTrace(cmd.getErr());
            }
            return EXIT_BAD_INPUT;
        });
        return cli.execute(args);
    }

    static String message(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    /** Reports the library version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"supercuts " + Pipeline.libraryVersion()};
        }
    }
}
