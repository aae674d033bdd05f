package org.supercuts.onnx.ssn;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.supercuts.testing.SharedData;
import org.supercuts.onnx.runtime.ModelOptions;
import org.supercuts.onnx.runtime.OnnxModel;
import org.supercuts.superpixel.Superpixelizer;
import org.supercuts.superpixel.SuperpixelizerContract;

/** The core Superpixelizer contract for SSN (skipped without ../shared, which holds the network). */
class SsnSuperpixelizerContractTest extends SuperpixelizerContract {
    private static Path modelPath;
    /** One network per intra-op thread count, shared by all superpixelizers of the class. */
    private static final Map<Integer, OnnxModel> MODELS = new HashMap<>();

    @BeforeAll
    static void locateModel() {
        modelPath = SharedData.require("models/ssn/ssn_bsds_pixel_features.onnx");
    }

    @AfterAll
    static void closeModels() {
        synchronized (MODELS) {
            MODELS.values().forEach(OnnxModel::close);
            MODELS.clear();
        }
    }

    private static OnnxModel model(int threads) {
        synchronized (MODELS) {
            return MODELS.computeIfAbsent(threads,
                    t -> SsnSuperpixelizer.loadModel(modelPath, ModelOptions.defaults().withIntraOpThreads(t)));
        }
    }

    @Override
    protected Superpixelizer create(int k) {
        return SsnSuperpixelizer.usingModel(model(2), SsnSpec.defaults(modelPath).withSuperpixels(k));
    }

    /** Threads = ONNX Runtime intra-op threads; clustering on the fork-join pool when more than one. */
    @Override
    protected Optional<Superpixelizer> createWithThreads(int k, int threads) {
        return Optional.of(SsnSuperpixelizer.usingModel(model(threads),
                SsnSpec.defaults(modelPath).withSuperpixels(k).withParallel(threads > 1)));
    }
}
