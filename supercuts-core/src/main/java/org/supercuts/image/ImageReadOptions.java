package org.supercuts.image;

/**
 * How {@link ImageDecoder} reads a file: whether EXIF orientation is applied and whether a truncated or corrupt file is
 * accepted. Alpha is always composited on white (see {@link ImageDecoder}).
 *
 * <p>Thread safety: immutable; each wither returns a new instance and changes only what it names.
 */
public final class ImageReadOptions {
    private static final ImageReadOptions DEFAULTS = new ImageReadOptions(true, false);

    private final boolean applyOrientation;
    private final boolean allowPartial;

    private ImageReadOptions(boolean applyOrientation, boolean allowPartial) {
        this.applyOrientation = applyOrientation;
        this.allowPartial = allowPartial;
    }

    /** EXIF orientation applied; a truncated or corrupt file is an error. */
    public static ImageReadOptions defaults() {
        return DEFAULTS;
    }

    /** Whether to turn the pixels upright as the EXIF orientation says (default true); false keeps the stored orientation. */
    public ImageReadOptions withApplyOrientation(boolean apply) {
        return new ImageReadOptions(apply, allowPartial);
    }

    /**
     * Whether a file the decoder reports as truncated or corrupt is accepted with what could be decoded (default false:
     * such a file is an {@link ImageReadException}). Missing parts are whatever the decoder left there (grey for JPEG,
     * black for others), and the decoded image says it is partial.
     */
    public ImageReadOptions withAllowPartial(boolean allow) {
        return new ImageReadOptions(applyOrientation, allow);
    }

    /** Whether the EXIF orientation is applied. */
    public boolean applyOrientation() {
        return applyOrientation;
    }

    /** Whether truncated or corrupt files are accepted with what could be decoded. */
    public boolean allowPartial() {
        return allowPartial;
    }

    @Override
    public String toString() {
        return "ImageReadOptions[applyOrientation=" + applyOrientation + ", allowPartial=" + allowPartial + "]";
    }
}
