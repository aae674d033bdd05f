package org.supercuts.retrieval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import org.supercuts.image.ImageFiles;

/**
 * The segment index file ({@code .scidx}): save, load and append, with a length and CRC-32 check so that a truncated or
 * damaged file is refused instead of read as a smaller index.
 *
 * <p>Format, version 1, all numbers big-endian (Java's {@code DataOutput}), strings as a 4-byte byte count and UTF-8:
 *
 * <pre>
 * magic        8 bytes  "SCSEGIDX"
 * version      int32    1
 * dimension    int32    d
 * segments     int64    n
 * images       int32    m
 * features     string   what produced the vectors (SegmentIndex.features())
 * image ids    m strings
 * n records    int32 image position (0..m-1), int32 segment id, int32 label (-1 = none), int32 area,
 *              d float32 vector values (L2-normalised)
 * checksum     int64    CRC-32 of every byte before it
 * </pre>
 *
 * <p>A file of n records of dimension d is exactly {@code header + n·(16 + 4d) + 8} bytes; {@link #load} checks that first
 * (naming both numbers) and the checksum after reading.
 *
 * <p>Thread safety: stateless static methods; concurrent writers of one file must synchronise externally (each save
 * writes a temporary file and moves it into place, so readers never see half a file).
 */
public final class SegmentIndexFile {
    private static final byte[] MAGIC = "SCSEGIDX".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    private SegmentIndexFile() {
    }

    /** Writes {@code index} to {@code path} (replacing it) through a temporary file in the same folder. */
    public static void save(SegmentIndex index, Path path) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(path, "path");
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
            try {
                try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    write(index, raw);
                }
                ImageFiles.moveIntoPlace(tmp, path);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the segment index " + path + ": " + e.getMessage(), e);
        }
    }

    static void write(SegmentIndex index, OutputStream raw) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(index.dimension());
        out.writeLong(index.size());
        out.writeInt(index.imageIds().size());
        writeString(out, index.features());
        for (String id : index.imageIds()) {
            writeString(out, id);
        }
        byte[] record = new byte[16 + 4 * index.dimension()];
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(record);
        for (int i = 0; i < index.size(); i++) {
            buf.clear();
            buf.putInt(index.imageIndex(i)).putInt(index.segmentId(i)).putInt(index.label(i)).putInt(index.area(i));
            for (float v : index.vector(i)) {
                buf.putFloat(v);
            }
            out.write(record);
        }
        out.flush();
        // The checksum itself is not part of what it covers.
        new DataOutputStream(raw).writeLong(crc.getValue());
        raw.flush();
    }

    /**
     * Reads an index written by {@link #save}.
     *
     * @throws IllegalArgumentException when the file is not an index, is truncated or longer than its header says, or its
     *                                  checksum does not match (each naming the file)
     * @throws UncheckedIOException     when it cannot be read
     */
    public static SegmentIndex load(Path path) {
        Objects.requireNonNull(path, "path");
        long fileLength;
        try {
            fileLength = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("segment index file " + path + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the segment index " + path + ": " + e.getMessage(), e);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            return read(raw, fileLength, path.toString());
        } catch (EOFException e) {
            throw new IllegalArgumentException("segment index file " + path + " is truncated (" + fileLength + " bytes)");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the segment index " + path + ": " + e.getMessage(), e);
        }
    }

    static SegmentIndex read(InputStream raw, long fileLength, String name) throws IOException {
        CRC32 crc = new CRC32();
        CountingCheckedInput counted = new CountingCheckedInput(raw, crc);
        DataInputStream in = new DataInputStream(counted);
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException(name + " is not a segment index file (it does not start with \"SCSEGIDX\")");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IllegalArgumentException(name + " is a segment index of format version " + version + "; this library reads "
                    + VERSION);
        }
        int d = in.readInt();
        long n = in.readLong();
        int m = in.readInt();
        if (d < 1 || n < 0 || n > Integer.MAX_VALUE || m < 0) {
            throw new IllegalArgumentException(name + " has an invalid header: dimension " + d + ", " + n + " segments, " + m + " images");
        }
        String features = readString(in, name);
        SegmentIndex.Builder b = SegmentIndex.builder(d, features);
        for (int i = 0; i < m; i++) {
            b.addImageId(readString(in, name));
        }
        long expected = counted.count() + n * (16L + 4L * d) + 8;
        if (fileLength != expected) {
            throw new IllegalArgumentException("segment index file " + name + " has " + fileLength + " bytes but its header ("
                    + n + " segments of d=" + d + ") needs " + expected + (fileLength < expected ? "; it is truncated" : "; it has extra bytes"));
        }
        b.reserve((int) n);
        float[] row = new float[d];
        byte[] record = new byte[16 + 4 * d];
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(record);
        for (long s = 0; s < n; s++) {
            in.readFully(record);
            buf.clear();
            int img = buf.getInt();
            int seg = buf.getInt();
            int lbl = buf.getInt();
            int area = buf.getInt();
            for (int j = 0; j < d; j++) {
                row[j] = buf.getFloat();
            }
            if (img < 0 || img >= m) {
                throw new IllegalArgumentException(name + ": record " + s + " names image " + img + " of " + m);
            }
            b.put(row, img, seg, lbl, area);
        }
        long computed = crc.getValue();
        long stored = new DataInputStream(raw).readLong();
        if (stored != computed) {
            throw new IllegalArgumentException("segment index file " + name + " fails its checksum (stored " + Long.toHexString(stored)
                    + ", computed " + Long.toHexString(computed) + "); it is damaged");
        }
        return b.build();
    }

    /**
     * Appends {@code more} to the index in {@code path} (creating the file when it does not exist) and returns the result.
     *
     * @throws IllegalArgumentException when the two were built with other features or share an image id
     */
    public static SegmentIndex append(Path path, SegmentIndex more) {
        Objects.requireNonNull(more, "more");
        SegmentIndex merged = Files.exists(path) ? load(path).toBuilder().append(more).build() : more;
        save(merged, path);
        return merged;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in, String name) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > 1 << 20) {
            throw new IllegalArgumentException(name + " has an invalid string length " + len + "; it is damaged");
        }
        byte[] bytes = new byte[len];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A checked stream that also counts the bytes read. */
    private static final class CountingCheckedInput extends CheckedInputStream {
        private long count;

        CountingCheckedInput(InputStream in, CRC32 crc) {
            super(in, crc);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int r = super.read(buf, off, len);
            if (r > 0) {
                count += r;
            }
            return r;
        }

        long count() {
            return count;
        }
    }
}
