package io.github.ot4j.critic.enforce;

import io.github.ot4j.critic.Critic;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A strategy that keeps a critic f (approximately) 1-Lipschitz during training: by a penalty added to the
 * loss, by a projection of the parameters after each update, or both.
 *
 * <p>Call order within one critic update on a batch (real rows y, fake rows x), as the trainers do it:
 * <ol>
 *   <li>the trainer backpropagates the WGAN loss −(mean f(y) − mean f(x)) into the network's gradient;</li>
 *   <li>{@link #addPenaltyGradient} adds the gradient of the enforcer's penalty (if any) into that gradient
 *       and returns the penalty's value;</li>
 *   <li>the network's DL4J updater (RMSProp, Adam, …) turns the gradient into a step and the parameters
 *       move;</li>
 *   <li>{@link #afterUpdate} projects or rescales the parameters (clipping, scaling, normalisation).</li>
 * </ol>
 * {@link #penalty} evaluates the penalty alone, with the same random draws as {@link #addPenaltyGradient}
 * for the same seed (tests compare the two by finite differences).
 *
 * <p>Implementations are immutable values — records, or classes with {@code equals} over every setting — since a
 * checkpoint compares a resumed run's enforcer with the recorded one field by field. State that must persist from
 * update to update (spectral normalisation's power-iteration vectors) or scratch buffers belong to the instance
 * that {@link #bind} returns for one critic; the trainers call {@link #bind} once and use its result for every
 * step. Implementations throw {@link IllegalArgumentException} for a critic they cannot handle.
 *
 * <p>An enforcer reads and changes the critic through {@link Critic#network()} (the weights of dense layer k are
 * {@code network().getLayer(k).getParam("W")}, a live view into the parameters; the penalty gradient of W<sub>k</sub>
 * inside {@code gradient} is {@code gradient.getGradientFor(k + "_W")}).
 */
public interface LipschitzEnforcer {

    /**
     * Checks that this enforcer can handle the critic. Called by the trainers at construction, so that an
     * invalid combination fails before the first step. The default accepts every critic.
     *
     * @param critic the critic
     * @throws IllegalArgumentException if this enforcer cannot handle the critic (naming the layer and why)
     */
    default void validate(Critic critic) {
    }

    /**
     * The instance that enforces the constraint on one critic during one training: the trainers call this once,
     * after {@link #validate}, and use the result for every step. An enforcer with state across updates returns a
     * new object holding that state for this critic; the default returns this enforcer (stateless).
     *
     * @param critic the critic to be trained
     * @return the enforcer to use for that critic's updates
     */
    default LipschitzEnforcer bind(Critic critic) {
        return this;
    }

    /**
     * The penalty's value on a batch; 0 for enforcers without a penalty.
     *
     * @param critic the critic
     * @param real   the real batch y, m × d
     * @param fake   the fake batch x, n × d
     * @param seed   the seed of the penalty's random draws (interpolation weights)
     * @return the penalty, ≥ 0
     */
    default double penalty(Critic critic, INDArray real, INDArray fake, long seed) {
        return 0.0;
    }

    /**
     * Adds the gradient of the penalty with respect to the critic's parameters into {@code gradient}.
     * The default adds nothing.
     *
     * @param critic   the critic
     * @param real     the real batch y, m × d
     * @param fake     the fake batch x, n × d
     * @param gradient the critic's parameter gradient, modified in place
     * @param seed     the seed of the penalty's random draws
     * @return the penalty's value, as {@link #penalty} returns it
     */
    default double addPenaltyGradient(Critic critic, INDArray real, INDArray fake, Gradient gradient, long seed) {
        return 0.0;
    }

    /**
     * Projects or rescales the critic's parameters after the updater moved them. The default does nothing.
     *
     * @param critic the critic, modified in place
     * @param real   the real batch y of this update, m × d
     * @param fake   the fake batch x of this update, n × d
     */
    default void afterUpdate(Critic critic, INDArray real, INDArray fake) {
    }

    /** @return a short name for reports, such as {@code "gradient penalty (λ = 10)"} */
    String name();
}
