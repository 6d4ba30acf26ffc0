package io.github.ot4j.gan.features;

import io.github.ot4j.critic.internal.Updaters;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Representative features (RFGAN: Bang and Shim, "Improved training of generative adversarial networks using
 * representative features", ICML 2018): an autoencoder x ↦ D(E(x)) is trained on the real data first, on the
 * mean reconstruction error (1/n) Σ ‖x<sub>i</sub> − D(E(x<sub>i</sub>))‖², and its encoder E: R<sup>d</sup> → R<sup>k</sup>
 * is then frozen; the critic sees E(x) next to x, f(x) = f̃([x; E(x)]), so the generator is pulled towards what the
 * autoencoder found representative of the whole real distribution (the paper's counter to partial mode collapse)
 * as well as by the adversarial features. The generator's gradient flows through both, ∇ₓf = ∇ₓf̃ + J<sub>E</sub>(x)ᵀ∇<sub>e</sub>f̃.
 *
 * <p>Where the features join: the paper concatenates E(x) with the discriminator's last hidden layer; ot4j's
 * training seam trains dense MLPs only, so here they join at the critic's input (a dense critic can carry them to
 * its last layer). A Lipschitz enforcer then acts on f̃ in the joint space [x; E(x)].
 *
 * <p>The encoder is d → {@code hiddenWidth} (tanh) → k (tanh), the decoder k → {@code hiddenWidth} (tanh) → d
 * (linear); both are trained with the {@code updater} for {@code pretrainSteps} steps of {@code batchSize} fresh
 * real points, seeded by the run's seed, when the trainer is created. The paper trains its autoencoder to
 * convergence before the GAN; the defaults here are sized for 2-D toys and the 64-pixel digits.
 *
 * @param codeDimension k ≥ 1, the encoder's output (the features added to the critic's input)
 * @param hiddenWidth   units of the encoder's and decoder's hidden layers, ≥ 1
 * @param pretrainSteps autoencoder updates before GAN training, ≥ 1
 * @param batchSize     real points per autoencoder update, ≥ 1
 * @param updater       the autoencoder's updater (a copy is kept)
 */
public record RepresentativeFeatures(int codeDimension, int hiddenWidth, int pretrainSteps, int batchSize,
                                     IUpdater updater) implements CriticFeatures {

    /** The default k. */
    public static final int DEFAULT_CODE_DIMENSION = 8;
    /** The default hidden width. */
    public static final int DEFAULT_WIDTH = 64;
    /** The default number of autoencoder updates. */
    public static final int DEFAULT_PRETRAIN_STEPS = 1000;

    /**
     * @param codeDimension k ≥ 1
     * @param hiddenWidth   ≥ 1
     * @param pretrainSteps ≥ 1
     * @param batchSize     ≥ 1
     * @param updater       a learning updater
     * @throws IllegalArgumentException naming the argument and its value
     */
    public RepresentativeFeatures {
        positive("codeDimension", codeDimension);
        positive("hiddenWidth", hiddenWidth);
        positive("pretrainSteps", pretrainSteps);
        positive("batchSize", batchSize);
        Updaters.check("autoencoder updater", updater);
        updater = updater.clone();
    }

    /**
     * k = {@value #DEFAULT_CODE_DIMENSION}, hidden width {@value #DEFAULT_WIDTH}, {@value #DEFAULT_PRETRAIN_STEPS}
     * updates of 256 points with Adam(1e-3).
     *
     * @return the features
     */
    public static RepresentativeFeatures defaults() {
        return new RepresentativeFeatures(DEFAULT_CODE_DIMENSION, DEFAULT_WIDTH, DEFAULT_PRETRAIN_STEPS, 256,
                new Adam(1e-3));
    }

    /**
     * @param steps autoencoder updates, ≥ 1
     * @return these features with another pre-training length
     */
    public RepresentativeFeatures withPretrainSteps(int steps) {
        return new RepresentativeFeatures(codeDimension, hiddenWidth, steps, batchSize, updater);
    }

    /** @return a copy of the autoencoder's updater */
    @Override
    public IUpdater updater() {
        return updater.clone();
    }

    @Override
    public int dimension() {
        return codeDimension;
    }

    @Override
    public String name() {
        return "representative";
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 but is " + value);
        }
    }
}
