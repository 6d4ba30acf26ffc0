package io.github.ot4j.gan;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorTest {

    @Test
    void mlpHasTheSpecsShapeAndSamplesReproducibly() {
        Generator g = Generator.mlp(new GeneratorSpec(3, new int[] {8, 8}, 5, Activation.RELU, Activation.TANH,
                DataType.DOUBLE, 1));
        assertThat(g.noiseDimension()).isEqualTo(3);
        assertThat(g.outputDimension()).isEqualTo(5);
        assertThat(g.dataType()).isEqualTo(DataType.DOUBLE);
        double[][] a = g.sample(10, 4);
        assertThat(a).hasDimensions(10, 5).isDeepEqualTo(g.sample(10, 4));
        assertThat(a).isNotEqualTo(g.sample(10, 5));
        for (double[] row : a) {
            for (double v : row) {
                assertThat(v).isBetween(-1.0, 1.0);
            }
        }
        // same seed, same initial weights
        Generator twin = Generator.mlp(new GeneratorSpec(3, new int[] {8, 8}, 5, Activation.RELU, Activation.TANH,
                DataType.DOUBLE, 1));
        assertThat(twin.network().params()).isEqualTo(g.network().params());
    }

    @Test
    void noiseIsStandardNormal() {
        Generator g = Generator.mlp(GeneratorSpec.mlp(2, 4, 2, Activation.IDENTITY, 1).withDataType(DataType.DOUBLE));
        double[] z = g.noise(20_000, 3).data().asDouble();
        double mean = 0;
        double square = 0;
        for (double v : z) {
            mean += v / z.length;
            square += v * v / z.length;
        }
        // 40 000 draws: the mean's sd is 0.005, the variance's about 0.007
        assertThat(mean).isBetween(-0.03, 0.03);
        assertThat(square).isBetween(0.96, 1.04);
    }

    @Test
    void specRejectsBadShapes() {
        assertThatThrownBy(() -> new GeneratorSpec(0, new int[] {4}, 2, Activation.RELU, Activation.IDENTITY,
                DataType.FLOAT, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noiseDimension must be at least 1 but is 0");
        assertThatThrownBy(() -> new GeneratorSpec(2, new int[] {4, -1}, 2, Activation.RELU, Activation.IDENTITY,
                DataType.FLOAT, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hidden[1] must be at least 1 but is -1");
        assertThatThrownBy(() -> new GeneratorSpec(2, new int[] {4}, 2, Activation.RELU, Activation.IDENTITY,
                DataType.HALF, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataType must be FLOAT or DOUBLE but is HALF");
    }

    private static MultiLayerNetwork network(org.deeplearning4j.nn.conf.layers.Layer last, boolean dropout) {
        DenseLayer.Builder first = new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.RELU);
        if (dropout) {
            first.dropOut(0.5);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).miniBatch(false)
                .list().layer(first.build()).layer(last).build());
        net.init();
        return net;
    }

    @Test
    void ofRejectsOutputLayersAndDropoutNamingTheLayer() {
        DenseLayer dense = new DenseLayer.Builder().nIn(4).nOut(2).activation(Activation.IDENTITY).build();
        assertThat(Generator.of(network(dense, false)).outputDimension()).isEqualTo(2);
        assertThatThrownBy(() -> Generator.of(network(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .nIn(4).nOut(2).activation(Activation.IDENTITY).build(), false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layer 1")
                .hasMessageContaining("OutputLayer");
        assertThatThrownBy(() -> Generator.of(network(new DenseLayer.Builder().nIn(4).nOut(2)
                .activation(Activation.IDENTITY).build(), true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layer 0")
                .hasMessageContaining("DenseLayer").hasMessageContaining("dropout");
    }

    @Test
    void generateAndNoiseValidateTheirArguments() {
        Generator g = Fixtures.generator(DataType.FLOAT, 1);
        assertThatThrownBy(() -> g.generate(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.generate(Nd4j.zeros(DataType.FLOAT, 3, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z must be n x 2")
                .hasMessageContaining("[3, 5]");
        assertThatThrownBy(() -> g.generate(Nd4j.zeros(DataType.FLOAT, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.noise(Integer.MAX_VALUE, 1)).isInstanceOf(ArithmeticException.class);
    }
}
