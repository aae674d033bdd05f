package org.supercuts.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * Reads image files as users have them, through ImageIO with the TwelveMonkeys plug-ins: JPEG (baseline, progressive,
 * CMYK and YCCK, embedded ICC profiles, profiles that do not match the data), PNG (8/16 bit, palette, alpha), GIF (first
 * frame), BMP, TIFF (8/16-bit integer and 32-bit float samples) and WebP.
 *
 * <ul>
 *   <li><b>Orientation:</b> the EXIF orientation of JPEG and TIFF files is applied, so the pixels are those a viewer shows
 *       ({@link ImageReadOptions#withApplyOrientation} keeps them as stored).</li>
 *   <li><b>Truncated or corrupt files</b> are an {@link ImageReadException} by default: a decoder that throws, or that warns
 *       about the pixel data (e.g. "Premature end of JPEG file"), makes the file an error. Warnings about colour profiles
 *       and metadata are notes, not errors. {@link ImageReadOptions#withAllowPartial} accepts what could be decoded.</li>
 *   <li><b>Alpha</b> is composited on white ({@code c' = a c + (1 - a)}, in sRGB values), so a cut-out on a transparent
 *       background is segmented as a viewer shows it on a white page, never on the hidden colours under transparent
 *       pixels.</li>
 *   <li><b>Samples:</b> 8-bit files are read exactly as {@link PlanarImage#fromBufferedImage} always read them; 16-bit
 *       integers are divided by 65535; floating-point samples are taken as they are, must be finite (a NaN or infinite
 *       sample is an error naming its position) and are clamped to [0, 1] with a note when outside.</li>
 * </ul>
 *
 * <p>Thread safety: stateless static methods; each call uses its own reader.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    /** Reads {@code path} with the default options (orientation applied, partial files rejected). */
    public static DecodedImage read(Path path) {
        return read(path, ImageReadOptions.defaults());
    }

    /**
     * Reads and decodes {@code path}.
     *
     * @throws ImageReadException naming the file and the problem in plain words: missing, a folder, unreadable, empty, not an
     *                            image format that can be decoded, truncated or corrupt, or holding non-finite samples
     */
    public static DecodedImage read(Path path, ImageReadOptions options) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        requireReadableFile(path);
        List<String> notes = new ArrayList<>();
        List<String> dataProblems = new ArrayList<>();
        BufferedImage image;
        String format;
        boolean partial = false;
        int storedWidth = -1;
        int storedHeight = -1;
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            if (in == null) {
                throw new ImageReadException(path, "cannot be opened for decoding");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageReadException(path, "is not an image in a format that can be decoded (JPEG, PNG, GIF, BMP, TIFF,"
                        + " WebP)" + formatHint(path));
            }
            ImageReader reader = readers.next();
            try {
                format = reader.getFormatName();
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> {
                    if (isNote(warning)) {
                        notes.add(warning);
                    } else {
                        dataProblems.add(warning);
                    }
                });
                BufferedImage destination = null;
                try {
                    int f = options.subsampling();
                    ImageReadParam param = reader.getDefaultReadParam();
                    if (f > 1) {
                        param.setSourceSubsampling(f, f, 0, 0);
                        storedWidth = reader.getWidth(0);
                        storedHeight = reader.getHeight(0);
                    }
                    if (options.allowPartial()) {
                        destination = destinationFor(reader, f);
                        param.setDestination(destination);
                    }
                    image = reader.read(0, param);
                } catch (IOException | RuntimeException e) {
                    if (destination == null) {
                        throw corrupt(path, format, dataProblems, e);
                    }
                    dataProblems.add(message(e));
                    image = destination;
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new ImageReadException(path, "could not be read: " + SafeFiles.describe(e), e);
        }
        if (image == null) {
            throw new ImageReadException(path, "the decoder returned no image (corrupt or unsupported file)");
        }
        if (!dataProblems.isEmpty()) {
            if (!options.allowPartial()) {
                throw corrupt(path, format, dataProblems, null);
            }
            partial = true;
            notes.add("partial file accepted: " + String.join("; ", dataProblems));
        }
        if (image.getWidth() < 1 || image.getHeight() < 1) {
            throw new ImageReadException(path, "has size " + image.getWidth() + "x" + image.getHeight() + "; at least 1x1 is needed");
        }
        boolean alpha = image.getColorModel().hasAlpha();
        PlanarImage planar = toPlanar(image, path, notes);
        ExifOrientation orientation = orientation(path, format, notes);
        PlanarImage upright = options.applyOrientation() ? orientation.apply(planar) : planar;
        if (storedWidth < 0) {
            storedWidth = image.getWidth();
            storedHeight = image.getHeight();
        } else {
            notes.add("decoded subsampled: every " + options.subsampling() + "th pixel of every " + options.subsampling()
                    + "th row, " + image.getWidth() + "x" + image.getHeight());
        }
        return new DecodedImage(upright, path, format, storedWidth, storedHeight, orientation,
                options.applyOrientation() && orientation != ExifOrientation.NORMAL, alpha, partial, notes);
    }

    /**
     * The stored width and height of {@code path} from its header, without decoding the pixels (for memory estimates).
     *
     * @throws ImageReadException as {@link #read(Path, ImageReadOptions)} for files that cannot be opened
     */
    public static int[] storedSize(Path path) {
        requireReadableFile(path);
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ImageReadException(path, "is not an image in a format that can be decoded (JPEG, PNG, GIF, BMP, TIFF,"
                        + " WebP)" + formatHint(path));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageReadException r) {
                throw r;
            }
            throw new ImageReadException(path, "has a header that cannot be read (" + message(e) + ")", e);
        }
    }

    /**
     * Converts what the readers return: 8-bit opaque images exactly as {@link PlanarImage#fromBufferedImage}; alpha
     * composited on white; floating-point samples checked and clamped. {@code path} names the file in errors (may be null).
     */
    static PlanarImage toPlanar(BufferedImage image, Path path, List<String> notes) {
        ColorModel cm = image.getColorModel();
        int type = image.getRaster().getDataBuffer().getDataType();
        boolean floating = type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
        if (!floating && !cm.hasAlpha()) {
            return PlanarImage.fromBufferedImage(image);
        }
        if (cm instanceof ComponentColorModel) {
            return fromComponents(image, path, notes);
        }
        // Palette and packed ARGB images: getRGB gives non-premultiplied sRGB with alpha.
        int w = image.getWidth();
        int h = image.getHeight();
        float[] r = new float[w * h];
        float[] g = new float[w * h];
        float[] b = new float[w * h];
        int[] argb = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = argb[x];
                float a = ((p >>> 24) & 0xff) / 255f;
                int i = y * w + x;
                r[i] = onWhite(((p >> 16) & 0xff) / 255f, a, false);
                g[i] = onWhite(((p >> 8) & 0xff) / 255f, a, false);
                b[i] = onWhite((p & 0xff) / 255f, a, false);
            }
        }
        return PlanarImage.wrap(w, h, r, g, b);
    }

    /** Grey or RGB components of any sample type, the last band being alpha when the colour model has one. */
    private static PlanarImage fromComponents(BufferedImage image, Path path, List<String> notes) {
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int colours = cm.getColorSpace().getNumComponents();
        if (colours != 1 && colours != 3) {
            throw new ImageReadException(path, "has " + colours + " colour components in a colour model the decoder did not"
                    + " convert to RGB; only grey and RGB can be segmented");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int type = raster.getDataBuffer().getDataType();
        boolean floating = type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
        boolean alpha = cm.hasAlpha();
        boolean premultiplied = cm.isAlphaPremultiplied();
        int alphaBand = cm.getNumComponents() - 1;
        float[] scale = new float[cm.getNumComponents()];
        for (int c = 0; c < scale.length; c++) {
            scale[c] = floating ? 1f : (float) ((1L << cm.getComponentSize(c)) - 1);
        }
        float[][] planes = new float[colours][w * h];
        float[] a = new float[w];
        float[] row = new float[w];
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int y = 0; y < h; y++) {
            if (alpha) {
                raster.getSamples(0, y, w, 1, alphaBand, a);
                for (int x = 0; x < w; x++) {
                    a[x] = clamp01(finite(a[x], path, "alpha", x, y) / scale[alphaBand]);
                }
            }
            for (int c = 0; c < colours; c++) {
                raster.getSamples(0, y, w, 1, c, row);
                float[] plane = planes[c];
                for (int x = 0; x < w; x++) {
                    float v = finite(row[x], path, "channel " + c, x, y) / scale[c];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    plane[y * w + x] = alpha ? onWhite(clamp01(v), a[x], premultiplied) : clamp01(v);
                }
            }
        }
        if (min < 0f || max > 1f) {
            notes.add(String.format(Locale.ROOT, "samples range over [%g, %g]; clamped to [0, 1]", min, max));
        }
        return PlanarImage.wrap(w, h, planes);
    }

    private static float finite(float v, Path path, String band, int x, int y) {
        if (!Float.isFinite(v)) {
            String what = band + " at x=" + x + ", y=" + y + " is " + v + "; image samples must be finite numbers";
            throw path == null ? new IllegalArgumentException("image " + what) : new ImageReadException(path, what);
        }
        return v;
    }

    private static float onWhite(float c, float a, boolean premultiplied) {
        return (premultiplied ? c : c * a) + (1f - a);
    }

    private static float clamp01(float v) {
        return v < 0f ? 0f : v > 1f ? 1f : v;
    }

    /** The EXIF orientation of a JPEG (APP1 "Exif") or TIFF (IFD0), NORMAL when absent or unreadable (noted). */
    private static ExifOrientation orientation(Path path, String format, List<String> notes) {
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        try {
            Directory exif = null;
            if (f.contains("jpeg") || f.contains("jpg")) {
                try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
                    for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif")) {
                        byte[] data;
                        try (InputStream s = segment.data()) {
                            data = s.readAllBytes();
                        }
                        // The identifier "Exif" is followed by two zero bytes; data() starts after the first.
                        int offset = data.length > 0 && data[0] == 0 ? 1 : 0;
                        try (ImageInputStream tiff = ImageIO.createImageInputStream(new ByteArrayInputStream(data, offset,
                                data.length - offset))) {
                            exif = new TIFFReader().read(tiff);
                        }
                        break;
                    }
                }
            } else if (f.contains("tif")) {
                try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
                    exif = new TIFFReader().read(in);
                }
            }
            Entry e = exif == null ? null : exif.getEntryById(TIFF.TAG_ORIENTATION);
            if (e != null && e.getValue() instanceof Number n) {
                return ExifOrientation.of(n.intValue());
            }
        } catch (IOException | RuntimeException e) {
            notes.add("EXIF metadata unreadable (" + message(e) + "); orientation taken as upright");
        }
        return ExifOrientation.NORMAL;
    }

    /** Warnings about colour profiles and metadata do not make a file corrupt; everything else about the data does. */
    static boolean isNote(String warning) {
        String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        for (String word : new String[] {"icc", "profile", "color", "colour", "exif", "jfif", "xmp", "metadata", "thumbnail"}) {
            if (w.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static BufferedImage destinationFor(ImageReader reader, int subsampling) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        ImageTypeSpecifier type = types.next();
        return type.createBufferedImage((reader.getWidth(0) + subsampling - 1) / subsampling,
                (reader.getHeight(0) + subsampling - 1) / subsampling);
    }

    private static ImageReadException corrupt(Path path, String format, List<String> problems, Exception e) {
        List<String> all = new ArrayList<>(problems);
        if (e != null) {
            all.add(message(e));
        }
        return new ImageReadException(path, "is truncated or corrupt (" + format + " decoder: " + String.join("; ", all)
                + "); no result is made from it unless partial files are allowed (--allow-partial)", e);
    }

    private static void requireReadableFile(Path path) {
        if (!Files.exists(path)) {
            throw new ImageReadException(path, "file does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new ImageReadException(path, "is a folder, not an image file");
        }
        if (!Files.isRegularFile(path)) {
            throw new ImageReadException(path, "is not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new ImageReadException(path, "permission denied (the file is not readable)");
        }
        try {
            if (Files.size(path) == 0) {
                throw new ImageReadException(path, "is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw new ImageReadException(path, "could not be read: " + SafeFiles.describe(e), e);
        }
    }

    /** A hint from the first bytes of a file no reader took (HEIC/AVIF are common from phones). */
    private static String formatHint(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(16);
            String ascii = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (ascii.length() >= 12 && ascii.startsWith("ftyp", 4)) {
                return "; it looks like HEIC/AVIF (" + ascii.substring(8, 12).trim() + "), which is not supported: convert it to"
                        + " JPEG or PNG";
            }
            return "; it starts with the bytes " + HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(8, head.length));
        } catch (IOException e) {
            return "";
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
