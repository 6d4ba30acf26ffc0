package io.github.ot4j.critic.enforce;

import java.util.SplittableRandom;

import io.github.ot4j.critic.Critic;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Spectral normalisation (Miyato et al., "Spectral Normalization for Generative Adversarial Networks", ICLR
 * 2018), as a projection: after every update each dense layer's weight matrix becomes W ← W/σ(W), σ(W) its
 * largest singular value estimated by power iteration with persistent vectors (a few iterations per update;
 * the vectors carry over, so the estimate tracks the slowly moving weights). Biases are left alone.
 *
 * <p>Guarantee: with 1-Lipschitz activations the certified bound Π σ(W<sub>k</sub>) is 1 up to the power
 * iteration's error — power iteration approaches σ from below, so the bound is ≥ 1 by that small error, which
 * shrinks as the vectors converge over the updates. Cost: per layer and iteration two matrix-vector products.
 *
 * <p>State: the power-iteration vectors, per layer, for one critic at a time (a different critic or shape
 * restarts them from the seed). Not thread-safe.
 */
public final class SpectralNormalization implements LipschitzEnforcer {

    /** The paper's one power iteration per update. */
    public static final int DEFAULT_POWER_ITERATIONS = 1;

    private final int powerIterations;
    private final long seed;
    private Critic owner;
    private INDArray[] u;

    private SpectralNormalization(int powerIterations, long seed) {
        if (powerIterations < 1) {
            throw new IllegalArgumentException("powerIterations must be >= 1 but is " + powerIterations);
        }
        this.powerIterations = powerIterations;
        this.seed = seed;
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

    /** @return the number of power iterations per update */
    public int powerIterations() {
        return powerIterations;
    }

    @Override
    public void afterUpdate(Critic critic, INDArray real, INDArray fake) {
        normalize(critic);
    }

    /**
     * Divides every dense layer's weights by their estimated spectral norm (what {@link #afterUpdate} does).
     *
     * @param critic the critic, modified in place
     */
    public void normalize(Critic critic) {
        ensureVectors(critic);
        for (int k = 0; k < critic.layerCount(); k++) {
            INDArray w = critic.weights(k);
            INDArray uk = u[k];
            double sigma = 0;
            for (int it = 0; it < powerIterations; it++) {
                INDArray v = uk.mmul(w.transpose());             // 1 × nIn
                v.divi(Math.max(v.norm2Number().doubleValue(), Double.MIN_NORMAL));
                INDArray wv = v.mmul(w);                          // 1 × nOut
                sigma = wv.norm2Number().doubleValue();
                uk = wv.divi(Math.max(sigma, Double.MIN_NORMAL));
            }
            u[k] = uk;
            if (!(sigma > 0) || !Double.isFinite(sigma)) {
                throw new IllegalStateException("spectral norm estimate of layer " + k + " is " + sigma);
            }
            w.divi(sigma);
        }
    }

    private void ensureVectors(Critic critic) {
        boolean fresh = owner != critic || u == null || u.length != critic.layerCount();
        if (!fresh) {
            for (int k = 0; k < u.length; k++) {
                fresh |= u[k].columns() != critic.weights(k).columns() || u[k].dataType() != critic.dataType();
            }
        }
        if (fresh) {
            SplittableRandom random = new SplittableRandom(seed);
            u = new INDArray[critic.layerCount()];
            for (int k = 0; k < u.length; k++) {
                int nOut = (int) critic.weights(k).columns();
                double[] init = new double[nOut];
                for (int j = 0; j < nOut; j++) {
                    init[j] = random.nextGaussian();
                }
                INDArray vec = Nd4j.createFromArray(init).castTo(critic.dataType()).reshape(1, nOut);
                u[k] = vec.divi(vec.norm2Number());
            }
            owner = critic;
        }
    }

    @Override
    public String name() {
        return "spectral normalisation (" + powerIterations + " power iteration"
                + (powerIterations == 1 ? "" : "s") + ")";
    }
}
