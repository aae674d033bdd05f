package org.supercuts.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.supercuts.SuperCuts;
import org.supercuts.feature.SegmentDescriptor;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.Masks;
import org.supercuts.image.PlanarImage;
import org.supercuts.retrieval.AnnotatedFolder;
import org.supercuts.retrieval.ImageSegments;
import org.supercuts.retrieval.IndexBuilder;
import org.supercuts.retrieval.LabelTransfer;
import org.supercuts.retrieval.NeighbourSearch;
import org.supercuts.retrieval.Neighbours;
import org.supercuts.retrieval.SegmentEmbedder;
import org.supercuts.retrieval.SegmentIndex;
import org.supercuts.retrieval.TransferResult;

/**
 * Label transfer from a few annotated images (SegSort-style kNN votes, docs/retrieval.md): a {@link SegmentIndex} built
 * from a folder of images and masks, the labels of a new image voted by the nearest annotated segments, and the
 * neighbours behind one segment's vote (the explanation).
 *
 * <p>So that it runs without any data set, the example draws its annotated images: each a red disc (annotated as
 * foreground) and a blue square (background) on a noisy backdrop, in different places and backdrops. The new image has
 * both shapes elsewhere; the transfer marks its disc and leaves its square out, although both stand out equally. The
 * classes differ in colour, so the segments are described by {@link SegmentDescriptor} alone; the {@code transfer}
 * command's defaults add the saliency block (weight 1), chosen on ECSSD.
 *
 * <p>Usage: {@code TransferLabels}. Writes the annotated folder to {@code target/examples/transfer-labels/} and the soft
 * map of the new image (foreground vote share, 0..255) to {@code target/examples/transfer-labels-soft.png}.
 *
 * <p>Thread safety: stateless.
 */
public final class TransferLabels {
    /** Size of the generated images. */
    public static final int WIDTH = 128;
    /** Size of the generated images. */
    public static final int HEIGHT = 96;
    private static final int RADIUS = 16;
    private static final int SIDE = 28;
    private static final float[] RED = {0.85f, 0.12f, 0.10f};
    private static final float[] BLUE = {0.10f, 0.20f, 0.85f};

    private TransferLabels() {
    }

    /**
     * A generated image with its ground truth.
     *
     * @param image the picture
     * @param disc  1 = the red disc (the foreground), row-major
     * @param square 1 = the blue square, row-major
     */
    public record Scene(PlanarImage image, byte[] disc, byte[] square) {
    }

    /**
     * What the example found.
     *
     * @param index       the annotated segments
     * @param query       the new image and its truth
     * @param transfer    the votes for the new image's segments
     * @param mask        the transferred mask: foreground share {@code >= 0.5}
     * @param explained   the segment whose neighbours {@link #explanation} lists: the one under the disc's centre
     * @param explanation one line per neighbour of {@code explained}: image, segment, label, cosine similarity
     */
    public record Result(SegmentIndex index, Scene query, TransferResult transfer, byte[] mask, int explained,
            List<String> explanation) {
    }

