package io.github.ot4j.critic.train;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.LipschitzEnforcer;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.critic.internal.Updaters;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * How a critic is trained, as a value: either the WGAN loss with a Lipschitz enforcer ({@link Enforced}) or the
 * WGAN-TS two-step method ({@link TwoStep}). Each method is a record of every setting that changes the training
 * (compared field by field, so a checkpoint can tell whether a resumed run trains the same way) and makes the
 * {@link CriticIteration} for a critic.
 *
 * <p>The updater configurations are DL4J's mutable objects: the records copy them in and out.
 */
public sealed interface CriticMethod permits CriticMethod.Enforced, CriticMethod.TwoStep {

    /** @return a copy of the critic's updater configuration */
    IUpdater updater();

    /**
     * The ground cost c under which this method keeps the critic 1-Lipschitz, so that mean f(real) − mean
     * f(fake) approximates the optimal transport cost under c: the two-step method's own cost; weight scaling's
     * cost; the Euclidean distance for every other enforcer (clipping and the penalties bound the Euclidean
     * gradient norm, spectral normalisation the Euclidean Lipschitz constant).
     *
     * @return the cost
     */
    GroundCost cost();

    /**
     * @param newUpdater the critic's updater
     * @return this method with another updater
     */
    CriticMethod withUpdater(IUpdater newUpdater);

    /**
     * The training iteration of this method for a critic.
     *
     * @param critic the critic to train
     * @return the iteration
     * @throws IllegalArgumentException if the method cannot train that critic
     */
    CriticIteration trainer(Critic critic);

    /** @return a short name for reports */
    String name();

    /**
     * The WGAN recipe (Arjovsky, Chintala, Bottou 2017): weight clipping at c = 0.01 with RMSProp(5·10<sup>−5</sup>, decay 0.99).
     *
     * @return the method
     */
    static Enforced wgan() {
        return enforced(WeightClipping.wgan());
    }

    /**
     * The WGAN-GP recipe (Gulrajani et al. 2017): λ·E[(‖∇ₓf(x̂)‖ − 1)²] with λ = 10 and
     * Adam(10<sup>−4</sup>, β<sub>1</sub> = 0.5, β<sub>2</sub> = 0.9).
     *
     * @return the method
     */
    static Enforced wganGp() {
        return enforced(GradientPenalty.wganGp());
    }

    /**
     * The WGAN loss with an enforcer and its customary updater ({@link CriticTrainer#defaultUpdater}).
     *
     * @param enforcer the enforcer
     * @return the method
     */
    static Enforced enforced(LipschitzEnforcer enforcer) {
        if (enforcer == null) {
            throw new IllegalArgumentException("enforcer must not be null");
        }
        return new Enforced(enforcer, CriticTrainer.defaultUpdater(enforcer));
    }

    /**
     * The WGAN loss with an enforcer and a chosen updater.
     *
     * @param enforcer the enforcer
     * @param updater  the critic's updater
     * @return the method
     */
    static Enforced enforced(LipschitzEnforcer enforcer, IUpdater updater) {
        return new Enforced(enforcer, updater);
    }

    /**
     * The WGAN-TS recipe (Liu, Gu, Samaras 2018) under a cost: n<sub>r</sub> = 5 regression steps of
     * Adam(10<sup>−4</sup>, 0.5, 0.999) per iteration (the paper uses the L1 cost, {@link GroundCost#cityblock()}).
     *
     * @param cost the ground cost of the targets and the weight scaling
     * @return the method
     */
    static TwoStep twoStep(GroundCost cost) {
        return new TwoStep(cost, TwoStepCriticTrainer.defaultUpdater(), TwoStepCriticTrainer.DEFAULT_REGRESSION_STEPS);
    }

    /**
     * The WGAN-TS two-step method with every setting chosen.
     *
     * @param cost            the ground cost of the targets and the weight scaling
     * @param updater         the regression's updater
     * @param regressionSteps n<sub>r</sub> ≥ 1
     * @return the method
     */
    static TwoStep twoStep(GroundCost cost, IUpdater updater, int regressionSteps) {
        return new TwoStep(cost, updater, regressionSteps);
    }

