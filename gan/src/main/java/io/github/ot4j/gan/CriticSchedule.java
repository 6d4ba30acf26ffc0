package io.github.ot4j.gan;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.enforce.LipschitzEnforcer;
import io.github.ot4j.gan.internal.Updaters;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * How the critic is trained between two generator steps: either the WGAN loss with a Lipschitz enforcer, or
 * the WGAN-TS two-step method.
 */
public sealed interface CriticSchedule permits CriticSchedule.Wasserstein, CriticSchedule.TwoStep {

    /** @return the critic's updater configuration */
    IUpdater updater();

    /** @return the number of critic updates per generator step */
    int criticSteps();

    /** @return a short description for reports */
    String describe();

    /**
     * The WGAN loss −(mean f(real) − mean f(fake)) plus any enforcer's penalty, {@code criticSteps} updates
     * per generator step, each on a fresh real and fake batch.
     *
     * @param enforcer    the Lipschitz enforcer (clipping, gradient penalty, …)
     * @param updater     the critic's updater
     * @param criticSteps critic updates per generator step, ≥ 1
     */
    record Wasserstein(LipschitzEnforcer enforcer, IUpdater updater, int criticSteps) implements CriticSchedule {

        /**
         * @param enforcer    the Lipschitz enforcer
         * @param updater     the critic's updater
         * @param criticSteps critic updates per generator step, ≥ 1
         */
        public Wasserstein {
            if (enforcer == null) {
                throw new IllegalArgumentException("enforcer must not be null");
            }
            Updaters.check("critic updater", updater);
            if (criticSteps < 1) {
                throw new IllegalArgumentException("criticSteps must be at least 1 but is " + criticSteps);
            }
            updater = updater.clone();
        }

        /** @return a copy of the updater configuration */
        @Override
        public IUpdater updater() {
            return updater.clone();
        }

        @Override
        public String describe() {
            return "WGAN loss with " + enforcer.name() + ", " + criticSteps + " critic steps, " + updater;
        }
    }

    /**
     * The WGAN-TS critic iteration (Liu, Gu, Samaras 2018): exact step-1 targets on the batch from ot-core under
     * the ground cost, {@code regressionSteps} MSE regression updates onto them, then weight scaling; once per
     * generator step.
     *
     * @param cost            the ground cost of the targets (L1 in the paper)
     * @param updater         the critic's updater for the regression
     * @param regressionSteps MSE regression updates per critic iteration, ≥ 1
     */
    record TwoStep(GroundCost cost, IUpdater updater, int regressionSteps) implements CriticSchedule {

        /**
         * @param cost            the ground cost
         * @param updater         the regression updater
         * @param regressionSteps regression updates, ≥ 1
         */
        public TwoStep {
            if (cost == null) {
                throw new IllegalArgumentException("cost must not be null");
            }
            Updaters.check("critic updater", updater);
            if (regressionSteps < 1) {
                throw new IllegalArgumentException("regressionSteps must be at least 1 but is " + regressionSteps);
            }
            updater = updater.clone();
        }

        /** @return a copy of the updater configuration */
        @Override
        public IUpdater updater() {
            return updater.clone();
        }

        /** @return 1: one two-step critic iteration per generator step */
        @Override
        public int criticSteps() {
            return 1;
        }

        @Override
        public String describe() {
            return "WGAN-TS two-step critic, " + regressionSteps + " regression steps, " + updater;
        }
    }
}
