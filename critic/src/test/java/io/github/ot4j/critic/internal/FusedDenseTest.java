package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The fast path against DL4J's own computation on the same network, in float64: outputs, parameter gradients,
 * input gradients, the gradient penalty and its gradient, and the updater's parameters and state after several
 * steps. Tolerance: relative 1e-12 of the largest entry (the same arithmetic in another order).
 */
class FusedDenseTest {

    private static final double TOLERANCE = 1e-12;
    /**
     * The LeakyReLU slope of the test networks: exactly representable in float, because DL4J's LeakyReLU
     * derivative rounds α to float (with α = 0.2 its gradients differ from the exact ones, and the fast path's, by
     * ~5e-9 relative; its forward pass uses α exactly).
     */
    private static final double ALPHA = 0.25;

    /** 3-7-6-5-1: LeakyReLU(0.2), ReLU without bias, tanh, identity. */
    private static MultiLayerNetwork critic(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(7).activation(new ActivationLReLU(ALPHA)).build())
                .layer(new DenseLayer.Builder().nIn(7).nOut(6).activation(Activation.RELU).hasBias(false).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(5).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(5).nOut(1).activation(Activation.IDENTITY).build()).build());
        net.init();
        // non-zero biases, so that their gradients and the bias term of the forward pass are exercised
        net.params().addi(Nd4j.rand(DataType.DOUBLE, net.params().shape()).subi(0.5).muli(0.3));
        return net;
    }

    /**
     * 3-40-30-1, LeakyReLU and tanh: 1 421 parameters, so that the fused loops' runs of {@link Vec.Chunk#SIZE}
     * elements end inside a layer's parameters and the updater's state.
     */
    private static MultiLayerNetwork wide(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(40).activation(new ActivationLReLU(ALPHA)).build())
                .layer(new DenseLayer.Builder().nIn(40).nOut(30).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(30).nOut(1).activation(Activation.IDENTITY).build()).build());
        net.init();
        net.params().addi(Nd4j.rand(DataType.DOUBLE, net.params().shape()).subi(0.5).muli(0.3));
        return net;
    }

    /** 4-6-2 with a sigmoid, a generator-like shape with two outputs. */
    private static MultiLayerNetwork generator(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.SIGMOID).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(2).activation(Activation.IDENTITY).build()).build());
        net.init();
        return net;
    }

    private static INDArray random(long seed, long rows, long columns) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, rows, columns);
    }

    private static void assertClose(String what, INDArray actual, INDArray expected) {
        assertThat(actual.shape()).as(what + " shape").isEqualTo(expected.shape());
        double scale = Math.max(1.0, expected.amaxNumber().doubleValue());
        double error = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(error).as(what + ": largest difference (scale " + scale + ")").isLessThanOrEqualTo(
                TOLERANCE * scale);
    }

    /** The fast view and the DL4J view of two equal copies of a network. */
    private record Pair(TrainableNetwork fast, TrainableNetwork dl4j) {
        static Pair of(MultiLayerNetwork net) {
            Pair p = new Pair(TrainableNetwork.of("fast", net.clone()), TrainableNetwork.dl4j("dl4j", net.clone()));
            assertThat(p.fast.fused()).as("fast path").isNotNull();
            assertThat(p.dl4j.fused()).isNull();
            return p;
        }
    }

    /** Batches of 9 and of 1 100 rows: the second crosses the fused loops' runs of {@link Vec.Chunk#SIZE}. */
    @Test
    void forwardBackwardAndInputGradientEqualDl4js() {
        for (int rows : new int[] {9, 1100}) {
            for (MultiLayerNetwork net : new MultiLayerNetwork[] {critic(1), generator(2), wide(3)}) {
                forwardBackwardAndInputGradientEqualDl4js(net, rows);
            }
        }
    }

    private static void forwardBackwardAndInputGradientEqualDl4js(MultiLayerNetwork net, int rows) {
        Pair p = Pair.of(net);
        INDArray x = random(3, rows, p.fast.inputDimension());
        INDArray epsilon = random(4, rows, p.fast.outputDimension());
        assertClose("output", p.fast.output(x), p.dl4j.output(x));
        assertClose("forward", p.fast.forward(x).dup(), p.dl4j.forward(x).dup());
        TrainableNetwork.Backward fast = p.fast.backward(epsilon);
        TrainableNetwork.Backward dl4j = p.dl4j.backward(epsilon);
        assertClose("parameter gradient", fast.parameters().gradient(), dl4j.parameters().gradient());
        assertClose("input gradient", fast.input(), dl4j.input());
        for (int k = 0; k < p.fast.layerCount(); k++) {
            assertClose("dW" + k, TrainableNetwork.weightGradient(fast.parameters(), k),
                    TrainableNetwork.weightGradient(dl4j.parameters(), k));
        }
        assertThat(fast.parameters().gradient().amaxNumber().doubleValue()).isGreaterThan(0);
        p.fast.forward(x);
        assertClose("parameter gradient without the input's", p.fast.backwardParameters(epsilon).gradient(),
                dl4j.parameters().gradient());
    }

    /**
     * A WGAN step's pattern: training passes alternating between two batch sizes (the critic's m + n rows, the
     * generator's n) reuse each size's buffers instead of reallocating them, and every pass still equals DL4J's.
     * A fifth size evicts the least recently used one.
     */
    @Test
    void alternatingBatchSizesReuseTheirBuffersAndEqualDl4js() {
        Pair p = Pair.of(wide(4));
        int[] sizes = {600, 300, 600, 300, 600};
        INDArray[] outputs = new INDArray[sizes.length];
        for (int r = 0; r < sizes.length; r++) {
            int rows = sizes[r];
            INDArray x = random(10 + r, rows, p.fast.inputDimension());
            INDArray epsilon = random(20 + r, rows, p.fast.outputDimension());
            outputs[r] = p.fast.forward(x);
            assertClose("forward, pass " + r, outputs[r].dup(), p.dl4j.forward(x).dup());
            TrainableNetwork.Backward fast = p.fast.backward(epsilon);
            TrainableNetwork.Backward dl4j = p.dl4j.backward(epsilon);
            assertClose("parameter gradient, pass " + r, fast.parameters().gradient(), dl4j.parameters().gradient());
            assertClose("input gradient, pass " + r, fast.input(), dl4j.input());
            assertClose("output, pass " + r, p.fast.output(x), p.dl4j.output(x));
        }
        assertThat(outputs[2]).as("the 600-row buffers are reused").isSameAs(outputs[0]).isSameAs(outputs[4]);
        assertThat(outputs[3]).as("the 300-row buffers are reused").isSameAs(outputs[1]);
        assertThat(outputs[1]).isNotSameAs(outputs[0]);
        for (int rows : new int[] {1, 2, 3, 4}) {
            p.fast.forward(random(rows, rows, p.fast.inputDimension()));
        }
        assertThat(p.fast.fused().trainingScratch().keptSizes()).isEqualTo(FusedScratch.KEPT);
        INDArray again = p.fast.forward(random(30, 600, p.fast.inputDimension()));
        assertThat(again).as("600 rows were evicted by four newer sizes").isNotSameAs(outputs[0]);
    }

    @Test
    void gradientPenaltyAndItsGradientEqualTheGenericComputation() {
        MultiLayerNetwork base = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5)
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(8).activation(new ActivationLReLU(ALPHA)).build())
                .layer(new DenseLayer.Builder().nIn(8).nOut(8).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(8).nOut(1).activation(Activation.IDENTITY).build()).build());
        base.init();
        base.params().muli(3.0); // gradient norms above 1 for some rows, below for others
        INDArray real = random(6, 11, 2);
        INDArray fake = random(7, 11, 2).addi(1.0);
        for (boolean oneSided : new boolean[] {false, true}) {
            Pair p = Pair.of(base);
            INDArray epsilon = random(8, 11, 1);
            p.fast.forward(real);
            Gradient fast = p.fast.backward(epsilon).parameters();
            p.dl4j.forward(real);
            Gradient dl4j = p.dl4j.backward(epsilon).parameters();
            double pf = InputGradientPenalty.compute(p.fast, real, fake, 9, 10.0, oneSided, fast);
            double pd = InputGradientPenalty.compute(p.dl4j, real, fake, 9, 10.0, oneSided, dl4j);
            assertThat(pf).as("penalty").isCloseTo(pd, org.assertj.core.data.Offset.offset(TOLERANCE * pd));
            assertThat(pd).isGreaterThan(0);
            assertClose("gradient with the penalty's", fast.gradient(), dl4j.gradient());
            assertThat(InputGradientPenalty.compute(p.fast, real, fake, 9, 10.0, oneSided, null)).isEqualTo(pf);
        }
    }

    @Test
    void fusedUpdaterStepsEqualDl4jsUpdaterInParametersAndState() {
        for (IUpdater updater : new IUpdater[] {new Adam(1e-2, 0.5, 0.9, 1e-8), new RmsProp(1e-2, 0.99, 1e-8),
                new Sgd(0.05)}) {
            fusedUpdaterStepsEqualDl4jsUpdater(critic(10), updater);
            fusedUpdaterStepsEqualDl4jsUpdater(wide(10), updater);
        }
    }

    private static void fusedUpdaterStepsEqualDl4jsUpdater(MultiLayerNetwork net, IUpdater updater) {
        Pair p = Pair.of(net);
        p.fast.useUpdater(updater);
        p.dl4j.useUpdater(updater);
        assertThat(p.fast.appliesFused()).as(updater + " fused").isTrue();
        for (int step = 0; step < 4; step++) {
            INDArray x = random(20 + step, 9, 3);
            INDArray epsilon = random(30 + step, 9, 1);
            Consumer<TrainableNetwork> train = n -> {
                n.forward(x);
                n.apply(n.backward(epsilon).parameters());
            };
            p.fast.attempt(() -> {
                p.fast.forward(x);
                Gradient gradient = p.fast.backward(epsilon).parameters();
                INDArray before = gradient.gradient().dup();
                p.fast.apply(gradient);
                // the fused step leaves the gradient as it was; DL4J's updater overwrites it with the update
                assertThat(gradient.gradient()).as("fused, not DL4J's updater").isEqualTo(before);
                return null;
            });
            p.dl4j.attempt(() -> {
                train.accept(p.dl4j);
                return null;
            });
            assertClose(updater + " parameters after step " + step, p.fast.network().params(),
                    p.dl4j.network().params());
            INDArray state = p.dl4j.network().getUpdater().getStateViewArray();
            if (state != null) {
                assertClose(updater + " state after step " + step,
                        p.fast.network().getUpdater().getStateViewArray(), state);
            }
            assertThat(p.fast.network().getIterationCount()).isEqualTo(p.dl4j.network().getIterationCount());
        }
        assertThat(p.fast.network().params().sub(net.params()).amaxNumber().doubleValue())
                .as("the steps moved the parameters").isGreaterThan(1e-4);
    }

    @Test
    void otherArchitecturesGoThroughDl4j() {
        MultiLayerNetwork elu = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(11)
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.ELU).build())
                .layer(new DenseLayer.Builder().nIn(4).nOut(1).activation(Activation.IDENTITY).build()).build());
        elu.init();
        MultiLayerNetwork l2 = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(12).l2(1e-3)
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(4).nOut(1).activation(Activation.IDENTITY).build()).build());
        l2.init();
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {elu, l2}) {
            TrainableNetwork t = TrainableNetwork.of("net", net);
            assertThat(t.fused()).isNull();
            t.useUpdater(new Adam(1e-2));
            INDArray before = net.params().dup();
            t.forward(random(13, 5, 2));
            t.apply(t.backward(random(14, 5, 1)).parameters());
            assertThat(net.params().sub(before).amaxNumber().doubleValue()).isGreaterThan(0);
        }
    }

    @Test
    void aFusedStepWritesIntoTheNetworksOwnParameterArray() {
        TrainableNetwork t = TrainableNetwork.of("net", critic(15));
        INDArray params = t.network().params();
        INDArray before = params.dup();
        t.useUpdater(new Adam(1e-2));
        t.forward(random(16, 4, 3));
        t.apply(t.backward(random(17, 4, 1)).parameters());
        assertThat(t.network().params()).isSameAs(params);
        assertThat(params.sub(before).amaxNumber().doubleValue()).isGreaterThan(0);
        // and reads it: a change made by the user between steps is seen by the next forward pass
        params.assign(0.0);
        assertThat(t.forward(random(18, 4, 3)).amaxNumber().doubleValue()).isEqualTo(0.0);
    }
}
