package org.supercuts.onnx.dino;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.TestModels;
import org.supercuts.onnx.runtime.Device;
import org.supercuts.onnx.runtime.ModelOptions;
import org.supercuts.onnx.semantic.OnnxSemanticSegmenter;
import org.supercuts.onnx.semantic.SemanticOptions;

/** CUDA against CPU on the tiny graphs; needs -Pgpu and a CUDA device (run with -Dsupercuts.test.excludedGroups=none). */
@Tag("gpu")
class DinoGpuTest {
    @Test
    void cudaFeaturesMatchCpuFeatures() {
        PlanarImage image = TestModels.gradient(90, 70);
        for (String graph : new String[] {"tiny_vit_p8_64.onnx", "tiny_vit_p14_56.onnx", "tiny_vit_p8_dynamic.onnx"}) {
            DinoOptions cpu = DinoOptions.defaults().withClsAttention(true);
            DinoOptions gpu = cpu.withModelOptions(ModelOptions.defaults().withDevice(Device.cuda(0)));
            try (DinoFeatures a = DinoFeatures.load(TestModels.path(graph), cpu);
                    DinoFeatures b = DinoFeatures.load(TestModels.path(graph), gpu)) {
                assertThat(b.model().device()).isEqualTo(Device.cuda(0));
                float[] x = a.extract(image).backingArray();
                float[] y = b.extract(image).backingArray();
                assertThat(y).hasSameSizeAs(x);
                for (int i = 0; i < x.length; i++) {
                    assertThat(Math.abs(x[i] - y[i])).as("%s element %d", graph, i).isLessThan(1e-4f);
                }
            }
        }
    }

    @Test
    void cudaSegmentationMatchesCpu() {
        PlanarImage image = TestModels.image("tiny_unet_image.npy");
        try (OnnxSemanticSegmenter a = OnnxSemanticSegmenter.load(TestModels.path("tiny_unet.onnx"), SemanticOptions.defaults());
                OnnxSemanticSegmenter b = OnnxSemanticSegmenter.load(TestModels.path("tiny_unet.onnx"),
                        SemanticOptions.defaults().withModelOptions(ModelOptions.defaults().withDevice(Device.cuda(0))))) {
            float[] p = a.segment(image).probabilities(0);
            float[] q = b.segment(image).probabilities(0);
            for (int i = 0; i < p.length; i++) {
                assertThat(Math.abs(p[i] - q[i])).isLessThan(1e-4f);
            }
        }
    }
}
