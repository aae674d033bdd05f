package org.supercuts.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supercuts.image.CocoRle;
import org.supercuts.objects.DiscoveredObject;
import org.supercuts.objects.ObjectPart;
import org.supercuts.objects.ObjectSet;

/**
 * The {@code objects} array of {@code STEM.json}: per object its id, score, box {@code [x0, y0, x1, y1]} (x1/y1
 * exclusive), area, parts (id, area, box) and the COCO run-length encoding of its mask ({@code size: [height, width]},
 * {@code counts} as pycocotools writes it). The Spark job's {@code objects} column is made from these same maps.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class ObjectsJson {
    private ObjectsJson() {
    }

    /**
     * One map per object, in the set's order (descending score), with the keys {@code id, score, box, area, parts, rle}
     * in that order; the score rounded to 4 decimals, boxes as {@code int[4]}, the RLE as a map of {@code size}
     * ({@code int[2]}) and {@code counts}.
     */
    public static List<Map<String, Object>> objects(ObjectSet set) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DiscoveredObject o : set.objects()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("score", Math.round(o.score() * 1e4) / 1e4);
            m.put("box", o.box().toArray());
            m.put("area", o.area());
            List<Map<String, Object>> parts = new ArrayList<>();
            for (ObjectPart p : o.parts()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("id", p.id());
                pm.put("area", p.area());
                pm.put("box", p.box().toArray());
                parts.add(pm);
            }
            m.put("parts", parts);
            CocoRle rle = o.rle();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("size", new int[] {rle.height(), rle.width()});
            r.put("counts", rle.compressedCounts());
            m.put("rle", r);
            out.add(m);
        }
        return out;
    }
}