    /**
     * Draws a red disc centred at ({@code discX}, {@code discY}) and a blue square with its corner at ({@code squareX},
     * {@code squareY}) on a backdrop of colour {@code backdrop}, with uniform noise of ±0.03 drawn from {@code seed}.
     */
    public static Scene scene(int discX, int discY, int squareX, int squareY, float[] backdrop, long seed) {
        SplittableRandom noise = new SplittableRandom(seed);
        int n = WIDTH * HEIGHT;
        float[][] planes = new float[3][n];
        byte[] disc = new byte[n];
        byte[] square = new byte[n];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * WIDTH + x;
                int dx = x - discX;
                int dy = y - discY;
                disc[i] = (byte) (dx * dx + dy * dy <= RADIUS * RADIUS ? 1 : 0);
                square[i] = (byte) (x >= squareX && x < squareX + SIDE && y >= squareY && y < squareY + SIDE ? 1 : 0);
                float[] colour = disc[i] != 0 ? RED : square[i] != 0 ? BLUE : backdrop;
                for (int c = 0; c < 3; c++) {
                    planes[c][i] = (float) Math.min(1, Math.max(0, colour[c] + noise.nextDouble(-0.03, 0.03)));
                }
            }
        }
        return new Scene(PlanarImage.wrap(WIDTH, HEIGHT, planes), disc, square);
    }

    /** The three annotated images of the example: the disc and the square in different places, on different backdrops. */
    public static List<Scene> annotated() {
        return List.of(
                scene(32, 30, 80, 50, new float[] {0.55f, 0.55f, 0.52f}, 1),
                scene(96, 64, 12, 14, new float[] {0.35f, 0.60f, 0.30f}, 2),
                scene(40, 70, 70, 8, new float[] {0.80f, 0.72f, 0.55f}, 3));
    }

    /**
     * Writes the annotated images and their masks under {@code outDir/transfer-labels/}, indexes them, transfers their
     * labels to {@code query} with {@code k} neighbours and writes the soft map into {@code outDir}.
     */
    public static Result run(List<Scene> annotated, Scene query, int k, Path outDir) throws IOException {
        Path images = Files.createDirectories(outDir.resolve("transfer-labels").resolve("images"));
        Path masks = Files.createDirectories(outDir.resolve("transfer-labels").resolve("masks"));
        for (int i = 0; i < annotated.size(); i++) {
            Scene s = annotated.get(i);
            ImageFiles.writePng(s.image().toBufferedImage(), images.resolve("shapes-" + (i + 1) + ".png"));
            ImageFiles.writeMask(s.disc(), WIDTH, HEIGHT, masks.resolve("shapes-" + (i + 1) + ".png"));
        }

        SegmentEmbedder embedder = SegmentEmbedder.of(SuperCuts.pipeline().build(), SegmentDescriptor.defaults());
        AnnotatedFolder folder = AnnotatedFolder.open(images, masks, AnnotatedFolder.Kind.MASKS);
        IndexBuilder.Result built = IndexBuilder.build(folder, embedder, 1, null);
        if (!built.errors().isEmpty()) {
            throw new IllegalStateException("indexing failed: " + built.errors());
        }
        SegmentIndex index = built.index();

        ImageSegments segments = embedder.embed(query.image());
        TransferResult t = LabelTransfer.nearest(k).transfer(NeighbourSearch.exact(index), embedder.describe(), segments);
        float[] soft = t.softMap();
        ImageFiles.writeSoft(soft, WIDTH, HEIGHT, outDir.resolve("transfer-labels-soft.png"));

        int explained = segments.segments().backingArray()[centre(query.disc())];
        Neighbours voters = t.neighbours(explained);
        List<String> explanation = new ArrayList<>();
        for (int j = 0; j < voters.size(); j++) {
            int e = voters.entries()[j];
            explanation.add(String.format(Locale.ROOT, "%s segment %d, label %d, similarity %.3f", index.imageId(e),
                    index.segmentId(e), index.label(e), voters.similarities()[j]));
        }
        return new Result(index, query, t, Masks.threshold(soft, 0.5), explained, explanation);
    }

    /** The pixel index of the centroid of a mask. */
    private static int centre(byte[] mask) {
        long sx = 0;
        long sy = 0;
        int count = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                sx += i % WIDTH;
                sy += i / WIDTH;
                count++;
            }
        }
        return (int) (sy / count) * WIDTH + (int) (sx / count);
    }

    /** Runs the example on the generated images. */
    public static void main(String[] args) throws IOException {
        Scene query = scene(84, 40, 20, 56, new float[] {0.45f, 0.50f, 0.58f}, 4);
        Result r = run(annotated(), query, 10, Path.of("target", "examples"));
        System.out.println(r.index().size() + " annotated segments from " + r.index().imageIds().size() + " images");
        System.out.println("transferred mask: " + Masks.count(r.mask()) + " px (the disc has " + Masks.count(query.disc())
                + ")");
        System.out.println("segment " + r.explained() + " (under the disc's centre) got foreground share "
                + String.format(Locale.ROOT, "%.2f", r.transfer().share(r.explained(), TransferResult.FOREGROUND))
                + " from its neighbours:");
        r.explanation().forEach(line -> System.out.println("  " + line));
        System.out.println("soft map in target/examples/transfer-labels-soft.png");
    }
}
