package org.supercuts.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole command-line runs for {@code bench compare}: the {@code ./supercuts} launcher (or, when it cannot be found,
 * {@code java} with the launcher's flags on the shaded jar) started as a user starts it, timed from outside with its
 * peak resident memory, JVM start, class loading, JIT warm-up, decoding and PNG writing included.
 *
 * <p>Peak memory comes from GNU time ({@code /usr/bin/time -f %M}) when it is installed; without it the run is timed
 * only and the memory is reported as NaN.
 *
 * <p>Thread safety: immutable.
 */
final class CliRuns {
    static final Path GNU_TIME = Paths.get("/usr/bin/time");
    private static final Pattern MEASURED = Pattern.compile("^SUPERCUTS-BENCH wall=([0-9.]+) rss_kb=([0-9]+)", Pattern.MULTILINE);

    /** One run: wall milliseconds (from outside the process) and peak resident memory in MiB (NaN when unknown). */
    record Run(double wallMs, double peakMb, int exitCode, String output) {
    }

    private final List<String> launcher;

    private CliRuns(List<String> launcher) {
        this.launcher = launcher;
    }

    /** The launcher script found by walking up from the working directory, else java on the running jar. */
    static CliRuns locate(PrintStream log) {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path script = dir.resolve("supercuts");
            if (Files.isRegularFile(script) && Files.isExecutable(script) && Files.isDirectory(dir.resolve("examples"))) {
                log.println("CLI runs: the launcher " + script);
                return new CliRuns(List.of(script.toString()));
            }
            dir = dir.getParent();
        }
        String jar = CliRuns.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC"));
        Path archive = Paths.get(jar).resolveSibling("supercuts.jsa");
        if (Files.isRegularFile(archive)) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
        }
        cmd.addAll(List.of("-jar", jar));
        log.println("CLI runs: launcher script not found above " + Paths.get("").toAbsolutePath() + "; running " + cmd);
        return new CliRuns(cmd);
    }

    /** Runs the command line with {@code args} once and measures it. */
    Run run(List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        boolean gnuTime = Files.isExecutable(GNU_TIME);
        if (gnuTime) {
            cmd.addAll(List.of(GNU_TIME.toString(), "-f", "SUPERCUTS-BENCH wall=%e rss_kb=%M"));
        }
        cmd.addAll(launcher);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("command line " + cmd + " did not finish within " + timeoutSeconds + " s");
        }
        double wallMs = (System.nanoTime() - t0) / 1e6;
        String text = new String(out, StandardCharsets.UTF_8);
        double peakMb = Double.NaN;
        Matcher m = MEASURED.matcher(text);
        if (m.find()) {
            peakMb = Long.parseLong(m.group(2)) / 1024.0;
        }
        return new Run(wallMs, peakMb, p.exitValue(), text);
    }
}
