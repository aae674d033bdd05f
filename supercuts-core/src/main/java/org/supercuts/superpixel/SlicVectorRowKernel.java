package org.supercuts.superpixel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SlicRowKernel} over the Java Vector API: whole vectors of pixels per step (8 floats, or the platform's width when
 * it is narrower), the same float operations in the same order as the scalar loop (no fused multiply-add), a strict
 * "nearer" mask, and blends instead of branches; the remainder of the row runs the scalar loop. Loaded by reflection only
 * when {@code jdk.incubator.vector} is in the boot layer.
 *
 * <p>Thread safety: stateless.
 */
final class SlicVectorRowKernel extends SlicRowKernel {
    /*
     * 256 bits (8 lanes) even where 512 are available: window rows are 25 to 80 pixels long at the usual K, and with
     * 16 lanes the scalar remainder of each row grows (measured slower at K = 1000 on an AVX-512 machine).
     */
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256
            ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED.vectorBitSize() >= 256
            ? IntVector.SPECIES_256 : IntVector.SPECIES_PREFERRED;

    @Override
    void assign(float[] l, float[] a, float[] b, float[] dist, int[] label, int k, float cl, float ca, float cb, float rowTerm,
            float[] columnTerm, int base, int count) {
        int j = 0;
        int upper = FLOATS.loopBound(count);
        if (upper > 0) {
            IntVector centre = IntVector.broadcast(INTS, k);
            for (; j < upper; j += FLOATS.length()) {
                int i = base + j;
                FloatVector dl = FloatVector.fromArray(FLOATS, l, i).sub(cl);
                FloatVector da = FloatVector.fromArray(FLOATS, a, i).sub(ca);
                FloatVector db = FloatVector.fromArray(FLOATS, b, i).sub(cb);
                FloatVector d = dl.mul(dl).add(da.mul(da)).add(db.mul(db))
                        .add(FloatVector.fromArray(FLOATS, columnTerm, j).add(rowTerm));
                FloatVector old = FloatVector.fromArray(FLOATS, dist, i);
                VectorMask<Float> nearer = d.lt(old);
                old.blend(d, nearer).intoArray(dist, i);
                IntVector.fromArray(INTS, label, i).blend(centre, nearer.cast(INTS)).intoArray(label, i);
            }
        }
        assignScalar(l, a, b, dist, label, k, cl, ca, cb, rowTerm, columnTerm, base, j, count);
    }
}
