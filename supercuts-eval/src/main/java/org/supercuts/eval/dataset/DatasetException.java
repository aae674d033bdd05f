package org.supercuts.eval.dataset;

import java.util.List;

/**
 * A dataset that cannot be opened or used as it is; the message names the root or the files concerned.
 *
 * <p>Thread safety: immutable after construction.
 */
public class DatasetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<DatasetProblem> problems;

    /** A dataset that cannot be read, as {@code message} says. */
    public DatasetException(String message) {
        super(message);
        this.problems = List.of();
    }

    /** A dataset that cannot be read, as {@code message} says, caused by {@code cause}. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    /** A dataset with problems; the message lists the first ones by name. */
    public DatasetException(String datasetName, List<DatasetProblem> problems) {
        super(describe(datasetName, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems found, each naming its file. */
    public List<DatasetProblem> problems() {
        return problems;
    }

    private static String describe(String name, List<DatasetProblem> problems) {
        StringBuilder sb = new StringBuilder("dataset ").append(name).append(" has ").append(problems.size()).append(" problem(s)");
        int shown = Math.min(10, problems.size());
        for (int i = 0; i < shown; i++) {
            sb.append("\n  ").append(problems.get(i));
        }
        if (problems.size() > shown) {
            sb.append("\n  ... and ").append(problems.size() - shown).append(" more");
        }
        return sb.toString();
    }
}
