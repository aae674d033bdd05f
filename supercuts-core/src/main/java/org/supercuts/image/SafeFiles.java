package org.supercuts.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writing files so that nothing half-written is ever seen under a final name, with the permissions the user's umask gives,
 * and with errors in plain words.
 *
 * <ul>
 *   <li>Temporary files are named {@code .NAME.PID-RANDOM.tmp} beside their target, created with the default permissions
 *       (0666 less the umask; {@code Files.createTempFile} would give 0600 whatever the umask) and moved into place, atomically
 *       where the file system allows it.</li>
 *   <li>{@link #sweepTemporaries} removes the temporary files that a killed process left: those whose process id is no longer
 *       running, and those of the older {@code .NAME*.tmp} form, which carry no process id.</li>
 *   <li>{@link #describe} turns an {@link IOException} into words: "permission denied", "disk full", "is a file, not a
 *       folder", "no such file or folder".</li>
 * </ul>
 *
 * <p>Thread safety: stateless static methods; concurrent writes to different targets are safe.
 */
public final class SafeFiles {
    /** Ends every temporary file name. */
    public static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern TEMP_NAME = Pattern.compile("^\\..+\\.(\\d+)-[0-9a-f]+\\.tmp$");

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content to {@code out} (left open). */
        void writeTo(OutputStream out) throws IOException;
    }

    private SafeFiles() {
    }

    /**
     * Creates an empty temporary file beside {@code target} ({@code .NAME.PID-RANDOM.tmp}), with the umask's permissions.
     *
     * @throws IOException with the cause in plain words ({@link #describe})
     */
    public static Path createTemp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            String name = "." + target.getFileName() + "." + pid + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1)
                    + TEMP_SUFFIX;
            Path tmp = dir.resolve(name);
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            } catch (IOException e) {
                throw problem(tmp, "create a temporary file in " + dir, e);
            }
        }
    }

    /** Writes {@code content} to {@code target} through a temporary file; on failure nothing is left under either name. */
    public static void write(Path target, Content content) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = createTemp(target);
        try {
            writeTemp(tmp, target, content);
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code bytes} to {@code target} through a temporary file. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Fills an existing temporary file with {@code content}; {@code target} only names the file in errors.
     *
     * @throws IOException naming {@code target} and the cause in plain words
     */
    public static void writeTemp(Path tmp, Path target, Content content) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), 1 << 16)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw problem(target, "write", e);
        }
    }

    /** Moves a finished temporary file to its final name, atomically where the file system allows it. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw problem(target, "move into place", e);
        }
    }

    /**
     * Deletes the temporary files in {@code dir} that no running process owns: {@code .NAME.PID-RANDOM.tmp} whose process
     * has ended, and {@code .NAME*.tmp} of the older form without a process id. Returns the files deleted.
     */
    public static List<Path> sweepTemporaries(Path dir) throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return deleted;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(TEMP_SUFFIX) && !ownedByLiveProcess(n) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                    deleted.add(p);
                }
            }
        }
        return deleted;
    }

    /** Whether a temporary or journal file name carries the id of a process that is still running (not this one's past). */
    public static boolean ownedByLiveProcess(String fileName) {
        Matcher m = TEMP_NAME.matcher(fileName);
        if (!m.matches()) {
            return false;
        }
        return isAlive(Long.parseLong(m.group(1)));
    }

    /** Whether a process with this id is running. */
    public static boolean isAlive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Creates {@code dir} if needed and checks that files can be created in it, so that a batch fails before it starts.
     *
     * @param parameter the option that named the folder, e.g. {@code --out}
     * @throws IllegalArgumentException naming the parameter, the folder and the problem in plain words
     */
    public static Path requireWritableDirectory(Path dir, String parameter) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(parameter + " " + dir + ": is a file, not a folder; give a folder for the outputs");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(parameter + " " + dir + ": cannot create the folder: " + describe(e), e);
        }
        try {
            Files.delete(createTemp(dir.resolve("write-check")));
        } catch (IOException e) {
            throw new IllegalArgumentException(parameter + " " + dir + ": cannot write files there: " + describe(e), e);
        }
        return dir;
    }

    /** {@code e} in plain words, e.g. "disk full (No space left on device)", "permission denied". */
    public static String describe(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof FileSystemException f && f.getReason() != null) {
            m = f.getReason();
        }
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return "disk full (" + m + ")";
        }
        if (lower.contains("quota")) {
            return "disk quota exceeded (" + m + ")";
        }
        if (lower.contains("read-only file system")) {
            return "read-only file system";
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
            return "is a file, not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists" + (Files.isRegularFile(Path.of(((FileSystemException) e).getFile())) ? " as a file, not a folder" : "");
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "is a folder that is not empty";
        }
        return m.isEmpty() ? e.getClass().getSimpleName() : m;
    }

    /** An IOException whose message is "could not ACTION FILE: CAUSE IN WORDS", keeping the cause's type for callers. */
    static IOException problem(Path file, String action, IOException cause) {
        if (cause.getMessage() != null && cause.getMessage().startsWith("could not ")) {
            return cause;
        }
        return new IOException("could not " + action + " " + file + ": " + describe(cause), cause);
    }
}
