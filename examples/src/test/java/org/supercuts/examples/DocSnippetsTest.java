package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against the test class path (all modules), as written.
 *
 * <p>The rule (also in docs/java.md): lines that start with {@code import } go to the top of the file; if the rest
 * declares a top-level type ({@code class}, {@code record}, {@code interface} or {@code enum} at the start of a line,
 * after any modifiers) the block is a compilation unit of its own, otherwise it is the body of a method
 * {@code static void snippet() throws Exception}, so it must declare every variable it uses. There is no opt-out: text
 * that is not meant to compile goes in a {@code ```text} block. A failure names the Markdown file and line.
 */
class DocSnippetsTest {
    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*java\\s*$");
    private static final Pattern TYPE = Pattern.compile(
            "^(?:(?:public|final|abstract|sealed|non-sealed|static)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");

    /** One ```java block: its file, the Markdown line of its first code line, and its lines. */
    record Snippet(Path file, int firstLine, List<String> lines) {
        String where(long line) {
            return file.getFileName() + ":" + line;
        }
    }

    /** A generated compilation unit and, for each of its lines, the Markdown line it came from (0 = generated). */
    record Unit(Snippet snippet, String className, String source, int[] markdownLine) {
    }

    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) ? here : here.getParent();
    }

    static List<Path> documents() throws IOException {
        Path root = repositoryRoot();
        List<Path> out = new ArrayList<>();
        out.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    static List<Snippet> snippets(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (FENCE.matcher(lines.get(i)).matches()) {
                int start = i + 1;
                int end = start;
                while (end < lines.size() && !lines.get(end).trim().startsWith("```")) {
                    end++;
                }
                out.add(new Snippet(file, start + 1, lines.subList(start, end)));
                i = end;
            }
        }
        return out;
    }

    static Unit unit(Snippet s, int index) {
        String stem = s.file().getFileName().toString().replaceAll("\\W", "_");
        List<String> imports = new ArrayList<>();
        List<Integer> importLines = new ArrayList<>();
        List<String> body = new ArrayList<>();
        List<Integer> bodyLines = new ArrayList<>();
        String typeName = null;
        for (int i = 0; i < s.lines().size(); i++) {
            String line = s.lines().get(i);
            int mdLine = s.firstLine() + i;
            if (line.startsWith("import ")) {
                imports.add(line);
                importLines.add(mdLine);
            } else {
                Matcher m = TYPE.matcher(line);
                if (typeName == null && m.find()) {
                    typeName = m.group(1);
                }
                body.add(line);
                bodyLines.add(mdLine);
            }
        }
        List<String> out = new ArrayList<>();
        List<Integer> map = new ArrayList<>();
        String className = typeName != null ? typeName : "Snippet";
        add(out, map, "package snippets." + stem + "_" + index + ";", 0);
        for (int i = 0; i < imports.size(); i++) {
            add(out, map, imports.get(i), importLines.get(i));
        }
        if (typeName == null) {
            add(out, map, "@SuppressWarnings(\"unused\") class Snippet { static void snippet() throws Exception {", 0);
        }
        for (int i = 0; i < body.size(); i++) {
            add(out, map, body.get(i), bodyLines.get(i));
        }
        if (typeName == null) {
            add(out, map, "}}", 0);
        }
        return new Unit(s, className, String.join("\n", out) + "\n", map.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void add(List<String> out, List<Integer> map, String line, int mdLine) {
        out.add(line);
        map.add(mdLine);
    }

    /** Compiles each unit on its own and returns one message per error, naming the Markdown file and line. */
    static List<String> compile(List<Unit> units, Path classesOut) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK compiler (run the tests on a JDK, not a JRE)").isNotNull();
        List<String> errors = new ArrayList<>();
        String classPath = System.getProperty("java.class.path");
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            for (Unit u : units) {
                DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + u.className() + ".java"),
                        JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return u.source();
                    }
                };
                List<String> options = List.of("-classpath", classPath, "-d", classesOut.toString(), "-proc:none",
                        "-Xlint:none", "--release", "17");
                boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(source)).call();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        long line = d.getLineNumber();
                        int md = line >= 1 && line <= u.markdownLine().length ? u.markdownLine()[(int) line - 1] : 0;
                        String where = md > 0 ? u.snippet().where(md)
                                : u.snippet().where(u.snippet().firstLine()) + " (in the generated wrapper)";
                        errors.add(where + ": " + String.join("; ", d.getMessage(Locale.ROOT).lines().map(String::trim).toList()));
                    }
                }
                if (!ok && errors.isEmpty()) {
                    errors.add(u.snippet().where(u.snippet().firstLine()) + ": does not compile");
                }
            }
        }
        return errors;
    }

    @Test
    void everyJavaBlockInTheReadmeAndDocsCompiles(@TempDir Path out) throws IOException {
        List<Unit> units = new ArrayList<>();
        for (Path doc : documents()) {
            List<Snippet> found = snippets(doc);
            for (int i = 0; i < found.size(); i++) {
                units.add(unit(found.get(i), i));
            }
        }
        assertThat(units).as("java blocks in README.md and docs/*.md").hasSizeGreaterThanOrEqualTo(3);
        List<String> errors = compile(units, out);
        assertThat(errors).as("doc snippets that do not compile (README.md and docs/*.md ```java blocks; rule in"
                + " docs/java.md)").isEmpty();
    }

    @Test
    void aBrokenSnippetIsReportedWithItsFileAndLine(@TempDir Path tmp) throws IOException {
        Path md = tmp.resolve("broken.md");
        Files.writeString(md, String.join("\n", "# Title", "", "```java", "import java.util.List;",
                "List<String> names = List.of(\"a\");", "int n = names.sizee();", "```", ""));
        List<Snippet> found = snippets(md);
        assertThat(found).hasSize(1);
        List<String> errors = compile(List.of(unit(found.get(0), 0)), Files.createDirectories(tmp.resolve("classes")));
        assertThat(errors).singleElement().asString().startsWith(md.getFileName() + ":6: ").contains("sizee");
    }

    @Test
    void aBlockThatDeclaresATypeIsCompiledAsItsOwnFile(@TempDir Path tmp) throws IOException {
        Path md = tmp.resolve("type.md");
        Files.writeString(md, String.join("\n", "```java", "import java.util.List;", "",
                "public final class Hello {", "    static List<String> names() {", "        return List.of(\"x\");",
                "    }", "}", "```", ""));
        Unit u = unit(snippets(md).get(0), 0);
        assertThat(u.className()).isEqualTo("Hello");
        assertThat(compile(List.of(u), Files.createDirectories(tmp.resolve("classes")))).isEmpty();
    }
}
