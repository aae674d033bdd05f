package org.supercuts.objects;

import java.util.List;
import java.util.Objects;

import org.supercuts.image.LabelMap;

/**
 * The objects found in one image, in descending score, and why the search ended: for zero objects the reason says why
 * none qualified (for example "no region stands out: best objectness 0.21 below 0.50"), otherwise which rule stopped it.
 *
 * <p>Thread safety: immutable.
 */
public final class ObjectSet {
    private final List<DiscoveredObject> objects;
    private final String reason;
    private final LabelMap superpixels;

    ObjectSet(List<DiscoveredObject> objects, String reason, LabelMap superpixels) {
        this.objects = List.copyOf(objects);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.superpixels = superpixels;
    }

    /** The objects, highest score first (ids 1..n in that order). */
    public List<DiscoveredObject> objects() {
        return objects;
    }

    /** Whether no object qualified ({@link #reason()} says why). */
    public boolean isEmpty() {
        return objects.isEmpty();
    }

    /** The number of objects. */
    public int size() {
        return objects.size();
    }

    /** Why the search ended; for zero objects, why no candidate qualified. */
    public String reason() {
        return reason;
    }

    /** 0 = background, 1..n = the objects in descending score. */
    public LabelMap objectLabels() {
        int[] regionLabel = new int[superpixels.count()];
        for (DiscoveredObject o : objects) {
            for (int r : o.regions()) {
                regionLabel[r] = o.id();
            }
        }
        return paint(regionLabel);
    }

    /** 0 = background, 1..m = the parts over the whole image ({@link ObjectPart#id()}). */
    public LabelMap partLabels() {
        int[] regionLabel = new int[superpixels.count()];
        for (DiscoveredObject o : objects) {
            for (ObjectPart p : o.parts()) {
                for (int r : p.regions()) {
                    regionLabel[r] = p.id();
                }
            }
        }
        return paint(regionLabel);
    }

    /** The union of the objects' masks, row-major, 1 = in an object. */
    public byte[] unionMask() {
        int[] lbl = objectLabels().backingArray();
        byte[] out = new byte[lbl.length];
        for (int i = 0; i < lbl.length; i++) {
            out[i] = lbl[i] != 0 ? (byte) 1 : 0;
        }
        return out;
    }

    /** The total number of parts. */
    public int partCount() {
        int m = 0;
        for (DiscoveredObject o : objects) {
            m += o.parts().size();
        }
        return m;
    }

    private LabelMap paint(int[] regionLabel) {
        int[] lbl = superpixels.backingArray();
        int[] out = new int[lbl.length];
        for (int i = 0; i < lbl.length; i++) {
            out[i] = regionLabel[lbl[i]];
        }
        // Discovery never lets the objects cover every pixel, so label 0 is always used and the labels have no gap.
        return LabelMap.of(superpixels.width(), superpixels.height(), out);
    }

    @Override
    public String toString() {
        return "ObjectSet[" + objects.size() + " object(s): " + reason + "]";
    }
}
