package org.supercuts.examples.study;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.supercuts.Pipeline;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.image.ImageFiles;
import org.supercuts.image.Masks;
import org.supercuts.image.PlanarImage;
import org.supercuts.render.Pictures;

/**
 * What the pictures of {@code segment} cost next to the segmentation itself, in thread CPU time (which another job's load
 * on the machine hardly changes): per image, the default pipeline, the mask and soft-map PNGs, and the overlay and levels
 * pictures rendered and encoded. Those costs are what the writer queue takes off the compute thread and what
 * {@code --pictures masks|none} saves. Every 25th ECSSD image, a warm-up pass, then a measured pass.
 *
 * <p>Usage: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.study.PictureCost ECSSD_ROOT}
 *
 * <p>Thread safety: a program entry point.
 */
public final class PictureCost {
    private PictureCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: PictureCost ECSSD_ROOT");
            System.exit(2);
        }
        List<Path> all;
        try (Stream<Path> s = Files.list(Path.of(args[0]).resolve("images"))) {
            all = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        List<Path> files = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 25 == 0).mapToObj(all::get).toList();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Pipeline pipeline = SuperCuts.pipeline().build();
        OutputStream sink = OutputStream.nullOutputStream();
        long segment = 0;
        long masks = 0;
        long pictures = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (Path f : files) {
                PlanarImage img = PlanarImage.read(f);
                long t0 = cpu.getCurrentThreadCpuTime();
                Segmentation s = pipeline.segment(img);
                long t1 = cpu.getCurrentThreadCpuTime();
                ImageFiles.writePng(Masks.toBufferedImage(s.mask(), img.width(), img.height()), sink);
                ImageFiles.writePng(Masks.softToBufferedImage(s.softMask(), img.width(), img.height()), sink);
                long t2 = cpu.getCurrentThreadCpuTime();
                ImageFiles.writePng(Pictures.overlay(img, s), sink);
                ImageFiles.writePng(Pictures.levels(img, s.levels()), sink);
                long t3 = cpu.getCurrentThreadCpuTime();
                if (pass == 1) {
                    segment += t1 - t0;
                    masks += t2 - t1;
                    pictures += t3 - t2;
                }
            }
        }
        int n = files.size();
        System.out.printf(Locale.ROOT, "%d images, thread CPU per image: segment %.1f ms, mask+soft PNG %.1f ms, overlay+levels"
                + " rendered and encoded %.1f ms%n", n, segment / 1e6 / n, masks / 1e6 / n, pictures / 1e6 / n);
    }
}
