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

    /** Runs the script on a job file, streaming its progress lines to {@code log}; the results go to {@code results}. */
    void run(Path job, Path results, java.io.PrintStream log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), script.toString(), job.toString(), results.toString());
        pb.environment().putAll(SINGLE_THREAD_ENV);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        StringBuilder all = new StringBuilder();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                all.append(line).append('\n');
                log.println("  [python] " + line);
            }
        }
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException("compare_anchors.py failed with exit code " + rc + ":\n" + all);
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
