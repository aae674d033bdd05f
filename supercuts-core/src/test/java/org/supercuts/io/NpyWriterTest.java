package org.supercuts.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {
    @TempDir
    Path dir;

    @Test
    void headerIsVersion1AlignedTo64BytesAndDescribesTheArray() throws IOException {
        for (int[] shape : new int[][] {{}, {5}, {2, 3}, {1, 3, 64, 48}, {7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2}}) {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NpyWriter.writeFloat32(out, new float[n], shape);
            byte[] bytes = out.toByteArray();
            assertThat(bytes[0] & 0xff).isEqualTo(0x93);
            assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
            assertThat(bytes[6]).isEqualTo((byte) 1);
            assertThat(bytes[7]).isEqualTo((byte) 0);
            int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
            int dataStart = 10 + headerLength;
            assertThat(dataStart % 64).as("data offset of shape %s", (Object) shape).isZero();
            assertThat(bytes.length - dataStart).isEqualTo(4 * n);
            String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
            assertThat(header).endsWith("\n").startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (");
            String expectedShape = switch (shape.length) {
                case 0 -> "()";
                case 1 -> "(" + shape[0] + ",)";
                default -> java.util.Arrays.toString(shape).replace('[', '(').replace(']', ')');
            };
            assertThat(header).contains("'shape': " + expectedShape + ", }");
        }
    }

    @Test
    void float32RoundTripsInCOrder() {
        float[] data = new float[2 * 3 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.sin(i) * 1e3f;
        }
        data[5] = -0.0f;
        data[6] = Float.MIN_VALUE;
        Path f = dir.resolve("a.npy");
        NpyWriter.writeFloat32(f, data, 2, 3, 4);
        NpyReader.Array a = NpyReader.read(f);
        assertThat(a.shape()).containsExactly(2, 3, 4);
        assertThat(a.dtype()).isEqualTo("<f4");
        assertThat(a.toFloatArray()).containsExactly(data);
    }

    @Test
    void float64RoundTripsExactly() throws IOException {
        double[] data = {Math.PI, -1e-300, 1e300, 0.1, Double.MAX_VALUE, 42};
        Path f = dir.resolve("b.npy");
        NpyWriter.writeFloat64(f, data, 3, 2);
        NpyReader.Array a = NpyReader.read(f);
        assertThat(a.shape()).containsExactly(3, 2);
        assertThat(a.dtype()).isEqualTo("<f8");
        assertThat(a.toDoubleArray()).containsExactly(data);
        // Little-endian sample bytes right after the header: the first value is pi.
        byte[] bytes = Files.readAllBytes(f);
        int dataStart = 10 + (ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff);
        assertThat(ByteBuffer.wrap(bytes, dataStart, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble()).isEqualTo(Math.PI);
    }

    @Test
    void shapeMustMatchTheData() {
        assertThatThrownBy(() -> NpyWriter.writeFloat32(dir.resolve("c.npy"), new float[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 5").hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> NpyWriter.writeFloat64(dir.resolve("c.npy"), new double[0], -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape[0] = -1");
    }

    @Test
    void readerRejectsWhatItCannotRead() throws IOException {
        Path notNpy = dir.resolve("x.npy");
        Files.writeString(notNpy, "hello, this is not numpy");
        assertThatThrownBy(() -> NpyReader.read(notNpy)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.npy").hasMessageContaining("magic");
        Path truncated = dir.resolve("t.npy");
        NpyWriter.writeFloat32(truncated, new float[6], 6);
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> NpyReader.read(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 24");
    }

    /** Cross-check with NumPy itself; skipped when Debian's python3 with numpy is not installed. */
    @Test
    void numpyReadsWhatWeWriteAndWeReadWhatNumpyWrites() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "skipped: /usr/bin/python3 is absent");
        assumeTrue(run(python.toString(), "-c", "import numpy").exitCode == 0, "skipped: python3 has no numpy");
        Path ours = dir.resolve("ours.npy");
        NpyWriter.writeFloat32(ours, new float[] {1.5f, -2f, 3.25f, 4f, 5f, 6f}, 2, 3);
        Result r = run(python.toString(), "-c", "import numpy, sys; a = numpy.load(sys.argv[1]);"
                + " print(a.dtype, a.shape, a.flags.c_contiguous, a[1, 0], a.sum())", ours.toString());
        assertThat(r.exitCode).as(r.output).isZero();
        assertThat(r.output.trim()).isEqualTo("float32 (2, 3) True 4.0 17.75");
        Path theirs = dir.resolve("theirs.npy");
        r = run(python.toString(), "-c", "import numpy, sys; numpy.save(sys.argv[1],"
                + " numpy.arange(24, dtype='<f8').reshape(2, 3, 4) / 8)", theirs.toString());
        assertThat(r.exitCode).as(r.output).isZero();
        NpyReader.Array a = NpyReader.read(theirs);
        assertThat(a.shape()).containsExactly(2, 3, 4);
        assertThat(a.toDoubleArray()[23]).isEqualTo(23 / 8.0);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), out);
    }
}
