package io.github.ot4j.gan.regularize;

/**
 * Jacobian clamping (Odena, Buckman, Olsson, Brown, Olah, Raffel, Goodfellow, "Is generator conditioning causally
 * related to GAN performance?", ICML 2018, Algorithm 1): the generator's local stretch
 * <pre>
 *   Q(z) = ‖G(z) − G(z + δ)‖ / ‖δ‖,   δ = ε·u/‖u‖,  u ~ N(0, I)
 * </pre>
 * (a one-direction estimate of how much G's Jacobian stretches the noise space, units of data per unit of noise)
 * is kept in [λ<sub>min</sub>, λ<sub>max</sub>] by the penalty, averaged over the batch and added to the
 * generator's loss with a weight w:
 * <pre>
 *   R = w · (1/n) Σ_i [ (max(Q_i, λ_max) − λ_max)² + (min(Q_i, λ_min) − λ_min)² ].
 * </pre>
 * It is zero while every Q<sub>i</sub> lies in [λ<sub>min</sub>, λ<sub>max</sub>]; the paper found the Jacobian's
 * condition number to track sample quality and clamping it to make training more reliable. A generator
 * regulariser: combinable with any critic mode.
 *
 * @param lambdaMin λ<sub>min</sub> ≥ 0, the smallest stretch left unpenalised
 * @param lambdaMax λ<sub>max</sub> ≥ λ<sub>min</sub>, the largest
 * @param epsilon   ε &gt; 0, the length of the noise perturbation δ (noise units)
 * @param weight    w &gt; 0, the penalty's weight in the generator loss
 */
public record JacobianClamping(double lambdaMin, double lambdaMax, double epsilon, double weight)
        implements GeneratorRegularizer {

    /** The paper's λ<sub>min</sub>. */
    public static final double DEFAULT_LAMBDA_MIN = 1.0;
    /** The paper's λ<sub>max</sub>. */
    public static final double DEFAULT_LAMBDA_MAX = 20.0;
    /** The paper's ε. */
    public static final double DEFAULT_EPSILON = 1.0;

    /**
     * @param lambdaMin λ<sub>min</sub> ≥ 0
     * @param lambdaMax λ<sub>max</sub> ≥ λ<sub>min</sub>, finite
     * @param epsilon   ε &gt; 0, finite
     * @param weight    w &gt; 0, finite
     * @throws IllegalArgumentException naming the value that is out of range
     */
    public JacobianClamping {
        if (!(lambdaMin >= 0) || !Double.isFinite(lambdaMin)) {
            throw new IllegalArgumentException("lambdaMin must be finite and >= 0 but is " + lambdaMin);
        }
        if (!(lambdaMax >= lambdaMin) || !Double.isFinite(lambdaMax)) {
            throw new IllegalArgumentException("lambdaMax must be finite and >= lambdaMin = " + lambdaMin
                    + " but is " + lambdaMax);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0 but is " + epsilon);
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and > 0 but is " + weight);
        }
    }

    /**
     * The paper's defaults: λ<sub>min</sub> = 1, λ<sub>max</sub> = 20, ε = 1, weight 1.
     *
     * @return the regulariser
     */
    public static JacobianClamping paper() {
        return new JacobianClamping(DEFAULT_LAMBDA_MIN, DEFAULT_LAMBDA_MAX, DEFAULT_EPSILON, 1.0);
    }

    /**
     * The penalty of one stretch, without the weight and the batch mean.
     *
     * @param q Q ≥ 0
     * @return (max(Q, λ<sub>max</sub>) − λ<sub>max</sub>)² + (min(Q, λ<sub>min</sub>) − λ<sub>min</sub>)²
     */
    public double penalty(double q) {
        double above = Math.max(q, lambdaMax) - lambdaMax;
        double below = Math.min(q, lambdaMin) - lambdaMin;
        return above * above + below * below;
    }

    /**
     * The derivative of {@link #penalty} (0 inside [λ<sub>min</sub>, λ<sub>max</sub>]).
     *
     * @param q Q ≥ 0
     * @return 2(Q − λ<sub>max</sub>) above λ<sub>max</sub>, 2(Q − λ<sub>min</sub>) below λ<sub>min</sub>, else 0
     */
    public double penaltyDerivative(double q) {
        if (q > lambdaMax) {
            return 2 * (q - lambdaMax);
        }
        if (q < lambdaMin) {
            return 2 * (q - lambdaMin);
        }
        return 0.0;
    }

    @Override
    public String name() {
        return "jacobian-clamping";
    }
}
