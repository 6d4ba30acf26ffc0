package io.github.ot4j.critic.internal;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.RmsProp;

/** The one check of DL4J updater configurations, for every updater a configuration or trainer accepts. */
public final class Updaters {

    private Updaters() {
    }

    /**
     * Checks an updater's hyper-parameters: a learning updater (not {@link NoOp}) whose learning rate is
     * positive and finite; for Adam β<sub>1</sub>, β<sub>2</sub> ∈ [0, 1) and ε &gt; 0, for RMSProp the decay in
     * [0, 1) and ε &gt; 0, for AdaGrad ε &gt; 0.
     *
     * @param name    the argument's name, for messages
     * @param updater the updater
     * @throws IllegalArgumentException naming the argument, the hyper-parameter and its value
     */
    public static void check(String name, IUpdater updater) {
        if (updater == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (updater instanceof NoOp) {
            throw new IllegalArgumentException(name + " must be a learning updater but is NoOp");
        }
        if (updater.hasLearningRate()) {
            double lr = updater.getLearningRate(0, 0);
            if (!(lr > 0) || !Double.isFinite(lr)) {
                throw new IllegalArgumentException(name + " learning rate must be positive and finite but is " + lr);
            }
        }
        if (updater instanceof Adam adam) {
            unitInterval(name + " beta1", adam.getBeta1());
            unitInterval(name + " beta2", adam.getBeta2());
            positive(name + " epsilon", adam.getEpsilon());
        } else if (updater instanceof RmsProp rms) {
            unitInterval(name + " rmsDecay", rms.getRmsDecay());
            positive(name + " epsilon", rms.getEpsilon());
        } else if (updater instanceof AdaGrad ada) {
            positive(name + " epsilon", ada.getEpsilon());
        }
    }

    /**
     * The state an updater starts from before its first update, as PyTorch's optimisers and the papers' code
     * start it: for RMSProp the running mean square s = 0 (DL4J starts it at ε, e.g. 10<sup>−8</sup>, which is
     * harmless for gradients ≫ 10<sup>−4</sup> but dominates s for the tiny gradients of a weight-clipped WGAN
     * critic, |g| ≈ 10<sup>−7</sup>: then u = η g / (√s + ε) is about η·|g|/10<sup>−4</sup> ≈ 10<sup>−3</sup>·η,
     * not ≈ η, for the first thousand or so steps, until s has decayed to g²); for AdaGrad the sum of squared
     * gradients h = 0 (PyTorch's {@code initial_accumulator_value}; DL4J starts it at ε too, which for tiny
     * gradients divides the first steps by √ε). Other updaters keep DL4J's start (Adam's moments are 0 in both).
     *
     * @param updater the updater configuration of every layer
     * @param state   the network's updater state view (may be null for a stateless updater)
     */
    public static void startState(IUpdater updater, org.nd4j.linalg.api.ndarray.INDArray state) {
        if ((updater instanceof RmsProp || updater instanceof AdaGrad) && state != null) {
            state.assign(0);
        }
    }

    private static void unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1) but is " + value);
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite but is " + value);
        }
    }
}
