package org.supercuts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {
    @TempDir
    Path dir;

    @Test
    void writtenFilesHaveTheUmasksPermissionsNot0600() throws IOException {
        Path reference = dir.resolve("reference.txt");
        Files.writeString(reference, "x");
        Path written = dir.resolve("written.json");
        SafeFiles.write(written, new byte[] {1, 2});
        assertThat(Files.readAllBytes(written)).containsExactly(1, 2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)));
        Path png = dir.resolve("p.png");
        ImageFiles.writeMask(new byte[] {1, 0}, 2, 1, png);
        assertThat(Files.getPosixFilePermissions(png)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void aFailedWriteLeavesNothingAndSaysDiskFull() {
        Path target = dir.resolve("out.bin");
        assertThatThrownBy(() -> SafeFiles.write(target, out -> {
            out.write(new byte[100]);
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessageContaining("out.bin").hasMessageContaining("disk full");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void ioErrorsInPlainWords() {
        assertThat(SafeFiles.describe(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(SafeFiles.describe(new NotDirectoryException("/x/y"))).isEqualTo("is a file, not a folder");
        assertThat(SafeFiles.describe(new FileSystemException("/x", null, "No space left on device"))).startsWith("disk full");
        assertThat(SafeFiles.describe(new FileSystemException("/x", null, "Read-only file system"))).isEqualTo("read-only file system");
    }

    @Test
    void sweepRemovesOnlyTheTemporariesOfEndedProcesses() throws IOException {
        Path dead = Files.writeString(dir.resolve(".a-mask.png.2147483646-1f.tmp"), "left by a killed run");
        Path legacy = Files.writeString(dir.resolve(".a.json123456.tmp"), "older form without a process id");
        Path mine = SafeFiles.createTemp(dir.resolve("b-mask.png"));
        Path user = Files.writeString(dir.resolve("notes.tmp"), "not ours: no leading dot");
        assertThat(SafeFiles.sweepTemporaries(dir)).containsExactlyInAnyOrder(dead, legacy);
        assertThat(mine).exists();
        assertThat(user).exists();
    }

    @Test
    void outputFolderThatIsAFileIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "a file");
        assertThatThrownBy(() -> SafeFiles.requireWritableDirectory(file, "--out")).hasMessageContaining("--out")
                .hasMessageContaining(file.toString()).hasMessageContaining("is a file, not a folder");
        assertThatThrownBy(() -> SafeFiles.requireWritableDirectory(file.resolve("sub"), "--out"))
                .hasMessageContaining("--out").hasMessageContaining("cannot create the folder");
        assertThat(SafeFiles.requireWritableDirectory(dir.resolve("new/deeper"), "--out")).isDirectory();
    }
}
