package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supercuts.eval.run.EvaluationResult;

class EvaluateMaskFolderTest {
    @Test
    void scoresTheGeneratedFolderAndWritesTheReports(@TempDir Path dir) {
        EvaluateMaskFolder.writeGeneratedFolder(dir, 4);
        EvaluationResult r = EvaluateMaskFolder.run(dir.resolve("images"), dir.resolve("masks"), dir.resolve("out"));
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.metric("images")).isEqualTo(4);
        assertThat(r.metric("iou")).isGreaterThan(0.85);
        assertThat(r.metric("mae")).isLessThan(0.1);
        assertThat(dir.resolve("out/report.json")).exists();
        assertThat(dir.resolve("out/pr_curve.png")).exists();
        assertThat(dir.resolve("out/masks/gen3-mask.png")).exists();
        // Run again on the same folder: everything is taken over from the first run.
        assertThat(EvaluateMaskFolder.run(dir.resolve("images"), dir.resolve("masks"), dir.resolve("out")).resumed()).isEqualTo(4);
    }
}
