package io.github.ot4j.critic.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.Samples;
import io.github.ot4j.critic.internal.TrainableNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class LipschitzBoundsTest {

    private static final double TOLERANCE = 1e-9;

    /** A linear critic f(x) = w·x + b has Lipschitz constant exactly ‖w‖: both bounds meet it. */
    @Test
    void aLinearCriticsBoundsAreItsWeightNorm() {
        Critic critic = Critic.mlp(new CriticSpec(3, new int[0], Activation.IDENTITY, DataType.DOUBLE, 4));
        INDArray w = TrainableNetwork.of("critic", critic.network()).weights(0);
        double norm = w.norm2Number().doubleValue();
        assertThat(LipschitzBounds.certifiedUpper(critic)).isCloseTo(norm, within(TOLERANCE));
        // the pair x, x + w/‖w‖ has slope exactly ‖w‖
        double[] direction = w.reshape(3).toDoubleVector();
        double[][] p = {{0.5, -1.0, 2.0}};
        double[][] q = {{0.5 + direction[0] / norm, -1.0 + direction[1] / norm, 2.0 + direction[2] / norm}};
        assertThat(LipschitzBounds.empiricalLower(critic, p, q, GroundCost.euclidean()))
                .isCloseTo(norm, within(1e-9));
    }

    /** A product of two matrices: the certified bound is the product of their spectral norms. */
    @Test
    void theCertifiedBoundIsTheProductOfSpectralNormsAndBoundsEveryObservedSlope() {
        Critic critic = Critic.mlp(new CriticSpec(2, new int[] {16, 16}, Activation.RELU, DataType.DOUBLE, 5));
        TrainableNetwork net = TrainableNetwork.of("critic", critic.network());
        double product = 1;
        for (int k = 0; k < net.layerCount(); k++) {
            product *= powerIterationNorm(net.weights(k));
        }
        double certified = LipschitzBounds.certifiedUpper(critic);
        assertThat(certified).isCloseTo(product, within(1e-6 * product));
        double[][] p = Samples.gaussian(100, new double[] {0, 0}, 1.0, 1);
        double[][] q = Samples.gaussian(100, new double[] {0.1, 0}, 1.0, 2);
        LipschitzBounds bounds = LipschitzBounds.of(critic, p, q, GroundCost.euclidean());
        assertThat(bounds.empiricalLower()).isPositive().isLessThanOrEqualTo(bounds.certifiedUpper());
    }

    /** An independent spectral norm: power iteration on WᵀW in plain Java. */
    private static double powerIterationNorm(INDArray w) {
        double[][] a = w.toDoubleMatrix();
        int cols = a[0].length;
        double[] v = new double[cols];
        java.util.Arrays.fill(v, 1.0);
        double sigma = 0;
        for (int it = 0; it < 5000; it++) {
            double[] av = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < cols; j++) {
                    av[i] += a[i][j] * v[j];
                }
            }
            double[] atav = new double[cols];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < cols; j++) {
                    atav[j] += a[i][j] * av[i];
                }
            }
            double n = 0;
            for (double x : atav) {
                n += x * x;
            }
            n = Math.sqrt(n);
            for (int j = 0; j < cols; j++) {
                v[j] = atav[j] / n;
            }
            sigma = Math.sqrt(n);
        }
        return sigma;
    }

    @Test
    void badPointArraysAreRejectedNamingTheArgument() {
        Critic critic = Critic.mlp(new CriticSpec(2, new int[] {4}, Activation.RELU, DataType.DOUBLE, 6));
        double[][] ok = {{0, 0}, {1, 1}};
        assertThatThrownBy(() -> LipschitzBounds.of(critic, new double[0][], ok, GroundCost.euclidean()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p must");
        assertThatThrownBy(() -> LipschitzBounds.empiricalLower(critic, ok, new double[][] {{0, 0}, {1}},
                GroundCost.euclidean()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q[1]");
        assertThatThrownBy(() -> LipschitzBounds.empiricalLower(critic, ok, new double[][] {{0, Double.NaN}},
                GroundCost.euclidean()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q[0][1]");
    }
}
