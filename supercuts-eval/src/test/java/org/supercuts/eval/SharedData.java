package org.supercuts.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/** Locates the read-only shared data folder ({@code ../shared} of the repository) and the test fixtures. */
public final class SharedData {
    private SharedData() {
    }

    /** The first {@code shared/} directory found beside user.dir or any of its ancestors. */
    public static Optional<Path> sharedRoot() {
        Path d = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (d != null) {
            Path candidate = d.resolve("shared");
            if (Files.isDirectory(candidate.resolve("datasets"))) {
                return Optional.of(candidate);
            }
            d = d.getParent();
        }
        return Optional.empty();
    }

    /** {@code shared/datasets/NAME}, or the test is skipped with a message when it is absent. */
    public static Path datasetOrSkip(String name) {
        Optional<Path> root = sharedRoot().map(s -> s.resolve("datasets").resolve(name)).filter(Files::isDirectory);
        assumeTrue(root.isPresent(), "shared/datasets/" + name + " not found beside the repository (../shared); skipping");
        return root.get();
    }

    /** A fixture directory under src/test/resources/datasets. */
    public static Path fixture(String name) {
        try {
            return Paths.get(SharedData.class.getResource("/datasets/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
