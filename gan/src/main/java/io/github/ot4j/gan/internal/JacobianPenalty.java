package io.github.ot4j.gan.internal;

import io.github.ot4j.critic.internal.TrainableNetwork;
import io.github.ot4j.gan.regularize.JacobianClamping;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * The value and parameter gradient of {@link JacobianClamping}'s penalty on one noise batch, through the training
 * seam. With d<sub>i</sub> = G(z<sub>i</sub>) − G(z<sub>i</sub> + δ<sub>i</sub>) and
 * Q<sub>i</sub> = ‖d<sub>i</sub>‖/‖δ<sub>i</sub>‖, the chain rule gives
 * ∂R/∂G(z<sub>i</sub>) = (w/n)·p′(Q<sub>i</sub>)·d<sub>i</sub>/(‖d<sub>i</sub>‖‖δ<sub>i</sub>‖) = −∂R/∂G(z<sub>i</sub> + δ<sub>i</sub>),
 * backpropagated through both forward passes and summed (a row with d<sub>i</sub> = 0 contributes 0, a subgradient).
 */
public final class JacobianPenalty {

    /**
     * @param value       R, the weighted mean penalty
     * @param meanStretch the batch mean of Q
     * @param gradient    ∂R/∂θ, flattened like the generator's parameters (a copy)
     */
    public record Result(double value, double meanStretch, INDArray gradient) {
    }

    private JacobianPenalty() {
    }

    /**
     * Perturbations δ<sub>i</sub> = ε·u<sub>i</sub>/‖u<sub>i</sub>‖, u<sub>i</sub> ~ N(0, I), a pure function of
     * the seed.
     *
     * @param n       rows
     * @param k       the noise dimension
     * @param epsilon ε
     * @param seed    the seed
     * @return n × k perturbations, float64
     */
    public static double[][] perturbations(int n, int k, double epsilon, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] delta = new double[n][k];
        for (double[] row : delta) {
            double norm = 0;
            while (norm == 0) {
                norm = 0;
                for (int j = 0; j < k; j++) {
                    row[j] = random.nextGaussian();
                    norm += row[j] * row[j];
                }
            }
            double scale = epsilon / Math.sqrt(norm);
            for (int j = 0; j < k; j++) {
                row[j] *= scale;
            }
        }
        return delta;
    }

    /**
     * R and ∂R/∂θ for the generator on the noise z and perturbations δ. Leaves the parameters untouched (the
     * network's gradient buffer is overwritten).
     *
     * @param clamping  the regulariser
     * @param generator the generator's seam
     * @param z         n × k noise
     * @param delta     n × k perturbations
     * @return value, mean stretch and gradient
     */
    public static Result of(JacobianClamping clamping, TrainableNetwork generator, INDArray z, double[][] delta) {
        DataType type = generator.dataType();
        int n = Math.toIntExact(z.rows());
        INDArray shifted = z.castTo(DataType.DOUBLE).add(Nd4j.createFromArray(delta)).castTo(type);
        double[][] a = generator.output(z).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] b = generator.output(shifted).castTo(DataType.DOUBLE).toDoubleMatrix();
        int d = a[0].length;
        double[][] epsilon = new double[n][d];
        double value = 0;
        double stretch = 0;
        for (int i = 0; i < n; i++) {
            double deltaNorm = norm(delta[i]);
            double[] diff = new double[d];
            for (int j = 0; j < d; j++) {
                diff[j] = a[i][j] - b[i][j];
            }
            double diffNorm = norm(diff);
            double q = diffNorm / deltaNorm;
            value += clamping.penalty(q);
            stretch += q;
            double slope = clamping.penaltyDerivative(q);
            if (slope != 0 && diffNorm > 0) {
                double scale = clamping.weight() / n * slope / (diffNorm * deltaNorm);
                for (int j = 0; j < d; j++) {
                    epsilon[i][j] = scale * diff[j];
                }
            }
        }
        INDArray e = Nd4j.createFromArray(epsilon).castTo(type);
        generator.forward(z);
        INDArray gradient = generator.backward(e).parameters().gradient().dup();
        generator.forward(shifted);
        gradient.subi(generator.backward(e).parameters().gradient());
        return new Result(clamping.weight() * value / n, stretch / n, gradient);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
