package org.supercuts.examples.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Raw little-endian arrays exchanged with the Python anchors (numpy {@code fromfile}/{@code tofile}, C order).
 *
 * <p>Thread safety: stateless static methods.
 */
final class RawFiles {
    private RawFiles() {
    }

    static void writeBytes(Path p, byte[] data) throws IOException {
        Files.write(p, data);
    }

    static void writeFloats(Path p, float[]... planes) throws IOException {
        int n = 0;
        for (float[] f : planes) {
            n += f.length;
        }
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] f : planes) {
            b.asFloatBuffer().put(f);
            b.position(b.position() + 4 * f.length);
        }
        Files.write(p, b.array());
    }

    static void writeDoubles(Path p, double[] data) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(data);
        Files.write(p, b.array());
    }

    static int[] readInts(Path p, int expected) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        check(p, b.capacity(), 4L * expected);
        int[] out = new int[expected];
        b.asIntBuffer().get(out);
        return out;
    }

    static float[] readFloats(Path p, int expected) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        check(p, b.capacity(), 4L * expected);
        float[] out = new float[expected];
        b.asFloatBuffer().get(out);
        return out;
    }

    static double[] readDoubles(Path p, int expected) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        check(p, b.capacity(), 8L * expected);
        double[] out = new double[expected];
        b.asDoubleBuffer().get(out);
        return out;
    }

    private static void check(Path p, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException(p + " has " + actual + " bytes, expected " + expected);
        }
    }
}
