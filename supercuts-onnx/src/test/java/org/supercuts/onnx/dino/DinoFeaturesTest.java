package org.supercuts.onnx.dino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.TestModels;
import org.supercuts.onnx.runtime.ModelLoadException;
import org.supercuts.onnx.runtime.ModelSignatureException;

/** Shape contract of DinoFeatures on the tiny graphs under each resize policy, and load-time validation. */
class DinoFeaturesTest {
    private static DinoFeatures fixed8;
    private static DinoFeatures fixed14;
    private static DinoFeatures dynamic8;

    @BeforeAll
    static void load() {
        fixed8 = DinoFeatures.load(TestModels.path("tiny_vit_p8_64.onnx"), DinoOptions.defaults());
        fixed14 = DinoFeatures.load(TestModels.path("tiny_vit_p14_56.onnx"), DinoOptions.defaults().withClsAttention(true));
        dynamic8 = DinoFeatures.load(TestModels.path("tiny_vit_p8_dynamic.onnx"), DinoOptions.defaults());
    }

    @AfterAll
    static void close() {
        fixed8.close();
        fixed14.close();
        dynamic8.close();
    }

    private static DinoFeatures with(DinoFeatures base, DinoOptions options) {
        return DinoFeatures.load(base.modelPath(), options);
    }

    @Test
    void readsPatchSizeAndFixedSizeFromTheGraph() {
        assertThat(fixed8.patchSize()).isEqualTo(8);
        assertThat(fixed8.isDynamicSize()).isFalse();
        assertThat(fixed8.graphWidth()).isEqualTo(64);
        assertThat(fixed14.patchSize()).isEqualTo(14);
        assertThat(fixed14.graphHeight()).isEqualTo(56);
        assertThat(dynamic8.isDynamicSize()).isTrue();
        assertThat(fixed8.declaredDimension()).isEqualTo(48);
    }

    @Test
    void runtimeExposesTheGraphMetadataAndDeclaredShapes() {
        assertThat(fixed14.model().customMetadata()).containsEntry("arch", "tiny_vit").containsEntry("patch_size", "14")
                .containsEntry("grid_h", "4").containsEntry("num_registers", "2").containsEntry("dynamic_size", "false");
        assertThat(fixed14.model().declaredShape("keys").orElseThrow()).containsExactly(-1, 16, 48);
        assertThat(fixed14.model().declaredShape("cls_attention").orElseThrow()).containsExactly(-1, 3, 16);
        assertThat(dynamic8.model().declaredShape("image").orElseThrow()).containsExactly(-1, 3, -1, -1);
        assertThat(dynamic8.model().declaredShape("nothing")).isEmpty();
    }

    @Test
    void fixedGraphGivesItsGridForEveryPolicyAndNonMultipleImage() {
        PlanarImage image = TestModels.gradient(100, 70);
        for (ResizePolicy policy : ResizePolicy.values()) {
            try (DinoFeatures f = with(fixed8, DinoOptions.defaults().withResizePolicy(policy))) {
                PatchFeatures p = f.extract(image);
                assertThat(p.gridWidth()).as(policy.name()).isEqualTo(8);
                assertThat(p.gridHeight()).as(policy.name()).isEqualTo(8);
                assertThat(p.dimension()).isEqualTo(48);
                assertThat(p.kind()).isEqualTo(FeatureKind.KEYS);
                PatchGeometry g = p.geometry();
                switch (policy) {
                    case RESIZE_EXACT -> {
                        assertThat(g.scaleX()).isEqualTo(0.64);
                        assertThat(g.scaleY()).isCloseTo(64 / 70.0, within(1e-12));
                        assertThat(g.cropX()).isZero();
                    }
                    case RESIZE_KEEP_ASPECT -> {
                        // Cover 64x64 keeping the aspect: scale 64/70, width 91.4 cropped symmetrically.
                        assertThat(g.scaleX()).isEqualTo(g.scaleY()).isCloseTo(64 / 70.0, within(1e-12));
                        assertThat(g.cropX()).isCloseTo((100 * 64 / 70.0 - 64) / 2, within(1e-9));
                        assertThat(g.cropY()).isCloseTo(0, within(1e-9));
                    }
                    case CROP -> {
                        assertThat(g.scaleX()).isEqualTo(1);
                        assertThat(g.cropX()).isEqualTo(18);
                        assertThat(g.cropY()).isEqualTo(3);
                    }
                    default -> throw new AssertionError(policy);
                }
            }
        }
    }

