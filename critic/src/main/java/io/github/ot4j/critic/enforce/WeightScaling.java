package io.github.ot4j.critic.enforce;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.Arrays2;
import io.github.ot4j.critic.internal.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Weight scaling (Liu, Gu, Samaras, "Two-Step Computation of the Exact GAN Wasserstein Distance", ICML 2018,
 * eq. 15): after an update, on the batch pairs (real y<sub>i</sub>, fake x<sub>j</sub>),
 * β = max(1, max over pairs with c<sub>ij</sub> &gt; 0 of (f(y<sub>i</sub>) − f(x<sub>j</sub>)) / c<sub>ij</sub>) with
 * c<sub>ij</sub> = c(y<sub>i</sub>, x<sub>j</sub>), then f ← f/β — done exactly by dividing the last layer's
 * weights and bias by β (f is affine in them).
 *
 * <p>Guarantee: afterwards (f(y<sub>i</sub>) − f(x<sub>j</sub>)) ≤ c<sub>ij</sub> for every batch pair with
 * c<sub>ij</sub> &gt; 0, which is the constraint of the Kantorovich dual on the batch except at coincident points:
 * pairs with c<sub>ij</sub> = 0 are skipped (no finite β can enforce f(y<sub>i</sub>) ≤ f(x<sub>j</sub>) there), so
 * f(y<sub>i</sub>) − f(x<sub>j</sub>) ≤ 0 is not enforced for them. It says nothing about f between the samples.
 * Cost: m·n cost evaluations and one forward pass per update. (The authors' code instead multiplies every
 * parameter by β<sup>−1/L</sup>, which equals f/β only for bias-free positively homogeneous networks; it is not
 * offered here.)
 *
 * @param cost the ground cost c
 */
public record WeightScaling(GroundCost cost) implements LipschitzEnforcer {

    /**
     * Checks the cost.
     *
     * @param cost not null
     */
    public WeightScaling {
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
    }

    /**
     * Weight scaling under a ground cost.
     *
     * @param cost the ground cost
     * @return the enforcer
     */
    public static WeightScaling under(GroundCost cost) {
        return new WeightScaling(cost);
    }

    /** @return weight scaling under the L1 cost of the WGAN-TS paper */
    public static WeightScaling wganTs() {
        return new WeightScaling(GroundCost.cityblock());
    }

    /**
     * The scaling factor β on a batch, without changing the critic.
     *
     * @param critic the critic
     * @param real   the real batch y, m × d
     * @param fake   the fake batch x, n × d
     * @return β ≥ 1
     */
    public double beta(Critic critic, INDArray real, INDArray fake) {
        return maxRatio(critic, real, fake, 1.0);
    }

    /**
     * The largest ratio (f(y<sub>i</sub>) − f(x<sub>j</sub>)) / c<sub>ij</sub> over the batch pairs with
     * c<sub>ij</sub> &gt; 0, or {@code floor} if larger.
     *
     * @param critic the critic
     * @param real   the real batch y
     * @param fake   the fake batch x
     * @param floor  the smallest value returned
     * @return max(floor, max ratio)
     */
    public double maxRatio(Critic critic, INDArray real, INDArray fake, double floor) {
        TrainableNetwork net = TrainableNetwork.of("critic", critic.network());
        INDArray yIn = net.input("real", real);
        INDArray xIn = net.input("fake", fake);
        double[][] y = Arrays2.rows(yIn);
        double[][] x = Arrays2.rows(xIn);
        double[] fy = Arrays2.vector(net.output(yIn));
        double[] fx = Arrays2.vector(net.output(xIn));
        double beta = floor;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double diff = fy[i] - fx[j];
                if (diff > 0) {
                    double c = cost.between(y[i], x[j]);
                    if (c > 0 && diff > beta * c) {
                        beta = diff / c;
                    }
                }
            }
        }
        return beta;
    }

    @Override
    public void afterUpdate(Critic critic, INDArray real, INDArray fake) {
        double beta = beta(critic, real, fake);
        if (!Double.isFinite(beta)) {
            throw new IllegalStateException("weight scaling factor beta is not finite: " + beta);
        }
        if (beta > 1.0) {
            TrainableNetwork net = TrainableNetwork.of("critic", critic.network());
            int last = net.layerCount() - 1;
            net.weights(last).divi(beta);
            INDArray b = net.bias(last);
            if (b != null) {
                b.divi(beta);
            }
        }
    }

    @Override
    public String name() {
        return "weight scaling";
    }
}
