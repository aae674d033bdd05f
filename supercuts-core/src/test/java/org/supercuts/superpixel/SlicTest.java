package org.supercuts.superpixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

class SlicTest extends SuperpixelizerContract {

    @Override
    protected Superpixelizer create(int k) {
        return Slic.segments(k);
    }

    @Override
    protected Optional<Superpixelizer> createWithThreads(int k, int threads) {
        return Optional.of(Slic.segments(k).threads(threads));
    }

    /** A disc of one colour on a background of another, with mild noise; {@code inside[i]} marks the disc's pixels. */
    private static PlanarImage disc(int size, double radius, boolean[] inside, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] planes = new float[3][size * size];
        float[] fg = {0.85f, 0.25f, 0.2f};
        float[] bg = {0.2f, 0.35f, 0.8f};
        double c = (size - 1) / 2.0 + 0.3; // off-centre so the outline does not align with the seed grid
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                inside[i] = (x - c) * (x - c) + (y - c) * (y - c) <= radius * radius;
                float[] col = inside[i] ? fg : bg;
                for (int ch = 0; ch < 3; ch++) {
                    planes[ch][i] = col[ch] + (float) (random.nextDouble() * 0.06 - 0.03);
                }
            }
        }
        return PlanarImage.wrap(size, size, planes);
    }

    @Test
    void superpixelsAdhereToASharpEdge() {
        int size = 96;
        boolean[] inside = new boolean[size * size];
        PlanarImage image = disc(size, 30.5, inside, 21);
        // The colour step (about 100 L*a*b* units) outweighs the spatial term (m * ds / S <= 10 * 2 within a window), so
        // the clustering itself puts no pixel on the wrong side.
        int[] unmerged = minorityPixels(Slic.segments(100).minSizeFactor(0).segment(image), inside);
        assertThat(unmerged[0]).as("largest minority before merging small pieces").isZero();
        // Connectivity enforcement merges stray pieces (< N/(4K) = 23 pixels) into the neighbour met first in raster
        // order, which may lie across the edge; such pieces are small and rare.
        int[] merged = minorityPixels(Slic.segments(100).segment(image), inside);
        assertThat(merged[0]).as("largest minority after merging").isLessThanOrEqualTo(8);
        assertThat(merged[1]).as("superpixels with any pixel across the edge").isLessThanOrEqualTo(5);
    }

    /** {largest count of pixels on a superpixel's minority side of the disc edge, number of superpixels with any}. */
    private static int[] minorityPixels(LabelMap labels, boolean[] inside) {
        int[] in = new int[labels.count()];
        int[] out = new int[labels.count()];
        for (int i = 0; i < inside.length; i++) {
            if (inside[i]) {
                in[labels.labelAt(i)]++;
            } else {
                out[labels.labelAt(i)]++;
            }
        }
        int largest = 0;
        int straddling = 0;
        for (int k = 0; k < labels.count(); k++) {
            int minority = Math.min(in[k], out[k]);
            largest = Math.max(largest, minority);
            if (minority > 0) {
                straddling++;
            }
        }
        return new int[] {largest, straddling};
    }

    /**
     * Mean over superpixels of the normalised second moment (sum of squared distances to the centroid over area squared):
     * 1/6 for a square, 1/(2 pi) for a disc, larger for elongated or ragged shapes.
     */
    private static double meanInertia(LabelMap labels) {
        int count = labels.count();
        double[] sx = new double[count];
        double[] sy = new double[count];
        double[] sq = new double[count];
        int[] n = labels.sizes();
        for (int y = 0; y < labels.height(); y++) {
            for (int x = 0; x < labels.width(); x++) {
                int k = labels.label(x, y);
                sx[k] += x;
                sy[k] += y;
                sq[k] += (double) x * x + (double) y * y;
            }
        }
        double total = 0;
        for (int k = 0; k < count; k++) {
            double cx = sx[k] / n[k];
            double cy = sy[k] / n[k];
            total += (sq[k] / n[k] - cx * cx - cy * cy) / n[k];
        }
        return total / count;
    }

    /** Diagonal colour stripes of the given period and a weak contrast (R up, G down by {@code amplitude}). */
    private static PlanarImage stripes(int w, int h, double period, double amplitude) {
        float[][] planes = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = (float) (0.5 + amplitude * Math.sin(2 * Math.PI * (x + 0.6 * y) / period));
                planes[0][y * w + x] = v;
                planes[1][y * w + x] = 1 - v;
                planes[2][y * w + x] = 0.5f;
            }
        }
        return PlanarImage.wrap(w, h, planes);
    }

    @Test
    void higherCompactnessGivesMoreCompactSuperpixels() {
        // Stripes 14 px apart with S = 10: at m = 1 colour dominates and superpixels follow the stripes; at m = 40 the
        // spatial term dominates and they approach the grid's squares (inertia 1/6).
        PlanarImage image = stripes(100, 80, 14, 0.08);
        double loose = meanInertia(Slic.segments(80).compactness(1).segment(image));
        double medium = meanInertia(Slic.segments(80).compactness(10).segment(image));
        double compact = meanInertia(Slic.segments(80).compactness(40).segment(image));
        assertThat(loose).as("inertia at m=1 vs m=10").isGreaterThan(medium);
        assertThat(medium).as("inertia at m=10 vs m=40").isGreaterThan(compact);
        assertThat(loose).as("inertia at m=1 vs 1.5 x m=40").isGreaterThan(1.5 * compact);
        assertThat(compact).as("inertia at m=40 (square: 0.167)").isLessThan(0.22);
    }

    private static PlanarImage noiseImage(int w, int h, long seed, float amplitude) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] planes = new float[3][w * h];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < w * h; i++) {
                planes[c][i] = 0.5f + (float) ((random.nextDouble() * 2 - 1) * amplitude);
            }
        }
        return PlanarImage.wrap(w, h, planes);
    }

    @Test
    void uniformImageGivesTheRegularGrid() {
        float[] grey = new float[100 * 100];
        java.util.Arrays.fill(grey, 0.4f);
        LabelMap labels = Slic.segments(100).segment(PlanarImage.wrap(100, 100, grey));
        assertThat(labels.count()).isEqualTo(100);
        for (int size : labels.sizes()) {
            assertThat(size).as("superpixel size on a flat 100x100 image, k=100").isBetween(81, 121);
        }
    }

    @Test
    void greyImageEqualsItsReplicatedRgbImage() {
        PlanarImage grey = greyImage(70, 50, 41);
        assertEquals(Slic.segments(40).segment(grey), Slic.segments(40).segment(grey.toRgb()));
    }

    @Test
    void noSuperpixelIsBelowTheMinimumSize() {
        PlanarImage image = texturedImage(90, 70, 51);
        int k = 60;
        LabelMap labels = Slic.segments(k).segment(image);
        int minSize = (int) Math.round(0.25 * 90 * 70 / k);
        for (int size : labels.sizes()) {
            assertThat(size).isGreaterThanOrEqualTo(minSize);
        }
        LabelMap unmerged = Slic.segments(k).minSizeFactor(0).segment(image);
        assertValid(unmerged, image, "minSizeFactor 0");
        assertThat(unmerged.count()).isGreaterThanOrEqualTo(labels.count());
    }

    @Test
    void smoothingTamesNoiseAndStaysDeterministicAcrossThreads() {
        // Strong noise (+-0.2 per channel) makes unsmoothed SLIC fragment, and merging the fragments leaves few, ragged
        // superpixels; Gaussian pre-smoothing restores a count near K and compact shapes.
        PlanarImage image = noiseImage(80, 60, 61, 0.2f);
        LabelMap raw = Slic.segments(50).segment(image);
        LabelMap smoothed = Slic.segments(50).sigma(1.5).segment(image);
        assertValid(smoothed, image, "sigma 1.5");
        assertThat(smoothed.count()).isBetween(35, 70);
        assertThat(smoothed.count()).isGreaterThan(raw.count());
        assertThat(meanInertia(smoothed)).isLessThan(meanInertia(raw));
        assertEquals(smoothed, Slic.segments(50).sigma(1.5).threads(4).segment(image));
    }

    @Test
    void extremeButValidParametersStillGiveValidLabels() {
        PlanarImage image = texturedImage(30, 20, 101);
        assertValid(Slic.segments(12).sigma(1e6).segment(image), image, "sigma 1e6");
        assertValid(Slic.segments(12).compactness(1e6).segment(image), image, "m 1e6");
        assertValid(Slic.segments(12).compactness(0).segment(image), image, "m 0");
        assertValid(Slic.segments(12).iterations(1).minSizeFactor(1).maxSizeFactor(1).segment(image), image,
                "iterations 1, min = max size factor 1");
        assertValid(Slic.segments(1).segment(image), image, "k 1");
    }

    @Test
    void callerExecutorIsUsedAndLeftRunning() {
        PlanarImage image = texturedImage(120, 90, 71);
        LabelMap reference = Slic.segments(100).segment(image);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        ExecutorService tiny = Executors.newSingleThreadExecutor();
        try {
            assertEquals(reference, Slic.segments(100).threads(4).executor(pool).segment(image));
            // A pool smaller than the thread count, busy with this very call, must not deadlock.
            assertEquals(reference, tiny.submit(() -> Slic.segments(100).threads(6).executor(tiny).segment(image)).get());
            assertThat(pool.isShutdown()).isFalse();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
            tiny.shutdownNow();
        }
    }

    @Test
    void badParametersAreRejectedWithTheirNameValueAndRule() {
        assertThatThrownBy(() -> Slic.segments(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segments").hasMessageContaining(">= 1").hasMessageContaining("0");
        assertThatThrownBy(() -> Slic.segments(-3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
        assertThatThrownBy(() -> Slic.segments(10).compactness(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compactness").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> Slic.segments(10).compactness(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compactness").hasMessageContaining("NaN");
        assertThatThrownBy(() -> Slic.segments(10).compactness(1e7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compactness").hasMessageContaining("1.0E7").hasMessageContaining("[0, ");
        assertThatThrownBy(() -> Slic.segments(10).iterations(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations").hasMessageContaining(">= 1");
        assertThatThrownBy(() -> Slic.segments(10).minSizeFactor(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minSizeFactor").hasMessageContaining("1.5").hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> Slic.segments(10).maxSizeFactor(0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSizeFactor").hasMessageContaining("0.5");
        assertThatThrownBy(() -> Slic.segments(10).sigma(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> Slic.segments(10).threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads").hasMessageContaining("0");
        assertThatThrownBy(() -> Slic.segments(10).executor(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("executor");
    }

    @Test
    void moreSegmentsThanPixelsIsRejectedAtSegmentTime() {
        PlanarImage image = texturedImage(10, 10, 81);
        assertThatThrownBy(() -> Slic.segments(101).segment(image)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segments = 101").hasMessageContaining("10x10").hasMessageContaining("width*height");
        assertThat(Slic.segments(100).segment(image).count()).isBetween(1, 100);
    }

    @Test
    void everyPixelItsOwnSegmentWhenKEqualsThePixelCountOnAFlatImage() {
        float[] flat = new float[6 * 4];
        java.util.Arrays.fill(flat, 0.7f);
        LabelMap labels = Slic.segments(24).segment(PlanarImage.wrap(6, 4, flat));
        assertThat(labels.count()).isEqualTo(24);
    }

    @Test
    void describeAndWithers() {
        Slic base = Slic.segments(400);
        assertThat(base.describe()).isEqualTo("slic(k=400,m=20.0,iter=10,minSize=0.25,maxSize=3.0,sigma=0.0)");
        Slic changed = base.compactness(10).iterations(5).minSizeFactor(0.5).maxSizeFactor(4).sigma(1).threads(3);
        assertThat(changed.describe()).isEqualTo("slic(k=400,m=10.0,iter=5,minSize=0.5,maxSize=4.0,sigma=1.0)");
        assertThat(base.describe()).as("withers leave the original unchanged")
                .isEqualTo("slic(k=400,m=20.0,iter=10,minSize=0.25,maxSize=3.0,sigma=0.0)");
        assertThat(changed.threads()).isEqualTo(3);
        assertThat(base).isEqualTo(Slic.segments(400)).isNotEqualTo(changed);
    }
}
