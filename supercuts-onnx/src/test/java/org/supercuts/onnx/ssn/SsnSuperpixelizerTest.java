package org.supercuts.onnx.ssn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.testing.SharedData;
import org.supercuts.onnx.runtime.Device;
import org.supercuts.onnx.runtime.DeviceUnavailableException;
import org.supercuts.onnx.runtime.ModelOptions;
import org.supercuts.onnx.runtime.ModelSignatureException;
import org.supercuts.onnx.runtime.OnnxModel;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;

class SsnSuperpixelizerTest {
    private static Path modelPath;
    private static OnnxModel shared;

    @BeforeAll
    static void load() {
        modelPath = SharedData.require("models/ssn/ssn_bsds_pixel_features.onnx");
        shared = SsnSuperpixelizer.loadModel(modelPath, ModelOptions.defaults().withIntraOpThreads(2));
    }

    @AfterAll
    static void unload() {
        if (shared != null) {
            shared.close();
        }
    }

    private static boolean connected(LabelMap map, int label) {
        int w = map.width();
        int h = map.height();
        int start = -1;
        int total = 0;
        for (int p = 0; p < w * h; p++) {
            if (map.labelAt(p) == label) {
                total++;
                if (start < 0) {
                    start = p;
                }
            }
        }
        boolean[] seen = new boolean[w * h];
        int[] queue = new int[w * h];
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        seen[start] = true;
        while (head < tail) {
            int p = queue[head++];
            int x = p % w;
            int y = p / w;
            int[] nb = {x > 0 ? p - 1 : -1, x + 1 < w ? p + 1 : -1, y > 0 ? p - w : -1, y + 1 < h ? p + w : -1};
            for (int q : nb) {
                if (q >= 0 && !seen[q] && map.labelAt(q) == label) {
                    seen[q] = true;
                    queue[tail++] = q;
                }
            }
        }
        return tail == total;
    }

    @Test
    void segmentsTheReferenceCropIntoConnectedSuperpixels() {
        SsnSuperpixelizer ssn = SsnSuperpixelizer.usingModel(shared, SsnSpec.defaults(modelPath));
        PlanarImage crop = SsnReferenceTest.referenceCrop();
        LabelMap labels = ssn.segment(crop);
        assertThat(labels.width()).isEqualTo(160);
        assertThat(labels.height()).isEqualTo(128);
        // 15 x 12 initial grid = 180 cells; connectivity adds pieces (the reference pipeline gives 190 here)
        assertThat(labels.count()).isBetween(100, 320);
        for (int l = 0; l < labels.count(); l++) {
            assertThat(connected(labels, l)).as("superpixel %d is 4-connected", l).isTrue();
        }
        assertThat(ssn.segment(crop)).isEqualTo(labels);
        assertThat(ssn.withSpec(ssn.spec().withParallel(false)).segment(crop)).isEqualTo(labels);
        assertThat(ssn.describe()).contains("k=200").contains("iter=5").contains("device=cpu");
    }

    @Test
    void moreSuperpixelsRequestedGivesMore() {
        SsnSuperpixelizer base = SsnSuperpixelizer.usingModel(shared, SsnSpec.defaults(modelPath));
        PlanarImage crop = SsnReferenceTest.referenceCrop();
        int few = base.withSpec(base.spec().withSuperpixels(50)).segment(crop).count();
        int many = base.withSpec(base.spec().withSuperpixels(400)).segment(crop).count();
        assertThat(many).isGreaterThan(2 * few);
    }