    /**
     * The WGAN loss L = −(mean f(y) − mean f(x)) + penalty with a Lipschitz enforcer, one updater step per
     * iteration ({@link CriticTrainer}).
     *
     * @param enforcer the Lipschitz enforcer (a value: a record, or {@code equals} over every setting)
     * @param updater  the critic's updater
     */
    record Enforced(LipschitzEnforcer enforcer, IUpdater updater) implements CriticMethod {

        /**
         * Checks and copies the settings.
         *
         * @param enforcer not null
         * @param updater  a learning updater with valid hyper-parameters
         */
        public Enforced {
            if (enforcer == null) {
                throw new IllegalArgumentException("enforcer must not be null");
            }
            Updaters.check("critic updater", updater);
            updater = updater.clone();
        }

        @Override
        public IUpdater updater() {
            return updater.clone();
        }

        @Override
        public GroundCost cost() {
            return enforcer instanceof WeightScaling scaling ? scaling.cost() : GroundCost.euclidean();
        }

        @Override
        public Enforced withUpdater(IUpdater newUpdater) {
            return new Enforced(enforcer, newUpdater);
        }

        /**
         * @param newEnforcer the enforcer
         * @return this method with another enforcer (and the same updater)
         */
        public Enforced withEnforcer(LipschitzEnforcer newEnforcer) {
            return new Enforced(newEnforcer, updater);
        }

        @Override
        public CriticTrainer trainer(Critic critic) {
            return CriticTrainer.of(critic, enforcer, updater);
        }

        @Override
        public String name() {
            return enforcer.name();
        }
    }

    /**
     * The WGAN-TS critic iteration ({@link TwoStepCriticTrainer}): exact step-1 targets on the batch under the
     * cost, n<sub>r</sub> regression steps on (1/(m+n)) Σ (f(z<sub>k</sub>) − T<sub>k</sub>)², then weight scaling
     * under the same cost.
     *
     * @param cost            the ground cost c (a value: built-in costs are records; see {@code WganTrainer} on
     *                        checkpointing a lambda)
     * @param updater         the regression's updater
     * @param regressionSteps n<sub>r</sub>, regression updates per iteration, ≥ 1
     */
    record TwoStep(GroundCost cost, IUpdater updater, int regressionSteps) implements CriticMethod {

        /**
         * Checks and copies the settings.
         *
         * @param cost            not null
         * @param updater         a learning updater with valid hyper-parameters
         * @param regressionSteps ≥ 1
         */
        public TwoStep {
            if (cost == null) {
                throw new IllegalArgumentException("cost must not be null");
            }
            Updaters.check("critic updater", updater);
            if (regressionSteps < 1) {
                throw new IllegalArgumentException("regressionSteps must be >= 1 but is " + regressionSteps);
            }
            updater = updater.clone();
        }

        @Override
        public IUpdater updater() {
            return updater.clone();
        }

        @Override
        public TwoStep withUpdater(IUpdater newUpdater) {
            return new TwoStep(cost, newUpdater, regressionSteps);
        }

        /**
         * @param steps n<sub>r</sub> ≥ 1
         * @return this method with another number of regression steps
         */
        public TwoStep withRegressionSteps(int steps) {
            return new TwoStep(cost, updater, steps);
        }

        /**
         * @param newCost the ground cost
         * @return this method under another cost
         */
        public TwoStep withCost(GroundCost newCost) {
            return new TwoStep(newCost, updater, regressionSteps);
        }

        @Override
        public TwoStepCriticTrainer trainer(Critic critic) {
            return TwoStepCriticTrainer.of(critic, cost, updater, regressionSteps);
        }

        @Override
        public String name() {
            return "WGAN-TS two-step (n_r = " + regressionSteps + ")";
        }
    }
}
