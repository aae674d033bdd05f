package org.supercuts.eval.run;

/**
 * Progress callbacks of an evaluation run (a CLI wires a progress bar to them). The runner serialises the calls (never two
 * at once), but they come from worker threads and should return quickly.
 *
 * <p>Thread safety: see above; implementations need no locking of their own.
 */
public interface EvaluationListener {
    /** No-op listener. */
    EvaluationListener NONE = new EvaluationListener() {
    };

    /**
     * Called once before any image is processed.
     *
     * @param total   images in the dataset
     * @param resumed images already finished by an earlier run of the same output directory (not processed again)
     */
    default void started(int total, int resumed) {
    }

    /**
     * Called after each processed image.
     *
     * @param id        the sample id
     * @param ok        false when the image failed (its error is in the result)
     * @param completed images finished so far, resumed ones included
     * @param total     images in the dataset
     */
    default void imageDone(String id, boolean ok, int completed, int total) {
    }
}
