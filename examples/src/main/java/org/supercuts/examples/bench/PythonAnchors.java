package org.supercuts.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The Python side of {@code supercuts bench compare}: checks that Debian's python3 has scikit-image, OpenCV (with the
 * ximgproc contrib module) and SciPy, installs the Debian packages when an import fails, and runs the shipped script
 * {@code compare_anchors.py} single-threaded on a job file.
 *
 * <p>Thread safety: immutable; concurrent {@link #run} calls must use different job files.
 */
final class PythonAnchors {
    static final String SCRIPT_RESOURCE = "/org/supercuts/examples/bench/compare_anchors.py";
    static final List<String> DEBIAN_PACKAGES = List.of("python3-skimage", "python3-opencv", "python3-scipy");
    private static final String IMPORT_CHECK =
            "import numpy, scipy, scipy.linalg, scipy.sparse.linalg, skimage, skimage.segmentation, cv2; cv2.ximgproc";
    private static final Map<String, String> SINGLE_THREAD_ENV = Map.of("OMP_NUM_THREADS", "1", "OPENBLAS_NUM_THREADS", "1",
            "MKL_NUM_THREADS", "1", "BLIS_NUM_THREADS", "1");

    private final Path python;
    private final Path script;

    private PythonAnchors(Path python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * Makes the anchors available: copies the script into {@code workDir}, and when the import check fails runs
     * {@code apt-get install -y} for {@link #DEBIAN_PACKAGES} (saying so on {@code log}) and checks again.
     *
     * @throws IllegalStateException with the interpreter's error output when the packages are still missing
     */
    static PythonAnchors prepare(Path python, Path workDir, java.io.PrintStream log) throws IOException, InterruptedException {
        Objects.requireNonNull(python, "python");
        if (!Files.isExecutable(python)) {
            throw new IllegalArgumentException("python interpreter " + python + " is not an executable file");
        }
        Path script = workDir.resolve("compare_anchors.py");
        try (InputStream in = PythonAnchors.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCRIPT_RESOURCE + " is missing from the classpath");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Result check = exec(List.of(python.toString(), "-c", IMPORT_CHECK), 120);
        if (check.exitCode != 0) {
            log.println("Python anchors missing (" + lastLine(check.output) + "); running apt-get install -y "
                    + String.join(" ", DEBIAN_PACKAGES));
            List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y"));
            cmd.addAll(DEBIAN_PACKAGES);
            Result install = exec(cmd, 900);
            Result again = exec(List.of(python.toString(), "-c", IMPORT_CHECK), 120);
            if (again.exitCode != 0) {
                throw new IllegalStateException("scikit-image, OpenCV (cv2.ximgproc) and SciPy are not importable by " + python
                        + " and apt-get install -y " + String.join(" ", DEBIAN_PACKAGES) + " exited with " + install.exitCode
                        + " (run it as root, or install them by hand); python said: " + lastLine(again.output)
                        + "; apt-get said: " + lastLine(install.output));
            }
            log.println("Installed " + String.join(" ", DEBIAN_PACKAGES));
        }
        return new PythonAnchors(python, script);
    }

    /**
     * Starts the script in {@code --serve} mode: one long-lived single-threaded interpreter that runs each task when it is
     * sent, so that every anchor is timed right beside the Java measurement it is compared with (both then see the same
     * load on the machine).
     */
    Session serve(java.io.PrintStream log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), script.toString(), "--serve");
        pb.environment().putAll(SINGLE_THREAD_ENV);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return new Session(pb.start(), log);
    }

    /**
     * A running {@code --serve} interpreter. Thread safety: not thread-safe; one caller at a time.
     */
    static final class Session implements AutoCloseable {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
        private final Process process;
        private final java.io.BufferedReader from;
        private final java.io.Writer to;
        private final java.io.PrintStream log;
        private final com.fasterxml.jackson.databind.JsonNode versions;

        private Session(Process process, java.io.PrintStream log) throws IOException {
            this.process = process;
            this.log = log;
            this.from = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.to = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.versions = JSON.readTree(awaitLine("VERSIONS "));
        }

        com.fasterxml.jackson.databind.JsonNode versions() {
            return versions;
        }

        /** Runs one task and returns its result entries (one per tool). */
        com.fasterxml.jackson.databind.JsonNode run(com.fasterxml.jackson.databind.JsonNode task) throws IOException {
            to.write(JSON.writeValueAsString(task));
            to.write('\n');
            to.flush();
            return JSON.readTree(awaitLine("RESULTS "));
        }

        private String awaitLine(String prefix) throws IOException {
            String line;
            while ((line = from.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
                log.println("  [python] " + line);
            }
            int rc;
            try {
                rc = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                rc = -1;
            }
            throw new IllegalStateException("compare_anchors.py --serve ended (exit code " + rc + ") before answering; its"
                    + " error output is above");
        }

        @Override
        public void close() throws IOException {
            to.close();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result exec(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(124, "timed out after " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static String lastLine(String s) {
        String t = s.strip();
        int i = t.lastIndexOf('\n');
        return i < 0 ? t : t.substring(i + 1);
    }
}