    @Test
    void concurrentCallsGiveIdenticalResults() throws Exception {
        SsnSuperpixelizer ssn = SsnSuperpixelizer.usingModel(shared, SsnSpec.defaults(modelPath).withSuperpixels(100));
        PlanarImage crop = SsnReferenceTest.referenceCrop();
        LabelMap expected = ssn.segment(crop);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<LabelMap>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> ssn.segment(crop)));
            }
            for (Future<LabelMap> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void tinyAndThinImagesWork() {
        SsnSuperpixelizer ssn = SsnSuperpixelizer.usingModel(shared, SsnSpec.defaults(modelPath));
        for (int[] size : new int[][] {{1, 1}, {2, 3}, {1, 37}, {41, 1}, {7, 5}}) {
            float[] grey = new float[size[0] * size[1]];
            for (int i = 0; i < grey.length; i++) {
                grey[i] = (i * 37 % 11) / 10f;
            }
            LabelMap labels = ssn.segment(PlanarImage.wrap(size[0], size[1], grey));
            assertThat(labels.width()).isEqualTo(size[0]);
            assertThat(labels.height()).isEqualTo(size[1]);
            assertThat(labels.count()).isBetween(1, grey.length);
        }
    }

    @Test
    void ownedModelIsClosedSharedModelIsNot() {
        SsnSuperpixelizer owner = SsnSuperpixelizer.open(SsnSpec.defaults(modelPath));
        PlanarImage img = PlanarImage.wrap(4, 4, new float[16]);
        owner.segment(img);
        owner.close();
        owner.close();
        assertThatThrownBy(() -> owner.segment(img)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ssn_bsds_pixel_features.onnx");
        SsnSuperpixelizer borrower = SsnSuperpixelizer.usingModel(shared, SsnSpec.defaults(modelPath));
        borrower.close();
        assertThat(shared.isClosed()).isFalse();
        assertThat(borrower.segment(img).count()).isPositive();
    }

    @Test
    void rejectsANonSsnGraph() {
        Path scale2 = Path.of(SsnSuperpixelizerTest.class.getResource("/org/supercuts/onnx/runtime/scale2.onnx").getPath());
        assertThatThrownBy(() -> SsnSuperpixelizer.open(SsnSpec.defaults(scale2)))
                .isInstanceOf(ModelSignatureException.class)
                .hasMessageContaining("scale2.onnx").hasMessageContaining("missing input 'input'");
    }

    @Test
    void cudaWithoutGpuGivesAClearMessage() {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "skipped: CUDA provider present");
        assertThatThrownBy(() -> SsnSuperpixelizer.open(SsnSpec.defaults(modelPath)
                .withModelOptions(ModelOptions.defaults().withDevice(Device.cuda(0)))))
                .isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("onnxruntime_gpu");
    }

    @Test
    void specValidatesItsParameters() {
        SsnSpec spec = SsnSpec.defaults(modelPath);
        assertThatThrownBy(() -> spec.withIterations(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations must be in [1, 100], got 0");
        assertThatThrownBy(() -> spec.withIterations(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations");
        assertThatThrownBy(() -> spec.withSuperpixels(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("superpixels must be in [1, 1048576], got 0");
        assertThatThrownBy(() -> spec.withColorScale(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colorScale");
        assertThatThrownBy(() -> spec.withPositionScale(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positionScale must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> spec.withMinSizeFraction(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minSizeFraction");
        assertThatThrownBy(() -> spec.withMaxSizeFraction(0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSizeFraction must be >= 1");
        assertThat(spec.withMaxSizeFraction(Double.POSITIVE_INFINITY).maxSizeFraction()).isInfinite();
        assertThatThrownBy(() -> SsnSpec.defaults(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modelPath");
        assertThat(spec.iterations()).isEqualTo(5);
        assertThat(spec.superpixels()).isEqualTo(200);
        assertThat(spec.withSuperpixels(300).withSuperpixels(200)).isEqualTo(spec);
    }

    @Test
    @Tag("gpu")
    void cudaGivesTheSameSuperpixelsAsTheCpu() {
        assumeTrue(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "skipped: no CUDA provider (build with -Pgpu on a CUDA machine)");
        PlanarImage crop = SsnReferenceTest.referenceCrop();
        LabelMap cpu = SsnSuperpixelizer.usingModel(shared, SsnSpec.defaults(modelPath)).segment(crop);
        try (SsnSuperpixelizer gpu = SsnSuperpixelizer.open(SsnSpec.defaults(modelPath)
                .withModelOptions(ModelOptions.defaults().withDevice(Device.cuda(0))))) {
            assertThat(gpu.device()).isEqualTo("cuda:0");
            LabelMap onGpu = gpu.segment(crop);
            int same = 0;
            for (int p = 0; p < crop.pixelCount(); p++) {
                same += cpu.labelAt(p) == onGpu.labelAt(p) ? 1 : 0;
            }
            // float differences between providers may flip a few near-tie pixels, nothing more
            assertThat(same).isGreaterThan(crop.pixelCount() * 99 / 100);
        }
    }
}
