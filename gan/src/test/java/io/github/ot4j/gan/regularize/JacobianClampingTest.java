package io.github.ot4j.gan.regularize;

import io.github.ot4j.critic.internal.TrainableNetwork;
import io.github.ot4j.gan.Generator;
import io.github.ot4j.gan.GeneratorSpec;
import io.github.ot4j.gan.internal.JacobianPenalty;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JacobianClampingTest {

    private static Generator generator() {
        // tanh hidden layers: smooth, so finite differences of Q are well defined
        return Generator.mlp(new GeneratorSpec(3, new int[] {8, 8}, 2, Activation.TANH, Activation.IDENTITY,
                DataType.DOUBLE, 11));
    }

    @Test
    void thePenaltyIsZeroInsideTheBandAndQuadraticOutside() {
        JacobianClamping c = JacobianClamping.paper();
        assertThat(c.penalty(1.0)).isZero();
        assertThat(c.penalty(7.5)).isZero();
        assertThat(c.penalty(20.0)).isZero();
        assertThat(c.penalty(0.25)).isEqualTo(0.75 * 0.75);
        assertThat(c.penalty(23.0)).isEqualTo(9.0);
        for (double q : new double[] {0.1, 0.5, 3.0, 19.0, 21.0, 40.0}) {
            double h = 1e-6;
            double fd = (c.penalty(q + h) - c.penalty(q - h)) / (2 * h);
            assertThat(c.penaltyDerivative(q)).as("q = %s", q).isCloseTo(fd, within(1e-6));
        }
    }

    @Test
    void aGeneratorInsideTheBandHasNoPenaltyAndNoGradient() {
        Generator g = generator();
        TrainableNetwork net = TrainableNetwork.of("generator", g.network());
        INDArray z = g.noise(16, 3);
        double[][] delta = JacobianPenalty.perturbations(16, 3, 1.0, 4);
        JacobianPenalty.Result r = JacobianPenalty.of(new JacobianClamping(0.0, 1e6, 1.0, 1.0), net, z, delta);
        assertThat(r.value()).isZero();
        assertThat(r.meanStretch()).isPositive();
        assertThat(r.gradient().amaxNumber().doubleValue()).isZero();
    }

    @Test
    void theGradientMatchesFiniteDifferencesOfThePenalty() {
        Generator g = generator();
        MultiLayerNetwork network = g.network();
        TrainableNetwork net = TrainableNetwork.of("generator", network);
        INDArray z = g.noise(12, 5);
        double[][] delta = JacobianPenalty.perturbations(12, 3, 0.5, 6);
        double q = JacobianPenalty.of(new JacobianClamping(0.0, 1e6, 0.5, 1.0), net, z, delta).meanStretch();
        // a band that every stretch of this batch misses, from above for some rows and from below for others
        JacobianClamping c = new JacobianClamping(q * 1.01, q * 1.02, 0.5, 3.0);
        JacobianPenalty.Result r = JacobianPenalty.of(c, net, z, delta);
        assertThat(r.value()).isPositive();
        INDArray params = network.params();
        double largest = r.gradient().amaxNumber().doubleValue();
        assertThat(largest).isPositive();
        int checked = 0;
        for (long k = 0; k < params.length(); k += 7) {
            double before = params.getDouble(k);
            double h = 1e-6;
            params.putScalar(k, before + h);
            double plus = JacobianPenalty.of(c, net, z, delta).value();
            params.putScalar(k, before - h);
            double minus = JacobianPenalty.of(c, net, z, delta).value();
            params.putScalar(k, before);
            double fd = (plus - minus) / (2 * h);
            assertThat(r.gradient().getDouble(k)).as("parameter %s", k).isCloseTo(fd, within(1e-6 * largest + 1e-9));
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void thePerturbationsHaveLengthEpsilonAndDependOnlyOnTheSeed() {
        double[][] a = JacobianPenalty.perturbations(5, 4, 0.3, 9);
        double[][] b = JacobianPenalty.perturbations(5, 4, 0.3, 9);
        assertThat(a).isDeepEqualTo(b);
        for (double[] row : a) {
            double s = 0;
            for (double v : row) {
                s += v * v;
            }
            assertThat(Math.sqrt(s)).isCloseTo(0.3, within(1e-12));
        }
        assertThat(JacobianPenalty.perturbations(5, 4, 0.3, 10)[0]).isNotEqualTo(a[0]);
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThatThrownBy(() -> new JacobianClamping(-1, 20, 1, 1)).hasMessageContaining("lambdaMin")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new JacobianClamping(2, 1, 1, 1)).hasMessageContaining("lambdaMax");
        assertThatThrownBy(() -> new JacobianClamping(1, 20, 0, 1)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new JacobianClamping(1, 20, 1, Double.NaN)).hasMessageContaining("weight");
    }
}
