package org.supercuts.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supercuts.image.SafeFiles;

/**
 * The temporary files of one command run, removed on every way out: normally by their writers, on Ctrl-C or {@code kill}
 * (SIGINT, SIGTERM) by a shutdown hook, and after {@code kill -9} or a power cut by the next run's {@link #recover}, which
 * deletes temporary files whose process has ended and rolls back output sets whose journal was left
 * ({@link OutputSet}).
 *
 * <p>Once the hook has run, no temporary file can be created and no set committed ({@link #checkNotAborted}), so nothing
 * appears after the clean-up.
 *
 * <p>Thread safety: thread-safe; one instance per run, closed at its end (closing twice is harmless).
 */
final class TemporaryFiles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TemporaryFiles.class);

    private final Set<Path> live = ConcurrentHashMap.newKeySet();
    private final Object commitLock = new Object();
    /**
     * Held while a temporary file is created or renamed and its tracking updated, and by {@link #abort} while it sets the
     * flag: the shutdown hook then never misses a file that exists on disk (the JVM halts as soon as its hooks end, so a
     * thread between "file created" and "file tracked" would otherwise leave it behind).
     */
    private final Object trackLock = new Object();
    private final Thread hook;
    private volatile boolean aborted;
    private volatile boolean closed;

    TemporaryFiles() {
        hook = new Thread(this::abort, "supercuts-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Removes what killed runs left in {@code dir}: journals of unfinished output sets (with the files they name, unless
     * the set's JSON is in place), then temporary files no running process owns. Returns a line per removed item.
     */
    static List<String> recover(Path dir) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        List<Path> journals;
        try (var files = Files.list(dir)) {
            journals = files.filter(p -> p.getFileName().toString().endsWith(OutputSet.JOURNAL_SUFFIX)).toList();
        }
        for (Path journal : journals) {
            String n = journal.getFileName().toString();
            String asTemp = n.substring(0, n.length() - OutputSet.JOURNAL_SUFFIX.length()) + SafeFiles.TEMP_SUFFIX;
            if (SafeFiles.ownedByLiveProcess(asTemp)) {
                continue;
            }
            List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
            // Line 1 is the set's JSON (its completion mark); a set whose JSON is in place finished.
            if (!lines.isEmpty() && !Files.exists(Path.of(lines.get(0)))) {
                for (String line : lines) {
                    if (!line.isBlank() && Files.deleteIfExists(Path.of(line))) {
                        removed.add(line + " (part of an unfinished output set)");
                    }
                }
            }
            Files.deleteIfExists(journal);
        }
        for (Path p : SafeFiles.sweepTemporaries(dir)) {
            removed.add(p + " (temporary file of an ended run)");
        }
        return removed;
    }

    /** A new temporary file for {@code target}, tracked until {@link #delete}. */
    Path create(Path target) throws IOException {
        synchronized (trackLock) {
            checkNotAborted();
            Path tmp = SafeFiles.createTemp(target);
            live.add(tmp);
            return tmp;
        }
    }

    /** The journal of a set about to be moved into place: the JSON path first, then the other targets. */
    Path createJournal(Path json, List<Path> targets) throws IOException {
        Path tmp = create(json);
        List<String> lines = new ArrayList<>();
        lines.add(json.toAbsolutePath().toString());
        for (Path t : targets) {
            if (!t.equals(json)) {
                lines.add(t.toAbsolutePath().toString());
            }
        }
        SafeFiles.writeTemp(tmp, json, out -> out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        String n = tmp.getFileName().toString();
        Path journal = tmp.resolveSibling(n.substring(0, n.length() - SafeFiles.TEMP_SUFFIX.length()) + OutputSet.JOURNAL_SUFFIX);
        synchronized (trackLock) {
            checkNotAborted();
            Files.move(tmp, journal);
            live.remove(tmp);
            live.add(journal);
        }
        return journal;
    }

    /** Deletes a temporary file (or journal) and stops tracking it. */
    void delete(Path tmp) throws IOException {
        try {
            Files.deleteIfExists(tmp);
        } finally {
            live.remove(tmp);
        }
    }

    /** Held while an output set moves its files into place, so the shutdown hook never runs in the middle of a set. */
    Object commitLock() {
        return commitLock;
    }

    /** @throws IOException when the run is being stopped (Ctrl-C, kill) */
    void checkNotAborted() throws IOException {
        if (aborted) {
            throw new IOException("stopped (interrupted by a signal); nothing more is written");
        }
    }

    boolean aborted() {
        return aborted;
    }

    /** What the shutdown hook does: stop commits, then delete every temporary file and journal still tracked. */
    void abort() {
        if (closed) {
            return;
        }
        synchronized (commitLock) {
            synchronized (trackLock) {
                aborted = true;
            }
        }
        for (Path p : List.copyOf(live)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("could not delete the temporary file {}: {}", p, SafeFiles.describe(e));
            }
        }
        live.clear();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        abort();
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running or has run.
        }
    }
}
