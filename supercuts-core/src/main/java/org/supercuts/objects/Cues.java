package org.supercuts.objects;

import java.util.LinkedHashMap;
import java.util.Map;

import org.supercuts.image.BoundingBox;

/**
 * The measurements of one candidate object (a connected set of superpixels S) that its objectness score is made of.
 *
 * @param area            the share of the image S covers, in (0, 1]
 * @param saliency        the area-weighted mean saliency of S (the pipeline's per-region foreground score)
 * @param ringSaliency    the area-weighted mean saliency of the regions adjacent to S (0 when S has no neighbour)
 * @param outsideSaliency the area-weighted mean saliency of all regions outside S (0 when S is everything)
 * @param colourContrast  the CIELAB distance between the mean colours of S and of its adjacent regions
 * @param edgeContrast    the mean image-edge contrast (CIELAB) along the boundary of S, weighted by boundary length
 * @param borderShare     the share of the image border that S touches
 * @param fill            the share of S's bounding box that S covers
 * @param ncut            the normalized cut value {@code cut(S, V\S)/vol(S) + cut(S, V\S)/vol(V\S)} under the affinity
 *                        (0 for a disconnected piece, up to 2)
 * @param imageTexture    the image's median CIELAB distance between the mean colours of adjacent regions (the same for
 *                        every candidate of the image: the colour contrast a mere texture has)
 * @param imageEdges      the image's mean edge contrast over all region boundaries (the edge contrast a texture has)
 *
 * <p>Thread safety: immutable value.
 */
public record Cues(double area, double saliency, double ringSaliency, double outsideSaliency, double colourContrast,
        double edgeContrast, double borderShare, double fill, double ncut, double imageTexture, double imageEdges) {

    /** The cues by name, for reports and JSON. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("area", area);
        m.put("saliency", saliency);
        m.put("ring_saliency", ringSaliency);
        m.put("outside_saliency", outsideSaliency);
        m.put("colour_contrast", colourContrast);
        m.put("edge_contrast", edgeContrast);
        m.put("border_share", borderShare);
        m.put("fill", fill);
        m.put("ncut", ncut);
        m.put("image_texture", imageTexture);
        m.put("image_edges", imageEdges);
        return m;
    }

    /** The cues of the region set {@code regions} (sorted, non-empty). */
    static Cues of(Scene scene, int[] regions) {
        var g = scene.graph;
        double[] s = scene.input.saliency();
        boolean[] in = RegionSets.membership(scene.regions(), regions);
        double area = 0;
        double salIn = 0;
        double[] labIn = new double[3];
        long border = 0;
        for (int r : regions) {
            double a = g.size(r);
            area += a;
            salIn += a * s[r];
            for (int c = 0; c < 3; c++) {
                labIn[c] += a * g.meanLab(r, c);
            }
            border += g.borderPixels(r);
        }
        boolean[] ring = new boolean[scene.regions()];
        double edgeSum = 0;
        double edgeLength = 0;
        for (int r : regions) {
            for (int k = g.neighbourStart(r); k < g.neighbourStart(r + 1); k++) {
                int q = g.neighbour(k);
                if (!in[q]) {
                    ring[q] = true;
                    edgeSum += g.boundaryLength(k) * g.boundaryContrast(k);
                    edgeLength += g.boundaryLength(k);
                }
            }
        }
        double ringArea = 0;
        double salRing = 0;
        double[] labRing = new double[3];
        double outArea = 0;
        double salOut = 0;
        for (int r = 0; r < scene.regions(); r++) {
            if (in[r]) {
                continue;
            }
            double a = g.size(r);
            outArea += a;
            salOut += a * s[r];
            if (ring[r]) {
                ringArea += a;
                salRing += a * s[r];
                for (int c = 0; c < 3; c++) {
                    labRing[c] += a * g.meanLab(r, c);
                }
            }
        }
        double colour = 0;
        if (ringArea > 0) {
            double d2 = 0;
            for (int c = 0; c < 3; c++) {
                double d = labIn[c] / area - labRing[c] / ringArea;
                d2 += d * d;
            }
            colour = Math.sqrt(d2);
        }
        BoundingBox box = RegionSets.box(g, regions);
        return new Cues(area / scene.imageArea, salIn / area, ringArea > 0 ? salRing / ringArea : 0,
                outArea > 0 ? salOut / outArea : 0, colour, edgeLength > 0 ? edgeSum / edgeLength : 0,
                border / (double) scene.borderPixels, area / box.area(), ncut(scene, in, regions), scene.neighbourColourDistance,
                scene.meanEdgeContrast);
    }

    private static double ncut(Scene scene, boolean[] in, int[] regions) {
        double[] cut = {0};
        double volIn = 0;
        for (int r : regions) {
            volIn += scene.degrees[r];
            scene.affinity.forEachInRow(r, (j, w) -> {
                if (!in[j]) {
                    cut[0] += w;
                }
            });
        }
        double volOut = scene.volume - volIn;
        if (volIn <= 0 || volOut <= 0) {
            return volIn <= 0 && volOut <= 0 ? 0 : (cut[0] > 0 ? 2 : 0);
        }
        return cut[0] / volIn + cut[0] / volOut;
    }
}
