package io.github.ot4j.critic.train;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.LipschitzEnforcer;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.internal.Finite;
import io.github.ot4j.critic.internal.NonFiniteException;
import io.github.ot4j.critic.internal.TrainableNetwork;
import io.github.ot4j.critic.internal.Updaters;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * The WGAN critic update with a Lipschitz enforcer: on a batch of real rows y (m) and fake rows x (n) it
 * minimises L = −(mean<sub>i</sub> f(y<sub>i</sub>) − mean<sub>j</sub> f(x<sub>j</sub>)) + penalty, one step of the
 * network's DL4J updater per call.
 *
 * <p>Per {@link #step}: one backward pass of DL4J with ε = −1/m on the real rows and +1/n on the fake rows
 * (the gradient of L's first term), {@link LipschitzEnforcer#addPenaltyGradient}, the updater,
 * {@link LipschitzEnforcer#afterUpdate} — all through the critic's {@code TrainableNetwork}, whose atomic attempt
 * makes the step all-or-nothing. The optimiser state lives in the network's own updater (installed by the
 * constructor), so {@link Critic#save} checkpoints it. A step whose loss, penalty, gradient or resulting
 * parameters are not finite throws {@link CriticTrainingException} naming the quantity, with the parameters,
 * updater state and iteration count restored.
 */
public final class CriticTrainer implements CriticIteration {

    private final Critic critic;
    private final LipschitzEnforcer enforcer;
    private final LipschitzEnforcer bound;
    private final IUpdater updater;
    private final TrainableNetwork net;
    /** The loss's ε of the last step's batch sizes (read only), and its number of real rows. */
    private INDArray epsilon;
    private long epsilonReal = -1;

    private CriticTrainer(Critic critic, LipschitzEnforcer enforcer, IUpdater updater) {
        if (critic == null) {
            throw new IllegalArgumentException("critic must not be null");
        }
        if (enforcer == null) {
            throw new IllegalArgumentException("enforcer must not be null");
        }
        Updaters.check("updater", updater);
        enforcer.validate(critic);
        this.critic = critic;
        this.enforcer = enforcer;
        this.bound = enforcer.bind(critic);
        this.updater = updater.clone();
        this.net = TrainableNetwork.of("critic", critic.network());
        net.useUpdater(updater);
    }

    /**
     * A trainer with the given enforcer and updater. Installs the updater in the critic's network (keeping the
     * network's updater state if it already uses an equal updater, as after restoring a checkpoint).
     *
     * @param critic   the critic to train
     * @param enforcer the Lipschitz enforcer
     * @param updater  the DL4J updater configuration
     * @return the trainer
     * @throws IllegalArgumentException if an argument is null, the updater's hyper-parameters are invalid or the
     *         enforcer cannot handle the critic ({@link LipschitzEnforcer#validate})
     */
    public static CriticTrainer of(Critic critic, LipschitzEnforcer enforcer, IUpdater updater) {
        return new CriticTrainer(critic, enforcer, updater);
    }

    /**
     * A trainer with the enforcer's customary updater: RMSProp(5·10<sup>−5</sup>) for weight clipping
     * (WGAN), Adam(10<sup>−4</sup>, 0.5, 0.9) for everything else (WGAN-GP).
     *
     * @param critic   the critic to train
     * @param enforcer the Lipschitz enforcer
     * @return the trainer
     * @throws IllegalArgumentException if an argument is null or the enforcer cannot handle the critic
     *         ({@link LipschitzEnforcer#validate})
     */
    public static CriticTrainer of(Critic critic, LipschitzEnforcer enforcer) {
        return new CriticTrainer(critic, enforcer, defaultUpdater(enforcer));
    }

    /**
     * The WGAN recipe: weight clipping at c = 0.01 and RMSProp(5·10<sup>−5</sup>).
     *
     * @param critic the critic to train
     * @return the trainer
     */
    public static CriticTrainer wgan(Critic critic) {
        return of(critic, WeightClipping.wgan());
    }

    /**
     * The WGAN-GP recipe: gradient penalty λ = 10 and Adam(10<sup>−4</sup>, 0.5, 0.9).
     *
     * @param critic the critic to train
     * @return the trainer
     */
    public static CriticTrainer wganGp(Critic critic) {
        return of(critic, GradientPenalty.wganGp());
    }

    /**
     * The customary updater of an enforcer: RMSProp(5·10<sup>−5</sup>, decay 0.99, ε 10<sup>−8</sup>: PyTorch's
     * defaults, as in the WGAN authors' code and {@code WganConfig.wgan()}) for weight clipping, Adam(10<sup>−4</sup>,
     * β<sub>1</sub> = 0.5, β<sub>2</sub> = 0.9) for the penalties, spectral normalisation and others.
     *
     * @param enforcer the enforcer
     * @return a new updater configuration
     */
    public static IUpdater defaultUpdater(LipschitzEnforcer enforcer) {
        if (enforcer instanceof WeightClipping) {
            return new RmsProp(5e-5, 0.99, 1e-8);
        }
        return new Adam(1e-4, 0.5, 0.9, 1e-8);
    }

    @Override
    public CriticStep step(INDArray real, INDArray fake, long seed) {
        INDArray y = Finite.requireArgument("real", net.input("real", real));
        INDArray x = Finite.requireArgument("fake", net.input("fake", fake));
        try {
            return net.attempt(() -> {
                double[] parts = new double[2];
                Gradient gradient = backpropLoss(y, x, seed, parts);
                net.apply(gradient);
                bound.afterUpdate(critic, y, x);
                return new CriticStep(parts[0] + parts[1], -parts[0], parts[1]);
            });
        } catch (NonFiniteException e) {
            throw CriticTrainingException.from(e);
        } catch (IllegalStateException e) {
            // an enforcer's projection failed (a zero or non-finite norm estimate, a non-finite scaling factor)
            throw new CriticTrainingException("parameters", e.getMessage());
        }
    }

    /**
     * The loss L = −(mean f(y) − mean f(x)) + penalty that {@link #step} minimises, by forward passes; the
     * critic is not changed.
     *
     * @param real the real batch y, m × d
     * @param fake the fake batch x, n × d
     * @param seed the seed of the penalty's random draws
     * @return L
     */
    public double loss(INDArray real, INDArray fake, long seed) {
        INDArray y = net.input("real", real);
        INDArray x = net.input("fake", fake);
        return -critic.meanDifference(y, x) + bound.penalty(critic, y, x, seed);
    }

    /**
     * The gradient of {@link #loss} with respect to the parameters, exactly as {@link #step} computes it before
     * the updater, flattened in the order of {@code critic.network().params()}; the critic is not changed.
     *
     * @param real the real batch y, m × d
     * @param fake the fake batch x, n × d
     * @param seed the seed of the penalty's random draws
     * @return ∂L/∂θ, a new array
     */
    public INDArray lossGradient(INDArray real, INDArray fake, long seed) {
        INDArray y = net.input("real", real);
        INDArray x = net.input("fake", fake);
        try {
            return backpropLoss(y, x, seed, new double[2]).gradient().dup();
        } catch (NonFiniteException e) {
            throw CriticTrainingException.from(e);
        }
    }

    /** Backpropagates L into the network's gradient view; parts receives {WGAN loss, penalty}. */
    private Gradient backpropLoss(INDArray y, INDArray x, long seed, double[] parts) {
        INDArray batch = Nd4j.vstack(y, x);
        INDArray epsilon = epsilon(y.rows(), x.rows());
        INDArray values = net.forward(batch);
        // Σ ε_i f(row i) = −(mean f(y) − mean f(x)), one BLAS dot
        double wganLoss = Nd4j.getBlasWrapper().dot(values.reshape(values.length()),
                epsilon.reshape(epsilon.length()));
        Gradient gradient = net.backwardParameters(epsilon);
        Finite.require("loss", wganLoss);
        double penalty = Finite.require("penalty", bound.addPenaltyGradient(critic, y, x, gradient, seed));
        Finite.require("gradient", gradient.gradient());
        parts[0] = wganLoss;
        parts[1] = penalty;
        return gradient;
    }

    /** ε = −1/m on the m real rows, +1/n on the n fake rows, kept for the next step of the same sizes. */
    private INDArray epsilon(long m, long n) {
        if (epsilon == null || epsilonReal != m || epsilon.rows() != m + n) {
            INDArray e = Nd4j.createUninitialized(critic.dataType(), m + n, 1);
            e.get(NDArrayIndex.interval(0, m), NDArrayIndex.all()).assign(-1.0 / m);
            e.get(NDArrayIndex.interval(m, m + n), NDArrayIndex.all()).assign(1.0 / n);
            epsilon = e;
            epsilonReal = m;
        }
        return epsilon;
    }

    @Override
    public Critic critic() {
        return critic;
    }

    /** @return the enforcer */
    public LipschitzEnforcer enforcer() {
        return enforcer;
    }

    /** @return the updater configuration installed in the network */
    public IUpdater updater() {
        return updater.clone();
    }
}
