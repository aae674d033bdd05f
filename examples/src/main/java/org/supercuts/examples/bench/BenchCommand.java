package org.supercuts.examples.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code supercuts bench}: performance programs. {@code bench compare} times the pipeline stages against the tools users
 * know (scikit-image, OpenCV ximgproc, SciPy) on the same inputs and checks that the outputs agree; the JMH benchmarks
 * run through {@code java -cp supercuts.jar org.openjdk.jmh.Main}.
 *
 * <p>Thread safety: a picocli command object, used by one thread.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {CompareCommand.class},
        description = {"Performance comparisons. JMH benchmarks: java -cp supercuts.jar org.openjdk.jmh.Main -l"})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Runs {@code bench} on its own: {@code java -cp supercuts.jar org.supercuts.examples.bench.BenchCommand compare}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
