package org.supercuts.eval.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.supercuts.Pipeline;
import org.supercuts.image.SafeFiles;

/**
 * What defines an evaluation run, kept in {@code OUT/run.json}, so that a run resumes only the rows of a run with the same
 * settings: the dataset's name, the library version, the segmenter's description (every pipeline stage's spec, the seed,
 * the device) and the caller's settings (dataset root and split, every command-line pipeline option).
 *
 * <p>An output folder that holds results is resumed when its fingerprint matches; otherwise it is refused with the settings
 * that changed named, unless the caller asks to start afresh ({@code overwrite}), which deletes the earlier results.
 *
 * <p>Thread safety: stateless static methods.
 */
final class RunFingerprint {
    static final String FILE = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    /** The files a run writes into its folder (the masks are in masks/). */
    private static final List<String> RESULT_FILES = List.of(EvaluationRunner.PER_IMAGE, EvaluationRunner.PER_IMAGE_PR,
            "report.json", "report.md", "pr_curve.png", FILE);

    private RunFingerprint() {
    }

    /** The fingerprint of a run. */
    static Map<String, Object> of(String dataset, Map<String, Object> segmenter, Map<String, Object> settings) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("dataset", dataset);
        f.put("library_version", Pipeline.libraryVersion());
        f.put("segmenter", segmenter);
        f.put("settings", settings);
        return f;
    }

    /**
     * Makes {@code out} ready for a run with fingerprint {@code fingerprint}: a folder without results, or whose results
     * have the same fingerprint, is kept (and resumed); with {@code overwrite} earlier results are deleted.
     *
     * @throws IllegalArgumentException when the folder holds results of a run with other (or unknown) settings, naming them
     */
    static void prepare(Path out, Map<String, Object> fingerprint, boolean overwrite) throws IOException {
        JsonNode now = JSON.valueToTree(fingerprint);
        Path file = out.resolve(FILE);
        if (hasResults(out)) {
            if (overwrite) {
                deleteResults(out);
            } else if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--out " + out + " holds results of an earlier run that recorded no settings (no "
                        + FILE + "), so it cannot be resumed safely: use another --out, or --overwrite to start afresh there");
            } else {
                JsonNode before;
                try {
                    before = JSON.readTree(file.toFile());
                } catch (IOException e) {
                    throw new IllegalArgumentException("--out " + out + ": " + FILE + " cannot be read (" + e.getMessage()
                            + "): use another --out, or --overwrite to start afresh there", e);
                }
                List<String> changes = differences(before, now);
                if (!changes.isEmpty()) {
                    throw new IllegalArgumentException("--out " + out + " holds results of a run with other settings, which would be"
                            + " mixed with this one's: " + String.join("; ", changes) + ". Use another --out, the same settings"
                            + " to resume, or --overwrite to start afresh there");
                }
            }
        }
        SafeFiles.write(file, (JSON.writeValueAsString(now) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** "KEY: was A, now B" for every setting that differs, keys dotted ("segmenter.stages.superpixels"). */
    static List<String> differences(JsonNode before, JsonNode now) {
        Map<String, String> a = new TreeMap<>();
        Map<String, String> b = new TreeMap<>();
        flatten("", before, a);
        flatten("", now, b);
        List<String> out = new ArrayList<>();
        TreeMap<String, String> keys = new TreeMap<>(a);
        b.forEach(keys::putIfAbsent);
        for (String k : keys.keySet()) {
            String x = a.get(k);
            String y = b.get(k);
            if (x == null ? y != null : !x.equals(y)) {
                out.add(k + ": was " + (x == null ? "(not set)" : x) + ", now " + (y == null ? "(not set)" : y));
            }
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }

    private static boolean hasResults(Path out) throws IOException {
        for (String name : RESULT_FILES) {
            if (!name.equals(FILE) && Files.exists(out.resolve(name))) {
                return true;
            }
        }
        return !maskFiles(out).isEmpty();
    }

    private static void deleteResults(Path out) throws IOException {
        for (String name : RESULT_FILES) {
            Files.deleteIfExists(out.resolve(name));
        }
        for (Path p : maskFiles(out)) {
            Files.deleteIfExists(p);
        }
    }

    private static List<Path> maskFiles(Path out) throws IOException {
        Path masks = out.resolve("masks");
        if (!Files.isDirectory(masks)) {
            return List.of();
        }
        try (var files = Files.list(masks)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith("-mask.png") || n.endsWith("-soft.png");
            }).toList();
        }
    }
}
