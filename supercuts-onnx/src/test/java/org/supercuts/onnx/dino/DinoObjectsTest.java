package org.supercuts.onnx.dino;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.affinity.TokenCutAffinity;
import org.supercuts.image.PlanarImage;
import org.supercuts.objects.DiscoveredObject;
import org.supercuts.objects.DiscoveryRules;
import org.supercuts.objects.ObjectDiscovery;
import org.supercuts.objects.ObjectScenes;
import org.supercuts.objects.RepeatedCuts;
import org.supercuts.objects.SaliencyComponents;
import org.supercuts.onnx.TestModels;
import org.supercuts.selection.ObjectSelectors;
import org.supercuts.spectral.NCut;

/**
 * Object discovery on the ViT patch graph (what {@code --model} with {@code --superpixels-method patches} builds), with
 * the generated tiny ViT of the other DINO tests: two bright squares aligned with the 8 x 8 patch grid on a dark
 * background are found as two objects, by the saliency components and by MaskCut-style repeated cuts.
 */
class DinoObjectsTest {
    /** The squares in pixels: patch cells (12 x 10 px under RESIZE_EXACT) 1-2 x 1-2 and 5-6 x 4-6. */
    private static final int[] A = {12, 10, 36, 30};
    private static final int[] B = {60, 40, 84, 70};
    private static DinoFeatures vit;

    @BeforeAll
    static void load() {
        vit = DinoFeatures.load(TestModels.path("tiny_vit_p8_64.onnx"),
                DinoOptions.defaults().withResizePolicy(ResizePolicy.RESIZE_EXACT));
    }

    @AfterAll
    static void close() {
        vit.close();
    }

    private static PlanarImage scene() {
        int w = 96;
        int h = 80;
        float[][] p = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = ObjectScenes.inside(A, x, y) || ObjectScenes.inside(B, x, y);
                float tex = 0.05f * (float) Math.sin(0.9 * x + 1.7 * y);
                int i = y * w + x;
                p[0][i] = (in ? 0.9f : 0.15f) + tex;
                p[1][i] = (in ? 0.7f : 0.25f) - tex;
                p[2][i] = (in ? 0.1f : 0.45f) + tex;
            }
        }
        return PlanarImage.wrap(w, h, p);
    }

    private static Segmentation segment(ObjectDiscovery discovery) {
        Pipeline p = Pipeline.builder().superpixels(new PatchGridSuperpixelizer(vit))
                .features(new DinoRegionFeatures(vit).withUpsampling(DinoRegionFeatures.Upsampling.NEAREST))
                .affinity(TokenCutAffinity.defaults()).partition(NCut.bipartition()).selection(ObjectSelectors.tokenCut())
                .objects(discovery).build();
        return p.segment(scene());
    }

    private static void bothSquaresFound(Segmentation s) {
        assertThat(s.superpixels().count()).isEqualTo(64);
        double a = 0;
        double b = 0;
        for (DiscoveredObject o : s.objects()) {
            a = Math.max(a, ObjectScenes.iou(o.mask(), 96, A));
            b = Math.max(b, ObjectScenes.iou(o.mask(), 96, B));
        }
        System.out.printf("patch graph: %d object(s), IoU with the squares %.3f and %.3f (%s)%n", s.objects().size(), a, b,
                s.objectSet().reason());
        assertThat(a).isGreaterThan(0.9);
        assertThat(b).isGreaterThan(0.9);
    }

    @Test
    void saliencyComponentsFindBothSquaresOnThePatchGraph() {
        bothSquaresFound(segment(SaliencyComponents.defaults().rules(DiscoveryRules.defaults().minScore(0).minExtraScore(0))));
    }

    @Test
    void repeatedCutsFindBothSquaresOnThePatchGraph() {
        bothSquaresFound(segment(RepeatedCuts.defaults().side(RepeatedCuts.Side.LARGEST_ENTRY)
                .rules(DiscoveryRules.defaults().minScore(0).minExtraScore(0))));
    }
}
