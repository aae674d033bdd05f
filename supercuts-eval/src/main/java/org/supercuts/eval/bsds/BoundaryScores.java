package org.supercuts.eval.bsds;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The boundary benchmark of one image at every scale (Martin et al., TPAMI 2004; the BSDS500 code's
 * {@code evaluation_bdry_image}): per scale, the human boundary pixels matched (summed over annotators) and their total,
 * and the machine boundary pixels matched to at least one annotator and their total. Recall is the first ratio, precision
 * the second.
 *
 * <p>Thread safety: immutable value; {@link #of} is a pure function.
 *
 * @param matchedHuman   per scale, human boundary pixels matched, summed over annotators
 * @param humanTotal     per scale, human boundary pixels, summed over annotators
 * @param matchedMachine per scale, machine boundary pixels matched to some annotator
 * @param machineTotal   per scale, machine boundary pixels
 */
public record BoundaryScores(double[] matchedHuman, double[] humanTotal, double[] matchedMachine, double[] machineTotal) {
    /** The official tolerance: 0.75% of the image diagonal (4.3 pixels on a 481 x 321 BSDS image). */
    public static final double TOLERANCE_OF_DIAGONAL = 0.0075;

    /** The tolerance in pixels for an image of this size. */
    public static double tolerance(int width, int height) {
        return TOLERANCE_OF_DIAGONAL * Math.sqrt((double) width * width + (double) height * height);
    }

    /**
     * Scores every scale.
     *
     * @param machine       the machine boundary map of scale s (1 = boundary), produced on demand
     * @param machineUnion  every pixel that is a machine boundary at some scale
     * @param humans        the annotators' boundary maps
     * @param maxDistance   the matching tolerance in pixels
     */
    public static BoundaryScores of(int width, int height, int scales, IntFunction<byte[]> machine, byte[] machineUnion,
            List<byte[]> humans, double maxDistance) {
        BoundaryMatcher matcher = new BoundaryMatcher(width, height, maxDistance);
        int a = humans.size();
        BoundaryMatcher.Candidates[] candidates = new BoundaryMatcher.Candidates[a];
        int[][] mates = new int[a][];
        double humanPixels = 0;
        for (int i = 0; i < a; i++) {
            candidates[i] = matcher.candidates(humans.get(i), machineUnion);
            mates[i] = new int[candidates[i].human.length];
            Arrays.fill(mates[i], -1);
            humanPixels += candidates[i].human.length;
        }
        double[] mh = new double[scales];
        double[] ht = new double[scales];
        double[] mm = new double[scales];
        double[] mt = new double[scales];
        byte[] previous = null;
        byte[] matched = new byte[width * height];
        for (int s = 0; s < scales; s++) {
            byte[] map = machine.apply(s);
            ht[s] = humanPixels;
            if (previous != null && Arrays.equals(previous, map)) {
                mh[s] = mh[s - 1];
                mm[s] = mm[s - 1];
                mt[s] = mt[s - 1];
                continue;
            }
            Arrays.fill(matched, (byte) 0);
            double count = 0;
            for (int i = 0; i < a; i++) {
                count += matcher.match(candidates[i], map, mates[i], matched);
            }
            int machinePixels = 0;
            int machineMatched = 0;
            for (int p = 0; p < map.length; p++) {
                if (map[p] != 0) {
                    machinePixels++;
                    machineMatched += matched[p];
                }
            }
            mh[s] = count;
            mm[s] = machineMatched;
            mt[s] = machinePixels;
            previous = map;
        }
        return new BoundaryScores(mh, ht, mm, mt);
    }

    /** The one-sided boundary of a labelling: pixels whose right or lower neighbour has another label. */
    public static byte[] labelBoundaries(int[] labels, int width, int height) {
        byte[] out = new byte[labels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if ((x + 1 < width && labels[i + 1] != labels[i]) || (y + 1 < height && labels[i + width] != labels[i])) {
                    out[i] = 1;
                }
            }
        }
        return out;
    }
}
