package org.supercuts.examples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.Masks;
import org.supercuts.image.PlanarImage;

/**
 * The library's types in and out of the two image models Java programs use: {@link BufferedImage} (AWT, ImageIO) and
 * ImgLib2 ({@code Img}, as in Fiji). A BufferedImage goes in through {@link PlanarImage#fromBufferedImage} and the mask
 * comes out as a grey BufferedImage; an ImgLib2 image (X x Y x C, floats in [0, 1]) goes in through
 * {@link PlanarImage#fromImg} and the mask comes out as a copy-free ImgLib2 view of the mask array.
 *
 * <p>Usage: {@code BufferedImagesAndImgLib2}. Writes {@code target/examples/bufferedimage-mask.png} and
 * {@code imglib2-mask.png}.
 *
 * <p>Thread safety: stateless.
 */
public final class BufferedImagesAndImgLib2 {
    private BufferedImagesAndImgLib2() {
    }

    /**
     * The two round trips.
     *
     * @param maskPicture the photo's mask as an 8-bit grey BufferedImage (0 / 255)
     * @param softPicture the photo's soft map as an 8-bit grey BufferedImage
     * @param imgMask     the ImgLib2 input's mask as an ImgLib2 image (X, Y; 1 = object)
     * @param imgResult   the segmentation of the ImgLib2 input
     */
    public record Result(BufferedImage maskPicture, BufferedImage softPicture, ArrayImg<UnsignedByteType, ByteArray> imgMask,
            Segmentation imgResult) {
    }

    /** An ImgLib2 image X x Y x 3 of a bright disc of radius {@code r} at (cx, cy) on a dark, striped background. */
    public static Img<FloatType> disc(int width, int height, int cx, int cy, int r) {
        Img<FloatType> img = ArrayImgs.floats(width, height, 3);
        Cursor<FloatType> c = img.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            long x = c.getLongPosition(0);
            long y = c.getLongPosition(1);
            long channel = c.getLongPosition(2);
            boolean inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= (long) r * r;
            float stripe = (y / 6) % 2 == 0 ? 0.05f : 0f;
            c.get().set(inside ? (channel == 0 ? 0.9f : 0.6f - 0.2f * channel) : 0.2f + stripe + 0.05f * channel);
        }
        return img;
    }

    /** Segments {@code photo} and {@code img}, writes both masks into {@code outDir}. */
    public static Result run(BufferedImage photo, Img<FloatType> img, Path outDir) {
        Pipeline pipeline = SuperCuts.pipeline().build();
        Segmentation fromAwt = pipeline.segment(PlanarImage.fromBufferedImage(photo));
        BufferedImage mask = Masks.toBufferedImage(fromAwt.mask(), fromAwt.width(), fromAwt.height());
        BufferedImage soft = Masks.softToBufferedImage(fromAwt.softMask(), fromAwt.width(), fromAwt.height());
        ImageFiles.writePng(mask, outDir.resolve("bufferedimage-mask.png"));

        Segmentation fromImg = pipeline.segment(PlanarImage.fromImg(img));
        ArrayImg<UnsignedByteType, ByteArray> imgMask = Masks.asImg(fromImg.mask(), fromImg.width(), fromImg.height());
        ImageFiles.writeMask(fromImg.mask(), fromImg.width(), fromImg.height(), outDir.resolve("imglib2-mask.png"));
        return new Result(mask, soft, imgMask, fromImg);
    }

    /** Runs the example on the bundled sample photo and a generated disc. */
    public static void main(String[] args) throws IOException {
        BufferedImage photo = ImageIO.read(BufferedImagesAndImgLib2.class.getResource("sample/chelsea.png"));
        Result r = run(photo, disc(160, 120, 100, 60, 30), Path.of("target", "examples"));
        System.out.println("BufferedImage mask " + r.maskPicture().getWidth() + "x" + r.maskPicture().getHeight()
                + "; ImgLib2 mask " + r.imgMask().dimension(0) + "x" + r.imgMask().dimension(1) + ", object box "
                + r.imgResult().box().orElse(null));
    }
}
