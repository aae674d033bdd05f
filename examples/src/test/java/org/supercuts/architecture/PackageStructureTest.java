package org.supercuts.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supercuts.SuperCuts;
import org.supercuts.eval.run.EvaluationRunner;
import org.supercuts.examples.cli.SuperCutsCli;
import org.supercuts.onnx.runtime.OnnxModel;

/**
 * The house rules of docs/architecture.md, checked on the compiled classes with {@code jdeps -verbose:package}: no
 * package cycle in any module, no main-code package with more than 20 classes, a {@code package-info.java} in every
 * package, and every package using only the packages its package-info says it may use.
 */
class PackageStructureTest {
    private static final Pattern ALLOWED = Pattern.compile("\\{@code (org\\.supercuts[\\w.]*)}");
    private static final Pattern EDGE = Pattern.compile("^\\s+(org\\.supercuts[\\w.]*)\\s+->\\s+(org\\.supercuts[\\w.]*)\\s");

    private static final Map<String, Set<String>> edges = new TreeMap<>();
    private static final Map<String, Integer> classCounts = new TreeMap<>();

    @BeforeAll
    static void readCompiledModules() throws IOException, URISyntaxException {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("jdeps not found in the JDK"));
        for (Class<?> anchor : List.of(SuperCuts.class, OnnxModel.class, EvaluationRunner.class, SuperCutsCli.class)) {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            StringWriter out = new StringWriter();
            int rc = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", "-filter:none",
                    location.toString());
            assertThat(rc).as("jdeps on %s", location).isZero();
            for (String line : out.toString().split("\n")) {
                Matcher m = EDGE.matcher(line);
                if (m.find() && !generated(m.group(1)) && !m.group(1).equals(m.group(2))) {
                    edges.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                }
            }
            countClasses(location);
        }
    }

    private static boolean generated(String pkg) {
        return pkg.contains("jmh_generated");
    }

    private static void countClasses(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(p -> p.toString().endsWith(".class")).forEach(p -> count(location.relativize(p).toString()));
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                jar.stream().forEach(e -> count(e.getName()));
            }
        }
    }

    private static void count(String entry) {
        if (!entry.endsWith(".class") || entry.contains("$") || entry.endsWith("package-info.class") || entry.indexOf('/') < 0) {
            return;
        }
        String pkg = entry.substring(0, entry.lastIndexOf('/')).replace('/', '.').replace('\\', '.');
        if (pkg.startsWith("org.supercuts") && !generated(pkg)) {
            classCounts.merge(pkg, 1, Integer::sum);
        }
    }

    @Test
    void noPackageCycles() {
        assertThat(edges).isNotEmpty();
        List<List<String>> cycles = stronglyConnected();
        assertThat(cycles).as("package cycles (jdeps -verbose:package)").isEmpty();
    }

    @Test
    void noPackageHasMoreThanTwentyClasses() {
        assertThat(classCounts).containsKey("org.supercuts.linalg");
        Map<String, Integer> big = new TreeMap<>();
        classCounts.forEach((p, c) -> {
            if (c > 20) {
                big.put(p, c);
            }
        });
        assertThat(big).as("main-code packages with more than 20 top-level classes").isEmpty();
    }

    @Test
    void everyPackageHasPackageInfoAndUsesOnlyWhatItDeclares() throws IOException {
        Map<String, String> infos = packageInfos();
        Map<String, String> missing = new TreeMap<>();
        for (String pkg : classCounts.keySet()) {
            if (!infos.containsKey(pkg)) {
                missing.put(pkg, "no package-info.java");
            }
        }
        assertThat(missing).as("packages without package-info.java").isEmpty();
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : edges.entrySet()) {
            String text = infos.get(e.getKey());
            if (text == null) {
                continue;
            }
            Set<String> allowed = new TreeSet<>();
            Matcher m = ALLOWED.matcher(text.substring(Math.max(0, text.indexOf("may use"))));
            while (m.find()) {
                allowed.add(m.group(1));
            }
            boolean anyLibrary = text.contains("every library package");
            for (String target : e.getValue()) {
                boolean library = !target.startsWith("org.supercuts.examples");
                if (!allowed.contains(target) && !(anyLibrary && library)) {
                    violations.add(e.getKey() + " -> " + target);
                }
            }
        }
        assertThat(violations).as("imports that the package-info does not allow").isEmpty();
    }

    /** package name -> package-info text (javadoc joined onto one line), from every module's sources. */
    private static Map<String, String> packageInfos() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, String> out = new LinkedHashMap<>();
        for (String module : List.of("supercuts-core", "supercuts-onnx", "supercuts-eval", "examples")) {
            Path src = root.resolve(module).resolve("src/main/java");
            assertThat(src).as("sources of %s (the test runs in the examples module)", module).isDirectory();
            try (Stream<Path> files = Files.walk(src)) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().equals("package-info.java"))::iterator) {
                    String text = Files.readString(p);
                    Matcher m = Pattern.compile("package ([\\w.]+);").matcher(text);
                    assertThat(m.find()).as("package line in %s", p).isTrue();
                    out.put(m.group(1), text.replaceAll("\\s*\\n\\s*\\*?\\s*", " "));
                }
            }
        }
        return out;
    }

    /** Tarjan's strongly connected components of the package graph; only components with more than one package. */
    private static List<List<String>> stronglyConnected() {
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        java.util.Deque<String> stack = new java.util.ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(nodes::addAll);
        int[] counter = {0};
        for (String v : nodes) {
            if (!index.containsKey(v)) {
                strongConnect(v, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void strongConnect(String v, Map<String, Integer> index, Map<String, Integer> low,
            java.util.Deque<String> stack, Set<String> onStack, List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strongConnect(w, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> comp = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                comp.add(w);
            } while (!w.equals(v));
            if (comp.size() > 1) {
                out.add(comp);
            }
        }
    }
}
