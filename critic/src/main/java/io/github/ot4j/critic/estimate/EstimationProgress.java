package io.github.ot4j.critic.estimate;

import io.github.ot4j.critic.train.CriticStep;

/**
 * Receives the progress of a {@link WassersteinEstimator} after every critic iteration, for a progress bar or
 * a log (an estimate can take minutes).
 */
@FunctionalInterface
public interface EstimationProgress {

    /** Reports nothing. */
    EstimationProgress NONE = (iteration, iterations, step) -> { };

    /**
     * Called after each critic iteration.
     *
     * @param iteration  the iterations done, 1 ≤ iteration ≤ iterations
     * @param iterations the iterations planned
     * @param step       what the iteration reported (its batch loss, estimate and penalty)
     */
    void iterationDone(int iteration, int iterations, CriticStep step);
}
