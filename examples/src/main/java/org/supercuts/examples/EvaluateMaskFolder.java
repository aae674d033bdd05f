package org.supercuts.examples;

import java.nio.file.Files;
import java.nio.file.Path;

import org.supercuts.SuperCuts;
import org.supercuts.eval.dataset.Dataset;
import org.supercuts.eval.dataset.Datasets;
import org.supercuts.eval.run.EvaluationResult;
import org.supercuts.eval.run.EvaluationRunner;
import org.supercuts.eval.run.Segmenter;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.PlanarImage;

/**
 * Scores the default pipeline on a folder of images and a folder of ground-truth masks paired by file stem
 * ({@code images/cat.jpg} with {@code masks/cat.png}, non-zero = object): mask IoU, max-F-beta, MAE and the rest, as
 * {@code ./supercuts evaluate --dataset folder} does. The runner writes {@code report.json}, {@code report.md},
 * {@code per_image.csv}, the predicted masks and the precision-recall curve {@code pr_curve.png} into the output folder;
 * it resumes when run again on the same folder, and an unreadable image is reported, not fatal.
 *
 * <p>Usage: {@code EvaluateMaskFolder [images masks]} (default: six generated pictures and their masks, written under
 * {@code target/examples/folder-data}). Writes {@code target/examples/evaluate/pr_curve.png}.
 *
 * <p>Thread safety: stateless.
 */
public final class EvaluateMaskFolder {
    private EvaluateMaskFolder() {
    }

    /** Evaluates the default pipeline on {@code images} against {@code masks}; the reports go into {@code outDir}. */
    public static EvaluationResult run(Path images, Path masks, Path outDir) {
        Dataset data = Datasets.folder("folder", images, masks);
        return EvaluationRunner.builder().dataset(data).segmenter(Segmenter.of(SuperCuts.pipeline().keepIntermediates(false).build()))
                .outputDirectory(outDir).threads(2).build().run();
    }

    /**
     * Writes {@code count} generated pictures (an orange ellipse on a blue-grey gradient, at a different place in each)
     * as {@code images/NAME.png} and their masks as {@code masks/NAME.png} under {@code dir}.
     */
    public static void writeGeneratedFolder(Path dir, int count) {
        int w = 120;
        int h = 90;
        for (int k = 0; k < count; k++) {
            float[][] rgb = new float[3][w * h];
            byte[] mask = new byte[w * h];
            double cx = 35 + 10 * k;
            double cy = 30 + 5 * k;
            for (int i = 0; i < w * h; i++) {
                double dx = (i % w - cx) / 22;
                double dy = (i / w - cy) / 16;
                boolean in = dx * dx + dy * dy <= 1;
                mask[i] = (byte) (in ? 1 : 0);
                rgb[0][i] = in ? 0.9f : 0.35f + 0.2f * (i % w) / w;
                rgb[1][i] = in ? 0.5f : 0.45f;
                rgb[2][i] = in ? 0.1f : 0.6f - 0.2f * (i / w) / h;
            }
            String name = "gen" + k + ".png";
            ImageFiles.writePng(PlanarImage.wrap(w, h, rgb).toBufferedImage(), dir.resolve("images").resolve(name));
            ImageFiles.writeMask(mask, w, h, dir.resolve("masks").resolve(name));
        }
    }

    /** Runs the example on the folders {@code args[0]} and {@code args[1]}, or on a generated folder. */
    public static void main(String[] args) {
        Path images;
        Path masks;
        if (args.length >= 2) {
            images = Path.of(args[0]);
            masks = Path.of(args[1]);
        } else {
            Path data = Path.of("target", "examples", "folder-data");
            writeGeneratedFolder(data, 6);
            images = data.resolve("images");
            masks = data.resolve("masks");
        }
        EvaluationResult r = run(images, masks, Path.of("target", "examples", "evaluate"));
        System.out.printf("%d images: IoU %.3f, max-F-beta %.3f, MAE %.3f; report in %s%n", (int) r.metric("images"),
                r.metric("iou"), r.metric("max_fbeta"), r.metric("mae"), r.outputDirectory());
        if (r.hasErrors() || !Files.exists(r.outputDirectory().resolve("report.json"))) {
            System.exit(1);
        }
    }
}
