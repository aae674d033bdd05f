package org.supercuts.onnx.dino;

/**
 * Where the ViT's patch grid lies on the original image: the network input size, the patch grid, and the affine map from
 * image pixels to network-input pixels ({@code u = (x + 0.5) * scaleX - cropX}, {@code u} a continuous position in
 * input pixels, 0 at the input's left edge; likewise for y).
 *
 * <p>Patch {@code (gx, gy)} covers input pixels {@code [gx * p, (gx + 1) * p)} x {@code [gy * p, (gy + 1) * p)}; its
 * centre is at continuous patch coordinate {@code (gx, gy)} in {@link #patchCoordinateX}.
 *
 * <p>Thread safety: immutable value, safe to share.
 */
public final class PatchGeometry {
    private final int imageWidth;
    private final int imageHeight;
    private final int inputWidth;
    private final int inputHeight;
    private final int patchSize;
    private final double scaleX;
    private final double scaleY;
    private final double cropX;
    private final double cropY;

    PatchGeometry(int imageWidth, int imageHeight, int inputWidth, int inputHeight, int patchSize, double scaleX,
            double scaleY, double cropX, double cropY) {
        if (inputWidth % patchSize != 0 || inputHeight % patchSize != 0 || inputWidth < patchSize || inputHeight < patchSize) {
            throw new IllegalStateException("input " + inputWidth + "x" + inputHeight + " is not a positive multiple of patch "
                    + patchSize);
        }
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.patchSize = patchSize;
        this.scaleX = scaleX;
        this.scaleY = scaleY;
        this.cropX = cropX;
        this.cropY = cropY;
    }

    /** Width of the original image. */
    public int imageWidth() {
        return imageWidth;
    }

    /** Height of the original image. */
    public int imageHeight() {
        return imageHeight;
    }

    /** Width of the network input, a multiple of {@link #patchSize()}. */
    public int inputWidth() {
        return inputWidth;
    }

    /** Height of the network input, a multiple of {@link #patchSize()}. */
    public int inputHeight() {
        return inputHeight;
    }

    /** The ViT's patch size in input pixels. */
    public int patchSize() {
        return patchSize;
    }

    /** Patch columns ({@code inputWidth / patchSize}). */
    public int gridWidth() {
        return inputWidth / patchSize;
    }

    /** Patch rows ({@code inputHeight / patchSize}). */
    public int gridHeight() {
        return inputHeight / patchSize;
    }

    /** Number of patches. */
    public int patchCount() {
        return gridWidth() * gridHeight();
    }

    /** Input pixels per image pixel along x. */
    public double scaleX() {
        return scaleX;
    }

    /** Input pixels per image pixel along y. */
    public double scaleY() {
        return scaleY;
    }

    /** Input pixels cropped on the left, in scaled units. */
    public double cropX() {
        return cropX;
    }

    /** The crop offset along y in network-input pixels ({@code v = (y + 0.5) * scaleY - cropY}). */
    public double cropY() {
        return cropY;
    }

    /** Continuous patch coordinate of the centre of image column {@code x}: patch centres are at integers. */
    public double patchCoordinateX(int x) {
        return ((x + 0.5) * scaleX - cropX) / patchSize - 0.5;
    }

    /** Continuous patch coordinate of the centre of image row {@code y}. */
    public double patchCoordinateY(int y) {
        return ((y + 0.5) * scaleY - cropY) / patchSize - 0.5;
    }

    /** The patch column containing image column {@code x} (clamped to the grid for pixels outside a crop). */
    public int patchColumn(int x) {
        return clamp((int) Math.floor(((x + 0.5) * scaleX - cropX) / patchSize), gridWidth());
    }

    /** The patch row containing image row {@code y} (clamped to the grid). */
    public int patchRow(int y) {
        return clamp((int) Math.floor(((y + 0.5) * scaleY - cropY) / patchSize), gridHeight());
    }

    static int clamp(int v, int n) {
        return v < 0 ? 0 : Math.min(v, n - 1);
    }

    @Override
    public String toString() {
        return "PatchGeometry[image " + imageWidth + "x" + imageHeight + " -> input " + inputWidth + "x" + inputHeight
                + ", patch " + patchSize + ", grid " + gridWidth() + "x" + gridHeight() + ", scale " + scaleX + "x" + scaleY
                + ", crop " + cropX + "," + cropY + "]";
    }
}
