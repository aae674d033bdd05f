package org.supercuts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real {@code segment} process stopped in the middle of a batch, by SIGTERM (what Ctrl-C and {@code kill} send) and
 * by SIGKILL: afterwards (after the next start, for SIGKILL) no temporary file is left and every output set is complete
 * or absent. The invariant holds whenever the signal lands, so the test does not depend on timing.
 */
class InterruptedRunTest {
    @TempDir
    Path dir;

    private List<String> inputs() throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 240; y++) {
                for (int x = 0; x < 320; x++) {
                    img.setRGB(x, y, (x / 40 + y / 40 + i) % 3 == 0 ? 0x2040ff : 0x808080 + i);
                }
            }
            Path p = dir.resolve("in").resolve("img" + i + ".png");
            Files.createDirectories(p.getParent());
            ImageIO.write(img, "png", p.toFile());
            paths.add(p.toString());
        }
        return paths;
    }

    private Process start(Path out, List<String> images) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), SuperCutsCli.class.getName(), "segment", "--out", out.toString(),
                "--threads", "2"));
        cmd.addAll(images);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    /** Waits until the first output set is in place (or the process ends). */
    private static void awaitFirstSet(Process p, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline) {
            File[] files = out.toFile().listFiles((d, n) -> n.endsWith(".json"));
            if (files != null && files.length > 0) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static void assertCompleteOrAbsent(Path out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> names;
        try (var s = Files.list(out)) {
            names = s.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(names).noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".pending"));
        for (String n : names) {
            if (n.endsWith(".json")) {
                JsonNode outputs = json.readTree(out.resolve(n).toFile()).get("outputs");
                for (JsonNode o : outputs) {
                    assertThat(out.resolve(o.asText())).as("listed by " + n).exists();
                }
            } else {
                String set = n.substring(0, n.lastIndexOf('-'));
                assertThat(names).as(n + " belongs to a set with a JSON").contains(set + ".json");
            }
        }
    }

    @Test
    void sigtermLeavesNoTemporaryFileAndNoHalfSet() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Process p = start(out, inputs());
        awaitFirstSet(p, out);
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertCompleteOrAbsent(out);
    }

    @Test
    void sigkillLeftoversAreRemovedAtTheNextStart() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        List<String> images = inputs();
        Process p = start(out, images);
        awaitFirstSet(p, out);
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // The next run (one small image) sweeps what the killed one left, whatever the moment of the kill.
        CliRun next = CliRun.of("segment", images.get(0), "--out", out.toString(), "--superpixels", "48");
        assertThat(next.exit()).as(next.err()).isZero();
        assertCompleteOrAbsent(out);
    }
}
