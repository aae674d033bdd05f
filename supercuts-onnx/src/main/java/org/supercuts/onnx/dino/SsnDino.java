package org.supercuts.onnx.dino;

import java.util.Objects;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.onnx.ssn.SsnSoftClustering;
import org.supercuts.onnx.ssn.SsnSuperpixelizer;
import org.supercuts.superpixel.Connectivity;
import org.supercuts.superpixel.Superpixelizer;

/**
 * SSN_DINO superpixels: SSN's soft clustering (Jampani et al., ECCV 2018) in the joint space of SSN's 20 pixel features
 * (15 learned channels, then colour and position) and self-supervised DINO ViT features (Caron et al., ICCV 2021), as the
 * SuperCuts seed does at inference, so superpixels follow semantic boundaries the colour alone does not show.
 *
 * <p>The ViT's patch features are reduced to their first {@code components} principal components over the image's
 * patches (so each pixel carries a few numbers, not hundreds), scaled to unit variance and by {@code weight}, and given to
 * each pixel from its nearest patch; the clustering then runs on the {@code 20 + components} channels.
 *
 * <p>Deviations from the seed: the seed trains the SSN jointly with DINO features; here the SSN network is the
 * colour-trained one and DINO features are appended at inference only, with a tunable weight. With {@code weight = 0}
 * the result equals {@link SsnSuperpixelizer}'s.
 *
 * <p>Thread safety: immutable; safe to call concurrently when the SSN and DINO stages are (they are: their models are
 * shared, buffers are per call). It does not own the two stages: close them yourself.
 */
public final class SsnDino implements Superpixelizer {
    private final SsnSuperpixelizer ssn;
    private final DinoFeatures vit;
    private final int components;
    private final double weight;

    private SsnDino(SsnSuperpixelizer ssn, DinoFeatures vit, int components, double weight) {
        this.ssn = Objects.requireNonNull(ssn, "ssn");
        this.vit = Objects.requireNonNull(vit, "vit");
        if (components < 1 || components > 64) {
            throw new IllegalArgumentException("components must be in [1, 64], got " + components);
        }
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and >= 0, got " + weight);
        }
        this.components = components;
        this.weight = weight;
    }

    /** SSN clustering with 8 principal components of the DINO features at weight 1. */
    public static SsnDino of(SsnSuperpixelizer ssn, DinoFeatures vit) {
        return new SsnDino(ssn, vit, 8, 1.0);
    }

    /** Number of principal components of the DINO features added to the clustering, in [1, 64]. */
    public SsnDino components(int k) {
        return new SsnDino(ssn, vit, k, weight);
    }

    /** Weight of the DINO components against the SSN features (>= 0). */
    public SsnDino weight(double w) {
        return new SsnDino(ssn, vit, components, w);
    }

    @Override
    public LabelMap segment(PlanarImage image) {
        int w = image.width();
        int h = image.height();
        int n = w * h;
        int base = SsnSuperpixelizer.FEATURE_CHANNELS;
        float[] planar = ssn.features(image).toArray();
        PatchFeatures pf = vit.extract(image);
        float[] reduced = principalComponents(pf);
        int k = reduced.length / pf.patchCount();
        int channels = base + k;
        PatchGeometry g = pf.geometry();
        float[] pixelMajor = new float[n * channels];
        for (int y = 0; y < h; y++) {
            int row = Math.min(g.gridHeight() - 1, Math.max(0, g.patchRow(y)));
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                for (int c = 0; c < base; c++) {
                    pixelMajor[p * channels + c] = planar[c * n + p];
                }
                int col = Math.min(g.gridWidth() - 1, Math.max(0, g.patchColumn(x)));
                int patch = row * g.gridWidth() + col;
                System.arraycopy(reduced, patch * k, pixelMajor, p * channels + base, k);
            }
        }
        int superpixels = ssn.spec().superpixels();
        int[] hard = SsnSoftClustering.cluster(pixelMajor, channels, w, h, superpixels, ssn.spec().iterations(),
                ssn.spec().parallel());
        double segmentSize = (double) n / superpixels;
        int minSize = Math.max(1, (int) (ssn.spec().minSizeFraction() * segmentSize));
        double maxSize = ssn.spec().maxSizeFraction() * segmentSize;
        int maxPieces = maxSize >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, (int) maxSize);
        return Connectivity.enforce(hard, w, h, minSize, maxPieces);
    }

    /** Patch-major {@code patches x k} scores on the top-k principal components, each scaled to unit variance * weight. */
    float[] principalComponents(PatchFeatures pf) {
        int m = pf.patchCount();
        int d = pf.dimension();
        int k = Math.min(components, Math.min(d, m));
        float[] data = pf.backingArray();
        double[] mean = new double[d];
        for (int p = 0; p < m; p++) {
            for (int c = 0; c < d; c++) {
                mean[c] += data[p * d + c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= m;
        }
        DMatrixRMaj cov = new DMatrixRMaj(d, d);
        double[] centred = new double[d];
        for (int p = 0; p < m; p++) {
            for (int c = 0; c < d; c++) {
                centred[c] = data[p * d + c] - mean[c];
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    cov.data[i * d + j] += centred[i] * centred[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                cov.data[i * d + j] = cov.data[j * d + i];
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(cov)) {
            throw new IllegalStateException("principal components of the " + d + "-dimensional DINO features did not converge");
        }
        // Order the eigenpairs by decreasing variance (the decomposition does not sort them); ties by index.
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real);
            return c != 0 ? c : Integer.compare(a, b);
        });
        float[] out = new float[m * k];
        for (int t = 0; t < k; t++) {
            DMatrixRMaj v = eig.getEigenVector(order[t]);
            double variance = Math.max(eig.getEigenvalue(order[t]).real / m, 0);
            double scale = variance > 0 ? weight / Math.sqrt(variance) : 0;
            // Deterministic sign: the largest-magnitude loading positive.
            int big = 0;
            for (int c = 1; c < d; c++) {
                if (Math.abs(v.get(c, 0)) > Math.abs(v.get(big, 0))) {
                    big = c;
                }
            }
            double sign = v.get(big, 0) < 0 ? -1 : 1;
            for (int p = 0; p < m; p++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += (data[p * d + c] - mean[c]) * v.get(c, 0);
                }
                out[p * k + t] = (float) (sign * s * scale);
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "ssn-dino(" + ssn.describe() + ",vit=" + vit.describe() + ",components=" + components + ",weight=" + weight + ")";
    }
}