    @Test
    void dynamicGraphGridFollowsPolicyAndTarget() {
        PlanarImage image = TestModels.gradient(100, 37);
        int[][] expected = {
            // policy, target w, target h -> grid w, grid h
            {0, 0, 0, 13, 5}, // keep aspect, native: 104x40
            {0, 64, 64, 8, 3}, // keep aspect, fit in 64x64: 64x23.7 -> 64x24
            {1, 0, 0, 12, 4}, // crop: 96x32
            {1, 64, 16, 8, 2}, // crop to 64x16
            {2, 0, 0, 13, 5}, // exact, native rounded
            {2, 64, 48, 8, 6}, // exact to 64x48
        };
        for (int[] e : expected) {
            ResizePolicy policy = ResizePolicy.values()[e[0]];
            DinoOptions o = DinoOptions.defaults().withResizePolicy(policy).withTargetSize(e[1], e[2]);
            try (DinoFeatures f = with(dynamic8, o)) {
                PatchFeatures p = f.extract(image);
                assertThat(new int[] {p.gridWidth(), p.gridHeight()}).as(o.toString()).containsExactly(e[3], e[4]);
                assertThat(p.backingArray()).hasSize(e[3] * e[4] * 48);
                assertThat(p.geometry().inputWidth()).isEqualTo(8 * e[3]);
            }
        }
    }

    @Test
    void patch14GraphWithRegistersGivesClsAttentionMaps() {
        PatchFeatures p = fixed14.extract(TestModels.gradient(30, 20));
        assertThat(p.gridWidth()).isEqualTo(4);
        assertThat(p.gridHeight()).isEqualTo(4);
        assertThat(p.heads()).isEqualTo(3);
        for (int h = 0; h < 3; h++) {
            float[] a = p.clsAttention(h).orElseThrow();
            assertThat(a).hasSize(16);
            double sum = 0;
            for (float v : a) {
                assertThat(v).isBetween(0f, 1f);
                sum += v;
            }
            // CLS and two registers take part of the softmax mass, so the patch share is positive and below 1.
            assertThat(sum).isGreaterThan(0).isLessThan(1);
        }
        assertThat(p.meanClsAttention().orElseThrow()).hasSize(16);
        assertThat(fixed8.extract(TestModels.gradient(64, 64)).clsAttention(0)).isEmpty();
    }

    @Test
    void greyImagesAreReplicatedToRgb() {
        PlanarImage rgb = TestModels.gradient(64, 64);
        float[] grey = rgb.plane(1).clone();
        PatchFeatures a = fixed8.extract(PlanarImage.wrap(64, 64, grey));
        PatchFeatures b = fixed8.extract(PlanarImage.wrap(64, 64, grey, grey, grey));
        assertThat(a.backingArray()).containsExactly(b.backingArray());
    }

