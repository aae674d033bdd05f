package org.supercuts.objects;

/**
 * One algorithm family: splits an object (a set of superpixels) into parts. Implementations choose the number of parts
 * per object (by the cost of the cuts they would make and a minimum part area) and return connected parts.
 *
 * <p>Contract: {@code parts(input, regions)} returns one part index per entry of {@code regions} (in the same order),
 * numbered {@code 0..k-1} with every index used, each part connected in the region graph and, when the object has at
 * least two parts, covering at least {@code minPartArea} of the object's pixels; an object of one region has one part.
 *
 * <p>Thread safety: implementations are immutable and safe to call concurrently.
 */
public interface PartDecomposition {
    /**
     * The part of each of the object's regions.
     *
     * @param regions the object's superpixels, sorted ascending, non-empty
     */
    int[] parts(ObjectDiscovery.Input input, int[] regions);

    /** A short description of the spec, for provenance. */
    String describe();
}
