package org.supercuts.eval;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Test fixtures: small datasets in the standard layouts under {@code src/test/resources/datasets}. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A fixture directory under src/test/resources/datasets. */
    public static Path fixture(String name) {
        try {
            return Paths.get(Fixtures.class.getResource("/datasets/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
