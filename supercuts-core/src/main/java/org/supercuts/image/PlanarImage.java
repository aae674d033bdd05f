package org.supercuts.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import org.supercuts.concurrent.BandRunner;

/**
 * A planar float image: one {@code float[]} per channel, row-major, values nominally in [0, 1] (sRGB for colour images).
 *
 * <p>Grey images have one channel, colour images three (R, G, B). Alpha is composited on white, 16-bit samples are scaled
 * to [0, 1] and floating-point samples are checked and clamped ({@link ImageDecoder}), so every input the readers accept
 * ends up in the same representation.
 *
 * <p>{@link #wrap} is copy-free (ImgLib2 style): the caller hands over the arrays and must not modify them afterwards.
 *
 * <p>Thread safety: immutable once constructed (given the wrap contract above), safe to share between threads.
 */
public final class PlanarImage {
    /** Input pixels per band of the parallel {@link #downsample(int, int)} (a few hundred kilobytes per plane). */
    private static final int DOWNSAMPLE_BAND_PIXELS = 1 << 17;

    private final int width;
    private final int height;
    private final float[][] planes;
    /** CIELAB planes computed on first use and shared by every stage that reads them (see {@link #cielab()}). */
    private volatile float[][] cielab;

    private PlanarImage(int width, int height, float[][] planes) {
        this.width = width;
        this.height = height;
        this.planes = planes;
    }

