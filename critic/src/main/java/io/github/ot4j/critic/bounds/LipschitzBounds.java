package io.github.ot4j.critic.bounds;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.Arrays2;
import io.github.ot4j.critic.internal.TrainableNetwork;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Two-sided information about a critic's Lipschitz constant K = sup |f(p) − f(q)| / c(p, q):
 * {@code empiricalLower ≤ K ≤ certifiedUpper}.
 *
 * <ul>
 *   <li>{@code certifiedUpper} = Π<sub>k</sub> Lip(φ<sub>k</sub>)·σ<sub>max</sub>(W<sub>k</sub>), the product of the
 *       dense layers' spectral norms (computed by EJML's SVD) and the activations' Lipschitz constants. It bounds
 *       the Lipschitz constant with respect to the Euclidean norm, hence for every cost c(p, q) ≥ ‖p − q‖<sub>2</sub>
 *       (Euclidean, city-block); by Kantorovich–Rubinstein duality (E<sub>P</sub>f − E<sub>Q</sub>f) / certifiedUpper
 *       ≤ W<sub>1</sub>(P, Q) for any critic.</li>
 *   <li>{@code empiricalLower} = max |f(p<sub>i</sub>) − f(q<sub>j</sub>)| / c(p<sub>i</sub>, q<sub>j</sub>) over
 *       the sampled pairs with c &gt; 0: a slope the critic really has.</li>
 * </ul>
 *
 * @param empiricalLower the largest observed slope, ≥ 0 (NaN if no pair was evaluated)
 * @param certifiedUpper the product of spectral norms, ≥ 0
 */
public record LipschitzBounds(double empiricalLower, double certifiedUpper) {

    /**
     * Both bounds: the empirical one over all pairs (p<sub>i</sub>, q<sub>j</sub>) of two sample sets.
     *
     * @param critic the critic
     * @param p      points, m × d
     * @param q      points, n × d
     * @param cost   the ground cost of the slopes
     * @return the bounds
     */
    public static LipschitzBounds of(Critic critic, double[][] p, double[][] q, GroundCost cost) {
        return new LipschitzBounds(empiricalLower(critic, p, q, cost), certifiedUpper(critic));
    }

    /**
     * The certified upper bound Π<sub>k</sub> Lip(φ<sub>k</sub>)·σ<sub>max</sub>(W<sub>k</sub>).
     *
     * @param critic the critic
     * @return the bound
     * @throws IllegalArgumentException if an activation's Lipschitz constant is unknown (supported: ReLU,
     *                                  LeakyReLU, identity, tanh, sigmoid)
     */
    public static double certifiedUpper(Critic critic) {
        if (critic == null) {
            throw new IllegalArgumentException("critic must not be null");
        }
        TrainableNetwork net = TrainableNetwork.of("critic", critic.network());
        double bound = 1.0;
        for (int k = 0; k < net.layerCount(); k++) {
            bound *= spectralNorm(net.weights(k)) * activationLipschitz(net.activation(k), k);
        }
        return bound;
    }

    /**
     * The largest singular value of a matrix, by EJML.
     *
     * @param w the matrix
     * @return σ<sub>max</sub>(w)
     */
    public static double spectralNorm(INDArray w) {
        double[][] rows = Arrays2.rows(w);
        return NormOps_DDRM.normP2(new DMatrixRMaj(rows));
    }

    /**
     * The empirical lower bound max |f(p<sub>i</sub>) − f(q<sub>j</sub>)| / c(p<sub>i</sub>, q<sub>j</sub>) over all
     * pairs with c &gt; 0.
     *
     * @param critic the critic
     * @param p      points, m × d
     * @param q      points, n × d
     * @param cost   the ground cost
     * @return the largest slope, or NaN if every pair has cost 0
     */
    public static double empiricalLower(Critic critic, double[][] p, double[][] q, GroundCost cost) {
        if (critic == null) {
            throw new IllegalArgumentException("critic must not be null");
        }
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
        TrainableNetwork net = TrainableNetwork.of("critic", critic.network());
        double[] fp = Arrays2.vector(net.output(net.batch("p", p)));
        double[] fq = Arrays2.vector(net.output(net.batch("q", q)));
        double best = Double.NaN;
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < q.length; j++) {
                double c = cost.between(p[i], q[j]);
                if (c > 0) {
                    double slope = Math.abs(fp[i] - fq[j]) / c;
                    if (!(slope <= best)) {
                        best = slope;
                    }
                }
            }
        }
        return best;
    }

    private static double activationLipschitz(IActivation a, int k) {
        if (a instanceof ActivationReLU || a instanceof ActivationIdentity || a instanceof ActivationTanH) {
            return 1.0;
        }
        if (a instanceof ActivationLReLU leaky) {
            return Math.max(1.0, Math.abs(leaky.getAlpha()));
        }
        if (a instanceof ActivationSigmoid) {
            return 0.25;
        }
        throw new IllegalArgumentException("layer " + k + " uses activation " + a
                + " whose Lipschitz constant is not known; supported: ReLU, LeakyReLU, identity, tanh, sigmoid");
    }
}
