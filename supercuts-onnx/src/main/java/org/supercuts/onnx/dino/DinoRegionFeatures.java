package org.supercuts.onnx.dino;

import java.util.Arrays;
import java.util.Objects;

import org.supercuts.feature.FeatureExtractor;
import org.supercuts.feature.RegionFeatures;
import org.supercuts.graph.RegionGraph;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;

/**
 * ViT patch features pooled onto regions (superpixels or patches): the feature of region r is the area-weighted mean,
 * over the pixels of r, of the patch feature at each pixel's location, optionally L2-normalised.
 *
 * <p>"The patch feature at a pixel" is either the feature of the patch containing the pixel ({@link Upsampling#NEAREST})
 * or the bilinear interpolation of the four surrounding patch centres ({@link Upsampling#BILINEAR}, the default, as deep
 * spectral methods upsample their eigenvectors), with edge patches repeated outside the grid. Each pixel has weight 1,
 * so a region's feature is a weighted mean of patch features whose weights are the region's (fractional) pixel overlap
 * with each patch. This is computed in one pass over the pixels into per-region windows of the patch grid, then one
 * weighted sum per region, so the cost is O(pixels + regions x window x C) rather than O(pixels x C).
 *
 * <p>Following Melas-Kyriazi et al. (CVPR 2022), superpixel-level features replace pixel-level features in the affinity;
 * with {@link PatchGridSuperpixelizer} the regions are the patches themselves (TokenCut, Wang et al., CVPR 2022).
 * Deviations from the papers: those methods work on the patch grid and upsample the result; here the features are pooled
 * onto arbitrary superpixels first.
 *
 * <p>Thread safety: immutable; safe for concurrent use when the {@link DinoFeatures} is (it is).
 */
public final class DinoRegionFeatures implements FeatureExtractor {
    /**
     * How a pixel's feature is read off the patch grid.
     *
     * <p>Thread safety: enum, immutable.
     */
    public enum Upsampling {
        /** The feature of the patch containing the pixel. */
        NEAREST,
        /** Bilinear interpolation between the four nearest patch centres. */
        BILINEAR
    }

    private final DinoFeatures vit;
    private final Upsampling upsampling;
    private final boolean l2Normalize;

    /** Bilinear upsampling, L2-normalised region features. */
    public DinoRegionFeatures(DinoFeatures vit) {
        this(vit, Upsampling.BILINEAR, true);
    }

    private DinoRegionFeatures(DinoFeatures vit, Upsampling upsampling, boolean l2Normalize) {
        this.vit = Objects.requireNonNull(vit, "vit");
        this.upsampling = Objects.requireNonNull(upsampling, "upsampling");
        this.l2Normalize = l2Normalize;
    }

    /** How patch features are read at pixels: bilinear (default) or nearest patch. */
    public DinoRegionFeatures withUpsampling(Upsampling mode) {
        return new DinoRegionFeatures(vit, mode, l2Normalize);
    }

    /** Whether each region's pooled vector is scaled to unit length (cosine geometry, as DINO features are compared). */
    public DinoRegionFeatures withL2Normalize(boolean normalize) {
        return new DinoRegionFeatures(vit, upsampling, normalize);
    }

    /** How patch features are read at pixels. */
    public Upsampling upsampling() {
        return upsampling;
    }

    /** Whether pooled vectors are L2-normalised. */
    public boolean l2Normalize() {
        return l2Normalize;
    }

    /** The ViT whose features are pooled. */
    public DinoFeatures vit() {
        return vit;
    }

