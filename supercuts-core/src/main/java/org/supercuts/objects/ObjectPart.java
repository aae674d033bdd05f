package org.supercuts.objects;

import org.supercuts.image.BoundingBox;
import org.supercuts.image.LabelMap;

/**
 * A part of a {@link DiscoveredObject}: a connected set of the object's superpixels.
 *
 * <p>Thread safety: immutable; {@link #regions()} and {@link #mask()} return fresh arrays.
 */
public final class ObjectPart {
    private final int id;
    private final int objectId;
    private final int[] regions;
    private final long area;
    private final BoundingBox box;
    private final LabelMap superpixels;

    ObjectPart(int id, int objectId, int[] regions, long area, BoundingBox box, LabelMap superpixels) {
        this.id = id;
        this.objectId = objectId;
        this.regions = regions;
        this.area = area;
        this.box = box;
        this.superpixels = superpixels;
    }

    /** The part's label in {@link ObjectSet#partLabels()}: 1..m over the whole image, numbered object by object. */
    public int id() {
        return id;
    }

    /** The {@link DiscoveredObject#id()} of the object it belongs to. */
    public int objectId() {
        return objectId;
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

    /** Row-major pixel mask, 1 = the part. */
    public byte[] mask() {
        return RegionSets.mask(superpixels, regions);
    }

    @Override
    public String toString() {
        return "ObjectPart[" + id + " of object " + objectId + ", " + regions.length + " superpixels, " + area + " px]";
    }
}
