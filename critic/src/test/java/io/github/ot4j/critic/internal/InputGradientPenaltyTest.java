package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.Samples;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.OneSidedGradientPenalty;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InputGradientPenaltyTest {

    private static final double TOLERANCE = 1e-10;

    /** For f(x) = w·x + b the input gradient is w everywhere: P = λ(‖w‖ − 1)², one-sided λ·max(0, ‖w‖ − 1)². */
    @Test
    void closedFormForALinearCritic() {
        Critic critic = Critic.mlp(new CriticSpec(4, new int[0], Activation.IDENTITY, DataType.DOUBLE, 3));
        INDArray y = critic.batch(Samples.gaussian(10, new double[4], 1.0, 1));
        INDArray x = critic.batch(Samples.gaussian(10, new double[4], 2.0, 2));
        INDArray w = TrainableNetwork.of("critic", critic.network()).weights(0);
        w.muli(0.5 / w.norm2Number().doubleValue()); // ‖w‖ = 0.5
        assertThat(GradientPenalty.of(10).penalty(critic, y, x, 1)).isCloseTo(10 * 0.25, within(TOLERANCE));
        assertThat(OneSidedGradientPenalty.of(10).penalty(critic, y, x, 1)).isCloseTo(0.0, within(TOLERANCE));
        w.muli(4.0); // ‖w‖ = 2
        assertThat(GradientPenalty.of(3).penalty(critic, y, x, 1)).isCloseTo(3.0, within(TOLERANCE));
        assertThat(OneSidedGradientPenalty.of(3).penalty(critic, y, x, 1)).isCloseTo(3.0, within(TOLERANCE));
    }

    /** The penalty's own input gradients agree with DL4J's backpropagation at the same interpolates. */
    @Test
    void agreesWithDl4jsInputGradients() {
        Critic critic = Critic.mlp(new CriticSpec(3, new int[] {9, 6}, Activation.LEAKYRELU, DataType.DOUBLE, 8));
        INDArray y = critic.batch(Samples.gaussian(12, new double[3], 1.0, 1));
        INDArray x = critic.batch(Samples.gaussian(12, new double[] {1, 0, 0}, 1.0, 2));
        INDArray xHat = InputGradientPenalty.interpolate(y, x, 5);
        double[] norms = TrainableNetwork.of("critic", critic.network())
                .inputGradient(xHat, Nd4j.ones(DataType.DOUBLE, 12, 1)).norm2(1).toDoubleVector();
        double expected = 0;
        for (double s : norms) {
            expected += 7.0 * (s - 1) * (s - 1) / norms.length;
        }
        assertThat(GradientPenalty.of(7).penalty(critic, y, x, 5)).isCloseTo(expected, within(TOLERANCE));
    }

    @Test
    void interpolatesLieOnTheSegments() {
        INDArray y = Nd4j.createFromArray(new double[][] {{0, 0}, {2, 2}});
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 0}, {2, 4}});
        INDArray xHat = InputGradientPenalty.interpolate(y, x, 3);
        double t0 = xHat.getDouble(0, 0);
        assertThat(xHat.getDouble(0, 1)).isEqualTo(0.0);
        assertThat(t0).isBetween(0.0, 1.0);
        assertThat(xHat.getDouble(1, 0)).isEqualTo(2.0);
        assertThat(xHat.getDouble(1, 1)).isBetween(2.0, 4.0);
        assertThat(InputGradientPenalty.interpolate(y, x, 3)).isEqualTo(xHat);
        assertThatThrownBy(() -> InputGradientPenalty.interpolate(y, x.getRows(0), 3))
                .hasMessageContaining("real has 2 rows but fake has 1");
    }

    @Test
    void smoothActivationsAreRejected() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(3).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(3).nOut(1).activation(Activation.IDENTITY).build()).build());
        net.init();
        Critic critic = Critic.of(net);
        INDArray y = critic.batch(new double[][] {{0, 0}});
        assertThatThrownBy(() -> GradientPenalty.wganGp().penalty(critic, y, y, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("piecewise-linear");
    }
}
