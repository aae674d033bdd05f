package org.supercuts.image;

/**
 * How {@link ImageDecoder} reads a file: whether EXIF orientation is applied, whether a truncated or corrupt file is
 * accepted, and whether only every f-th pixel of every f-th row is decoded (source subsampling, for a working resolution
 * below the file's). Alpha is always composited on white (see {@link ImageDecoder}).
 *
 * <p>Thread safety: immutable; each wither returns a new instance and changes only what it names.
 */
public final class ImageReadOptions {
    private static final ImageReadOptions DEFAULTS = new ImageReadOptions(true, false, 1);

    private final boolean applyOrientation;
    private final boolean allowPartial;
    private final int subsampling;

    private ImageReadOptions(boolean applyOrientation, boolean allowPartial, int subsampling) {
        if (subsampling < 1) {
            throw new IllegalArgumentException("subsampling must be >= 1 (1 = every pixel), got " + subsampling);
        }
        this.applyOrientation = applyOrientation;
        this.allowPartial = allowPartial;
        this.subsampling = subsampling;
    }

    /** EXIF orientation applied; a truncated or corrupt file is an error. */
    public static ImageReadOptions defaults() {
        return DEFAULTS;
    }

    /** Whether to turn the pixels upright as the EXIF orientation says (default true); false keeps the stored orientation. */
    public ImageReadOptions withApplyOrientation(boolean apply) {
        return new ImageReadOptions(apply, allowPartial, subsampling);
    }

    /**
     * Whether a file the decoder reports as truncated or corrupt is accepted with what could be decoded (default false:
     * such a file is an {@link ImageReadException}). Missing parts are whatever the decoder left there (grey for JPEG,
     * black for others), and the decoded image says it is partial.
     */
    public ImageReadOptions withAllowPartial(boolean allow) {
        return new ImageReadOptions(applyOrientation, allow, subsampling);
    }

    /**
     * Decode only every {@code factor}-th pixel of every {@code factor}-th stored row (ImageIO's source subsampling;
     * default 1, every pixel): a ceil(width / factor) x ceil(height / factor) image, with neither the full-resolution
     * raster nor its float planes ever held. It picks pixels, it does not average them.
     *
     * @throws IllegalArgumentException when {@code factor < 1}
     */
    public ImageReadOptions withSubsampling(int factor) {
        return new ImageReadOptions(applyOrientation, allowPartial, factor);
    }

    /** Whether the EXIF orientation is applied. */
    public boolean applyOrientation() {
        return applyOrientation;
    }

    /** Whether truncated or corrupt files are accepted with what could be decoded. */
    public boolean allowPartial() {
        return allowPartial;
    }

    /** The source subsampling factor (1 = every pixel). */
    public int subsampling() {
        return subsampling;
    }

    @Override
    public String toString() {
        return "ImageReadOptions[applyOrientation=" + applyOrientation + ", allowPartial=" + allowPartial + ", subsampling="
                + subsampling + "]";
    }
}
