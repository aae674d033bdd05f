package org.supercuts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;
import org.supercuts.image.PlanarImage;
import org.supercuts.selection.ObjectSelectors;
import org.supercuts.superpixel.Slic;
import org.supercuts.testing.SharedData;

class PipelineEndToEndTest {
    /** A 160x120 noisy brownish background with a noisy blue ellipse off-centre: the known object. */
    static PlanarImage syntheticObject(byte[] truth) {
        int w = 160;
        int h = 120;
        float[] r = new float[w * h];
        float[] g = new float[w * h];
        float[] b = new float[w * h];
        Random rnd = new Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double dx = (x - 95) / 35.0;
                double dy = (y - 55) / 28.0;
                boolean inside = dx * dx + dy * dy <= 1;
                truth[i] = (byte) (inside ? 1 : 0);
                float noise = (float) (rnd.nextGaussian() * 0.04);
                // Background: a smooth gradient so it is not one flat colour.
                r[i] = clamp(inside ? 0.15f + noise : 0.55f + 0.15f * x / w + noise);
                g[i] = clamp(inside ? 0.25f + noise : 0.45f + 0.10f * y / h + noise);
                b[i] = clamp(inside ? 0.80f + noise : 0.30f + noise);
            }
        }
        return PlanarImage.wrap(w, h, r, g, b);
    }

    private static float clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }

    static double iou(byte[] a, byte[] b) {
        long inter = 0;
        long union = 0;
        for (int i = 0; i < a.length; i++) {
            boolean x = a[i] != 0;
            boolean y = b[i] != 0;
            inter += x && y ? 1 : 0;
            union += x || y ? 1 : 0;
        }
        return union == 0 ? 1 : inter / (double) union;
    }

    @Test
    void findsTheKnownObject() {
        byte[] truth = new byte[160 * 120];
        PlanarImage img = syntheticObject(truth);
        Segmentation s = SuperCuts.pipeline().superpixels(Slic.segments(150)).build().segment(img);
        assertThat(iou(s.mask(), truth)).isGreaterThanOrEqualTo(0.9);
        BoundingBox box = s.box().orElseThrow();
        assertThat(box.iou(new BoundingBox(60, 27, 131, 84))).isGreaterThan(0.8);
        // Soft map and mask agree at the threshold.
        float[] soft = s.softMask();
        byte[] mask = s.mask();
        for (int i = 0; i < soft.length; i++) {
            assertThat(mask[i] != 0).isEqualTo(soft[i] >= 0.5f);
        }
    }

    @Test
    void extraScalesRunTheirOwnSelectionWithoutTheSpectralStage() {
        byte[] truth = new byte[160 * 120];
        PlanarImage img = syntheticObject(truth);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean sawPartition = new java.util.concurrent.atomic.AtomicBoolean();
        org.supercuts.selection.ObjectSelector graphOnly = new org.supercuts.selection.ObjectSelector() {
            @Override
            public double[] foreground(Input input) {
                calls.incrementAndGet();
                sawPartition.compareAndSet(false, input.partition() != null);
                return Presets.saliencySelector().foreground(new Input(input.graph(), null, null, null));
            }

            @Override
            public boolean usesPartition() {
                return false;
            }

            @Override
            public String describe() {
                return "graph-only";
            }
        };
        Pipeline p = SuperCuts.pipeline().superpixels(Slic.segments(150))
                .extraScales(List.of(Slic.segments(80), Slic.segments(250))).extraScaleSelection(graphOnly).build();
        Segmentation s = p.segment(img);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(sawPartition.get()).isFalse();
        assertThat(p.provenance().stages()).containsEntry("extra_scale_selection", "graph-only");
        assertThat(iou(s.mask(), truth)).isGreaterThanOrEqualTo(0.8);
        // toBuilder keeps the extra-scale selection.
        assertThat(p.toBuilder().build().provenance().stages()).containsEntry("extra_scale_selection", "graph-only");
    }

    @Test
    void flatImagesHaveNoObject() {
        int w = 64;
        int h = 48;
        Random rnd = new Random(5);
        float[] flat = new float[w * h];
        float[] faint = new float[w * h];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = 0.5f;
            // +-0.002 in sRGB is well under a CIELAB just-noticeable difference.
            faint[i] = 0.5f + (float) (rnd.nextDouble() - 0.5) * 0.004f;
        }
        for (float[] p : List.of(flat, faint)) {
            Segmentation s = SuperCuts.pipeline().build().segment(PlanarImage.wrap(w, h, p, p.clone(), p.clone()));
            for (float v : s.softMask()) {
                assertThat(v).isEqualTo(0f);
            }
            assertThat(s.box()).isEmpty();
        }
        // A visible edge is structure again: the selection answers.
        float[] halves = new float[w * h];
        for (int i = 0; i < halves.length; i++) {
            halves[i] = (i % w) < w / 2 ? 0.2f : 0.8f;
        }
        Segmentation s = SuperCuts.pipeline().build().segment(PlanarImage.wrap(w, h, halves, halves.clone(), halves.clone()));
        float max = 0;
        for (float v : s.softMask()) {
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(1f);
        assertThatThrownBy(() -> org.supercuts.selection.SaliencyFusion.of(List.of(ObjectSelectors.borderPrior()), 1)
                .minContrast(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minContrast");
    }

    @Test
    void hierarchyLevelsRefineFromCoarseToFine() {
        byte[] truth = new byte[160 * 120];
        Segmentation s = SuperCuts.pipeline().levels(4).build().segment(syntheticObject(truth));
        List<LabelMap> levels = s.levels();
        assertThat(levels).isNotEmpty();
        for (int l = 1; l < levels.size(); l++) {
            LabelMap coarse = levels.get(l - 1);
            LabelMap fine = levels.get(l);
            assertThat(fine.count()).isGreaterThan(coarse.count());
            // Nesting: every fine segment lies inside one coarse segment.
            int[] parent = new int[fine.count()];
            java.util.Arrays.fill(parent, -1);
            for (int i = 0; i < fine.backingArray().length; i++) {
                int f = fine.labelAt(i);
                int c = coarse.labelAt(i);
                if (parent[f] < 0) {
                    parent[f] = c;
                }
                assertThat(parent[f]).isEqualTo(c);
            }
        }
        assertThat(s.withSegments(2).count()).isGreaterThanOrEqualTo(2);
        assertThat(s.timingsMillis()).containsKeys("superpixels", "graph", "features", "affinity", "spectral", "total");
        assertThat(s.provenance().stages()).containsKeys("superpixels", "partition", "selection");
        assertThat(s.provenance().libraryVersion()).isNotBlank();
    }

    @Test
    void concurrentCallsGiveIdenticalResults() throws Exception {
        byte[] truth = new byte[160 * 120];
        PlanarImage img = syntheticObject(truth);
        Pipeline p = SuperCuts.pipeline().build();
        byte[] expected = p.segment(img).mask();
        List<Thread> threads = new ArrayList<>();
        List<byte[]> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> results.add(p.segment(img).mask()));
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(results).hasSize(4).allSatisfy(m -> assertThat(m).isEqualTo(expected));
    }

    @Test
    void tinyImagesFailWithAClearMessage() {
        PlanarImage one = PlanarImage.wrap(1, 1, new float[] {0.5f});
        assertThatThrownBy(() -> SuperCuts.pipeline().superpixels(Slic.segments(1)).build().segment(one))
                .hasMessageContaining("1x1").hasMessageContaining("at least 2 regions");
    }

    @Test
    void greyAndSingleRowImagesWork() {
        float[] grey = new float[40 * 30];
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                grey[y * 40 + x] = (x > 10 && x < 30 && y > 8 && y < 22) ? 0.9f : 0.1f;
            }
        }
        Segmentation s = SuperCuts.pipeline().superpixels(Slic.segments(30)).build().segment(PlanarImage.wrap(40, 30, grey));
        assertThat(s.mask()).hasSize(1200);
        float[] row = new float[50];
        for (int x = 0; x < 50; x++) {
            row[x] = x < 25 ? 0.2f : 0.8f;
        }
        Segmentation r = SuperCuts.pipeline().superpixels(Slic.segments(5)).build().segment(PlanarImage.wrap(50, 1, row));
        assertThat(r.superpixels().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void builderValidatesStagesAndSettings() {
        assertThatThrownBy(() -> Pipeline.builder().build()).hasMessageContaining("'superpixels' is not set");
        assertThatThrownBy(() -> SuperCuts.pipeline().threshold(1.5).build()).hasMessageContaining("threshold");
        assertThatThrownBy(() -> SuperCuts.pipeline().levels(0).build()).hasMessageContaining("levels");
        Pipeline p = SuperCuts.pipeline().selection(ObjectSelectors.tokenCut()).build();
        assertThat(p.toBuilder().build().provenance()).isEqualTo(p.provenance());
    }

    /**
     * On real ECSSD images (every 50th of the 1000, skipped without ../shared), the default pipeline's mask beats the
     * centre prior (a centred ellipse covering the middle of the image) on mean IoU against the ground truth.
     */
    @Test
    void beatsTheCentrePriorOnEcssd() throws Exception {
        Path root = SharedData.require("datasets/ECSSD");
        Pipeline p = SuperCuts.pipeline().build();
        double ours = 0;
        double centre = 0;
        int n = 0;
        for (int k = 1; k <= 1000; k += 50) {
            String stem = String.format("%04d", k);
            Path imgPath = root.resolve("images/" + stem + ".jpg");
            Path gtPath = root.resolve("ground_truth_mask/" + stem + ".png");
            if (!Files.exists(imgPath) || !Files.exists(gtPath)) {
                continue;
            }
            PlanarImage img = PlanarImage.read(imgPath);
            PlanarImage gtImg = PlanarImage.read(gtPath);
            byte[] gt = new byte[gtImg.pixelCount()];
            for (int i = 0; i < gt.length; i++) {
                gt[i] = (byte) (gtImg.plane(0)[i] >= 0.5f ? 1 : 0);
            }
            ours += iou(p.segment(img).mask(), gt);
            centre += iou(centreEllipse(img.width(), img.height()), gt);
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(15);
        assertThat(ours / n).as("mean IoU of ours vs centre prior %.3f", centre / n).isGreaterThan(centre / n);
    }

    static byte[] centreEllipse(int w, int h) {
        byte[] m = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - w / 2.0) / (w / 3.0);
                double dy = (y - h / 2.0) / (h / 3.0);
                m[y * w + x] = (byte) (dx * dx + dy * dy <= 1 ? 1 : 0);
            }
        }
        return m;
    }
}
