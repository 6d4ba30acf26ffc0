package io.github.ot4j.gan.lens;

import io.github.ot4j.critic.internal.Updaters;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Tempered adversarial networks (Sajjadi, Parascandolo, Mehrjou, Schölkopf, ICML 2018): a lens network L between
 * the real data X and the critic, so that the critic is trained on L(X) instead of X, while L is trained against
 * the critic and towards the identity:
 * <pre>
 *   L_L = λ(t)·L_adv + L_rec,   L_adv = −L_D = (1/n) Σ f(L(x_i)) − (1/m) Σ f(G(z_j)),
 *   L_rec = (1/n) Σ ‖x_i − L(x_i)‖²,
 *   λ(t) = 1 − sin(tπ/(2K)) for t ≤ K,   λ(t) = 0 for t &gt; K,
 * </pre>
 * t the number of generator steps done before the current one (so λ = 1 at the first step) and L<sub>D</sub> the
 * WGAN critic loss without its enforcer's penalty (only its first term depends on L). Early in training the lens
 * makes the real data look like the generated data to the critic ("tempers" it); from step K on only L<sub>rec</sub>
 * remains, and L returns to the identity, so that the critic sees the real data again.
 *
 * <p>The lens is a residual MLP, L(x) = x + N(x), N: R<sup>d</sup> → R<sup>d</sup> with {@code hiddenLayers}
 * tanh layers of {@code hiddenWidth} units and a linear output layer whose weights and bias start at zero (so
 * L is the identity at t = 0); it is updated once per generator step, after the critic's iterations, on its own
 * fresh real batch.
 *
 * @param temperingSteps K ≥ 1, the generator steps over which λ falls from 1 to 0
 * @param hiddenWidth    units per hidden layer of N, ≥ 1
 * @param hiddenLayers   hidden layers of N, ≥ 1
 * @param updater        the lens's updater (a copy is kept)
 */
public record TemperingLens(int temperingSteps, int hiddenWidth, int hiddenLayers, IUpdater updater)
        implements Lens {

    /** The paper's K, 10⁵ generator steps, as we read its experiments; short runs need {@link #of(int)}. */
    public static final int DEFAULT_TEMPERING_STEPS = 100_000;
    /** Units per hidden layer of the default lens network. */
    public static final int DEFAULT_WIDTH = 32;
    /** Hidden layers of the default lens network. */
    public static final int DEFAULT_LAYERS = 2;

    /**
     * @param temperingSteps K ≥ 1
     * @param hiddenWidth    ≥ 1
     * @param hiddenLayers   ≥ 1
     * @param updater        a learning updater, checked like every updater
     * @throws IllegalArgumentException naming the argument and its value
     */
    public TemperingLens {
        if (temperingSteps < 1) {
            throw new IllegalArgumentException("temperingSteps must be at least 1 but is " + temperingSteps);
        }
        if (hiddenWidth < 1) {
            throw new IllegalArgumentException("hiddenWidth must be at least 1 but is " + hiddenWidth);
        }
        if (hiddenLayers < 1) {
            throw new IllegalArgumentException("hiddenLayers must be at least 1 but is " + hiddenLayers);
        }
        Updaters.check("lens updater", updater);
        updater = updater.clone();
    }

    /**
     * The paper's schedule, K = {@value #DEFAULT_TEMPERING_STEPS}, with a 2 → 32 → 32 → 2 residual lens and
     * Adam(1e-4, 0.5, 0.9) (the WGAN-GP settings the paper trains its WGAN-GP runs with).
     *
     * @return the lens
     */
    public static TemperingLens paper() {
        return of(DEFAULT_TEMPERING_STEPS);
    }

    /**
     * The default lens with another K.
     *
     * @param temperingSteps K ≥ 1
     * @return the lens
     */
    public static TemperingLens of(int temperingSteps) {
        return new TemperingLens(temperingSteps, DEFAULT_WIDTH, DEFAULT_LAYERS, new Adam(1e-4, 0.5, 0.9, 1e-8));
    }

    /**
     * @param newUpdater the lens's updater
     * @return this lens with another updater
     */
    public TemperingLens withUpdater(IUpdater newUpdater) {
        return new TemperingLens(temperingSteps, hiddenWidth, hiddenLayers, newUpdater);
    }

    /**
     * The weight of the adversarial term at generator step t.
     *
     * @param t generator steps done, ≥ 0
     * @return λ(t) = 1 − sin(tπ/(2K)) for t ≤ K, else 0; in [0, 1]
     * @throws IllegalArgumentException if t &lt; 0
     */
    public double lambda(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("t must be non-negative but is " + t);
        }
        if (t >= temperingSteps) {
            return 0.0; // exact at K, where sin(π/2) = 1 up to rounding
        }
        return 1.0 - Math.sin(t * Math.PI / (2.0 * temperingSteps));
    }

    /** @return a copy of the lens's updater */
    @Override
    public IUpdater updater() {
        return updater.clone();
    }

    @Override
    public String name() {
        return "tempering";
    }
}
