package org.supercuts.objects;

/**
 * The validation shared by the part decompositions.
 *
 * <p>Thread safety: stateless static methods.
 */
final class PartRules {
    private PartRules() {
    }

    static void check(int maxParts, double minPartArea, double maxCut) {
        if (maxParts < 1) {
            throw new IllegalArgumentException("maxParts must be >= 1, got " + maxParts);
        }
        if (!(minPartArea >= 0 && minPartArea < 1)) {
            throw new IllegalArgumentException("minPartArea is a share of the object and must be in [0, 1), got " + minPartArea);
        }
        if (!(maxCut >= 0)) {
            throw new IllegalArgumentException("maxCut must be >= 0 (an NCut value; infinity for no limit), got " + maxCut);
        }
    }
}
