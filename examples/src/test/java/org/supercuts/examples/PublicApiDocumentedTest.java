package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;

/**
 * Every public type, constructor, method and field of the library modules (supercuts-core, supercuts-onnx,
 * supercuts-eval) has a javadoc comment. The javadoc jar's doclint checks everything else about the comments (HTML,
 * references, syntax); this test takes the place of doclint's "missing" group, which would also demand {@code @param} and
 * {@code @return} on every accessor. Methods that override (and so inherit their comment) are exempt.
 */
class PublicApiDocumentedTest {
    private static final List<String> LIBRARY_MODULES = List.of("supercuts-core", "supercuts-onnx", "supercuts-eval");

    /** Undocumented public declarations of the given source files, as {@code path:line what}. */
    static List<String> undocumented(List<Path> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> out = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            JavacTask task = (JavacTask) javac.getTask(null, files, d -> { }, List.of("-proc:none"), null, units);
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, Boolean>() {
                    @Override
                    public Void visitClass(ClassTree node, Boolean visible) {
                        boolean inInterface = isInterfaceMember(getCurrentPath());
                        boolean anonymous = node.getSimpleName().length() == 0;
                        boolean isPublic = !anonymous && (node.getModifiers().getFlags().contains(Modifier.PUBLIC) || inInterface);
                        boolean shown = visible && isPublic;
                        if (shown) {
                            check(unit, getCurrentPath(), node.getKind().toString().toLowerCase(Locale.ROOT) + " "
                                    + node.getSimpleName());
                        }
                        return super.visitClass(node, shown);
                    }

                    @Override
                    public Void visitMethod(MethodTree node, Boolean visible) {
                        try {
                            return visitMethodChecked(node, visible);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }

                    private Void visitMethodChecked(MethodTree node, Boolean visible) throws IOException {
                        Set<Modifier> flags = node.getModifiers().getFlags();
                        boolean isPublic = flags.contains(Modifier.PUBLIC)
                                || isInterfaceMember(getCurrentPath()) && !flags.contains(Modifier.PRIVATE);
                        boolean overrides = node.getModifiers().getAnnotations().stream()
                                .anyMatch(a -> a.getAnnotationType().toString().endsWith("Override"));
                        if (visible && isPublic && !overrides && !isCompactConstructor(unit, docs, getCurrentPath(), node)) {
                            String name = node.getName().contentEquals("<init>") ? "constructor" : "method " + node.getName();
                            check(unit, getCurrentPath(), name + "(" + node.getParameters().size() + " parameters)");
                        }
                        return null; // local and anonymous classes inside methods are not API
                    }

                    @Override
                    public Void visitVariable(VariableTree node, Boolean visible) {
                        Tree parent = getCurrentPath().getParentPath().getLeaf();
                        if (visible && parent instanceof ClassTree owner) {
                            // enum constants carry the public flag in the parse tree
                            boolean isPublic = node.getModifiers().getFlags().contains(Modifier.PUBLIC)
                                    || owner.getKind() == Tree.Kind.INTERFACE;
                            boolean recordComponent = owner.getKind() == Tree.Kind.RECORD
                                    && !node.getModifiers().getFlags().contains(Modifier.STATIC);
                            if (isPublic && !recordComponent) {
                                check(unit, getCurrentPath(), "field " + node.getName());
                            }
                        }
                        return null;
                    }

                    private void check(CompilationUnitTree unit, TreePath path, String what) {
                        if (docs.getDocCommentTree(path) == null) {
                            long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, path.getLeaf()));
                            out.add(unit.getSourceFile().getName() + ":" + line + " " + what);
                        }
                    }
                }.scan(unit, Boolean.TRUE);
            }
        }
        return out;
    }

    private static boolean isInterfaceMember(TreePath path) {
        TreePath parent = path.getParentPath();
        return parent != null && (parent.getLeaf().getKind() == Tree.Kind.INTERFACE
                || parent.getLeaf().getKind() == Tree.Kind.ANNOTATION_TYPE);
    }

    /** A record's compact canonical constructor (no parameter list in the source) is documented by the record's comment. */
    private static boolean isCompactConstructor(CompilationUnitTree unit, DocTrees docs, TreePath path, MethodTree m)
            throws IOException {
        if (!m.getName().contentEquals("<init>") || path.getParentPath().getLeaf().getKind() != Tree.Kind.RECORD
                || m.getBody() == null) {
            return false;
        }
        long start = docs.getSourcePositions().getStartPosition(unit, m);
        long body = docs.getSourcePositions().getStartPosition(unit, m.getBody());
        return !unit.getSourceFile().getCharContent(true).subSequence((int) start, (int) body).toString().contains("(");
    }

    static List<Path> librarySources() throws IOException {
        Path root = DocSnippetsTest.repositoryRoot();
        List<Path> out = new ArrayList<>();
        for (String module : LIBRARY_MODULES) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void everyPublicTypeAndMemberOfTheLibraryHasAComment() throws IOException {
        List<Path> sources = librarySources();
        assertThat(sources).hasSizeGreaterThan(100);
        assertThat(undocumented(sources)).as("public declarations without a javadoc comment").isEmpty();
    }

    @Test
    void theCheckFindsAnUndocumentedMethodAndAcceptsOverrides(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Sample.java");
        Files.writeString(file, String.join("\n",
                "/** A sample. */",
                "public final class Sample implements Runnable {",
                "    /** Documented. */",
                "    public int documented() { return 1; }",
                "    public int bare() { return 2; }",
                "    @Override public void run() { }",
                "    int packagePrivate() { return 3; }",
                "    public static final int LIMIT = 4;",
                "    /** A nested type. */",
                "    public record Pair(int a, int b) { public Pair { } }",
                "    /** Kinds. */",
                "    public enum Kind { ONE }",
                "}", ""));
        assertThat(undocumented(List.of(file))).containsExactly(file + ":5 method bare(0 parameters)", file + ":8 field LIMIT",
                file + ":12 field ONE");
    }
}
