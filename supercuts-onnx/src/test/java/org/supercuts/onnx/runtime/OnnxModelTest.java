package org.supercuts.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;

class OnnxModelTest {
    private static final IoSpec SCALE_SPEC = IoSpec.of(TensorSpec.floats("x", 1, 3, TensorSpec.ANY, TensorSpec.ANY),
            TensorSpec.floats("y", 1, 3, TensorSpec.ANY, TensorSpec.ANY));

    static Path resource(String name) {
        try {
            return Path.of(OnnxModelTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FloatTensor ramp(int h, int w) {
        FloatTensor t = FloatTensor.allocate(1, 3, h, w);
        for (int i = 0; i < t.size(); i++) {
            t.buffer().put(i, i * 0.5f - 3f);
        }
        return t;
    }

    @Test
    void runsGraphOnDirectBuffersAndChecksSignature() {
        try (OnnxModel model = OnnxModel.load(resource("scale2.onnx"), ModelOptions.defaults().withIntraOpThreads(1), SCALE_SPEC)) {
            assertThat(model.device()).isEqualTo(Device.cpu());
            assertThat(model.inputNames()).containsExactly("x");
            assertThat(model.outputNames()).containsExactly("y");
            assertThat(model.signature()).contains("x FLOAT[1,3,?,?]");
            for (int[] size : new int[][] {{4, 5}, {1, 1}, {7, 2}}) {
                FloatTensor in = ramp(size[0], size[1]);
                FloatTensor out = OnnxModel.output(model.run("x", in), "y");
                assertThat(out.shape()).containsExactly(1, 3, size[0], size[1]);
                for (int i = 0; i < in.size(); i++) {
                    assertThat(out.get(i)).isEqualTo(2 * in.get(i));
                }
            }
        }
    }

    @Test
    void concurrentRunsGiveTheSameResults() throws Exception {
        try (OnnxModel model = OnnxModel.load(resource("scale2.onnx"), ModelOptions.defaults().withIntraOpThreads(1), SCALE_SPEC)) {
            float[] expected = model.run("x", ramp(16, 16)).get("y").toArray();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[]>> results = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    results.add(pool.submit(() -> model.run("x", ramp(16, 16)).get("y").toArray()));
                }
                for (Future<float[]> f : results) {
                    assertThat(f.get()).containsExactly(expected);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseNamesTheModel() {
        OnnxModel model = OnnxModel.load(resource("scale2.onnx"), ModelOptions.defaults());
        model.close();
        model.close();
        assertThat(model.isClosed()).isTrue();
        assertThatThrownBy(() -> model.run("x", ramp(2, 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scale2.onnx").hasMessageContaining("closed");
    }

    @Test
    void wrongInputNamesAtRunTimeAreRejected() {
        try (OnnxModel model = OnnxModel.load(resource("scale2.onnx"), ModelOptions.defaults())) {
            assertThatThrownBy(() -> model.run("input", ramp(2, 2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[x]").hasMessageContaining("input");
        }
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.onnx");
        assertThatThrownBy(() -> OnnxModel.load(missing, ModelOptions.defaults()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void notAnOnnxFileIsNamed(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("model.onnx"), "this is not a protobuf, just some text\n");
        assertThatThrownBy(() -> OnnxModel.load(text, ModelOptions.defaults()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("as an ONNX model");
        assertThatThrownBy(() -> OnnxModel.load(dir, ModelOptions.defaults()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(dir.toString());
    }

    @Test
    void wrongRankIsReportedWithExpectedAndActual() {
        Path rank2 = resource("rank2.onnx");
        assertThatThrownBy(() -> OnnxModel.load(rank2, ModelOptions.defaults(), SCALE_SPEC))
                .isInstanceOf(ModelSignatureException.class)
                .hasMessageContaining(rank2.toString())
                .hasMessageContaining("input 'x' is FLOAT[?,?], expected FLOAT[1,3,?,?]")
                .hasMessageContaining("output 'y' is FLOAT[?,?]");
    }

    @Test
    void wrongNamesTypesAndFixedDimsAreReported() {
        Path scale = resource("scale2.onnx");
        IoSpec wrongNames = IoSpec.of(TensorSpec.floats("input", 1, 3, -1, -1), TensorSpec.floats("features", 1, 3, -1, -1));
        assertThatThrownBy(() -> OnnxModel.load(scale, ModelOptions.defaults(), wrongNames))
                .isInstanceOf(ModelSignatureException.class)
                .hasMessageContaining("missing input 'input'")
                .hasMessageContaining("graph input 'x' is not expected")
                .hasMessageContaining("missing output 'features'")
                .hasMessageContaining("actual inputs [x FLOAT[1,3,?,?]]");
        IoSpec wrongType = IoSpec.of(TensorSpec.of("x", ElementType.INT64, 1, 3, -1, -1), TensorSpec.floats("y", 1, 3, -1, -1));
        assertThatThrownBy(() -> OnnxModel.load(scale, ModelOptions.defaults(), wrongType))
                .isInstanceOf(ModelSignatureException.class).hasMessageContaining("expected INT64[1,3,?,?]");
        IoSpec wrongDim = IoSpec.of(TensorSpec.floats("x", 1, 5, -1, -1), TensorSpec.floats("y", 1, 3, -1, -1));
        assertThatThrownBy(() -> OnnxModel.load(scale, ModelOptions.defaults(), wrongDim))
                .isInstanceOf(ModelSignatureException.class).hasMessageContaining("input 'x' is FLOAT[1,3,?,?], expected FLOAT[1,5,?,?]");
        IoSpec fixedWhereDynamic = IoSpec.of(TensorSpec.floats("x", 1, 3, 8, 8), TensorSpec.floats("y", 1, 3, -1, -1));
        assertThatThrownBy(() -> OnnxModel.load(scale, ModelOptions.defaults(), fixedWhereDynamic))
                .isInstanceOf(ModelSignatureException.class).hasMessageContaining("expected FLOAT[1,3,8,8]");
    }

    @Test
    void cudaWithoutProviderFailsNamingTheGpuArtifact() {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "skipped: this ONNX Runtime build has the CUDA provider (see the gpu-tagged tests)");
        assertThatThrownBy(() -> OnnxModel.load(resource("scale2.onnx"), ModelOptions.defaults().withDevice(Device.cuda(0))))
                .isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("com.microsoft.onnxruntime:onnxruntime_gpu")
                .hasMessageContaining("scale2.onnx")
                .hasMessageContaining("cuda:0");
    }

    @Test
    void cudaOrCpuFallsBackAndReportsTheDeviceUsed() {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "skipped: this ONNX Runtime build has the CUDA provider (see the gpu-tagged tests)");
        try (OnnxModel model = OnnxModel.load(resource("scale2.onnx"), ModelOptions.defaults().withDevice(Device.cudaOrCpu(0)), SCALE_SPEC)) {
            assertThat(model.device()).isEqualTo(Device.cpu());
            assertThat(model.device().toString()).isEqualTo("cpu");
            assertThat(model.options().device().toString()).isEqualTo("cuda-or-cpu:0");
            assertThat(model.run("x", ramp(2, 3)).get("y").get(5)).isEqualTo(2 * ramp(2, 3).get(5));
        }
    }

    @Test
    @Tag("gpu")
    void cudaSessionPoolServesConcurrentCalls() throws Exception {
        assumeTrue(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "skipped: no CUDA provider (build with -Pgpu on a CUDA machine)");
        ModelOptions cuda = ModelOptions.defaults().withDevice(Device.cuda(0)).withCudaSessionPoolSize(2);
        try (OnnxModel model = OnnxModel.load(resource("scale2.onnx"), cuda, SCALE_SPEC)) {
            assertThat(model.device().toString()).isEqualTo("cuda:0");
            float[] expected = model.run("x", ramp(32, 32)).get("y").toArray();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[]>> results = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    results.add(pool.submit(() -> model.run("x", ramp(32, 32)).get("y").toArray()));
                }
                for (Future<float[]> f : results) {
                    assertThat(f.get()).containsExactly(expected);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void optionsAndSpecsValidateTheirParameters() {
        assertThatThrownBy(() -> ModelOptions.builder().intraOpThreads(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intraOpThreads").hasMessageContaining("-1");
        assertThatThrownBy(() -> ModelOptions.defaults().withCudaSessionPoolSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cudaSessionPoolSize");
        assertThatThrownBy(() -> Device.cuda(-2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deviceId");
        assertThatThrownBy(() -> TensorSpec.floats("x", 1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dims[1]");
        assertThatThrownBy(() -> FloatTensor.copyOf(new float[3], 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 3");
        ModelOptions o = ModelOptions.builder().device(Device.cuda(1)).intraOpThreads(2).cudaSessionPoolSize(3).build();
        assertThat(o.toBuilder().build()).isEqualTo(o);
        assertThat(o.withIntraOpThreads(4).device()).isEqualTo(Device.cuda(1));
        assertThat(Device.parse("cuda:1")).isEqualTo(Device.cuda(1));
        assertThat(Device.parse("cuda-or-cpu")).isEqualTo(Device.cudaOrCpu(0));
        assertThat(Device.parse("CPU")).isEqualTo(Device.cpu());
        assertThatThrownBy(() -> Device.parse("tpu")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tpu'");
        assertThatThrownBy(() -> OnnxModel.load(null, ModelOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modelPath");
    }
}
