package io.github.ot4j.gan;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.LipschitzEnforcer;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.internal.Updaters;
import io.github.ot4j.critic.train.CriticMethod;
import io.github.ot4j.gan.features.CriticFeatures;
import io.github.ot4j.gan.features.RepresentativeFeatures;
import io.github.ot4j.gan.lens.Lens;
import io.github.ot4j.gan.lens.TemperingLens;
import io.github.ot4j.gan.regularize.GeneratorRegularizer;
import io.github.ot4j.gan.regularize.JacobianClamping;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * A validated WGAN training configuration: how the critic is trained (a {@link CriticSchedule}: a
 * {@link CriticMethod} and its iterations per generator step), the generator's updater and the batch size. What
 * depends on the mode lives in the method's own record — {@link CriticMethod.Enforced} (enforcer, updater) or
 * {@link CriticMethod.TwoStep} (cost, updater, regression steps) — so every method here means the same in every
 * mode. Start from a paper's defaults and override what you need:
 * <pre>{@code
 * WganConfig gp = WganConfig.wganGp().withBatchSize(256).withCriticSteps(5);
 * WganConfig ts = WganConfig.wganTs().withCriticMethod(CriticMethod.twoStep(GroundCost.euclidean()));
 * }</pre>
 * Every value is checked in a constructor (and thus before training starts); a bad value throws an
 * {@link IllegalArgumentException} naming it. A value: equal settings make equal configurations, and a checkpoint
 * records every field.
 *
 * @param critic           how the critic is trained
 * @param generatorUpdater the generator's updater
 * @param batchSize        samples per batch (real and fake alike), ≥ 1
 * @param regularizer      a term added to the generator's loss ({@link GeneratorRegularizer#none()} by default)
 * @param lens             what the critic sees of the real data ({@link Lens#none()} by default, or a
 *                         {@link TemperingLens})
 * @param features         features the critic sees next to its input ({@link CriticFeatures#none()} by default,
 *                         or {@link RepresentativeFeatures}); the critic network's input dimension is then
 *                         d + {@code features.dimension()}
 */
public record WganConfig(CriticSchedule critic, IUpdater generatorUpdater, int batchSize,
                         GeneratorRegularizer regularizer, Lens lens, CriticFeatures features) {

    /**
     * The default batch size, 256: what the PyTorch anchors (and the WGAN-GP authors' 2-D toys) use; batches of
     * 64, the papers' image setting, made the 2-D runs noisier (WGAN-GP at λ = 10 went astray: exact W1 1.13 →
     * 2.89 → 1.07 on 8 Gaussians) and the exact step-1 targets of WGAN-TS less representative.
     */
    public static final int DEFAULT_BATCH_SIZE = 256;

    /**
     * @param critic           how the critic is trained
     * @param generatorUpdater the generator's updater
     * @param batchSize        samples per batch, ≥ 1
     * @param regularizer      the generator's regulariser, not null
     * @param lens             the lens, not null
     * @param features         the critic's features, not null
     */
    public WganConfig {
        if (features == null) {
            throw new IllegalArgumentException("features must not be null (use CriticFeatures.none())");
        }
        if (lens == null) {
            throw new IllegalArgumentException("lens must not be null (use Lens.none())");
        }
        if (regularizer == null) {
            throw new IllegalArgumentException("regularizer must not be null (use GeneratorRegularizer.none())");
        }
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
     * A configuration without a generator regulariser.
     *
     * @param critic           how the critic is trained
     * @param generatorUpdater the generator's updater
     * @param batchSize        samples per batch, ≥ 1
     */
    public WganConfig(CriticSchedule critic, IUpdater generatorUpdater, int batchSize) {
        this(critic, generatorUpdater, batchSize, GeneratorRegularizer.none());
    }

    /**
     * A configuration without a lens.
     *
     * @param critic           how the critic is trained
     * @param generatorUpdater the generator's updater
     * @param batchSize        samples per batch, ≥ 1
     * @param regularizer      the generator's regulariser
     */
    public WganConfig(CriticSchedule critic, IUpdater generatorUpdater, int batchSize,
                      GeneratorRegularizer regularizer) {
        this(critic, generatorUpdater, batchSize, regularizer, Lens.none(), CriticFeatures.none());
    }

    /**
     * WGAN (Arjovsky, Chintala, Bottou 2017): the loss −(mean f(real) − mean f(fake)), weight clipping to
     * [−0.01, 0.01], RMSProp with learning rate 5e-5 (decay 0.99 and ε 1e-8, PyTorch's defaults, as in the
     * authors' code) for critic and generator, 5 critic steps per generator step, batch {@value #DEFAULT_BATCH_SIZE}.
     *
     * @return the configuration
     */
    public static WganConfig wgan() {
        return new WganConfig(new CriticSchedule(CriticMethod.enforced(WeightClipping.wgan(), rmsProp(5e-5)), 5),
                rmsProp(5e-5), DEFAULT_BATCH_SIZE);
    }

    /**
     * WGAN-GP (Gulrajani et al. 2017): the loss −(mean f(real) − mean f(fake)) + λ·E[(‖∇ₓf(x̂)‖ − 1)²] with
     * λ = 10, Adam(1e-4, β1 0.5, β2 0.9) for critic and generator, 5 critic steps,
     * batch {@value #DEFAULT_BATCH_SIZE}.
     * (For 2-D toys the authors' code uses λ = 0.1: {@link #wganGpToy()}. On 8 Gaussians at batch 256 with
     * 2 → 64 → 64 → 64 networks, λ = 10 went astray in the PyTorch twin of {@code GanQualityBenchmark} — exact W1
     * 2.26, 1.04, 1.29, 2.54 at 250, 500, 1000, 2000 steps — where λ = 0.1 reached 0.88, 0.55, 0.31, 0.22.)
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
        return withEnforcer(GradientPenalty.of(lambda));
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
     * ot-core on the batch under the L1 cost, 5 MSE regression steps (1/(m+n)) Σ (f(z<sub>k</sub>) − T<sub>k</sub>)²
     * with Adam(1e-4, 0.5, 0.999), weight scaling f ← f/β — and a generator trained with Adam(1e-4, 0.5, 0.999);
     * batch {@value #DEFAULT_BATCH_SIZE}.
     *
     * @return the configuration
     */
    public static WganConfig wganTs() {
        return new WganConfig(new CriticSchedule(CriticMethod.twoStep(GroundCost.cityblock()), 1), adam(0.999),
                DEFAULT_BATCH_SIZE);
    }

    /**
     * The plain WGAN loss with any enforcer and the WGAN-GP optimiser settings (Adam(1e-4, 0.5, 0.9) for critic
     * and generator, 5 critic steps, batch {@value #DEFAULT_BATCH_SIZE}).
     *
     * @param enforcer the Lipschitz enforcer
     * @return the configuration
     */
    public static WganConfig withEnforcer(LipschitzEnforcer enforcer) {
        return new WganConfig(new CriticSchedule(CriticMethod.enforced(enforcer, adam(0.9)), 5), adam(0.9),
                DEFAULT_BATCH_SIZE);
    }

    /**
     * @param size the batch size, ≥ 1
     * @return the changed copy
     */
    public WganConfig withBatchSize(int size) {
        return new WganConfig(critic, generatorUpdater, size, regularizer, lens, features);
    }

    /**
     * @param updater the generator's updater
     * @return the changed copy
     */
    public WganConfig withGeneratorUpdater(IUpdater updater) {
        return new WganConfig(critic, updater, batchSize, regularizer, lens, features);
    }

    /**
     * @param schedule how the critic is trained
     * @return the changed copy
     */
    public WganConfig withCritic(CriticSchedule schedule) {
        return new WganConfig(schedule, generatorUpdater, batchSize, regularizer, lens, features);
    }

    /**
     * Adds a term to the generator's loss in any mode, e.g. {@link JacobianClamping#paper()}.
     *
     * @param generatorRegularizer the regulariser ({@link GeneratorRegularizer#none()} for none)
     * @return the changed copy
     */
    public WganConfig withRegularizer(GeneratorRegularizer generatorRegularizer) {
        return new WganConfig(critic, generatorUpdater, batchSize, generatorRegularizer, lens, features);
    }

    /**
     * Puts a lens between the real data and the critic, e.g. {@link TemperingLens#of(int)}.
     *
     * @param newLens the lens ({@link Lens#none()} for none)
     * @return the changed copy
     */
    public WganConfig withLens(Lens newLens) {
        return new WganConfig(critic, generatorUpdater, batchSize, regularizer, newLens, features);
    }

    /**
     * Gives the critic features of its input, e.g. {@link RepresentativeFeatures#defaults()}; its network must
     * then take d + {@code criticFeatures.dimension()} inputs.
     *
     * @param criticFeatures the features ({@link CriticFeatures#none()} for none)
     * @return the changed copy
     */
    public WganConfig withFeatures(CriticFeatures criticFeatures) {
        return new WganConfig(critic, generatorUpdater, batchSize, regularizer, lens, criticFeatures);
    }

    /**
     * @param method how one critic iteration trains the critic (same number of iterations per generator step)
     * @return the changed copy
     */
    public WganConfig withCriticMethod(CriticMethod method) {
        return withCritic(critic.withMethod(method));
    }

    /**
     * @param steps critic iterations per generator step, ≥ 1
     * @return the changed copy
     */
    public WganConfig withCriticSteps(int steps) {
        return withCritic(critic.withSteps(steps));
    }

    /**
     * @param updater the critic's updater (of the WGAN loss, or of WGAN-TS's regression)
     * @return the changed copy
     */
    public WganConfig withCriticUpdater(IUpdater updater) {
        return withCriticMethod(critic.method().withUpdater(updater));
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
        IUpdater c = critic.method().updater();
        g.setLrAndSchedule(generatorRate, null);
        c.setLrAndSchedule(criticRate, null);
        return withGeneratorUpdater(g).withCriticUpdater(c);
    }

    /**
     * The ground cost under which the critic's estimate approximates the transport cost,
     * {@link CriticMethod#cost()}: the two-step method's cost, weight scaling's cost, else the Euclidean
     * distance. Give it to the {@link io.github.ot4j.gan.monitor.ExactDistanceMonitor} so that the estimate and the
     * exact value are comparable.
     *
     * @return the cost
     */
    public GroundCost criticCost() {
        return critic.method().cost();
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
