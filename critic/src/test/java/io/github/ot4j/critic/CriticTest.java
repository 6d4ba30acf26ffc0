package io.github.ot4j.critic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.ot4j.critic.internal.TrainableNetwork;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class CriticTest {

    /** Tolerance of finite-difference comparisons in double precision. */
    private static final double TOLERANCE = 1e-6;

    private static Critic critic(long seed) {
        return Critic.mlp(new CriticSpec(3, new int[] {7, 5}, Activation.LEAKYRELU, DataType.DOUBLE, seed));
    }

    @Test
    void valuesAreOneColumnAndChangeNothing() {
        Critic critic = critic(1);
        INDArray x = critic.batch(Samples.gaussian(6, new double[3], 1.0, 2));
        INDArray before = critic.network().params().dup();
        INDArray f = critic.values(x);
        assertThat(f.shape()).containsExactly(6, 1);
        assertThat(critic.network().params()).isEqualTo(before);
        assertThat(critic.values(x)).isEqualTo(f);
        assertThat(critic.inputDimension()).isEqualTo(3);
        assertThat(critic.network().getnLayers()).isEqualTo(3);
    }

    @Test
    void meanDifferenceIsTheDifferenceOfTheMeanValues() {
        Critic critic = critic(2);
        double[][] y = Samples.gaussian(5, new double[3], 1.0, 3);
        double[][] x = Samples.gaussian(7, new double[] {1, 0, 0}, 1.0, 4);
        double[] fy = critic.values(critic.batch(y)).toDoubleVector();
        double[] fx = critic.values(critic.batch(x)).toDoubleVector();
        double expected = java.util.Arrays.stream(fy).average().orElseThrow()
                - java.util.Arrays.stream(fx).average().orElseThrow();
        assertThat(critic.meanDifference(critic.batch(y), critic.batch(x)))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> critic.meanDifference(critic.batch(y), Nd4j.zeros(DataType.DOUBLE, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fake must be n x 3");
    }

    @Test
    void saveAndLoadKeepParametersAndUpdaterState(@TempDir Path dir) throws Exception {
        Critic critic = critic(4);
        io.github.ot4j.critic.train.CriticTrainer trainer = io.github.ot4j.critic.train.CriticTrainer.wganGp(critic);
        trainer.step(critic.batch(Samples.gaussian(8, new double[3], 1.0, 1)),
                critic.batch(Samples.gaussian(8, new double[] {2, 0, 0}, 1.0, 2)), 1);
        Path file = dir.resolve("sub/critic.zip");
        critic.save(file);
        Critic back = Critic.load(file);
        assertThat(back.network().params()).isEqualTo(critic.network().params());
        assertThat(back.network().getUpdater().getStateViewArray())
                .isEqualTo(critic.network().getUpdater().getStateViewArray());
        assertThat(back.network().getIterationCount()).isEqualTo(1);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void loadNamesTheFileOfAMissingOrDamagedCritic(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.zip");
        assertThatThrownBy(() -> Critic.load(missing)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        Path garbage = dir.resolve("garbage.zip");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> Critic.load(garbage)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(garbage.toString());
        assertThatThrownBy(() -> Critic.load(dir)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> Critic.load(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file");
    }

    @Test
    void sameSeedSameCritic() {
        assertThat(critic(5).network().params()).isEqualTo(critic(5).network().params());
        assertThat(critic(5).network().params()).isNotEqualTo(critic(6).network().params());
    }

    @Test
    void inputGradientMatchesCentralFiniteDifferences() {
        Critic critic = critic(3);
        double[][] points = Samples.gaussian(5, new double[3], 1.0, 4);
        double[] eps = {0.5, -1.0, 2.0, 0.25, -0.75};
        INDArray epsilon = Nd4j.createFromArray(eps).reshape(5, 1);
        INDArray before = critic.network().params().dup();
        INDArray g = TrainableNetwork.of("net", critic.network()).inputGradient(critic.batch(points), epsilon);
        assertThat(critic.network().params()).isEqualTo(before);
        double h = 1e-7;
        for (int i = 0; i < points.length; i++) {
            for (int k = 0; k < 3; k++) {
                double[][] plus = copy(points);
                double[][] minus = copy(points);
                plus[i][k] += h;
                minus[i][k] -= h;
                double numeric = eps[i] * (critic.values(critic.batch(plus)).getDouble(i)
                        - critic.values(critic.batch(minus)).getDouble(i)) / (2 * h);
                assertThat(g.getDouble(i, k)).isCloseTo(numeric, org.assertj.core.data.Offset.offset(TOLERANCE));
            }
        }
    }

    @Test
    void wrapsAUserNetworkAndRejectsOthers() {
        MultiLayerNetwork ok = network(new DenseLayer.Builder().nIn(4).nOut(1).activation(Activation.IDENTITY)
                .build());
        assertThat(Critic.of(ok).inputDimension()).isEqualTo(2);

        MultiLayerNetwork twoOutputs = network(new DenseLayer.Builder().nIn(4).nOut(2)
                .activation(Activation.IDENTITY).build());
        assertThatThrownBy(() -> Critic.of(twoOutputs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nOut = 1");
        MultiLayerNetwork sigmoid = network(new DenseLayer.Builder().nIn(4).nOut(1)
                .activation(Activation.SIGMOID).build());
        assertThatThrownBy(() -> Critic.of(sigmoid)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identity");
        MultiLayerNetwork output = network(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(4).nOut(1)
                .activation(Activation.IDENTITY).build());
        assertThatThrownBy(() -> Critic.of(output)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DenseLayer");
        assertThatThrownBy(() -> Critic.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsDropoutRegularisationAndLossLayers() {
        MultiLayerNetwork dropout = network(new DenseLayer.Builder().nIn(4).nOut(1).activation(Activation.IDENTITY)
                .dropOut(0.5).build());
        assertThatThrownBy(() -> Critic.of(dropout)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1").hasMessageContaining("dropout");
        MultiLayerNetwork l2 = network(new DenseLayer.Builder().nIn(4).nOut(1).activation(Activation.IDENTITY)
                .l2(1e-3).build());
        assertThatThrownBy(() -> Critic.of(l2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1").hasMessageContaining("regularisation");
        MultiLayerNetwork l1Bias = network(new DenseLayer.Builder().nIn(4).nOut(1).activation(Activation.IDENTITY)
                .l1Bias(1e-3).build());
        assertThatThrownBy(() -> Critic.of(l1Bias)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1").hasMessageContaining("regularisation");
        MultiLayerNetwork decay = network(new DenseLayer.Builder().nIn(4).nOut(1).activation(Activation.IDENTITY)
                .weightDecay(1e-3).build());
        assertThatThrownBy(() -> Critic.of(decay)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1").hasMessageContaining("regularisation");
        MultiLayerNetwork loss = network(new org.deeplearning4j.nn.conf.layers.LossLayer.Builder(
                LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build());
        assertThatThrownBy(() -> Critic.of(loss)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1").hasMessageContaining("loss");
        MultiLayerNetwork output = network(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(4).nOut(1)
                .activation(Activation.IDENTITY).build());
        assertThatThrownBy(() -> Critic.of(output)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1").hasMessageContaining("output");
    }

    @Test
    void rejectsBadBatches() {
        Critic critic = critic(1);
        assertThatThrownBy(() -> critic.values(Nd4j.zeros(DataType.DOUBLE, 4, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must be n x 3");
        TrainableNetwork net = TrainableNetwork.of("net", critic.network());
        assertThatThrownBy(() -> net.inputGradient(Nd4j.zeros(DataType.DOUBLE, 4, 3),
                Nd4j.zeros(DataType.DOUBLE, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epsilon must be 4 x 1");
        assertThatThrownBy(() -> net.backward(Nd4j.zeros(DataType.DOUBLE, 4, 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void batchRejectsNullEmptyRaggedAndNonFiniteRows() {
        Critic critic = critic(1);
        assertThatThrownBy(() -> critic.batch(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points");
        assertThatThrownBy(() -> critic.batch(new double[0][])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points").hasMessageContaining("empty");
        assertThatThrownBy(() -> critic.batch(new double[][] {{1, 2, 3}, null}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points[1]");
        assertThatThrownBy(() -> critic.batch(new double[][] {{1, 2, 3}, {1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points[1]")
                .hasMessageContaining("length 3");
        assertThatThrownBy(() -> critic.batch(new double[][] {{1, Double.NaN, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points[0][1]");
        assertThatThrownBy(() -> critic.batch(new double[][] {{1, 2, Double.POSITIVE_INFINITY}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThat(critic.batch(new double[][] {{1, 2, 3}}).shape()).containsExactly(1, 3);
    }

    @Test
    void specIsValidated() {
        assertThatThrownBy(() -> new CriticSpec(0, new int[] {4}, Activation.RELU, DataType.FLOAT, 1))
                .hasMessageContaining("inputDim");
        assertThatThrownBy(() -> new CriticSpec(2, new int[] {4, 0}, Activation.RELU, DataType.FLOAT, 1))
                .hasMessageContaining("hidden[1]");
        assertThatThrownBy(() -> new CriticSpec(2, new int[] {4}, Activation.SOFTMAX, DataType.FLOAT, 1))
                .hasMessageContaining("activation");
        assertThatThrownBy(() -> new CriticSpec(2, new int[] {4}, Activation.RELU, DataType.INT, 1))
                .hasMessageContaining("dataType");
        int[] hidden = {4};
        CriticSpec spec = new CriticSpec(2, hidden, Activation.RELU, DataType.FLOAT, 1);
        hidden[0] = 99;
        assertThat(spec.hidden()).containsExactly(4);
        assertThat(Critic.mlp(spec).dataType()).isEqualTo(DataType.FLOAT);
    }

    private static MultiLayerNetwork network(org.deeplearning4j.nn.conf.layers.Layer last) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.RELU).build())
                .layer(last).build());
        net.init();
        return net;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
