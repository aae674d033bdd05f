package org.supercuts.onnx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only {@code shared/} data folder (a sibling of the repository root) for tests; skips when absent. */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder, or null when none is found walking up from {@code user.dir}. */
    public static Path find() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared");
            if (d.getParent() != null && Files.isDirectory(candidate.resolve("models"))) {
                return candidate;
            }
            candidate = d.resolve("shared");
            if (Files.isDirectory(candidate.resolve("models"))) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code shared/<relative>}, skipping the calling test (JUnit assumption) when it is absent. */
    public static Path require(String relative) {
        Path shared = find();
        assumeTrue(shared != null, "skipped: no ../shared data folder found from " + System.getProperty("user.dir"));
        Path p = shared.resolve(relative);
        assumeTrue(Files.exists(p), "skipped: " + p + " is absent");
        return p;
    }
}
