package org.supercuts.image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A decoded file and what the decoder did to it: the format, the stored size, the EXIF orientation and whether it was
 * applied, whether alpha was composited, whether the file was partial (accepted only with
 * {@link ImageReadOptions#withAllowPartial}), and the decoder's notes (ignored colour profiles, clamped samples, ...).
 *
 * <p>Thread safety: immutable.
 *
 * @param image              the pixels, upright unless the orientation was kept
 * @param source             the file read
 * @param format             the decoder's format name, e.g. "JPEG", "png", "TIFF"
 * @param storedWidth        the width as stored in the file
 * @param storedHeight       the height as stored in the file
 * @param orientation        the EXIF orientation found ({@link ExifOrientation#NORMAL} when there is none)
 * @param orientationApplied whether {@link #image} was turned upright by it
 * @param alphaComposited    whether the file had an alpha channel, composited on white
 * @param partial            whether the decoder reported the file truncated or corrupt and it was accepted anyway
 * @param notes              warnings of the decoder that did not make the file an error, in its words
 */
public record DecodedImage(PlanarImage image, Path source, String format, int storedWidth, int storedHeight,
        ExifOrientation orientation, boolean orientationApplied, boolean alphaComposited, boolean partial, List<String> notes) {
    public DecodedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(orientation, "orientation");
        notes = List.copyOf(notes);
    }

    /** What the decoder did, for a result record: source, format, sizes, orientation, alpha, partial, notes. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("path", source == null ? null : source.toAbsolutePath().normalize().toString());
        d.put("format", format);
        d.put("stored_width", storedWidth);
        d.put("stored_height", storedHeight);
        d.put("exif_orientation", orientation.tag());
        d.put("orientation", orientation == ExifOrientation.NORMAL ? "upright as stored"
                : orientationApplied ? "applied: " + orientation.words() : "kept as stored (EXIF says " + orientation.words() + ")");
        d.put("alpha", alphaComposited ? "composited on white" : "none");
        d.put("partial", partial);
        d.put("notes", notes);
        return d;
    }
}
