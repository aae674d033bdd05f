package org.supercuts.eval.dataset;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A dataset backed by a list of sample descriptors (file references only).
 *
 * <p>Thread safety: immutable.
 */
public final class SampleListDataset implements Dataset {
    private final String name;
    private final List<Sample> samples;
    private final Set<GroundTruthKind> groundTruth;
    private final List<DatasetProblem> problems;

    /** A dataset of the given samples, the ground truth they carry, and the problems found while listing them. */
    public SampleListDataset(String name, List<Sample> samples, Set<GroundTruthKind> groundTruth, List<DatasetProblem> problems) {
        this.name = Objects.requireNonNull(name, "name");
        this.samples = List.copyOf(samples);
        this.groundTruth = groundTruth.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groundTruth));
        this.problems = List.copyOf(problems);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Sample s : this.samples) {
            if (!ids.add(s.id())) {
                throw new DatasetException("dataset " + name + " has two samples with id '" + s.id() + "' (second: " + s.imagePath()
                        + "); ids must be unique because output files are named after them");
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return samples.size();
    }

    @Override
    public Iterator<Sample> iterator() {
        return samples.iterator();
    }

    @Override
    public Set<GroundTruthKind> groundTruth() {
        return groundTruth;
    }

    @Override
    public List<DatasetProblem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + samples.size() + " samples, " + problems.size() + " problems]";
    }
}
