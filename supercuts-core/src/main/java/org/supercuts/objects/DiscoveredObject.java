package org.supercuts.objects;

import java.util.List;

import org.supercuts.image.BoundingBox;
import org.supercuts.image.CocoRle;
import org.supercuts.image.LabelMap;

/**
 * One object found in an image: a connected set of superpixels with its mask, box, area, objectness score, the cues
 * the score was computed from, and its parts.
 *
 * <p>Thread safety: immutable; {@link #regions()} and {@link #mask()} return fresh arrays.
 */
public final class DiscoveredObject {
    private final int id;
    private final double score;
    private final int[] regions;
    private final long area;
    private final BoundingBox box;
    private final Cues cues;
    private final String source;
    private final List<ObjectPart> parts;
    private final LabelMap superpixels;

    DiscoveredObject(int id, double score, int[] regions, long area, BoundingBox box, Cues cues, String source,
            List<ObjectPart> parts, LabelMap superpixels) {
        this.id = id;
        this.score = score;
        this.regions = regions;
        this.area = area;
        this.box = box;
        this.cues = cues;
        this.source = source;
        this.parts = List.copyOf(parts);
        this.superpixels = superpixels;
    }

    /** 1-based rank by descending score; the object's label in {@link ObjectSet#objectLabels()}. */
    public int id() {
        return id;
    }

    /** Objectness in [0, 1], growing with how likely the object is real ({@link Objectness}). */
    public double score() {
        return score;
    }

    /** Its superpixels, sorted ascending. */
    public int[] regions() {
        return regions.clone();
    }

    /** Pixel count. */
    public long area() {
        return area;
    }

    /** Bounding box, x1/y1 exclusive. */
    public BoundingBox box() {
        return box;
    }

    /** What the score was computed from. */
    public Cues cues() {
        return cues;
    }

    /** Which candidate generator found it (e.g. {@code "component@0.5"}). */
    public String source() {
        return source;
    }

    /** Its parts (at least one), largest first. */
    public List<ObjectPart> parts() {
        return parts;
    }

    /** Row-major pixel mask, 1 = the object. */
    public byte[] mask() {
        return RegionSets.mask(superpixels, regions);
    }

    /** The mask in COCO run-length encoding. */
    public CocoRle rle() {
        return CocoRle.encode(mask(), superpixels.width(), superpixels.height());
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "DiscoveredObject[%d, score %.3f, %d px, %d part(s)]", id, score, area,
                parts.size());
    }
}
