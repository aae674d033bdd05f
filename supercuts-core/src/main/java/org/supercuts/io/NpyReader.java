package org.supercuts.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code .npy} files {@link NpyWriter} writes, and NumPy's own for the same types: format versions 1.0 and 2.0,
 * little-endian {@code float32} / {@code float64}, C order. Meant for tests and reference data (parity pairs exported
 * by the Python tools), not as a general NumPy reader.
 *
 * <p>Thread safety: stateless; the returned {@link Array} is immutable (accessors return copies).
 */
public final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /**
     * A decoded array: its shape, its dtype string and its samples widened to double.
     *
     * <p>Thread safety: immutable; accessors return copies.
     */
    public static final class Array {
        private final int[] shape;
        private final String dtype;
        private final double[] values;

        Array(int[] shape, String dtype, double[] values) {
            this.shape = shape;
            this.dtype = dtype;
            this.values = values;
        }

        /** The array's shape (a copy). */
        public int[] shape() {
            return shape.clone();
        }

        /** The NumPy descr, {@code "<f4"} or {@code "<f8"}. */
        public String dtype() {
            return dtype;
        }

        /** Number of elements. */
        public int size() {
            return values.length;
        }

        /** The elements as doubles, in C order. */
        public double[] toDoubleArray() {
            return values.clone();
        }

        /** The elements as floats, in C order. */
        public float[] toFloatArray() {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return f;
        }
    }

    /**
     * @throws IllegalArgumentException naming the file and the rule when it is not a supported {@code .npy} file
     * @throws UncheckedIOException     when it cannot be read
     */
    public static Array read(Path path) {
        Objects.requireNonNull(path, "path");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
        }
        return decode(bytes, path.toString());
    }

    /** Decodes the bytes of a whole {@code .npy} file; {@code name} is used in error messages. */
    public static Array decode(byte[] bytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), NpyWriter.MAGIC)) {
            throw new IllegalArgumentException(name + " is not a .npy file (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        int headerLength;
        int dataStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(b.getShort(8));
            dataStart = 10 + headerLength;
        } else if (major == 2 || major == 3) {
            headerLength = b.getInt(8);
            dataStart = 12 + headerLength;
        } else {
            throw new IllegalArgumentException(name + " has .npy format version " + major + "; versions 1 to 3 are supported");
        }
        if (dataStart > bytes.length) {
            throw new IllegalArgumentException(name + " is truncated: header ends at byte " + dataStart + " of " + bytes.length);
        }
        String header = new String(bytes, dataStart - headerLength, headerLength, StandardCharsets.US_ASCII);
        String descr = group(DESCR, header, name, "descr");
        if (!descr.equals("<f4") && !descr.equals("<f8")) {
            throw new IllegalArgumentException(name + " has dtype '" + descr + "'; only '<f4' and '<f8' are supported");
        }
        if (group(FORTRAN, header, name, "fortran_order").equals("True")) {
            throw new IllegalArgumentException(name + " is in Fortran order; only C order is supported");
        }
        List<Integer> dims = new ArrayList<>();
        for (String s : group(SHAPE, header, name, "shape").split(",")) {
            if (!s.isBlank()) {
                dims.add(Integer.parseInt(s.trim()));
            }
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        int itemSize = descr.equals("<f4") ? 4 : 8;
        if (bytes.length - dataStart != n * itemSize) {
            throw new IllegalArgumentException(name + " holds " + (bytes.length - dataStart) + " data bytes; shape "
                    + Arrays.toString(shape) + " of " + descr + " needs " + n * itemSize);
        }
        double[] values = new double[(int) n];
        b.position(dataStart);
        for (int i = 0; i < values.length; i++) {
            values[i] = itemSize == 4 ? b.getFloat() : b.getDouble();
        }
        return new Array(shape, descr, values);
    }

    private static String group(Pattern p, String header, String name, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(name + " has no '" + key + "' in its header: " + header.trim());
        }
        return m.group(1);
    }
}
