package io.github.ot4j.critic.estimate;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.enforce.LipschitzEnforcer;
import io.github.ot4j.critic.train.CriticIteration;
import io.github.ot4j.critic.train.CriticTrainer;
import io.github.ot4j.critic.train.TwoStepCriticTrainer;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * How a critic is trained: a strategy that makes the {@link CriticIteration} for a fresh critic and a cost.
 */
public interface CriticMethod {

    /**
     * The training iteration for a critic.
     *
     * @param critic the critic to train
     * @param cost   the ground cost of the distance being estimated
     * @return the iteration
     */
    CriticIteration trainer(Critic critic, GroundCost cost);

    /** @return a short name for reports */
    String name();

    /**
     * The WGAN loss with a Lipschitz enforcer and the enforcer's customary updater
     * ({@link CriticTrainer#defaultUpdater}).
     *
     * @param enforcer the enforcer
     * @return the method
     */
    static CriticMethod enforced(LipschitzEnforcer enforcer) {
        if (enforcer == null) {
            throw new IllegalArgumentException("enforcer must not be null");
        }
        return enforced(enforcer, CriticTrainer.defaultUpdater(enforcer));
    }

    /**
     * The WGAN loss with a Lipschitz enforcer and a chosen updater.
     *
     * @param enforcer the enforcer
     * @param updater  the DL4J updater configuration
     * @return the method
     */
    static CriticMethod enforced(LipschitzEnforcer enforcer, IUpdater updater) {
        if (enforcer == null) {
            throw new IllegalArgumentException("enforcer must not be null");
        }
        if (updater == null) {
            throw new IllegalArgumentException("updater must not be null");
        }
        return new CriticMethod() {
            @Override
            public CriticIteration trainer(Critic critic, GroundCost cost) {
                return CriticTrainer.of(critic, enforcer, updater);
            }

            @Override
            public String name() {
                return enforcer.name();
            }
        };
    }

    /**
     * The WGAN-TS two-step method with the paper's settings (n<sub>r</sub> = 5, Adam(10<sup>−4</sup>, 0.5, 0.999)).
     *
     * @return the method
     */
    static CriticMethod twoStep() {
        return twoStep(TwoStepCriticTrainer.defaultUpdater(), TwoStepCriticTrainer.DEFAULT_REGRESSION_STEPS);
    }

    /**
     * The WGAN-TS two-step method with a chosen regression updater and number of regression steps.
     *
     * @param updater         the regression's updater
     * @param regressionSteps n<sub>r</sub> ≥ 1
     * @return the method
     */
    static CriticMethod twoStep(IUpdater updater, int regressionSteps) {
        if (updater == null) {
            throw new IllegalArgumentException("updater must not be null");
        }
        if (regressionSteps < 1) {
            throw new IllegalArgumentException("regressionSteps must be >= 1 but is " + regressionSteps);
        }
        return new CriticMethod() {
            @Override
            public CriticIteration trainer(Critic critic, GroundCost cost) {
                return TwoStepCriticTrainer.of(critic, cost, updater, regressionSteps);
            }

            @Override
            public String name() {
                return "WGAN-TS two-step (n_r = " + regressionSteps + ")";
            }
        };
    }
}