    @Override
    public RegionFeatures extract(PlanarImage image, LabelMap labels, RegionGraph graph) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(labels, "labels");
        if (image.width() != labels.width() || image.height() != labels.height()) {
            throw new IllegalArgumentException("image is " + image.width() + "x" + image.height() + " but labels are "
                    + labels.width() + "x" + labels.height() + "; they must have the same size");
        }
        return pool(vit.extract(image), labels, upsampling, l2Normalize);
    }

    /**
     * Pools patch features onto the regions of {@code labels} (which must have the geometry's image size).
     *
     * @throws IllegalArgumentException when the sizes disagree
     */
    public static RegionFeatures pool(PatchFeatures features, LabelMap labels, Upsampling mode, boolean l2Normalize) {
        PatchGeometry g = features.geometry();
        int w = labels.width();
        int h = labels.height();
        if (w != g.imageWidth() || h != g.imageHeight()) {
            throw new IllegalArgumentException("labels are " + w + "x" + h + " but the patch features were computed for a "
                    + g.imageWidth() + "x" + g.imageHeight() + " image");
        }
        Axis ax = Axis.of(w, g.gridWidth(), mode, g::patchCoordinateX, g::patchColumn);
        Axis ay = Axis.of(h, g.gridHeight(), mode, g::patchCoordinateY, g::patchRow);
        int k = labels.count();
        int[] lbl = labels.backingArray();
        // Bounding box of every region, in pixels.
        int[] minX = new int[k];
        int[] minY = new int[k];
        int[] maxX = new int[k];
        int[] maxY = new int[k];
        Arrays.fill(minX, Integer.MAX_VALUE);
        Arrays.fill(minY, Integer.MAX_VALUE);
        int[] size = new int[k];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = lbl[y * w + x];
                size[r]++;
                minX[r] = Math.min(minX[r], x);
                maxX[r] = Math.max(maxX[r], x);
                minY[r] = Math.min(minY[r], y);
                maxY[r] = Math.max(maxY[r], y);
            }
        }
        // Window of the patch grid each region can touch; the axis maps are monotonic, so the box's corners bound it.
        int[] gx0 = new int[k];
        int[] gy0 = new int[k];
        int[] ww = new int[k];
        int[] wh = new int[k];
        int[] offset = new int[k + 1];
        for (int r = 0; r < k; r++) {
            gx0[r] = ax.lo[minX[r]];
            gy0[r] = ay.lo[minY[r]];
            ww[r] = ax.hi[maxX[r]] - gx0[r] + 1;
            wh[r] = ay.hi[maxY[r]] - gy0[r] + 1;
            offset[r + 1] = Math.addExact(offset[r], ww[r] * wh[r]);
        }
        double[] weight = new double[offset[k]];
        for (int y = 0; y < h; y++) {
            int yl = ay.lo[y];
            int yh = ay.hi[y];
            double wyl = ay.loWeight[y];
            double wyh = 1 - wyl;
            for (int x = 0; x < w; x++) {
                int r = lbl[y * w + x];
                int xl = ax.lo[x];
                int xh = ax.hi[x];
                double wxl = ax.loWeight[x];
                double wxh = 1 - wxl;
                int base = offset[r];
                int rowL = base + (yl - gy0[r]) * ww[r] - gx0[r];
                int rowH = base + (yh - gy0[r]) * ww[r] - gx0[r];
                weight[rowL + xl] += wyl * wxl;
                weight[rowL + xh] += wyl * wxh;
                weight[rowH + xl] += wyh * wxl;
                weight[rowH + xh] += wyh * wxh;
            }
        }
        int c = features.dimension();
        int gw = g.gridWidth();
        float[] f = features.backingArray();
        double[] out = new double[k * c];
        for (int r = 0; r < k; r++) {
            int o = r * c;
            for (int j = 0; j < wh[r]; j++) {
                for (int i = 0; i < ww[r]; i++) {
                    double wt = weight[offset[r] + j * ww[r] + i];
                    if (wt == 0) {
                        continue;
                    }
                    int patch = ((gy0[r] + j) * gw + gx0[r] + i) * c;
                    for (int d = 0; d < c; d++) {
                        out[o + d] += wt * f[patch + d];
                    }
                }
            }
            double inv = 1.0 / size[r];
            double norm = 0;
            for (int d = 0; d < c; d++) {
                out[o + d] *= inv;
                norm += out[o + d] * out[o + d];
            }
            if (l2Normalize && norm > 0) {
                double s = 1 / Math.sqrt(norm);
                for (int d = 0; d < c; d++) {
                    out[o + d] *= s;
                }
            }
        }
        return RegionFeatures.wrap(k, c, out);
    }

    /** Per pixel column (or row): the two patch indices it reads and the weight of the lower one. */
    private static final class Axis {
        final int[] lo;
        final int[] hi;
        final double[] loWeight;

        private Axis(int n) {
            lo = new int[n];
            hi = new int[n];
            loWeight = new double[n];
        }

        static Axis of(int n, int grid, Upsampling mode, java.util.function.IntToDoubleFunction coordinate,
                java.util.function.IntUnaryOperator nearest) {
            Axis a = new Axis(n);
            for (int i = 0; i < n; i++) {
                if (mode == Upsampling.NEAREST) {
                    a.lo[i] = nearest.applyAsInt(i);
                    a.hi[i] = a.lo[i];
                    a.loWeight[i] = 1;
                    continue;
                }
                double t = coordinate.applyAsDouble(i);
                if (t <= 0) {
                    a.lo[i] = 0;
                    a.hi[i] = 0;
                    a.loWeight[i] = 1;
                } else if (t >= grid - 1) {
                    a.lo[i] = grid - 1;
                    a.hi[i] = grid - 1;
                    a.loWeight[i] = 1;
                } else {
                    int l = (int) Math.floor(t);
                    a.lo[i] = l;
                    a.hi[i] = l + 1;
                    a.loWeight[i] = 1 - (t - l);
                }
            }
            return a;
        }
    }

    @Override
    public String describe() {
        return "dino-pool(" + vit.describe() + "," + upsampling.name().toLowerCase() + (l2Normalize ? ",l2" : "") + ")";
    }
}
