package org.supercuts.onnx;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.supercuts.image.PlanarImage;
import org.supercuts.io.NpyReader;

/** The tiny test graphs and torch parity pairs under src/test/resources/models (see tools/make_dino_test_models.sh). */
public final class TestModels {
    private TestModels() {
    }

    public static Path path(String file) {
        URL url = TestModels.class.getResource("/models/" + file);
        if (url == null) {
            throw new IllegalStateException("test resource models/" + file + " is missing; run tools/make_dino_test_models.sh");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static NpyReader.Array npy(String file) {
        return NpyReader.read(path(file));
    }

    /** A reference image stored as float32 [3, H, W] in [0, 1]. */
    public static PlanarImage image(String file) {
        NpyReader.Array a = npy(file);
        int[] s = a.shape();
        float[] v = a.toFloatArray();
        int plane = s[1] * s[2];
        float[][] planes = new float[3][plane];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(v, c * plane, planes[c], 0, plane);
        }
        return PlanarImage.wrap(s[2], s[1], planes);
    }

    /** A smooth synthetic RGB image (no randomness), for shape tests. */
    public static PlanarImage gradient(int w, int h) {
        float[][] p = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                p[0][i] = (x + 0.5f) / w;
                p[1][i] = (y + 0.5f) / h;
                p[2][i] = 0.5f + 0.5f * (float) Math.sin(0.3 * x + 0.2 * y);
            }
        }
        return PlanarImage.wrap(w, h, p);
    }

    /** 96x80: a bright, finely textured square [x0, x1) x [y0, y1) on a dark textured background. */
    public static PlanarImage squareScene(int x0, int x1, int y0, int y1) {
        int w = 96;
        int h = 80;
        float[][] p = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x >= x0 && x < x1 && y >= y0 && y < y1;
                float tex = 0.05f * (float) Math.sin(0.9 * x + 1.7 * y);
                int i = y * w + x;
                p[0][i] = (in ? 0.9f : 0.15f) + tex;
                p[1][i] = (in ? 0.7f : 0.25f) - tex;
                p[2][i] = (in ? 0.1f : 0.45f) + tex;
            }
        }
        return PlanarImage.wrap(w, h, p);
    }
}
