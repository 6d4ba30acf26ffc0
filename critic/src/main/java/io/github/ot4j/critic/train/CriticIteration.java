package io.github.ot4j.critic.train;

import io.github.ot4j.critic.Critic;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One critic iteration on a batch: the strategy a WGAN trainer or a Wasserstein estimator calls, a fixed number
 * of times per generator step. Implementations change the critic's parameters and its updater state, nothing
 * else; a failed iteration throws {@link CriticTrainingException} and leaves both as they were.
 */
public interface CriticIteration {

    /**
     * Trains the critic on one batch.
     *
     * @param real the real batch y, m × d
     * @param fake the fake batch x, n × d
     * @param seed the seed of the iteration's random draws
     * @return the batch's loss, estimate and penalty
     * @throws CriticTrainingException if a loss, gradient or parameter became NaN or infinite
     */
    CriticStep step(INDArray real, INDArray fake, long seed);

    /** @return the critic being trained */
    Critic critic();
}
