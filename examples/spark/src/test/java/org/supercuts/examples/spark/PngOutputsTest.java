package org.supercuts.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PngOutputsTest {
    @Test
    void prefixesMirrorTheInputTreeWithoutTheExtension() {
        PngOutputs out = new PngOutputs("file:/data/in/", "file:/data/png", Set.of());
        assertThat(out.prefix("file:/data/in/0001.jpg")).isEqualTo("file:/data/png/0001");
        assertThat(out.prefix("file:/data/in/a/b/x.y.png")).isEqualTo("file:/data/png/a/b/x.y");
        assertThat(out.prefix("file:/elsewhere/z.jpg")).isEqualTo("file:/data/png/z");
        assertThat(out.prefix("file:/data/in/noext")).isEqualTo("file:/data/png/noext");
        assertThat(out.prefix("file:/data/in/.hidden")).isEqualTo("file:/data/png/.hidden");
    }

    @Test
    void sharedPrefixesKeepTheirExtension() {
        PngOutputs out = new PngOutputs("file:/in", "file:/png", Set.of("a/x"));
        assertThat(out.prefix("file:/in/a/x.jpg")).isEqualTo("file:/png/a/x.jpg");
        assertThat(out.prefix("file:/in/a/x.png")).isEqualTo("file:/png/a/x.png");
        assertThat(out.prefix("file:/in/x.png")).isEqualTo("file:/png/x");
    }

    @Test
    void globCharactersAreEscapedForLoad() {
        assertThat(SegmentJob.escapeGlobs(List.of("file:/in/odd [1] {x}*?.jpg", "file:/in/a\\b.png")))
                .containsExactly("file:/in/odd \\[1\\] \\{x\\}\\*\\?.jpg", "file:/in/a\\\\b.png");
    }
}
