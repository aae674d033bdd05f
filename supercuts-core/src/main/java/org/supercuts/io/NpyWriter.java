package org.supercuts.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes arrays in NumPy's {@code .npy} format, version 1.0: the magic string {@code \x93NUMPY}, version bytes 1 and 0,
 * a little-endian 16-bit header length, an ASCII header dictionary ({@code descr}, {@code fortran_order},
 * {@code shape}) padded with spaces and ended by a newline so that the data starts at a multiple of 64 bytes, then the
 * raw little-endian samples in C (row-major) order. Only {@code float32} ({@code '<f4'}) and {@code float64}
 * ({@code '<f8'}) are written, which is what the library exports (features, soft masks, affinities).
 *
 * <p>Thread safety: stateless static methods; concurrent writes to different files are safe.
 */
public final class NpyWriter {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    static final int ALIGNMENT = 64;

    private NpyWriter() {
    }

    /** Writes {@code data} as a float32 array of the given shape (C order) to {@code path}, replacing it. */
    public static void writeFloat32(Path path, float[] data, int... shape) {
        Objects.requireNonNull(path, "path");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            writeFloat32(out, data, shape);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code data} as a float64 array of the given shape (C order) to {@code path}, replacing it. */
    public static void writeFloat64(Path path, double[] data, int... shape) {
        Objects.requireNonNull(path, "path");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            writeFloat64(out, data, shape);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #writeFloat32(Path, float[], int...)} to a stream (not closed). */
    public static void writeFloat32(OutputStream out, float[] data, int... shape) throws IOException {
        Objects.requireNonNull(data, "data");
        checkShape(data.length, shape);
        out.write(header("<f4", shape));
        ByteBuffer buf = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data) {
            if (buf.remaining() < 4) {
                flush(out, buf);
            }
            buf.putFloat(v);
        }
        flush(out, buf);
    }

    /** As {@link #writeFloat64(Path, double[], int...)} to a stream (not closed). */
    public static void writeFloat64(OutputStream out, double[] data, int... shape) throws IOException {
        Objects.requireNonNull(data, "data");
        checkShape(data.length, shape);
        out.write(header("<f8", shape));
        ByteBuffer buf = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : data) {
            if (buf.remaining() < 8) {
                flush(out, buf);
            }
            buf.putDouble(v);
        }
        flush(out, buf);
    }

    private static void flush(OutputStream out, ByteBuffer buf) throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    private static void checkShape(int length, int[] shape) {
        Objects.requireNonNull(shape, "shape");
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("shape[" + i + "] = " + shape[i] + "; dimensions must be >= 0");
            }
            n *= shape[i];
        }
        if (n != length) {
            throw new IllegalArgumentException("data has length " + length + " but shape " + java.util.Arrays.toString(shape)
                    + " holds " + n + " elements; they must agree");
        }
    }

    /** The magic, version, length and padded dictionary; the total is a multiple of {@value #ALIGNMENT} bytes. */
    static byte[] header(String descr, int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(shape[i]);
            if (shape.length == 1 || i + 1 < shape.length) {
                dict.append(shape.length == 1 ? "," : ", ");
            }
        }
        dict.append("), }");
        int prefix = MAGIC.length + 2 + 2;
        // Pad with spaces so that prefix + dictionary + '\n' is a multiple of the alignment.
        int unpadded = prefix + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        dict.append(" ".repeat(padding)).append('\n');
        int headerLength = dict.length();
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException("shape has " + shape.length + " dimensions; the .npy 1.0 header would be "
                    + headerLength + " bytes, more than 65535");
        }
        ByteBuffer b = ByteBuffer.allocate(prefix + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLength);
        b.put(dict.toString().getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
