package org.supercuts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supercuts.image.Masks;
import org.supercuts.image.PlanarImage;
import org.supercuts.objects.DiscoveredObject;
import org.supercuts.objects.ObjectPart;
import org.supercuts.objects.ObjectSet;

class DiscoverObjectsTest {
    @Test
    void findsTheCatWithScoresInDescendingOrderAndPartsThatMakeUpEachObject() throws Exception {
        Files.deleteIfExists(Fixtures.OUT.resolve("discover-objects.png"));
        ObjectSet set = DiscoverObjects.run(Fixtures.chelsea(), 0.15, Fixtures.OUT);
        assertThat(set.objects()).isNotEmpty();
        double previous = Double.POSITIVE_INFINITY;
        for (DiscoveredObject o : set.objects()) {
            assertThat(o.score()).isBetween(0.15, 1.0).isLessThanOrEqualTo(previous);
            previous = o.score();
            byte[] mask = o.mask();
            assertThat((long) Masks.count(mask)).isEqualTo(o.area());
            byte[] union = new byte[mask.length];
            long partArea = 0;
            for (ObjectPart p : o.parts()) {
                byte[] pm = p.mask();
                for (int i = 0; i < pm.length; i++) {
                    // parts do not overlap: no pixel is in two of them
                    assertThat(union[i] != 0 && pm[i] != 0).isFalse();
                    union[i] |= pm[i];
                }
                partArea += p.area();
            }
            assertThat(union).as("union of the parts of object %d", o.id()).isEqualTo(mask);
            assertThat(partArea).isEqualTo(o.area());
        }
        // The cat fills the middle of the photo: the best object holds the centre.
        DiscoveredObject best = set.objects().get(0);
        assertThat(best.box().x0()).isLessThan(225);
        assertThat(best.box().x1()).isGreaterThan(225);
        List<String> lines = DiscoverObjects.describe(set);
        assertThat(lines).hasSize(set.size() + 1);
        assertThat(lines.get(0)).startsWith("object 1: score ").contains(Arrays.toString(best.box().toArray()))
                .contains(best.area() + " px").contains(best.parts().size() + " part(s)");
        assertThat(Fixtures.OUT.resolve("discover-objects.png")).exists();
    }

    @Test
    void aFlatImageHasNoObjectAndSaysWhy() {
        float[] grey = new float[120 * 90];
        Arrays.fill(grey, 0.5f);
        ObjectSet set = DiscoverObjects.run(PlanarImage.wrap(120, 90, grey, grey.clone(), grey.clone()), 0.2, Fixtures.OUT);
        assertThat(set.objects()).isEmpty();
        assertThat(set.reason()).isNotBlank();
        assertThat(DiscoverObjects.describe(set)).containsExactly("no object: " + set.reason());
    }
}
