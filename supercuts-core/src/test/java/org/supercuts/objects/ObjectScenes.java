package org.supercuts.objects;

import java.util.SplittableRandom;

import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.PlanarImage;

/**
 * Small synthetic scenes with known objects, and the discovery input the default pipeline computes for them. Shared
 * with other modules' tests through the core test jar.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class ObjectScenes {
    /** The red square of {@link #twoObjects()}: x in [15, 45), y in [20, 50). */
    public static final int[] RED = {15, 20, 45, 50};
    /** The yellow square of {@link #twoObjects()}: x in [70, 105), y in [40, 75). */
    public static final int[] YELLOW = {70, 40, 105, 75};

    private ObjectScenes() {
    }

    /** 120 x 90: a red and a yellow square, apart, on a dark grey background with faint seeded noise. */
    public static PlanarImage twoObjects() {
        return scene(120, 90, 7, (x, y) -> inside(RED, x, y) ? new float[] {0.86f, 0.16f, 0.16f}
                : inside(YELLOW, x, y) ? new float[] {0.9f, 0.78f, 0.12f} : new float[] {0.16f, 0.16f, 0.18f});
    }

    /**
     * 120 x 90: one object on a grey background, its upper half blue ({@code y in [15, 45)}) and its lower half green
     * ({@code y in [45, 75)}), {@code x in [30, 90)}.
     */
    public static PlanarImage twoPartObject() {
        return scene(120, 90, 11, (x, y) -> x >= 30 && x < 90 && y >= 15 && y < 45 ? new float[] {0.12f, 0.25f, 0.85f}
                : x >= 30 && x < 90 && y >= 45 && y < 75 ? new float[] {0.15f, 0.75f, 0.2f} : new float[] {0.55f, 0.55f, 0.52f});
    }

    /** A uniform grey image. */
    public static PlanarImage flat(int w, int h) {
        return scene(w, h, 0, (x, y) -> new float[] {0.5f, 0.5f, 0.5f});
    }

    /** Independent uniform noise in every channel (a pure texture: no object). */
    public static PlanarImage noise(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] p = new float[3][w * h];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < w * h; i++) {
                p[c][i] = (float) rnd.nextDouble();
            }
        }
        return PlanarImage.wrap(w, h, p);
    }

    public static boolean inside(int[] box, int x, int y) {
        return x >= box[0] && x < box[2] && y >= box[1] && y < box[3];
    }

    /** Mask IoU between a row-major mask and a box. */
    public static double iou(byte[] mask, int width, int[] box) {
        long inter = 0;
        long union = 0;
        for (int i = 0; i < mask.length; i++) {
            boolean a = mask[i] != 0;
            boolean b = inside(box, i % width, i / width);
            inter += a && b ? 1 : 0;
            union += a || b ? 1 : 0;
        }
        return union == 0 ? 0 : inter / (double) union;
    }

    /** The default pipeline's result for the image (no discovery). */
    public static Segmentation segment(PlanarImage image) {
        return PIPELINE.segment(image);
    }

    /** The discovery input of the default pipeline's result. */
    public static ObjectDiscovery.Input input(Segmentation s) {
        return new ObjectDiscovery.Input(s.superpixels(), s.regionGraph(), s.affinity(), s.partition(), s.regionForeground());
    }

    public static ObjectDiscovery.Input input(PlanarImage image) {
        return input(segment(image));
    }

    private static final Pipeline PIPELINE = SuperCuts.pipeline().build();

    @FunctionalInterface
    private interface Colour {
        float[] at(int x, int y);
    }

    private static PlanarImage scene(int w, int h, long seed, Colour colour) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] p = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float[] c = colour.at(x, y);
                for (int k = 0; k < 3; k++) {
                    float noise = seed == 0 ? 0 : (float) (0.02 * (rnd.nextDouble() - 0.5));
                    p[k][y * w + x] = Math.min(1, Math.max(0, c[k] + noise));
                }
            }
        }
        return PlanarImage.wrap(w, h, p);
    }
}
