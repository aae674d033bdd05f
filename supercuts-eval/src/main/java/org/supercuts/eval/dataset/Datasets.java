package org.supercuts.eval.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.supercuts.image.BoundingBox;

/**
 * Opens the benchmark datasets from their published directory layouts. Opening lists and pairs the files (no image is
 * decoded); files that cannot be paired are listed in {@link Dataset#problems()} by name.
 *
 * <ul>
 *   <li>ECSSD: {@code ROOT/images/*.jpg}, {@code ROOT/ground_truth_mask/*.png};</li>
 *   <li>DUTS-TE: {@code ROOT/DUTS-TE-Image/}, {@code ROOT/DUTS-TE-Mask/};</li>
 *   <li>DUT-OMRON: {@code ROOT/DUT-OMRON-image/}, {@code ROOT/pixelwiseGT-new-PNG/};</li>
 *   <li>a generic folder pair: images and masks matched by file stem;</li>
 *   <li>CUB-200-2011: {@code ROOT/images.txt} (id, relative path), {@code ROOT/images/REL}, {@code ROOT/segmentations/REL}
 *       with the extension {@code .png}, {@code ROOT/bounding_boxes.txt} (id, x, y, width, height), optional
 *       {@code ROOT/train_test_split.txt} (id, 1 = train, 0 = test) for {@code split} train or test;</li>
 *   <li>PASCAL VOC 2007 / 2012: {@code ROOT/ImageSets/Main/SPLIT.txt} (default trainval), {@code ROOT/JPEGImages/ID.jpg},
 *       {@code ROOT/Annotations/ID.xml} ({@link VocAnnotations});</li>
 *   <li>BSDS500: {@code ROOT/data/images/SPLIT/*.jpg}, {@code ROOT/data/groundTruth/SPLIT/*.mat}
 *       ({@link BsdsGroundTruth}), split train, val or test (default test).</li>
 * </ul>
 * Image files are those ending in .jpg, .jpeg, .png, .bmp, .gif, .tif, .tiff, .webp (any case); other files in the folders are ignored. Samples are
 * ordered by id.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Datasets {
    /** Dataset names accepted by {@link #open}. */
    public static final List<String> NAMES = List.of("ecssd", "duts", "dut-omron", "cub", "voc07", "voc12", "bsds500", "folder");

    private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff",
            ".webp");

    private Datasets() {
    }

    /**
     * Opens a dataset by name (one of {@link #NAMES}).
     *
     * @param root   the dataset root (for "folder": unused when images and masks are given, else the parent of
     *               {@code images/} and {@code masks/})
     * @param split  split for cub (train/test, null = all), voc (default trainval), bsds500 (default test); ignored otherwise
     * @param images for "folder": the image directory (null = ROOT/images)
     * @param masks  for "folder": the mask directory (null = ROOT/masks)
     */
    public static Dataset open(String name, Path root, String split, Path images, Path masks) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "ecssd":
                return ecssd(root);
            case "duts":
            case "duts-te":
                return dutsTe(root);
            case "dut-omron":
                return dutOmron(root);
            case "cub":
                return cub(root, split);
            case "voc07":
            case "voc12":
                return voc(n, root, split == null ? "trainval" : split);
            case "bsds500":
                return bsds500(root, split == null ? "test" : split);
            case "folder":
                Path img = images != null ? images : requireRoot(root, "folder").resolve("images");
                Path msk = masks != null ? masks : requireRoot(root, "folder").resolve("masks");
                return folder("folder", img, msk);
            default:
                throw new IllegalArgumentException("dataset must be one of " + NAMES + ", got '" + name + "'");
        }
    }

    /** ECSSD: {@code ROOT/images/*.jpg} with {@code ROOT/ground_truth_mask/*.png}. */
    public static Dataset ecssd(Path root) {
        Path r = requireDirectory(root, "root");
        return folder("ecssd", r.resolve("images"), r.resolve("ground_truth_mask"));
    }

    /** DUTS-TE: {@code ROOT/DUTS-TE-Image} with {@code ROOT/DUTS-TE-Mask}. */
    public static Dataset dutsTe(Path root) {
        Path r = requireDirectory(root, "root");
        return folder("duts-te", r.resolve("DUTS-TE-Image"), r.resolve("DUTS-TE-Mask"));
    }

    /** DUT-OMRON: {@code ROOT/DUT-OMRON-image} with {@code ROOT/pixelwiseGT-new-PNG}. */
    public static Dataset dutOmron(Path root) {
        Path r = requireDirectory(root, "root");
        return folder("dut-omron", r.resolve("DUT-OMRON-image"), r.resolve("pixelwiseGT-new-PNG"));
    }

    /**
     * Images and masks paired by file stem. An image without a mask, a mask without an image and two files with the same
     * stem in one folder are problems.
     */
    public static Dataset folder(String name, Path imagesDir, Path masksDir) {
        List<DatasetProblem> problems = new ArrayList<>();
        Map<String, Path> images = imagesByStem(requireDirectory(imagesDir, "images directory"), problems);
        Map<String, Path> masks = imagesByStem(requireDirectory(masksDir, "masks directory"), problems);
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, Path> e : images.entrySet()) {
            Path mask = masks.get(e.getKey());
            if (mask == null) {
                problems.add(new DatasetProblem(e.getValue().toString(), "no mask with stem '" + e.getKey() + "' in " + masksDir));
            } else {
                samples.add(Sample.withMask(e.getKey(), e.getValue(), mask));
            }
        }
        for (Map.Entry<String, Path> e : masks.entrySet()) {
            if (!images.containsKey(e.getKey())) {
                problems.add(new DatasetProblem(e.getValue().toString(), "no image with stem '" + e.getKey() + "' in " + imagesDir));
            }
        }
        return new SampleListDataset(name, samples, EnumSet.of(GroundTruthKind.MASK), problems);
    }

    /**
     * The image files of a directory by stem, with no ground truth (for tools that only read images, such as refining
     * another tool's predictions); two files with the same stem are a problem.
     */
    public static Dataset images(String name, Path imagesDir) {
        List<DatasetProblem> problems = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        imagesByStem(requireDirectory(imagesDir, "images directory"), problems)
                .forEach((stem, path) -> samples.add(Sample.withMask(stem, path, null)));
        return new SampleListDataset(name, samples, EnumSet.noneOf(GroundTruthKind.class), problems);
    }

    /** CUB-200-2011 with masks and boxes; {@code split} "train", "test" or null for all images. */
    public static Dataset cub(Path root, String split) {
        Path r = requireDirectory(root, "root");
        List<DatasetProblem> problems = new ArrayList<>();
        Map<String, String> relPaths = readIndex(r.resolve("images.txt"), 2, problems);
        Map<String, String> boxLines = readIndex(r.resolve("bounding_boxes.txt"), 5, problems);
        Map<String, String> splitOf = null;
        if (split != null) {
            String s = split.toLowerCase(Locale.ROOT);
            if (!s.equals("train") && !s.equals("test")) {
                throw new IllegalArgumentException("split for cub must be train or test (or none for all), got '" + split + "'");
            }
            splitOf = readIndex(r.resolve("train_test_split.txt"), 2, problems);
        }
        String wanted = split == null ? null : (split.equalsIgnoreCase("train") ? "1" : "0");
        List<Sample> samples = new ArrayList<>();
        Map<String, String> idOfStem = new HashMap<>();
        for (Map.Entry<String, String> e : relPaths.entrySet()) {
            String id = e.getKey();
            if (splitOf != null) {
                String flag = splitOf.get(id);
                if (flag == null) {
                    problems.add(new DatasetProblem("train_test_split.txt", "no line for image id " + id));
                    continue;
                }
                if (!flag.trim().equals(wanted)) {
                    continue;
                }
            }
            String rel = e.getValue().trim();
            Path image = r.resolve("images").resolve(rel);
            Path mask = r.resolve("segmentations").resolve(replaceExtension(rel, ".png"));
            String stem = stem(image.getFileName().toString());
            String boxLine = boxLines.get(id);
            if (!Files.isRegularFile(image)) {
                problems.add(new DatasetProblem(image.toString(), "listed in images.txt (id " + id + ") but missing"));
                continue;
            }
            if (!Files.isRegularFile(mask)) {
                problems.add(new DatasetProblem(mask.toString(), "segmentation of image id " + id + " is missing"));
                continue;
            }
            if (boxLine == null) {
                problems.add(new DatasetProblem("bounding_boxes.txt", "no box for image id " + id));
                continue;
            }
            BoundingBox box;
            try {
                box = cubBox(boxLine);
            } catch (IllegalArgumentException ex) {
                problems.add(new DatasetProblem("bounding_boxes.txt", "image id " + id + ": " + ex.getMessage()));
                continue;
            }
            String previous = idOfStem.putIfAbsent(stem, id);
            if (previous != null) {
                problems.add(new DatasetProblem(image.toString(), "file stem '" + stem + "' also used by image id " + previous));
                continue;
            }
            List<BoundingBox> boxes = List.of(box);
            samples.add(Sample.withBoxes(stem, image, mask, r.resolve("bounding_boxes.txt"), () -> boxes));
        }
        samples.sort((a, b) -> a.id().compareTo(b.id()));
        return new SampleListDataset("cub", samples, EnumSet.of(GroundTruthKind.MASK, GroundTruthKind.BOXES), problems);
    }

    /** CUB box "x y width height" (pixels, floats) as [round(x), round(y), round(x + width), round(y + height)). */
    static BoundingBox cubBox(String values) {
        String[] f = values.trim().split("\\s+");
        if (f.length != 4) {
            throw new IllegalArgumentException("expected 4 numbers (x y width height), got '" + values.trim() + "'");
        }
        double x = Double.parseDouble(f[0]);
        double y = Double.parseDouble(f[1]);
        double w = Double.parseDouble(f[2]);
        double h = Double.parseDouble(f[3]);
        return new BoundingBox((int) Math.round(x), (int) Math.round(y), (int) Math.round(x + w), (int) Math.round(y + h));
    }

    /** PASCAL VOC (name "voc07" or "voc12"): the images of {@code ImageSets/Main/SPLIT.txt} with their XML boxes. */
    public static Dataset voc(String name, Path root, String split) {
        Path r = requireDirectory(root, "root");
        Path list = r.resolve("ImageSets").resolve("Main").resolve(split + ".txt");
        if (!Files.isRegularFile(list)) {
            throw new DatasetException("split file " + list + " does not exist (split '" + split + "')");
        }
        List<DatasetProblem> problems = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : readLines(list)) {
            String id = line.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!seen.add(id)) {
                problems.add(new DatasetProblem(list.toString(), "image id " + id + " listed twice"));
                continue;
            }
            Path image = r.resolve("JPEGImages").resolve(id + ".jpg");
            Path xml = r.resolve("Annotations").resolve(id + ".xml");
            if (!Files.isRegularFile(image)) {
                problems.add(new DatasetProblem(image.toString(), "listed in " + list.getFileName() + " but missing"));
            } else if (!Files.isRegularFile(xml)) {
                problems.add(new DatasetProblem(xml.toString(), "annotation of " + id + " is missing"));
            } else {
                samples.add(Sample.withBoxes(id, image, null, xml, () -> VocAnnotations.readBoxes(xml)));
            }
        }
        samples.sort((a, b) -> a.id().compareTo(b.id()));
        return new SampleListDataset(name, samples, EnumSet.of(GroundTruthKind.BOXES), problems);
    }

    /** BSDS500: images and their .mat human segmentations of one split (train, val or test). */
    public static Dataset bsds500(Path root, String split) {
        Path r = requireDirectory(root, "root");
        if (!List.of("train", "val", "test").contains(split)) {
            throw new IllegalArgumentException("split for bsds500 must be train, val or test, got '" + split + "'");
        }
        Path imagesDir = requireDirectory(r.resolve("data").resolve("images").resolve(split), "images directory");
        Path gtDir = requireDirectory(r.resolve("data").resolve("groundTruth").resolve(split), "groundTruth directory");
        List<DatasetProblem> problems = new ArrayList<>();
        Map<String, Path> images = imagesByStem(imagesDir, problems);
        Map<String, Path> mats = new TreeMap<>();
        try (Stream<Path> files = Files.list(gtDir)) {
            files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mat"))
                    .forEach(p -> mats.put(stem(p.getFileName().toString()), p));
        } catch (IOException e) {
            throw new DatasetException("cannot list " + gtDir + ": " + e.getMessage(), e);
        }
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, Path> e : images.entrySet()) {
            Path mat = mats.get(e.getKey());
            if (mat == null) {
                problems.add(new DatasetProblem(e.getValue().toString(), "no ground truth " + e.getKey() + ".mat in " + gtDir));
            } else {
                samples.add(Sample.withSegmentations(e.getKey(), e.getValue(), mat, () -> BsdsGroundTruth.read(mat)));
            }
        }
        for (Map.Entry<String, Path> e : mats.entrySet()) {
            if (!images.containsKey(e.getKey())) {
                problems.add(new DatasetProblem(e.getValue().toString(), "no image with stem '" + e.getKey() + "' in " + imagesDir));
            }
        }
        return new SampleListDataset("bsds500", samples, EnumSet.of(GroundTruthKind.SEGMENTATIONS), problems);
    }

    /** Image files of a directory by stem (sorted); duplicate stems are problems (the first file is kept). */
    static Map<String, Path> imagesByStem(Path dir, List<DatasetProblem> problems) {
        Map<String, Path> byStem = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(Datasets::isImageFile).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path p : files) {
            String stem = stem(p.getFileName().toString());
            Path previous = byStem.putIfAbsent(stem, p);
            if (previous != null) {
                problems.add(new DatasetProblem(p.toString(), "same stem '" + stem + "' as " + previous.getFileName()
                        + "; the stem must identify one file"));
            }
        }
        return byStem;
    }

    static boolean isImageFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : IMAGE_EXTENSIONS) {
            if (n.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    /** The file name without its last extension. */
    public static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String replaceExtension(String rel, String ext) {
        int dot = rel.lastIndexOf('.');
        int slash = rel.lastIndexOf('/');
        return (dot > slash ? rel.substring(0, dot) : rel) + ext;
    }

    /** "KEY rest..." lines, keyed by the first field; malformed and duplicate lines are problems. */
    private static Map<String, String> readIndex(Path file, int fields, List<DatasetProblem> problems) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("index file " + file + " does not exist");
        }
        Map<String, String> out = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : readLines(file)) {
            lineNo++;
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] f = t.split("\\s+", 2);
            if (f.length < 2 || t.split("\\s+").length != fields) {
                problems.add(new DatasetProblem(file.getFileName() + ":" + lineNo, "expected " + fields + " fields, got '" + t + "'"));
                continue;
            }
            if (out.putIfAbsent(f[0], f[1]) != null) {
                problems.add(new DatasetProblem(file.getFileName() + ":" + lineNo, "id " + f[0] + " appears twice"));
            }
        }
        return out;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path requireRoot(Path root, String name) {
        if (root == null) {
            throw new IllegalArgumentException("root is required for dataset " + name + " when the directories are not given");
        }
        return root;
    }

    private static Path requireDirectory(Path dir, String what) {
        if (dir == null) {
            throw new IllegalArgumentException(what + " must be given");
        }
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(what + " " + dir + " is not a directory");
        }
        return dir;
    }
}
