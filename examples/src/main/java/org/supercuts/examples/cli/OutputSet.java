package org.supercuts.examples.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.SafeFiles;

/**
 * The files of one image's result, which appear completely or not at all: {@code NAME-SUFFIX.png} pictures, other files
 * (e.g. {@code .npy} dumps, possibly in another folder) and last {@code NAME.json}, the completion mark. A file is added
 * with one line, for example
 * <pre>{@code
 * set.png("ucm", () -> ucmPicture);               // NAME-ucm.png, rendered and encoded when the set is written
 * set.file(dumpDir, "features.npy", out -> ...);  // NAME-features.npy in dumpDir
 * }</pre>
 * and {@link #write()} (usually on a writer thread, {@link OutputQueue}) does the rest:
 * <ol>
 *   <li>every file is rendered and written to a temporary name ({@code .FILE.PID-RANDOM.tmp}, {@link SafeFiles});</li>
 *   <li>a journal {@code .NAME.json.PID-RANDOM.pending} lists the final names;</li>
 *   <li>the previous {@code NAME.json} is deleted, then the files of the previous set that this one does not replace;</li>
 *   <li>the files are moved into place, then the JSON (which lists them under {@code "outputs"}), then the journal is deleted.</li>
 * </ol>
 * So a {@code NAME.json} always describes files of its own run. A failure (disk full, permission denied) or an abort
 * (Ctrl-C, {@link TemporaryFiles}) removes what the set had written; after a kill, the next run's {@link
 * TemporaryFiles#recover} finds the journal and removes the files of an unfinished set.
 *
 * <p>Thread safety: filled by one thread, then written by one thread (the hand-over through {@link OutputQueue} is safe).
 */
final class OutputSet {
    /** How to write one file's content. */
    private record Entry(Path target, SafeFiles.Content content) {
    }

    static final String JOURNAL_SUFFIX = ".pending";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Builds the JSON writer's serializers for the kind of content results hold (maps, lists, numbers, strings, arrays),
     * so that a caller can pay Jackson's start-up (about a tenth of a one-image run) on another thread while the first
     * image is segmented.
     */
    static void warmUp() {
        Map<String, Object> sample = new java.util.LinkedHashMap<>();
        sample.put("name", "warm-up");
        sample.put("box", new int[] {0, 0, 1, 1});
        sample.put("levels", List.of(Map.of("segments", 2, "threshold", 0.5)));
        sample.put("timings_ms", Map.of("total", 1.0));
        sample.put("fraction", 0.25f);
        sample.put("flag", Boolean.TRUE);
        try {
            JSON.writeValueAsBytes(sample);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final Path dir;
    private final String name;
    private final TemporaryFiles temporaries;
    private final List<Entry> entries = new ArrayList<>();
    private Map<String, Object> json;

    OutputSet(Path dir, String name, TemporaryFiles temporaries) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.name = Objects.requireNonNull(name, "name");
        this.temporaries = Objects.requireNonNull(temporaries, "temporaries");
    }

    /** The output name of this image (file names start with it). */
    String name() {
        return name;
    }

    /** Adds {@code NAME-SUFFIX.png}; the picture is rendered when the set is written, so off the compute thread. */
    OutputSet png(String suffix, Supplier<BufferedImage> picture) {
        return file(dir, suffix + ".png", out -> ImageFiles.encodePng(picture.get(), out));
    }

    /** Adds {@code NAME-SUFFIX} in {@code folder} (which may differ from the output folder, e.g. {@code --dump}). */
    OutputSet file(Path folder, String suffix, SafeFiles.Content content) {
        Path target = folder.resolve(name + "-" + suffix);
        for (Entry e : entries) {
            if (e.target.equals(target)) {
                throw new IllegalArgumentException("output " + target + " added twice to the set of " + name);
            }
        }
        entries.add(new Entry(target, Objects.requireNonNull(content, "content")));
        return this;
    }

    /** Sets the JSON record, written last as {@code NAME.json} with an {@code "outputs"} list of the set's files added. */
    OutputSet json(Map<String, Object> record) {
        this.json = new LinkedHashMap<>(record);
        return this;
    }

    /** The final paths of the set, the JSON last. */
    List<Path> targets() {
        List<Path> t = new ArrayList<>();
        for (Entry e : entries) {
            t.add(e.target);
        }
        t.add(jsonPath());
        return t;
    }

    Path jsonPath() {
        return dir.resolve(name + ".json");
    }

    /**
     * Writes the set as described in the class comment.
     *
     * @throws IOException naming the file and the cause in plain words; nothing of this set is left behind
     */
    void write() throws IOException {
        if (json == null) {
            throw new IllegalStateException("the JSON record of " + name + " was not set");
        }
        List<Path> temps = new ArrayList<>();
        List<Path> moved = new ArrayList<>();
        Path journal = null;
        boolean done = false;
        try {
            for (Entry e : entries) {
                Path tmp = temporaries.create(e.target);
                temps.add(tmp);
                SafeFiles.writeTemp(tmp, e.target, e.content);
            }
            List<String> outputs = new ArrayList<>();
            for (Entry e : entries) {
                outputs.add(e.target.getParent().equals(dir) ? e.target.getFileName().toString() : e.target.toString());
            }
            json.put("outputs", outputs);
            Path jsonTmp = temporaries.create(jsonPath());
            temps.add(jsonTmp);
            byte[] jsonBytes = (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
            SafeFiles.writeTemp(jsonTmp, jsonPath(), out -> out.write(jsonBytes));

            journal = temporaries.createJournal(jsonPath(), targets());
            synchronized (temporaries.commitLock()) {
                temporaries.checkNotAborted();
                Set<Path> previous = previousOutputs();
                Files.deleteIfExists(jsonPath());
                for (Path old : previous) {
                    if (!targets().contains(old)) {
                        Files.deleteIfExists(old);
                    }
                }
                for (int i = 0; i < entries.size(); i++) {
                    SafeFiles.moveIntoPlace(temps.get(i), entries.get(i).target);
                    moved.add(entries.get(i).target);
                }
                SafeFiles.moveIntoPlace(jsonTmp, jsonPath());
                moved.add(jsonPath());
                done = true;
            }
        } finally {
            if (!done) {
                for (Path p : moved) {
                    Files.deleteIfExists(p);
                }
            }
            for (Path t : temps) {
                temporaries.delete(t);
            }
            if (journal != null) {
                temporaries.delete(journal);
            }
        }
    }

    /** The files the previous {@code NAME.json} listed (resolved like this set's), or none. */
    private Set<Path> previousOutputs() {
        Set<Path> out = new LinkedHashSet<>();
        Path previous = jsonPath();
        if (!Files.isRegularFile(previous)) {
            return out;
        }
        try {
            JsonNode outputs = JSON.readTree(previous.toFile()).path("outputs");
            for (JsonNode n : outputs) {
                Path p = dir.resolve(n.asText());
                // Only files of this set's name: a hand-edited JSON must not delete other files.
                if (p.getFileName().toString().startsWith(name + "-")) {
                    out.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable old record: its files are overwritten by name where this set has them.
        }
        return out;
    }
}
