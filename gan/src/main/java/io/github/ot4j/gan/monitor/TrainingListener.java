package io.github.ot4j.gan.monitor;

/**
 * Receives a {@link TrainingReport} every k generator steps (k is the run's report interval), on the training
 * thread, after the step's parameters were updated and checked. A listener that throws stops training.
 */
@FunctionalInterface
public interface TrainingListener {

    /**
     * @param report the losses, the critic's estimate and the exact distance at this point of training
     */
    void onReport(TrainingReport report);

    /**
     * Called once when a run ends normally (not when it fails). Does nothing by default.
     *
     * @param last the last report of the run, or {@code null} if none was made
     */
    default void onFinish(TrainingReport last) {
    }
}
