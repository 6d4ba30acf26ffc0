package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The training seam: one updater step, the atomic attempt and its rollback, the one validation. */
class TrainableNetworkTest {

    private static MultiLayerNetwork dense(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(5).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(5).nOut(2).activation(Activation.IDENTITY).build()).build());
        net.init();
        return net;
    }

    private static final INDArray X = Nd4j.createFromArray(new double[][] {{0.1, -0.4, 1.0}, {2.0, 0.3, -0.5}});
    private static final INDArray EPSILON = Nd4j.createFromArray(new double[][] {{1.0, -0.5}, {0.25, 2.0}});

    /** One forward-backward-apply step, as a trainer makes it. */
    private static void step(TrainableNetwork net) {
        net.forward(X);
        net.apply(net.backward(EPSILON).parameters());
    }

    @Test
    void applyIsOneUpdaterStepAgainstTheGradientOfTheWeightedOutputs() {
        TrainableNetwork net = TrainableNetwork.of("net", dense(1));
        net.useUpdater(new Sgd(0.1));
        INDArray before = net.network().params().dup();
        // Σ ε_ij G_j(x_i) by finite differences, parameter by parameter
        INDArray params = net.network().params();
        double h = 1e-6;
        double[] numeric = new double[(int) params.length()];
        for (int p = 0; p < numeric.length; p++) {
            double v = params.getDouble(p);
            params.putScalar(p, v + h);
            double plus = net.output(X).mul(EPSILON).sumNumber().doubleValue();
            params.putScalar(p, v - h);
            double minus = net.output(X).mul(EPSILON).sumNumber().doubleValue();
            params.putScalar(p, v);
            numeric[p] = (plus - minus) / (2 * h);
        }
        step(net);
        double[] moved = before.sub(net.network().params()).div(0.1).toDoubleVector();
        for (int p = 0; p < numeric.length; p++) {
            assertThat(moved[p]).as("parameter %d", p).isCloseTo(numeric[p],
                    org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(net.network().getIterationCount()).isEqualTo(1);
    }

    /**
     * RMSProp starts from a mean square of 0, as PyTorch's and the WGAN paper's: the first update is
     * η g / (√((1 − ρ) g²) + ε). DL4J starts it at ε, which would give η g / (√(ρ ε + (1 − ρ) g²) + ε).
     */
    /** @return the gradient of the first {@link #step} of a fresh {@code dense(3)}, read off one SGD(1) step */
    private static double[] firstGradient() {
        TrainableNetwork sgd = TrainableNetwork.of("sgd", dense(3));
        sgd.useUpdater(new Sgd(1.0));
        INDArray start = sgd.network().params().dup();
        step(sgd);
        return start.sub(sgd.network().params()).toDoubleVector();
    }

    @Test
    void rmsPropsFirstStepStartsFromAZeroMeanSquare() {
        INDArray start = TrainableNetwork.of("start", dense(3)).network().params().dup();
        double[] g = firstGradient();
        double eta = 0.01;
        double rho = 0.9;
        double eps = 1e-3; // large, so that a start at ε would change the step by far more than the tolerance
        TrainableNetwork rms = TrainableNetwork.of("rms", dense(3));
        rms.useUpdater(new RmsProp(eta, rho, eps));
        assertThat(rms.network().getUpdater().getStateViewArray().amaxNumber().doubleValue()).isZero();
        step(rms);
        double[] moved = start.sub(rms.network().params()).toDoubleVector();
        for (int p = 0; p < g.length; p++) {
            double expected = eta * g[p] / (Math.sqrt((1 - rho) * g[p] * g[p]) + eps);
            assertThat(moved[p]).as("parameter %d, gradient %s", p, g[p]).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-12 + 1e-9 * Math.abs(expected)));
        }
    }

    @Test
    void adaGradsFirstStepStartsFromAZeroSumOfSquares() {
        INDArray start = TrainableNetwork.of("start", dense(3)).network().params().dup();
        double[] g = firstGradient();
        double eta = 0.01;
        double eps = 1e-3; // large, so that a start at ε (a denominator √ε + |g| + ε) would show
        TrainableNetwork ada = TrainableNetwork.of("ada", dense(3));
        ada.useUpdater(new AdaGrad(eta, eps));
        assertThat(ada.network().getUpdater().getStateViewArray().amaxNumber().doubleValue()).isZero();
        step(ada);
        double[] moved = start.sub(ada.network().params()).toDoubleVector();
        for (int p = 0; p < g.length; p++) {
            double expected = eta * g[p] / (Math.abs(g[p]) + eps);
            assertThat(moved[p]).as("parameter %d, gradient %s", p, g[p]).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-12 + 1e-9 * Math.abs(expected)));
        }
    }

    @Test
    void aStepThatThrowsLeavesParametersUpdaterStateAndCountersAsTheyWere() {
        TrainableNetwork net = TrainableNetwork.of("net", dense(2));
        net.useUpdater(new Adam(1e-2));
        step(net);
        INDArray params = net.network().params().dup();
        INDArray state = net.network().getUpdater().getStateViewArray().dup();
        RuntimeException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> net.attempt(() -> {
            step(net);
            net.network().setEpochCount(7);
            net.forward(X); // a pending forward pass is dropped too
            throw boom;
        })).isSameAs(boom);
        assertThat(net.network().params()).isEqualTo(params);
        assertThat(net.network().getUpdater().getStateViewArray()).isEqualTo(state);
        assertThat(net.network().getIterationCount()).isEqualTo(1);
        assertThat(net.network().getEpochCount()).isZero();
        assertThatThrownBy(() -> net.backward(EPSILON)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("forward");
    }

    @Test
    void aStepThatMakesAParameterNonFiniteIsRolledBackNamingTheParameters() {
        TrainableNetwork net = TrainableNetwork.of("net", dense(3));
        net.useUpdater(new Adam(1e-2));
        INDArray params = net.network().params().dup();
        assertThatThrownBy(() -> net.attempt(() -> {
            step(net);
            net.network().params().putScalar(3, Double.POSITIVE_INFINITY);
            return null;
        })).isInstanceOfSatisfying(NonFiniteException.class, e -> {
            assertThat(e.quantity()).isEqualTo("parameters");
            assertThat(e.problem()).isEqualTo("infinity");
        });
        assertThat(net.network().params()).isEqualTo(params);
        assertThat(net.network().getIterationCount()).isZero();
    }

    @Test
    void nestedAttemptsRollBackTheirOwnLevelOnly() {
        TrainableNetwork net = TrainableNetwork.of("net", dense(4));
        net.useUpdater(new Adam(1e-2));
        INDArray start = net.network().params().dup();
        INDArray[] afterOuterStep = new INDArray[1];
        int result = net.attempt(() -> {
            step(net);
            afterOuterStep[0] = net.network().params().dup();
            assertThatThrownBy(() -> net.attempt(() -> {
                step(net);
                throw new ArithmeticException("inner");
            })).hasMessage("inner");
            assertThat(net.network().params()).isEqualTo(afterOuterStep[0]);
            return 42;
        });
        assertThat(result).isEqualTo(42);
        assertThat(net.network().params()).isEqualTo(afterOuterStep[0]).isNotEqualTo(start);
        assertThat(net.network().getIterationCount()).isEqualTo(1);
    }

    /** A joint attempt restores every network when one of them ends non-finite, even one that stayed finite. */
    @Test
    void aJointAttemptRestoresEveryNetworkAndNamesTheOneThatFailed() {
        TrainableNetwork a = TrainableNetwork.of("critic", dense(6));
        TrainableNetwork b = TrainableNetwork.of("generator", dense(7));
        a.useUpdater(new Adam(1e-2));
        b.useUpdater(new Adam(1e-2));
        INDArray aBefore = a.network().params().dup();
        INDArray bBefore = b.network().params().dup();
        assertThatThrownBy(() -> TrainableNetwork.attempt(java.util.List.of(b, a), () -> {
            step(a);
            step(b);
            b.network().params().putScalar(0, Double.NaN);
            return null;
        })).isInstanceOfSatisfying(NonFiniteException.class, e -> {
            assertThat(e.network()).isEqualTo("generator");
            assertThat(e.quantity()).isEqualTo("parameters");
            assertThat(e).hasMessage("generator parameters not finite (NaN)");
        });
        assertThat(a.network().params()).isEqualTo(aBefore);
        assertThat(b.network().params()).isEqualTo(bBefore);
        assertThat(a.network().getIterationCount()).isZero();
        int done = TrainableNetwork.attempt(java.util.List.of(a, b), () -> {
            step(a);
            step(b);
            return 2;
        });
        assertThat(done).isEqualTo(2);
        assertThat(a.network().getIterationCount()).isEqualTo(1);
        assertThat(b.network().getIterationCount()).isEqualTo(1);
    }

    @Test
    void anEqualUpdaterKeepsItsStateAndAnotherOneReplacesIt() {
        TrainableNetwork net = TrainableNetwork.of("net", dense(5));
        net.useUpdater(new Adam(1e-2));
        step(net);
        INDArray state = net.network().getUpdater().getStateViewArray().dup();
        net.useUpdater(new Adam(1e-2));
        assertThat(net.network().getUpdater().getStateViewArray()).isEqualTo(state);
        net.useUpdater(new Adam(2e-2));
        assertThat(net.network().getUpdater().getStateViewArray().amaxNumber().doubleValue()).isZero();
    }

    @Test
    void theOneValidationNamesTheArgumentAndTheLayer() {
        assertThatThrownBy(() -> TrainableNetwork.of("generator", null)).hasMessage("generator must not be null");
        MultiLayerNetwork output = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(3).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(3).nOut(1)
                        .activation(Activation.IDENTITY).build()).build());
        output.init();
        assertThatThrownBy(() -> TrainableNetwork.of("generator", output))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("generator layer 1")
                .hasMessageContaining("OutputLayer");
        MultiLayerNetwork noise = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(1).weightNoise(new DropConnect(0.5)).build()).build());
        noise.init();
        assertThatThrownBy(() -> TrainableNetwork.of("critic", noise))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("critic layer 0")
                .hasMessageContaining("weight noise");
        MultiLayerNetwork uninitialised = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(1).build()).build());
        assertThatThrownBy(() -> TrainableNetwork.of("net", uninitialised)).hasMessageContaining("init()");
    }

    @Test
    void updatersAreCheckedNamingTheHyperParameter() {
        assertThatThrownBy(() -> Updaters.check("critic updater", new NoOp()))
                .hasMessage("critic updater must be a learning updater but is NoOp");
        assertThatThrownBy(() -> Updaters.check("generator updater", new Sgd(-0.1)))
                .hasMessage("generator updater learning rate must be positive and finite but is -0.1");
        assertThatThrownBy(() -> Updaters.check("u", new Adam(1e-3, 0.5, 1.0, 1e-8)))
                .hasMessage("u beta2 must be in [0, 1) but is 1.0");
        assertThatThrownBy(() -> Updaters.check("u", null)).hasMessage("u must not be null");
    }
}
