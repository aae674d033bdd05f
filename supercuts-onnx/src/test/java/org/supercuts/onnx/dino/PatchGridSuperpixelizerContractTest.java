package org.supercuts.onnx.dino;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.supercuts.onnx.TestModels;
import org.supercuts.superpixel.Superpixelizer;
import org.supercuts.superpixel.SuperpixelizerContract;

/**
 * The core Superpixelizer contract for the patch grid: k patches are asked for by giving the dynamic tiny ViT a
 * RESIZE_EXACT target of about sqrt(k) x sqrt(k) patches.
 */
class PatchGridSuperpixelizerContractTest extends SuperpixelizerContract {
    private static final Map<Integer, DinoFeatures> MODELS = new ConcurrentHashMap<>();

    @Override
    protected Superpixelizer create(int k) {
        DinoFeatures vit = MODELS.computeIfAbsent(k, n -> {
            int gw = Math.max(1, (int) Math.round(Math.sqrt(n)));
            int gh = Math.max(1, (int) Math.round(n / (double) gw));
            return DinoFeatures.load(TestModels.path("tiny_vit_p8_dynamic.onnx"), DinoOptions.defaults()
                    .withResizePolicy(ResizePolicy.RESIZE_EXACT).withTargetSize(8 * gw, 8 * gh));
        });
        return new PatchGridSuperpixelizer(vit);
    }

    @AfterAll
    static void closeModels() {
        MODELS.values().forEach(DinoFeatures::close);
        MODELS.clear();
    }
}