    /**
     * Wraps planes without copying.
     *
     * @throws IllegalArgumentException when the size is not positive, the channel count is not 1 or 3, a plane has the wrong
     *                                  length, or a sample is NaN or infinite
     */
    public static PlanarImage wrap(int width, int height, float[]... planes) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got width=" + width + ", height=" + height);
        }
        Objects.requireNonNull(planes, "planes");
        if (planes.length != 1 && planes.length != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + planes.length);
        }
        long n = (long) width * height;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image too large: width*height=" + n + " exceeds " + Integer.MAX_VALUE);
        }
        for (int c = 0; c < planes.length; c++) {
            Objects.requireNonNull(planes[c], "plane " + c);
            if (planes[c].length != n) {
                throw new IllegalArgumentException("plane " + c + " has length " + planes[c].length + ", expected width*height=" + n);
            }
            for (int i = 0; i < planes[c].length; i++) {
                if (!Float.isFinite(planes[c][i])) {
                    throw new IllegalArgumentException("plane " + c + " sample " + i + " (x=" + (i % width) + ", y=" + (i / width)
                            + ") is " + planes[c][i] + "; image samples must be finite");
                }
            }
        }
        return new PlanarImage(width, height, planes.clone());
    }

    /**
     * Converts a {@link BufferedImage} of any type: grey (8 or 16 bit) gives one channel, everything else RGB; alpha is
     * composited on white; floating-point samples must be finite and are clamped to [0, 1].
     */
    public static PlanarImage fromBufferedImage(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        int sampleType = image.getRaster().getDataBuffer().getDataType();
        if (image.getColorModel().hasAlpha() || sampleType == DataBuffer.TYPE_FLOAT || sampleType == DataBuffer.TYPE_DOUBLE) {
            return ImageDecoder.toPlanar(image, null, new ArrayList<>());
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got width=" + w + ", height=" + h);
        }
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean grey = image.getColorModel().getColorSpace().getNumComponents() == 1;
        int bits = image.getColorModel().getComponentSize(0);
        if (grey && bits > 8 || (!grey && bits > 8 && bands >= 3)) {
            // High bit-depth: read samples directly and scale by the component's maximum.
            float scale = (float) ((1L << bits) - 1);
            int channels = grey ? 1 : 3;
            float[][] planes = new float[channels][w * h];
            for (int c = 0; c < channels; c++) {
                float[] row = new float[w];
                for (int y = 0; y < h; y++) {
                    raster.getSamples(0, y, w, 1, c, row);
                    for (int x = 0; x < w; x++) {
                        planes[c][y * w + x] = row[x] / scale;
                    }
                }
            }
            return new PlanarImage(w, h, planes);
        }
        if (grey) {
            float[] plane = new float[w * h];
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    plane[y * w + x] = row[x] / 255f;
                }
            }
            return new PlanarImage(w, h, new float[][] {plane});
        }
        float[] r = new float[w * h];
        float[] g = new float[w * h];
        float[] b = new float[w * h];
        if (interleavedSrgbBytes(image)) {
            copyInterleavedBytes(raster, w, h, r, g, b);
            return new PlanarImage(w, h, new float[][] {r, g, b});
        }
        int[] argb = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = argb[x];
                int i = y * w + x;
                r[i] = ((p >> 16) & 0xff) / 255f;
                g[i] = ((p >> 8) & 0xff) / 255f;
                b[i] = (p & 0xff) / 255f;
            }
        }
        return new PlanarImage(w, h, new float[][] {r, g, b});
    }

    /**
     * Whether the image is 8-bit sRGB with three interleaved byte samples per pixel in one array (what the JPEG readers
     * return), so that its samples can be read from the array: the same values {@code getRGB} gives, without its
     * per-pixel colour-model calls (a fifth of the time of a 24 MP photo's run went there).
     */
    private static boolean interleavedSrgbBytes(BufferedImage image) {
        Raster raster = image.getRaster();
        return image.getColorModel() instanceof java.awt.image.ComponentColorModel cm && cm.getColorSpace().isCS_sRGB()
                && cm.getNumComponents() == 3 && !cm.hasAlpha() && cm.getComponentSize(0) == 8 && cm.getComponentSize(1) == 8
                && cm.getComponentSize(2) == 8 && raster.getNumBands() == 3
                && raster.getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel
                && raster.getDataBuffer() instanceof java.awt.image.DataBufferByte bytes && bytes.getNumBanks() == 1;
    }

    private static void copyInterleavedBytes(Raster raster, int w, int h, float[] r, float[] g, float[] b) {
        java.awt.image.PixelInterleavedSampleModel sm = (java.awt.image.PixelInterleavedSampleModel) raster.getSampleModel();
        java.awt.image.DataBufferByte buffer = (java.awt.image.DataBufferByte) raster.getDataBuffer();
        byte[] data = buffer.getData();
        int[] band = sm.getBandOffsets();
        int stride = sm.getPixelStride();
        int scan = sm.getScanlineStride();
        int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * scan - raster.getSampleModelTranslateX() * stride;
        for (int y = 0; y < h; y++) {
            int p = origin + y * scan;
            int i = y * w;
            for (int x = 0; x < w; x++, p += stride, i++) {
                r[i] = (data[p + band[0]] & 0xff) / 255f;
                g[i] = (data[p + band[1]] & 0xff) / 255f;
                b[i] = (data[p + band[2]] & 0xff) / 255f;
            }
        }
    }

    /**
     * Reads an image file ({@link ImageDecoder#read(Path)}: JPEG including CMYK and ICC profiles, PNG, GIF, BMP, TIFF, WebP;
     * EXIF orientation applied; alpha composited on white).
     *
     * @throws ImageReadException naming the path when the file is missing, unreadable, empty, truncated, corrupt or not a
     *                            decodable image
     */
    public static PlanarImage read(Path path) {
        return ImageDecoder.read(path).image();
    }

    /**
     * Copies an ImgLib2 image: a 2-D interval is grey, a 3-D interval is X x Y x C with C = 1 or 3. Values are taken as they
     * are (the caller scales to [0, 1]).
     */
    public static <T extends RealType<T>> PlanarImage fromImg(RandomAccessibleInterval<T> img) {
        Objects.requireNonNull(img, "img");
        int nd = img.numDimensions();
        if (nd != 2 && nd != 3) {
            throw new IllegalArgumentException("img must have 2 (X,Y) or 3 (X,Y,C) dimensions, got " + nd);
        }
        int w = (int) img.dimension(0);
        int h = (int) img.dimension(1);
        int channels = nd == 2 ? 1 : (int) img.dimension(2);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("img channel dimension must be 1 or 3, got " + channels);
        }
        float[][] planes = new float[channels][w * h];
        RandomAccess<T> ra = img.randomAccess();
        long[] pos = new long[nd];
        for (int c = 0; c < channels; c++) {
            if (nd == 3) {
                pos[2] = img.min(2) + c;
            }
            for (int y = 0; y < h; y++) {
                pos[1] = img.min(1) + y;
                for (int x = 0; x < w; x++) {
                    pos[0] = img.min(0) + x;
                    ra.setPosition(pos);
                    planes[c][y * w + x] = ra.get().getRealFloat();
                }
            }
        }
        return wrap(w, h, planes);
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** Number of channels: 1 (grey) or 3 (RGB). */
    public int channels() {
        return planes.length;
    }

    /** Number of pixels, width times height. */
    public int pixelCount() {
        return width * height;
    }

    /** Whether the image has one channel. */
    public boolean isGrey() {
        return planes.length == 1;
    }

    /** The backing plane of channel {@code c} (not a copy; do not modify). */
    public float[] plane(int c) {
        return planes[c];
    }

    /** Sample of channel {@code c} at (x, y). */
    public float get(int c, int x, int y) {
        return planes[c][y * width + x];
    }

    /**
     * The image in CIE L*a*b* (D65) through {@link FastCielab}: three planes {L*, a*, b*}, computed on the first call and
     * shared by later calls (superpixels and the region graph both read them, so one image is converted once). The planes
     * are read-only: do not modify them. Two threads calling this at once may both convert; either result is the same.
     */
    public float[][] cielab() {
        float[][] lab = cielab;
        if (lab == null) {
            PlanarImage rgb = toRgb();
            int n = pixelCount();
            lab = new float[][] {new float[n], new float[n], new float[n]};
            FastCielab.convert(rgb.plane(0), rgb.plane(1), rgb.plane(2), lab[0], lab[1], lab[2], 0, n);
            cielab = lab;
        }
        return lab;
    }

    /**
     * This image reduced by an integer {@code factor} in each axis by area averaging: output pixel (x, y) is the mean of
     * the input pixels in [x f, (x + 1) f) x [y f, (y + 1) f), clipped at the right and bottom borders, so the result is
     * ceil(width / f) x ceil(height / f). Factor 1 returns this image.
     *
     * @throws IllegalArgumentException when {@code factor < 1}
     */
    public PlanarImage downsample(int factor) {
        return downsample(factor, 1);
    }

    /**
     * {@link #downsample(int)} on up to {@code threads} threads (the calling one included), in bands of output rows; each
     * output pixel is computed the same way whatever the thread count, so the result is identical.
     *
     * @throws IllegalArgumentException when {@code factor < 1} or {@code threads < 1}
     */
    public PlanarImage downsample(int factor, int threads) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be >= 1, got " + factor);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (factor == 1) {
            return this;
        }
        int w = (width + factor - 1) / factor;
        int h = (height + factor - 1) / factor;
        float[][] out = new float[planes.length][w * h];
        int bandRows = Math.max(1, DOWNSAMPLE_BAND_PIXELS / (width * factor));
        int bands = (h + bandRows - 1) / bandRows;
        try (BandRunner runner = BandRunner.create(Math.min(threads, bands), null)) {
            runner.run(bands, (band, worker) -> {
                double[] rowSum = new double[w];
                for (int c = 0; c < planes.length; c++) {
                    for (int y = band * bandRows; y < Math.min(h, (band + 1) * bandRows); y++) {
                        reduceRow(planes[c], out[c], y, w, factor, rowSum);
                    }
                }
            });
        }
        return new PlanarImage(w, h, out);
    }

    /** Output row {@code y} of the area reduction of one plane, into {@code o}. */
    private void reduceRow(float[] in, float[] o, int y, int w, int factor, double[] rowSum) {
        java.util.Arrays.fill(rowSum, 0);
        int y0 = y * factor;
        int y1 = Math.min(height, y0 + factor);
        for (int sy = y0; sy < y1; sy++) {
            int base = sy * width;
            for (int x = 0; x < w; x++) {
                int x0 = x * factor;
                int x1 = Math.min(width, x0 + factor);
                double s = 0;
                for (int sx = x0; sx < x1; sx++) {
                    s += in[base + sx];
                }
                rowSum[x] += s;
            }
        }
        for (int x = 0; x < w; x++) {
            int cols = Math.min(width, (x + 1) * factor) - x * factor;
            o[y * w + x] = (float) (rowSum[x] / ((long) cols * (y1 - y0)));
        }
    }

    /** This image with three channels: grey is replicated, colour returned as is. */
    public PlanarImage toRgb() {
        if (planes.length == 3) {
            return this;
        }
        return new PlanarImage(width, height, new float[][] {planes[0], planes[0], planes[0]});
    }

    /**
     * A copy as an ImgLib2 image X x Y x C (C = 1 or 3), the layout {@link #fromImg} reads, so
     * {@code PlanarImage.fromImg(image.toImg())} equals {@code image}.
     */
    public Img<FloatType> toImg() {
        float[] all = new float[planes.length * width * height];
        for (int c = 0; c < planes.length; c++) {
            System.arraycopy(planes[c], 0, all, c * width * height, width * height);
        }
        return ArrayImgs.floats(all, width, height, planes.length);
    }

    /** A copy-free ImgLib2 view of one channel. */
    public Img<FloatType> channelAsImg(int c) {
        return ArrayImgs.floats(planes[c], width, height);
    }

    /** Converts back to an 8-bit RGB {@link BufferedImage} (values clamped to [0, 1]). */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        // A new TYPE_INT_RGB image is one packed 0xRRGGBB array, row-major: write it directly (setRGB converts each pixel
        // through the colour model, the same values at several times the cost).
        int[] pixels = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        PlanarImage rgb = toRgb();
        float[] r = rgb.planes[0];
        float[] g = rgb.planes[1];
        float[] b = rgb.planes[2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (to8(r[i]) << 16) | (to8(g[i]) << 8) | to8(b[i]);
        }
        return out;
    }

    private static int to8(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }

    @Override
    public String toString() {
        return "PlanarImage[" + width + "x" + height + "x" + planes.length + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PlanarImage other)) {
            return false;
        }
        return width == other.width && height == other.height && Arrays.deepEquals(planes, other.planes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.deepHashCode(planes);
    }
}
