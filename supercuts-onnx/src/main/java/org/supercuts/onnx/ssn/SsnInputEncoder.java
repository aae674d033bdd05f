package org.supercuts.onnx.ssn;

import java.nio.FloatBuffer;

import org.supercuts.image.Cielab;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.runtime.FloatTensor;

/**
 * Builds the SSN network input {@code [1, 5, H, W]}: {@code colorScale * (L*, a*, b*)} (CIELAB, D65, via {@link Cielab}),
 * then {@code s * y} and {@code s * x} with {@code s = positionScale * max(floor(sqrt(K)) / H, floor(sqrt(K)) / W)}, the
 * convention the published SSN weights were trained with.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class SsnInputEncoder {
    /** Channels of the network input. */
    public static final int CHANNELS = 5;

    private SsnInputEncoder() {
    }

    /** The effective position factor {@code s} for an image of {@code width x height} and K requested superpixels. */
    public static double effectivePositionScale(double positionScale, int superpixels, int width, int height) {
        int perAxis = (int) Math.floor(Math.sqrt(superpixels));
        return positionScale * Math.max((double) perAxis / height, (double) perAxis / width);
    }

    /** Encodes {@code image} (grey or sRGB) into a fresh direct tensor {@code [1, 5, H, W]}. */
    public static FloatTensor encode(PlanarImage image, int superpixels, double colorScale, double positionScale) {
        int w = image.width();
        int h = image.height();
        int n = w * h;
        float[][] lab = Cielab.planes(image);
        float pos = (float) effectivePositionScale(positionScale, superpixels, w, h);
        float color = (float) colorScale;
        FloatTensor tensor = FloatTensor.allocate(1, CHANNELS, h, w);
        FloatBuffer buf = tensor.buffer();
        for (int c = 0; c < 3; c++) {
            float[] plane = lab[c];
            for (int i = 0; i < n; i++) {
                buf.put(c * n + i, color * plane[i]);
            }
        }
        for (int y = 0; y < h; y++) {
            float sy = pos * y;
            for (int x = 0; x < w; x++) {
                buf.put(3 * n + y * w + x, sy);
                buf.put(4 * n + y * w + x, pos * x);
            }
        }
        return tensor;
    }
}
