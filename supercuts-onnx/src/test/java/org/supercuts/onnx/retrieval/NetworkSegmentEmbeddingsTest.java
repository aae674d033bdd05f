package org.supercuts.onnx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.supercuts.Pipeline;
import org.supercuts.SuperCuts;
import org.supercuts.feature.FeatureExtractor;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.TestModels;
import org.supercuts.onnx.dino.DinoFeatures;
import org.supercuts.onnx.dino.DinoOptions;
import org.supercuts.onnx.dino.DinoRegionFeatures;
import org.supercuts.onnx.runtime.ModelOptions;
import org.supercuts.onnx.ssn.SsnRegionFeatures;
import org.supercuts.onnx.ssn.SsnSpec;
import org.supercuts.onnx.ssn.SsnSuperpixelizer;
import org.supercuts.retrieval.ImageSegments;
import org.supercuts.retrieval.LabelTransfer;
import org.supercuts.retrieval.NeighbourSearch;
import org.supercuts.retrieval.SegmentEmbedder;
import org.supercuts.retrieval.SegmentIndex;
import org.supercuts.retrieval.TransferResult;
import org.supercuts.superpixel.Slic;
import org.supercuts.testing.SharedData;

/**
 * Segment embeddings from the networks go through the same index and transfer as the descriptors: pooled tiny-ViT
 * features (the generated test model) and pooled SSN features (the shared model; skipped without it), on synthetic
 * scenes of a bright textured square on a dark textured background.
 */
class NetworkSegmentEmbeddingsTest {
    private static final int W = 96;
    private static final int H = 80;

    private static PlanarImage squareScene(int x0) {
        float[][] p = new float[3][W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean in = x >= x0 && x < x0 + 40 && y >= 24 && y < 64;
                float tex = 0.05f * (float) Math.sin(0.9 * x + 1.7 * y);
                int i = y * W + x;
                p[0][i] = (in ? 0.9f : 0.15f) + tex;
                p[1][i] = (in ? 0.7f : 0.25f) - tex;
                p[2][i] = (in ? 0.1f : 0.45f) + tex;
            }
        }
        return PlanarImage.wrap(W, H, p);
    }

    private static int[] truth(int x0) {
        int[] t = new int[W * H];
        for (int y = 24; y < 64; y++) {
            for (int x = x0; x < x0 + 40; x++) {
                t[y * W + x] = 1;
            }
        }
        return t;
    }

    /** Indexes two annotated scenes, transfers onto a third; returns the pixel accuracy of the transferred labels. */
    private static double transferAccuracy(FeatureExtractor features) {
        Pipeline p = SuperCuts.pipeline().superpixels(Slic.segments(60)).build();
        SegmentEmbedder embedder = SegmentEmbedder.of(p, features);
        SegmentIndex.Builder b = null;
        for (int x0 : new int[] {8, 48}) {
            ImageSegments s = embedder.embed(squareScene(x0));
            if (b == null) {
                b = SegmentIndex.builder(s.dimension(), embedder.describe());
            }
            b.addImage("scene" + x0, s.vectors(), s.segmentIds(), s.labelsFrom(truth(x0), 255), s.areas());
        }
        SegmentIndex index = b.build();
        assertThat(index.features()).contains(features.describe());
        ImageSegments q = embedder.embed(squareScene(28));
        TransferResult t = LabelTransfer.nearest(5).transfer(NeighbourSearch.exact(index), embedder.describe(), q);
        int[] labels = t.labelMap();
        int[] gt = truth(28);
        int right = 0;
        for (int i = 0; i < gt.length; i++) {
            right += labels[i] == gt[i] ? 1 : 0;
        }
        return right / (double) gt.length;
    }

    @Test
    void pooledVitFeaturesTransferLabels() {
        try (DinoFeatures vit = DinoFeatures.load(TestModels.path("tiny_vit_p8_64.onnx"), DinoOptions.defaults())) {
            double acc = transferAccuracy(new DinoRegionFeatures(vit));
            System.out.printf("tiny ViT segment embeddings, kNN transfer pixel accuracy %.3f%n", acc);
            assertThat(acc).isGreaterThan(0.9);
        }
    }

    @Test
    void pooledSsnFeaturesTransferLabels() {
        Path model = SharedData.require("models/ssn/ssn_bsds_pixel_features.onnx");
        try (SsnSuperpixelizer ssn = SsnSuperpixelizer.open(SsnSpec.defaults(model).withModelOptions(ModelOptions.defaults()
                .withIntraOpThreads(2)))) {
            SsnRegionFeatures f = new SsnRegionFeatures(ssn);
            assertThat(f.describe()).startsWith("ssn-pool(ssn(");
            double acc = transferAccuracy(f);
            System.out.printf("SSN segment embeddings, kNN transfer pixel accuracy %.3f%n", acc);
            assertThat(acc).isGreaterThan(0.9);
        }
    }
}
