package org.supercuts.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the team's real data folder {@code ../shared} (beside the repository root) for tests and evaluations, walking up
 * from the working directory so it works from the root and from a module folder. Tests that need it call
 * {@link #require(String)}, which skips the test with a message naming what is missing.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder, if one is found: a sibling {@code shared/} of the working directory or of any of its parents. */
    public static Optional<Path> root() {
        String override = System.getProperty("supercuts.shared", System.getenv("SUPERCUTS_SHARED"));
        if (override != null && Files.isDirectory(Path.of(override))) {
            return Optional.of(Path.of(override));
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path parent = dir.getParent();
            if (parent != null && Files.isDirectory(parent.resolve("shared").resolve("datasets"))) {
                return Optional.of(parent.resolve("shared"));
            }
            dir = parent;
        }
        return Optional.empty();
    }

    /** {@code ../shared/<relative>}, or skips the calling test with a message when it is absent. */
    public static Path require(String relative) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(),
                "../shared (the team's data folder) is not beside this checkout; skipping a test that needs " + relative);
        Path p = root.get().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "../shared/" + relative + " is missing; skipping");
        return p;
    }
}
