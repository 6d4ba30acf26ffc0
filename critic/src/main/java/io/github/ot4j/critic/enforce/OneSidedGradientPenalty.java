package io.github.ot4j.critic.enforce;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.InputGradientPenalty;
import io.github.ot4j.critic.internal.TrainableNetwork;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one-sided gradient penalty (Petzka, Fischer, Lukovnikov, "On the regularization of Wasserstein GANs",
 * ICLR 2018, WGAN-LP): λ·E[max(0, ‖∇ₓf(x̂)‖<sub>2</sub> − 1)²] at x̂ = εy + (1 − ε)x, ε ~ U(0, 1).
 *
 * <p>Guarantee: none hard — it penalises only slopes above 1, which is what the Lipschitz constraint forbids,
 * so unlike the two-sided penalty it does not push flat regions towards slope 1. Like the two-sided penalty it
 * lets the slope overshoot to about 1 + W/(2λ) and so over-estimates W by roughly that factor. Cost as
 * {@link GradientPenalty}; same restrictions (piecewise-linear activations, equal batch sizes). Default
 * λ = 10 with Adam(10<sup>−4</sup>, 0.5, 0.9).
 *
 * @param lambda λ, finite and &gt; 0
 */
public record OneSidedGradientPenalty(double lambda) implements LipschitzEnforcer {

    /** The default λ = 10. */
    public static final double DEFAULT_LAMBDA = 10.0;

    /**
     * Checks λ.
     *
     * @param lambda finite and &gt; 0
     */
    public OneSidedGradientPenalty {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and > 0 but is " + lambda);
        }
    }

    /**
     * The penalty with weight λ.
     *
     * @param lambda λ
     * @return the enforcer
     */
    public static OneSidedGradientPenalty of(double lambda) {
        return new OneSidedGradientPenalty(lambda);
    }

    /** @return the penalty with λ = 10 */
    public static OneSidedGradientPenalty wganLp() {
        return new OneSidedGradientPenalty(DEFAULT_LAMBDA);
    }

    /**
     * Checks that the critic's activations are piecewise linear (ReLU, LeakyReLU, identity).
     *
     * @param critic the critic
     * @throws IllegalArgumentException naming the first layer with another activation
     */
    @Override
    public void validate(Critic critic) {
        InputGradientPenalty.requirePiecewiseLinear(TrainableNetwork.of("critic", critic.network()));
    }

    @Override
    public double penalty(Critic critic, INDArray real, INDArray fake, long seed) {
        return InputGradientPenalty.compute(TrainableNetwork.of("critic", critic.network()), real, fake, seed, lambda, true, null);
    }

    @Override
    public double addPenaltyGradient(Critic critic, INDArray real, INDArray fake, Gradient gradient, long seed) {
        return InputGradientPenalty.compute(TrainableNetwork.of("critic", critic.network()), real, fake, seed, lambda, true, gradient);
    }

    @Override
    public String name() {
        return "one-sided gradient penalty (lambda = " + lambda + ")";
    }
}
