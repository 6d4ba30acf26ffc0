package io.github.ot4j.critic.enforce;

import java.util.SplittableRandom;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.Finite;
import io.github.ot4j.critic.internal.PowerIteration;
import io.github.ot4j.critic.internal.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Spectral normalisation (Miyato et al., "Spectral Normalization for Generative Adversarial Networks", ICLR
 * 2018), as a projection: after every update each dense layer's weight matrix becomes W ← W/σ(W), σ(W) its
 * largest singular value estimated by power iteration with persistent vectors (a few iterations per update;
 * the vectors carry over, so the estimate tracks the slowly moving weights). Biases are left alone.
 *
 * <p>This is a projection after the updater's step, not Miyato et al.'s reparametrisation: there the network
 * computes with W/σ(W) and the gradient flows through σ(W); here the gradient is that of the unnormalised
 * network at the current (already normalised) weights, and the weights are rescaled afterwards. The
 * constraint is the same, the training dynamics are not.
 *
 * <p>Guarantee: with 1-Lipschitz activations the certified bound Π σ(W<sub>k</sub>) is 1 up to the power
 * iteration's error — power iteration approaches σ from below, so the bound is ≥ 1 by that small error, which
 * shrinks as the vectors converge over the updates. Cost: per layer and iteration two matrix-vector products.
 *
 * <p>State: this record is the setting; the power-iteration vectors belong to the {@link Normalizer} that
 * {@link #bind} returns for one critic (the trainers bind once and keep it). Called unbound,
 * {@link #afterUpdate} starts from fresh vectors drawn from the seed every time.
 *
 * @param powerIterations power iterations per update, ≥ 1
 * @param seed            the seed of the initial power-iteration vectors
 */
public record SpectralNormalization(int powerIterations, long seed) implements LipschitzEnforcer {

    /** The paper's one power iteration per update. */
    public static final int DEFAULT_POWER_ITERATIONS = 1;

    /**
     * Checks the number of power iterations.
     *
     * @param powerIterations ≥ 1
     * @param seed            any value
     */
    public SpectralNormalization {
        if (powerIterations < 1) {
            throw new IllegalArgumentException("powerIterations must be >= 1 but is " + powerIterations);
        }
    }

    /**
     * Spectral normalisation with the given number of power iterations per update.
     *
     * @param powerIterations ≥ 1
     * @param seed            the seed of the initial power-iteration vectors
     * @return the enforcer
     */
    public static SpectralNormalization of(int powerIterations, long seed) {
        return new SpectralNormalization(powerIterations, seed);
    }

    /**
     * Spectral normalisation with the paper's one power iteration per update.
     *
     * @param seed the seed of the initial power-iteration vectors
     * @return the enforcer
     */
    public static SpectralNormalization miyato(long seed) {
        return new SpectralNormalization(DEFAULT_POWER_ITERATIONS, seed);
    }

    /**
     * @param critic the critic to be trained
     * @return a normaliser with fresh power-iteration vectors for that critic
     */
    @Override
    public Normalizer bind(Critic critic) {
        return new Normalizer(this, critic);
    }

    /** Normalises with fresh vectors from the seed (no state is kept; the trainers use {@link #bind}). */
    @Override
    public void afterUpdate(Critic critic, INDArray real, INDArray fake) {
        bind(critic).normalize();
    }

    @Override
    public String name() {
        return "spectral normalisation (" + powerIterations + " power iteration"
                + (powerIterations == 1 ? "" : "s") + ")";
    }

    /**
     * Spectral normalisation of one critic, with its persistent power-iteration vectors (one per layer).
     * Not thread-safe.
     */
    public static final class Normalizer implements LipschitzEnforcer {

        private final SpectralNormalization settings;
        private final Critic critic;
        private INDArray[] u;

        private Normalizer(SpectralNormalization settings, Critic critic) {
            this.settings = settings;
            this.critic = critic;
        }

        /** @return the settings this normaliser applies */
        public SpectralNormalization settings() {
            return settings;
        }

        /**
         * @param other a critic
         * @return this normaliser for its own critic, a fresh one for another
         */
        @Override
        public LipschitzEnforcer bind(Critic other) {
            return other == critic ? this : settings.bind(other);
        }

        /** @throws IllegalArgumentException if {@code c} is not the critic this normaliser was bound to */
        @Override
        public void afterUpdate(Critic c, INDArray real, INDArray fake) {
            if (c != critic) {
                throw new IllegalArgumentException("this normaliser is bound to another critic (use bind)");
            }
            normalize();
        }

        /**
         * Divides every dense layer's weights by their estimated spectral norm (what {@link #afterUpdate} does).
         * Transactional for the persistent state: the power-iteration vectors advance only if every layer's
         * estimate is finite and &gt; 0 and the normalised weights are finite; otherwise they stay as they were (a
         * trainer's rollback then restores a step exactly), the weights are left untouched if an estimate fails,
         * and an {@link IllegalStateException} names the layer.
         *
         * @throws IllegalStateException if a layer's spectral norm estimate or normalised weights are not finite
         *         and &gt; 0
         */
        public void normalize() {
            TrainableNetwork net = TrainableNetwork.of("critic", critic.network());
            INDArray[] start = vectors(net);
            int layers = net.layerCount();
            INDArray[] next = new INDArray[layers];
            double[] sigmas = new double[layers];
            for (int k = 0; k < layers; k++) {
                INDArray w = net.weights(k);
                INDArray uk = Nd4j.create(net.dataType(), 1, w.columns()); // the start's vectors stay as they are
                double sigma = PowerIteration.step(w, start[k], uk);
                for (int it = 1; it < settings.powerIterations; it++) {
                    sigma = PowerIteration.step(w, uk, uk);
                }
                if (!(sigma > 0) || !Double.isFinite(sigma)) {
                    throw new IllegalStateException("spectral norm estimate of layer " + k + " is " + sigma);
                }
                next[k] = uk;
                sigmas[k] = sigma;
            }
            for (int k = 0; k < layers; k++) {
                INDArray w = net.weights(k).divi(sigmas[k]);
                if (Finite.problem(w) != null) {
                    throw new IllegalStateException("the spectral-normalised weights of layer " + k
                            + " are not finite (sigma = " + sigmas[k] + ")");
                }
            }
            // every layer succeeded: only now do the persistent vectors advance
            u = next;
        }

        /** The current vectors, or fresh ones from the seed (not yet stored) if the critic's shape changed. */
        private INDArray[] vectors(TrainableNetwork net) {
            boolean fresh = u == null || u.length != net.layerCount();
            for (int k = 0; !fresh && k < u.length; k++) {
                fresh = u[k].columns() != net.weights(k).columns() || u[k].dataType() != net.dataType();
            }
            if (!fresh) {
                return u;
            }
            SplittableRandom random = new SplittableRandom(settings.seed);
            INDArray[] init = new INDArray[net.layerCount()];
            for (int k = 0; k < init.length; k++) {
                int nOut = (int) net.weights(k).columns();
                double[] values = new double[nOut];
                for (int j = 0; j < nOut; j++) {
                    values[j] = random.nextGaussian();
                }
                INDArray vec = Nd4j.createFromArray(values).castTo(net.dataType()).reshape(1, nOut);
                init[k] = vec.divi(vec.norm2Number());
            }
            return init;
        }

        @Override
        public String name() {
            return settings.name();
        }
    }
}
