package io.github.ot4j.gan.cfg;

import io.github.ot4j.critic.internal.Updaters;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The settings of an xICFG run ({@link CfgTrainer}): Johnson and Zhang, "Composite functional gradient learning
 * of generative adversarial models", ICML 2018.
 *
 * <p>One stage: {@code discriminatorSteps} (U) updates of the discriminator D on the logistic loss
 * <pre>
 *   L_D = (1/n) Σ ln(1 + e^{−D(x*_i)}) + (1/m) Σ ln(1 + e^{D(G(z_j))}),
 * </pre>
 * then one functional step of the generator, G ← G + η·g with g(x) = s(x)∇D(x) and s ≡ 1 here (the paper allows
 * any positive scaling), i.e. G(z) ↦ G(z) + η∇D(G(z)) with D frozen at this stage. After {@code stages} (T) stages the
 * composite G = (I + ηg<sub>T</sub>) ∘ … ∘ (I + ηg<sub>1</sub>) ∘ G̃ is distilled into the generator network G̃
 * (xICFG's approximation step): {@code distillEpochs} passes over T·b fresh noise vectors z, minimising
 * (1/b) Σ ½‖G̃(z) − G(z)‖² over batches of b with the generator's updater; then the composite is G̃ again.
 * ICFG is the limit of no distillation (T → ∞); T = 1 with one distillation update is a plain GAN generator step.
 *
 * @param discriminatorUpdater D's updater (a copy is kept)
 * @param generatorUpdater     G̃'s updater in the distillation (a copy is kept)
 * @param batchSize            b, real and generated points per discriminator update and per distillation batch, ≥ 1
 * @param discriminatorSteps   U ≥ 1, discriminator updates per stage
 * @param eta                  η &gt; 0, the functional step size (data units per unit of ∇D)
 * @param stages               T ≥ 1, functional steps before each distillation
 * @param distillEpochs        passes over the T·b distillation examples, ≥ 1
 */
public record CfgConfig(IUpdater discriminatorUpdater, IUpdater generatorUpdater, int batchSize,
                        int discriminatorSteps, double eta, int stages, int distillEpochs) {

    /** The paper's T, stages between approximation updates. */
    public static final int DEFAULT_STAGES = 25;
    /** The paper's U, discriminator updates per stage. */
    public static final int DEFAULT_DISCRIMINATOR_STEPS = 1;
    /** Distillation epochs over the T·b examples (the paper's approximator update, as we read it). */
    public static final int DEFAULT_DISTILL_EPOCHS = 10;

    /**
     * @param discriminatorUpdater D's updater, a learning updater
     * @param generatorUpdater     G̃'s updater, a learning updater
     * @param batchSize            b ≥ 1
     * @param discriminatorSteps   U ≥ 1
     * @param eta                  η &gt; 0, finite
     * @param stages               T ≥ 1
     * @param distillEpochs        ≥ 1
     * @throws IllegalArgumentException naming the argument and its value
     */
    public CfgConfig {
        Updaters.check("discriminator updater", discriminatorUpdater);
        Updaters.check("generator updater", generatorUpdater);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1 but is " + batchSize);
        }
        if (discriminatorSteps < 1) {
            throw new IllegalArgumentException("discriminatorSteps must be at least 1 but is " + discriminatorSteps);
        }
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be positive and finite but is " + eta);
        }
        if (stages < 1) {
            throw new IllegalArgumentException("stages must be at least 1 but is " + stages);
        }
        if (distillEpochs < 1) {
            throw new IllegalArgumentException("distillEpochs must be at least 1 but is " + distillEpochs);
        }
        discriminatorUpdater = discriminatorUpdater.clone();
        generatorUpdater = generatorUpdater.clone();
    }

    /**
     * T = {@value #DEFAULT_STAGES}, U = {@value #DEFAULT_DISCRIMINATOR_STEPS}, {@value #DEFAULT_DISTILL_EPOCHS}
     * distillation epochs, batch 64, with Adam(1e-4, 0.5, 0.9) for both networks (the WGAN-GP settings of the other
     * modes) and a step size η for the data's scale.
     *
     * @param eta η &gt; 0
     * @return the configuration
     */
    public static CfgConfig xicfg(double eta) {
        return new CfgConfig(new Adam(1e-4, 0.5, 0.9, 1e-8), new Adam(1e-4, 0.5, 0.9, 1e-8), 64,
                DEFAULT_DISCRIMINATOR_STEPS, eta, DEFAULT_STAGES, DEFAULT_DISTILL_EPOCHS);
    }

    /**
     * @param size b ≥ 1
     * @return the changed copy
     */
    public CfgConfig withBatchSize(int size) {
        return new CfgConfig(discriminatorUpdater, generatorUpdater, size, discriminatorSteps, eta, stages,
                distillEpochs);
    }

    /**
     * @param t T ≥ 1
     * @return the changed copy
     */
    public CfgConfig withStages(int t) {
        return new CfgConfig(discriminatorUpdater, generatorUpdater, batchSize, discriminatorSteps, eta, t,
                distillEpochs);
    }

    /**
     * @param epochs distillation epochs ≥ 1
     * @return the changed copy
     */
    public CfgConfig withDistillEpochs(int epochs) {
        return new CfgConfig(discriminatorUpdater, generatorUpdater, batchSize, discriminatorSteps, eta, stages,
                epochs);
    }

    /**
     * Sets both learning rates (keeping the updaters' other hyper-parameters).
     *
     * @param generatorRate     G̃'s rate &gt; 0
     * @param discriminatorRate D's rate &gt; 0
     * @return the changed copy
     */
    public CfgConfig withLearningRates(double generatorRate, double discriminatorRate) {
        IUpdater g = generatorUpdater();
        IUpdater d = discriminatorUpdater();
        g.setLrAndSchedule(generatorRate, null);
        d.setLrAndSchedule(discriminatorRate, null);
        return new CfgConfig(d, g, batchSize, discriminatorSteps, eta, stages, distillEpochs);
    }

    /** @return a copy of D's updater */
    @Override
    public IUpdater discriminatorUpdater() {
        return discriminatorUpdater.clone();
    }

    /** @return a copy of G̃'s updater */
    @Override
    public IUpdater generatorUpdater() {
        return generatorUpdater.clone();
    }
}
