package io.github.ot4j.gan;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.LipschitzEnforcer;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.gan.internal.Updaters;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * A validated WGAN training configuration: how the critic is trained, the generator's updater and the batch
 * size. Start from a paper's defaults and override what you need:
 * <pre>{@code
 * WganConfig config = WganConfig.wganGp().withBatchSize(256).withCriticSteps(5);
 * }</pre>
 * Every value is checked in the constructor (and thus before training starts); a bad value throws an
 * {@link IllegalArgumentException} naming it.
 *
 * @param critic           how the critic is trained
 * @param generatorUpdater the generator's updater
 * @param batchSize        samples per batch (real and fake alike), ≥ 1
 */
public record WganConfig(CriticSchedule critic, IUpdater generatorUpdater, int batchSize) {

    /** The batch size of the papers' image experiments. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    /**
     * @param critic           how the critic is trained
     * @param generatorUpdater the generator's updater
     * @param batchSize        samples per batch, ≥ 1
     */
    public WganConfig {
        if (critic == null) {
            throw new IllegalArgumentException("critic must not be null");
        }
        Updaters.check("generator updater", generatorUpdater);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1 but is " + batchSize);
        }
        generatorUpdater = generatorUpdater.clone();
    }

    /**
     * WGAN (Arjovsky, Chintala, Bottou 2017): weight clipping to [−0.01, 0.01], RMSProp with learning rate 5e-5
     * (decay 0.99 and ε 1e-8, PyTorch's defaults, as in the authors' code) for critic and generator, 5 critic
     * steps per generator step, batch 64.
     *
     * @return the configuration
     */
    public static WganConfig wgan() {
        return new WganConfig(new CriticSchedule.Wasserstein(WeightClipping.wgan(), rmsProp(5e-5), 5), rmsProp(5e-5),
                DEFAULT_BATCH_SIZE);
    }

    /**
     * WGAN-GP (Gulrajani et al. 2017): gradient penalty λ = 10, Adam(1e-4, β1 0.5, β2 0.9) for critic and
     * generator, 5 critic steps, batch 64. (For 2-D toys the authors' code uses λ = 0.1 and batch 256:
     * {@link #wganGpToy()}.)
     *
     * @return the configuration
     */
    public static WganConfig wganGp() {
        return wganGp(GradientPenalty.DEFAULT_LAMBDA);
    }

    /**
     * WGAN-GP with another penalty weight.
     *
     * @param lambda the penalty weight λ &gt; 0
     * @return the configuration
     */
    public static WganConfig wganGp(double lambda) {
        return new WganConfig(new CriticSchedule.Wasserstein(GradientPenalty.of(lambda), adam(0.9), 5), adam(0.9),
                DEFAULT_BATCH_SIZE);
    }

    /**
     * WGAN-GP as the authors' {@code gan_toy.py} runs it on 2-D toys: λ = 0.1, batch 256.
     *
     * @return the configuration
     */
    public static WganConfig wganGpToy() {
        return wganGp(0.1).withBatchSize(256);
    }

    /**
     * WGAN-TS (Liu, Gu, Samaras 2018): one critic iteration per generator step — exact step-1 targets from
     * ot-core on the batch under the L1 cost, 5 MSE regression steps with Adam(1e-4, 0.5, 0.999), weight
     * scaling — and a generator trained with Adam(1e-4, 0.5, 0.999); batch 64.
     *
     * @return the configuration
     */
    public static WganConfig wganTs() {
        return new WganConfig(new CriticSchedule.TwoStep(GroundCost.cityblock(), adam(0.999), 5), adam(0.999),
                DEFAULT_BATCH_SIZE);
    }

    /**
     * The plain WGAN loss with any enforcer and the WGAN-GP optimiser settings (Adam(1e-4, 0.5, 0.9), 5 critic
     * steps, batch 64).
     *
     * @param enforcer the Lipschitz enforcer
     * @return the configuration
     */
    public static WganConfig withEnforcer(LipschitzEnforcer enforcer) {
        return new WganConfig(new CriticSchedule.Wasserstein(enforcer, adam(0.9), 5), adam(0.9), DEFAULT_BATCH_SIZE);
    }

    /**
     * @param size the batch size, ≥ 1
     * @return the changed copy
     */
    public WganConfig withBatchSize(int size) {
        return new WganConfig(critic, generatorUpdater, size);
    }

    /**
     * @param updater the generator's updater
     * @return the changed copy
     */
    public WganConfig withGeneratorUpdater(IUpdater updater) {
        return new WganConfig(critic, updater, batchSize);
    }

    /**
     * @param schedule how the critic is trained
     * @return the changed copy
     */
    public WganConfig withCritic(CriticSchedule schedule) {
        return new WganConfig(schedule, generatorUpdater, batchSize);
    }

    /**
     * Changes the number of critic updates per generator step of the WGAN loss. WGAN-TS does one critic iteration
     * per generator step; change its regression steps with {@link #withRegressionSteps(int)}.
     *
     * @param steps ≥ 1
     * @return the changed copy
     * @throws IllegalArgumentException if the schedule is WGAN-TS, or steps &lt; 1
     */
    public WganConfig withCriticSteps(int steps) {
        if (critic instanceof CriticSchedule.Wasserstein w) {
            return withCritic(new CriticSchedule.Wasserstein(w.enforcer(), w.updater(), steps));
        }
        throw new IllegalArgumentException("withCriticSteps applies to the WGAN loss, but the critic schedule is "
                + "WGAN-TS (two-step), which does one critic iteration per generator step: use withRegressionSteps");
    }

    /**
     * Changes the number of MSE regression updates per critic iteration of WGAN-TS (n<sub>r</sub>).
     *
     * @param steps ≥ 1
     * @return the changed copy
     * @throws IllegalArgumentException if the schedule is not WGAN-TS, or steps &lt; 1
     */
    public WganConfig withRegressionSteps(int steps) {
        if (critic instanceof CriticSchedule.TwoStep t) {
            return withCritic(new CriticSchedule.TwoStep(t.cost(), t.updater(), steps));
        }
        throw new IllegalArgumentException("withRegressionSteps applies to WGAN-TS, but the critic schedule is the "
                + "WGAN loss: use withCriticSteps");
    }

    /**
     * @param updater the critic's updater
     * @return the changed copy
     */
    public WganConfig withCriticUpdater(IUpdater updater) {
        if (critic instanceof CriticSchedule.Wasserstein w) {
            return withCritic(new CriticSchedule.Wasserstein(w.enforcer(), updater, w.criticSteps()));
        }
        CriticSchedule.TwoStep t = (CriticSchedule.TwoStep) critic;
        return withCritic(new CriticSchedule.TwoStep(t.cost(), updater, t.regressionSteps()));
    }

    /**
     * Sets the learning rate of both updaters (keeping their other hyper-parameters).
     *
     * @param generatorRate the generator's learning rate &gt; 0
     * @param criticRate    the critic's learning rate &gt; 0
     * @return the changed copy
     */
    public WganConfig withLearningRates(double generatorRate, double criticRate) {
        IUpdater g = generatorUpdater();
        IUpdater c = critic.updater();
        g.setLrAndSchedule(generatorRate, null);
        c.setLrAndSchedule(criticRate, null);
        return withGeneratorUpdater(g).withCriticUpdater(c);
    }

    /**
     * The ground cost under which the critic's estimate approximates W<sub>1</sub>: the Euclidean distance for
     * the WGAN loss (clipping and gradient penalties bound the Euclidean gradient norm), the two-step method's
     * own cost for WGAN-TS and for the WGAN loss with {@link WeightScaling} (which rescales the critic to be
     * 1-Lipschitz under its cost). Give it to the {@link io.github.ot4j.gan.monitor.ExactDistanceMonitor} so that the
     * estimate and the exact value are comparable.
     *
     * @return the cost
     */
    public GroundCost criticCost() {
        if (critic instanceof CriticSchedule.TwoStep t) {
            return t.cost();
        }
        if (critic instanceof CriticSchedule.Wasserstein w && w.enforcer() instanceof WeightScaling scaling) {
            return scaling.cost();
        }
        return GroundCost.euclidean();
    }

    /** @return a copy of the generator's updater configuration */
    @Override
    public IUpdater generatorUpdater() {
        return generatorUpdater.clone();
    }

    private static RmsProp rmsProp(double learningRate) {
        return new RmsProp(learningRate, 0.99, 1e-8);
    }

    private static Adam adam(double beta2) {
        return new Adam(1e-4, 0.5, beta2, 1e-8);
    }
}
