package io.github.ot4j.critic.enforce;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Weight clipping (Arjovsky, Chintala, Bottou, "Wasserstein GAN", 2017): after every update, every parameter
 * (weights and biases) is clipped to [−c, c].
 *
 * <p>Guarantee: each weight matrix W (nIn × nOut) then has spectral norm ≤ ‖W‖<sub>F</sub> ≤
 * c·√(nIn·nOut), so f is K-Lipschitz with K ≤ Π<sub>k</sub> c·√(nIn<sub>k</sub>·nOut<sub>k</sub>) for 1-Lipschitz
 * activations ({@link #impliedBound}) — a bound, not 1: a clipped critic estimates W up to an unknown factor and
 * in practice under-estimates it. Cost: one pass over the parameters. The paper's defaults: c = 0.01 with
 * RMSProp(5·10<sup>−5</sup>).
 *
 * @param c the clipping threshold, finite and &gt; 0
 */
public record WeightClipping(double c) implements LipschitzEnforcer {

    /** The WGAN paper's threshold, 0.01. */
    public static final double DEFAULT_C = 0.01;

    /**
     * Checks the threshold.
     *
     * @param c finite and &gt; 0
     */
    public WeightClipping {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c must be finite and > 0 but is " + c);
        }
    }

    /**
     * Clipping to [−c, c].
     *
     * @param c the threshold
     * @return the enforcer
     */
    public static WeightClipping of(double c) {
        return new WeightClipping(c);
    }

    /** @return clipping with the WGAN paper's c = 0.01 */
    public static WeightClipping wgan() {
        return new WeightClipping(DEFAULT_C);
    }

    @Override
    public void afterUpdate(Critic critic, INDArray real, INDArray fake) {
        INDArray params = critic.network().params();
        Transforms.max(params, -c, false);
        Transforms.min(params, c, false);
    }

    /**
     * The Lipschitz bound that clipping alone guarantees for a critic of this shape:
     * Π<sub>k</sub> c·√(nIn<sub>k</sub>·nOut<sub>k</sub>).
     *
     * @param critic the critic (only its shape is used)
     * @return the bound
     */
    public double impliedBound(Critic critic) {
        TrainableNetwork net = TrainableNetwork.of("critic", critic.network());
        double bound = 1.0;
        for (int k = 0; k < net.layerCount(); k++) {
            INDArray w = net.weights(k);
            bound *= c * Math.sqrt((double) w.rows() * w.columns());
        }
        return bound;
    }

    @Override
    public String name() {
        return "weight clipping (c = " + c + ")";
    }
}