    @Test
    void concurrentCallsOnOneInstanceGiveIdenticalResults() throws Exception {
        List<PlanarImage> images = List.of(TestModels.gradient(64, 64), TestModels.gradient(80, 40), TestModels.gradient(33, 91));
        List<float[]> expected = new ArrayList<>();
        for (PlanarImage im : images) {
            expected.add(dynamic8.extract(im).backingArray());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                PlanarImage im = images.get(i % 3);
                futures.add(pool.submit(() -> dynamic8.extract(im).backingArray()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).containsExactly(expected.get(i % 3));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = Path.of("no/such/vit.onnx");
        assertThatThrownBy(() -> DinoFeatures.load(missing, DinoOptions.defaults()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("vit.onnx").hasMessageContaining("does not exist");
    }

    @Test
    void nonOnnxFileIsRejectedWithItsPath(@TempDir Path dir) throws Exception {
        Path notOnnx = dir.resolve("notes.onnx");
        Files.writeString(notOnnx, "this is a text file, not a protobuf graph");
        assertThatThrownBy(() -> DinoFeatures.load(notOnnx, DinoOptions.defaults()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(notOnnx.toString());
    }

    @Test
    void wrongOutputRankIsRejected() {
        Path bad = TestModels.path("bad_vit_keys_rank4.onnx");
        assertThatThrownBy(() -> DinoFeatures.load(bad, DinoOptions.defaults()))
                .isInstanceOf(ModelSignatureException.class).hasMessageContaining(bad.toString())
                .hasMessageContaining("keys");
    }

    @Test
    void aSegmentationGraphIsNotAVit() {
        Path unet = TestModels.path("tiny_unet.onnx");
        assertThatThrownBy(() -> DinoFeatures.load(unet, DinoOptions.defaults()))
                .isInstanceOf(ModelSignatureException.class).hasMessageContaining("missing output 'keys'");
    }

    @Test
    void expectedPatchSizeMustMatchTheMetadata() {
        Path p8 = TestModels.path("tiny_vit_p8_64.onnx");
        assertThatThrownBy(() -> DinoFeatures.load(p8, DinoOptions.defaults().withPatchSize(16)))
                .isInstanceOf(ModelSignatureException.class).hasMessageContaining(p8.toString())
                .hasMessageContaining("patch size 8").hasMessageContaining("patch size 16 was expected");
        try (DinoFeatures f = DinoFeatures.load(p8, DinoOptions.defaults().withPatchSize(8))) {
            assertThat(f.patchSize()).isEqualTo(8);
        }
    }

    @Test
    void missingPatchMetadataNeedsAnExplicitPatchSize() {
        Path bad = TestModels.path("bad_vit_no_patch_meta.onnx");
        assertThatThrownBy(() -> DinoFeatures.load(bad, DinoOptions.defaults()))
                .isInstanceOf(ModelSignatureException.class).hasMessageContaining("no 'patch_size' metadata");
        try (DinoFeatures f = DinoFeatures.load(bad, DinoOptions.defaults().withPatchSize(8))) {
            PatchFeatures p = f.extract(TestModels.gradient(40, 20));
            assertThat(p.gridWidth()).isEqualTo(2);
            assertThat(p.dimension()).isEqualTo(24);
        }
        // The same graph declared with the wrong patch size fails at load: 16x16 is not a multiple of 5.
        assertThatThrownBy(() -> DinoFeatures.load(bad, DinoOptions.defaults().withPatchSize(5)))
                .isInstanceOf(ModelSignatureException.class).hasMessageContaining("16x16").hasMessageContaining("patch size 5");
    }

    @Test
    void metadataThatLiesAboutThePatchSizeIsCaughtAtRun() {
        Path lying = TestModels.path("bad_vit_wrong_patch_meta.onnx");
        try (DinoFeatures f = DinoFeatures.load(lying, DinoOptions.defaults())) {
            assertThat(f.patchSize()).isEqualTo(16);
            assertThatThrownBy(() -> f.extract(TestModels.gradient(64, 64)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(lying.toString())
                    .hasMessageContaining("expected [1,16,C]").hasMessageContaining("patch size 16");
        }
    }

    @Test
    void targetSizeMustBeAMultipleOfThePatchAndMatchAFixedGraph() {
        Path dyn = TestModels.path("tiny_vit_p8_dynamic.onnx");
        assertThatThrownBy(() -> DinoFeatures.load(dyn, DinoOptions.defaults().withTargetSize(60, 60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(dyn.toString())
                .hasMessageContaining("60x60").hasMessageContaining("patch size 8").hasMessageContaining("64x64");
        Path p8 = TestModels.path("tiny_vit_p8_64.onnx");
        assertThatThrownBy(() -> DinoFeatures.load(p8, DinoOptions.defaults().withTargetSize(128, 128)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixed input size 64x64");
    }

    @Test
    void cropOfAnImageSmallerThanTheInputIsRejected() {
        try (DinoFeatures f = with(fixed8, DinoOptions.defaults().withResizePolicy(ResizePolicy.CROP))) {
            assertThatThrownBy(() -> f.extract(TestModels.gradient(100, 37)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100x37")
                    .hasMessageContaining("64x64").hasMessageContaining("tiny_vit_p8_64.onnx");
        }
        try (DinoFeatures f = with(dynamic8, DinoOptions.defaults().withResizePolicy(ResizePolicy.CROP))) {
            assertThatThrownBy(() -> f.extract(TestModels.gradient(7, 30))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("7x30");
        }
    }

    @Test
    void optionsValidateTheirArguments() {
        assertThatThrownBy(() -> DinoOptions.defaults().withTargetSize(64, 0)).hasMessageContaining("height=0");
        assertThatThrownBy(() -> DinoOptions.defaults().withNormalization(new float[] {0, 0, 0}, new float[] {1, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("std[1] = 0.0");
        assertThatThrownBy(() -> DinoOptions.defaults().withPatchSize(-2)).hasMessageContaining("-2");
    }
}
