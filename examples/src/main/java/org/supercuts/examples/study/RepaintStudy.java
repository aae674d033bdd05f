package org.supercuts.examples.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.supercuts.Pipeline;
import org.supercuts.Presets;
import org.supercuts.Segmentation;
import org.supercuts.SuperCuts;
import org.supercuts.eval.dataset.BinaryMask;
import org.supercuts.eval.dataset.Sample;
import org.supercuts.eval.metrics.ObjectMatching;
import org.supercuts.eval.metrics.ObjectScores;
import org.supercuts.image.PlanarImage;
import org.supercuts.objects.ObjectCandidate;
import org.supercuts.objects.ObjectDiscovery;
import org.supercuts.objects.ObjectSet;

/**
 * MaskCut's removal of found nodes, done on the saliency instead of the cut (docs/objects.md, "third round"): the
 * objects the default discovery finds are painted over with the mean colour of a 15-pixel band around them, the painted
 * image is segmented again, and the best candidate of that second segmentation lying mostly (&gt; 50 %) outside the
 * first objects is added as a further object when it scores at least a threshold. Prints, per set, how many
 * ground-truth objects of multi-object images the first round misses and how many of those a second-round candidate
 * matches at IoU &gt;= 0.5, then the object scores for each threshold ({@code off} = the default discovery alone).
 *
 * <p>Usage: {@code java -cp examples/target/supercuts.jar org.supercuts.examples.study.RepaintStudy SET HALF [SET HALF]...}
 * with SET as in {@link ObjectStudy} ({@code ecssd=ROOT} or {@code folder=IMAGES,MASKS}) and HALF odd, even or all.
 * Images segmented at a reduced working resolution are left to the first round.
 *
 * <p>Thread safety: a program entry point.
 */
public final class RepaintStudy {
    /** The further-object thresholds tried; above 1 = off. */
    private static final double[] THRESHOLDS = {2, 0.3, 0.5, 0.6, 0.7};
    /** The band around the objects whose mean colour paints them over, in pixels. */
    private static final int BAND = 15;

    private RepaintStudy() {
    }

    public static void main(String[] args) throws Exception {
        Pipeline pipeline = SuperCuts.pipeline().build();
        ObjectDiscovery discovery = Presets.objectDiscovery();
        for (int a = 0; a + 1 < args.length; a += 2) {
            List<Sample> samples = ObjectStudy.samples(args[a], args[a + 1], Integer.MAX_VALUE);
            Map<Double, ObjectScores> scores = new LinkedHashMap<>();
            for (double t : THRESHOLDS) {
                scores.put(t, new ObjectScores());
            }
            long[] missed = {0, 0};
            ObjectStudy.run(samples, sample -> {
                PlanarImage image = sample.loadImage();
                Segmentation seg = pipeline.segment(image);
                BinaryMask gt = sample.loadMask();
                ObjectMatching.ObjectLabels truth = ObjectMatching.groundTruthObjects(gt.pixels(), gt.width(), gt.height());
                ObjectSet first = discovery.discover(ObjectStudy.input(seg));
                List<byte[]> firstMasks = ObjectStudy.masks(first);
                ObjectCandidate best = null;
                byte[] bestMask = null;
                if (!firstMasks.isEmpty() && image.width() == seg.superpixels().width()) {
                    boolean[] taken = new boolean[image.pixelCount()];
                    for (byte[] m : firstMasks) {
                        for (int i = 0; i < taken.length; i++) {
                            taken[i] |= m[i] != 0;
                        }
                    }
                    Segmentation again = pipeline.segment(paintOver(image, taken));
                    for (ObjectCandidate c : discovery.candidates(ObjectStudy.input(again))) {
                        byte[] m = ObjectStudy.mask(again, c.regions());
                        long area = 0;
                        long inside = 0;
                        for (int i = 0; i < m.length; i++) {
                            if (m[i] != 0) {
                                area++;
                                inside += taken[i] ? 1 : 0;
                                m[i] = taken[i] ? 0 : m[i];
                            }
                        }
                        if (area - inside >= ObjectMatching.MIN_AREA_SHARE * m.length && inside <= 0.5 * area
                                && (best == null || c.score() > best.score())) {
                            best = c;
                            bestMask = m;
                        }
                    }
                }
                synchronized (scores) {
                    if (truth.count() >= 2) {
                        for (int g = 1; g <= truth.count(); g++) {
                            if (!matches(firstMasks, truth, g)) {
                                missed[0]++;
                                missed[1] += bestMask != null && matches(List.of(bestMask), truth, g) ? 1 : 0;
                            }
                        }
                    }
                    for (double t : THRESHOLDS) {
                        List<byte[]> objects = new ArrayList<>(firstMasks);
                        if (best != null && best.score() >= t) {
                            objects.add(bestMask);
                        }
                        scores.get(t).add(ObjectMatching.match(objects, truth));
                    }
                }
            });
            System.out.printf(Locale.ROOT, "%s %s: %d images; of the multi-object images' objects the first round misses %d,"
                    + " the best second-round candidate matches %d%n", args[a], args[a + 1], samples.size(), missed[0], missed[1]);
            System.out.println("| further object from the painted-over image | multi recall | single P / R | answered | empty -> 0 |");
            System.out.println("|---|---|---|---|---|");
            for (Map.Entry<Double, ObjectScores> e : scores.entrySet()) {
                ObjectScores s = e.getValue();
                System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f / %.3f | %.3f | %d of %d |%n",
                        e.getKey() > 1 ? "off" : String.format(Locale.ROOT, "score >= %.1f", e.getKey()), s.multiObjectRecall(),
                        s.singleObjectPrecision(), s.singleObjectRecall(), s.singleObjectAnswered(), s.emptyAnsweredZeroCount(),
                        s.emptyImages());
            }
        }
    }

    /** Whether a mask matches ground-truth object {@code g} at IoU &gt;= 0.5. */
    private static boolean matches(List<byte[]> masks, ObjectMatching.ObjectLabels truth, int g) {
        int[] labels = truth.labels();
        for (byte[] m : masks) {
            long inter = 0;
            long union = 0;
            for (int i = 0; i < m.length; i++) {
                boolean p = m[i] != 0;
                boolean q = labels[i] == g;
                inter += p && q ? 1 : 0;
                union += p || q ? 1 : 0;
            }
            if (union > 0 && inter >= ObjectMatching.IOU_THRESHOLD * union) {
                return true;
            }
        }
        return false;
    }

    /** The image with the {@code taken} pixels set to the mean colour of the pixels within {@link #BAND} of them. */
    private static PlanarImage paintOver(PlanarImage image, boolean[] taken) {
        int w = image.width();
        int h = image.height();
        boolean[] near = taken.clone();
        for (int step = 0; step < BAND; step++) {
            boolean[] grown = near.clone();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    grown[i] |= (x > 0 && near[i - 1]) || (x < w - 1 && near[i + 1]) || (y > 0 && near[i - w])
                            || (y < h - 1 && near[i + w]);
                }
            }
            near = grown;
        }
        float[][] planes = new float[image.channels()][];
        for (int c = 0; c < planes.length; c++) {
            float[] src = image.plane(c);
            double sum = 0;
            long count = 0;
            for (int i = 0; i < src.length; i++) {
                if (near[i] && !taken[i]) {
                    sum += src[i];
                    count++;
                }
            }
            float fill = (float) (sum / Math.max(1, count));
            planes[c] = src.clone();
            for (int i = 0; i < src.length; i++) {
                planes[c][i] = taken[i] ? fill : src[i];
            }
        }
        return PlanarImage.wrap(w, h, planes);
    }
}
