package org.supercuts.retrieval;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * An image folder paired with an annotation folder by file stem ({@code images/0001.jpg} with {@code masks/0001.png}):
 * either binary masks (foreground where the grey value is at least 128, or exactly 1 in a 0/1 mask) or label maps (the
 * grey or palette value is the class id, {@value #IGNORE} = ignore).
 *
 * <p>An image without an annotation is a problem naming both the image and the annotation file that was looked for;
 * an annotation whose size differs from its image is refused by {@link #readLabels}, naming both files.
 *
 * <p>Thread safety: immutable; {@link #readLabels} may run concurrently.
 */
public final class AnnotatedFolder {
    /** The label-map value of pixels to ignore. */
    public static final int IGNORE = 255;
    private static final String IMAGE_FILES = ".*\\.(jpe?g|png|bmp|gif|tiff?)";

    /** What the annotation files hold. */
    public enum Kind {
        /** Binary masks: label 1 = foreground, 0 = background. */
        MASKS,
        /** Class-id maps with 255 = ignore. */
        LABELS
    }

    /**
     * One image and its annotation file.
     *
     * <p>Thread safety: immutable.
     */
    public record Item(String id, Path image, Path annotation) {
    }

    private final Kind kind;
    private final List<Item> items;
    private final List<String> problems;

    private AnnotatedFolder(Kind kind, List<Item> items, List<String> problems) {
        this.kind = kind;
        this.items = List.copyOf(items);
        this.problems = List.copyOf(problems);
    }

    /**
     * Lists {@code images} (sorted by name) and pairs each image with {@code annotations/STEM.png} (or another image
     * extension with the same stem).
     *
     * @throws IllegalArgumentException when a folder does not exist or {@code images} holds no image
     */
    public static AnnotatedFolder open(Path images, Path annotations, Kind kind) {
        Objects.requireNonNull(kind, "kind");
        List<Path> files = imageFiles(images, "images");
        imageFiles(annotations, "annotations");
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path image : files) {
            String stem = stem(image);
            Path annotation = find(annotations, stem);
            if (annotation == null) {
                problems.add(image + ": no " + (kind == Kind.MASKS ? "mask" : "label map") + " " + annotations.resolve(stem + ".png")
                        + " for it");
            } else {
                items.add(new Item(stem, image, annotation));
            }
        }
        return new AnnotatedFolder(kind, items, problems);
    }

    /** The image files of a folder, sorted by name. */
    public static List<Path> imageFiles(Path dir, String what) {
        Objects.requireNonNull(dir, what);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(what + " folder " + dir + " does not exist or is not a folder");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(IMAGE_FILES)).sorted().toList();
            if (out.isEmpty()) {
                throw new IllegalArgumentException(what + " folder " + dir + " holds no .jpg/.png/.bmp/.gif/.tif file");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path find(Path dir, String stem) {
        for (String ext : new String[] {".png", ".PNG", ".bmp", ".gif", ".tif", ".tiff", ".jpg", ".jpeg"}) {
            Path p = dir.resolve(stem + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** What the annotation files hold. */
    public Kind kind() {
        return kind;
    }

    /** The paired images, sorted by image file name. */
    public List<Item> items() {
        return items;
    }

    /** Images without annotation, one line each naming the image and the missing file. */
    public List<String> problems() {
        return problems;
    }

    /**
     * The per-pixel labels of {@code item}'s annotation: 0/1 for masks, class ids (255 = ignore) for label maps.
     *
     * @throws IllegalArgumentException when the annotation cannot be decoded or its size differs from
     *                                  {@code width x height} (the image's size), naming both files
     */
    public int[] readLabels(Item item, int width, int height) {
        BufferedImage img;
        try {
            img = ImageIO.read(item.annotation().toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("annotation " + item.annotation() + " of image " + item.image() + " cannot be read: "
                    + e.getMessage());
        }
        if (img == null) {
            throw new IllegalArgumentException("annotation " + item.annotation() + " of image " + item.image()
                    + " is not in a format ImageIO decodes");
        }
        if (img.getWidth() != width || img.getHeight() != height) {
            throw new IllegalArgumentException((kind == Kind.MASKS ? "mask " : "label map ") + item.annotation() + " is "
                    + img.getWidth() + "x" + img.getHeight() + " but image " + item.image() + " is " + width + "x" + height
                    + "; they must have the same size");
        }
        Raster r = img.getRaster();
        int[] v = r.getSamples(0, 0, width, height, 0, (int[]) null);
        if (kind == Kind.LABELS) {
            return v;
        }
        int max = 0;
        for (int x : v) {
            max = Math.max(max, x);
        }
        boolean zeroOne = max == 1;
        for (int i = 0; i < v.length; i++) {
            v[i] = zeroOne ? v[i] : v[i] >= 128 ? 1 : 0;
        }
        return v;
    }
}
