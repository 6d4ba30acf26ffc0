package io.github.ot4j.critic.enforce;

import io.github.ot4j.core.CostMatrix;
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
 * Cost: m·n cost evaluations and one forward pass per update; a trainer that already has the critic's values and
 * the batch's costs (the WGAN-TS trainer) computes β from them ({@link #maxRatio(double[], double[], CostMatrix,
 * double)}) and applies it ({@link #divide}) without either. (The authors' code instead multiplies every
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
        // costs evaluated when a pair needs one (the points are not checked: a non-finite value skips its pairs)
        CostMatrix c = new CostMatrix() {
            @Override
            public int rows() {
                return y.length;
            }

            @Override
            public int cols() {
                return x.length;
            }

            @Override
            public double get(int i, int j) {
                return cost.between(y[i], x[j]);
            }
        };
        return maxRatio(Arrays2.vector(net.output(yIn)), Arrays2.vector(net.output(xIn)), c, floor);
    }

    /**
     * The largest ratio (f(y<sub>i</sub>) − f(x<sub>j</sub>)) / c<sub>ij</sub> over the pairs with
     * c<sub>ij</sub> &gt; 0, from the critic's values and the batch's costs: max(floor, max<sub>ij</sub> ratio).
     * Only pairs with f(y<sub>i</sub>) &gt; f(x<sub>j</sub>) + floor·c<sub>ij</sub> are divided out, in the order
     * i, then j.
     *
     * @param fReal f(y<sub>i</sub>), length m
     * @param fFake f(x<sub>j</sub>), length n
     * @param costs c<sub>ij</sub> = c(y<sub>i</sub>, x<sub>j</sub>), m × n, under this scaling's ground cost
     * @param floor the smallest value returned
     * @return max(floor, max ratio)
     * @throws IllegalArgumentException if the lengths do not match the cost matrix
     */
    public static double maxRatio(double[] fReal, double[] fFake, CostMatrix costs, double floor) {
        if (fReal.length != costs.rows() || fFake.length != costs.cols()) {
            throw new IllegalArgumentException("the cost matrix is " + costs.rows() + " x " + costs.cols()
                    + " but there are " + fReal.length + " real and " + fFake.length + " fake values");
        }
        double beta = floor;
        for (int i = 0; i < fReal.length; i++) {
            for (int j = 0; j < fFake.length; j++) {
                double diff = fReal[i] - fFake[j];
                if (diff > 0) {
                    double c = costs.get(i, j);
                    if (c > 0 && diff > beta * c) {
                        beta = diff / c;
                    }
                }
            }
        }
        return beta;
    }

    /**
     * f ← f/β, exactly: the last layer's weights and bias divided by β (nothing changes for β = 1).
     *
     * @param critic the critic
     * @param beta   β ≥ 1, as {@link #beta} returns it
     * @throws IllegalStateException if β is not finite
     */
    public static void divide(Critic critic, double beta) {
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
    public void afterUpdate(Critic critic, INDArray real, INDArray fake) {
        divide(critic, beta(critic, real, fake));
    }

    @Override
    public String name() {
        return "weight scaling";
    }
}
