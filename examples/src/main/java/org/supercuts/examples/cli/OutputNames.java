package org.supercuts.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Output names for a batch of inputs, distinct even where file stems are not:
 * <ul>
 *   <li>an input whose stem no other input shares is named by its stem ({@code photos/cat.jpg} → {@code cat});</li>
 *   <li>inputs that share a stem (compared ignoring case, as on case-insensitive file systems) are named by their path
 *       relative to the deepest folder they have in common, with the extension kept and each {@code /} written {@code _}
 *       ({@code a/IMG_1.jpg} and {@code b/IMG_1.jpg} → {@code a_IMG_1.jpg} and {@code b_IMG_1.jpg}; {@code x.jpg} and
 *       {@code x.png} → {@code x.jpg} and {@code x.png});</li>
 *   <li>should two names still coincide, the later input gets {@code -2}, {@code -3}, ... appended.</li>
 * </ul>
 * The same file given twice is one input (see {@link #distinct}). The JSON of each output set records its source path.
 *
 * <p>Thread safety: stateless static methods.
 */
final class OutputNames {
    private OutputNames() {
    }

    /** The inputs without repeats of the same file (compared by absolute, normalised path), in their first order. */
    static List<Path> distinct(List<Path> inputs) {
        Set<Path> seen = new HashSet<>();
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (seen.add(p.toAbsolutePath().normalize())) {
                out.add(p);
            }
        }
        return out;
    }

    /** A name per input, in input order; the inputs must be {@link #distinct}. */
    static Map<Path, String> assign(List<Path> inputs) {
        Map<String, List<Path>> byStem = new HashMap<>();
        for (Path p : inputs) {
            byStem.computeIfAbsent(key(SegmentCommand.stem(p)), k -> new ArrayList<>()).add(p);
        }
        Map<Path, String> names = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (Path p : inputs) {
            List<Path> group = byStem.get(key(SegmentCommand.stem(p)));
            String name = group.size() == 1 ? SegmentCommand.stem(p) : flattened(p, commonFolder(group));
            String unique = name;
            for (int n = 2; !used.add(key(unique)); n++) {
                unique = name + "-" + n;
            }
            names.put(p, unique);
        }
        return names;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String flattened(Path p, Path common) {
        Path abs = p.toAbsolutePath().normalize();
        Path rel = common == null ? abs.getFileName() : common.relativize(abs);
        return rel.toString().replace('/', '_').replace('\\', '_');
    }

    /** The deepest folder containing every path of the group, or null when they share only the root. */
    private static Path commonFolder(List<Path> group) {
        Path common = group.get(0).toAbsolutePath().normalize().getParent();
        for (Path p : group) {
            Path parent = p.toAbsolutePath().normalize().getParent();
            while (common != null && !parent.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }
}
