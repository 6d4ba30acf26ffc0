package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.enforce.SpectralNormalization;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The written-out power iteration against the same steps as nd4j ops ({@code mmul}, {@code norm2Number},
 * {@code divi} on row vectors, what spectral normalisation ran before), bit for bit, in float32 and float64: on
 * the live weight views of critics with a 1-wide input and output (1 × 1 products), a layer wider than
 * {@link PowerIteration#SEQUENTIAL} (the norm left to nd4j) and several power iterations and calls (the
 * persistent vectors).
 */
class PowerIterationTest {

    /** The nd4j-op power iteration of spectral normalisation before it was written out, on a critic. */
    private static final class Reference {
        private final int iterations;
        private INDArray[] u;

        Reference(int iterations) {
            this.iterations = iterations;
        }

        void normalize(Critic critic, long seed) {
            TrainableNetwork net = TrainableNetwork.of("critic", critic.network());
            if (u == null) {
                u = new INDArray[net.layerCount()];
                SplittableRandom random = new SplittableRandom(seed);
                for (int k = 0; k < u.length; k++) {
                    int nOut = (int) net.weights(k).columns();
                    double[] values = new double[nOut];
                    for (int j = 0; j < nOut; j++) {
                        values[j] = random.nextGaussian();
                    }
                    INDArray vec = Nd4j.createFromArray(values).castTo(net.dataType()).reshape(1, nOut);
                    u[k] = vec.divi(vec.norm2Number());
                }
            }
            double[] sigmas = new double[u.length];
            for (int k = 0; k < u.length; k++) {
                INDArray w = net.weights(k);
                for (int it = 0; it < iterations; it++) {
                    INDArray v = u[k].mmul(w.transpose());
                    v.divi(Math.max(v.norm2Number().doubleValue(), Double.MIN_NORMAL));
                    INDArray wv = v.mmul(w);
                    sigmas[k] = wv.norm2Number().doubleValue();
                    u[k] = wv.divi(Math.max(sigmas[k], Double.MIN_NORMAL));
                }
            }
            for (int k = 0; k < u.length; k++) {
                net.weights(k).divi(sigmas[k]);
            }
        }
    }

    private static double[] params(Critic c) {
        return c.network().params().dup().data().asDouble();
    }

    /** @return the first index where a and b differ in their bits, −1 if nowhere (a length difference counts) */
    private static int firstDifference(double[] a, double[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return i;
            }
        }
        return a.length == b.length ? -1 : Math.min(a.length, b.length);
    }

    @Test
    void spectralNormalisationEqualsTheNd4jOpsBitForBit() {
        int[][] shapes = {{1, 3, 1}, {2, 64, 64, 1}, {3, 1100, 1}, {5, 7, 300, 2}};
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int[] shape : shapes) {
                for (int iterations : new int[] {1, 3}) {
                    CriticSpec spec = new CriticSpec(shape[0], Arrays.copyOfRange(shape, 1, shape.length - 1),
                            Activation.LEAKYRELU, type, 11);
                    Critic fused = Critic.mlp(spec);
                    Critic reference = Critic.mlp(spec);
                    SpectralNormalization.Normalizer normalizer = SpectralNormalization.of(iterations, 5)
                            .bind(fused);
                    Reference ops = new Reference(iterations);
                    double[] start = params(fused);
                    for (int call = 0; call < 3; call++) {
                        normalizer.normalize();
                        ops.normalize(reference, 5);
                        assertThat(firstDifference(params(fused), params(reference))).as(
                                "first differing parameter, %s %s, %d iterations, call %d", type,
                                Arrays.toString(shape), iterations, call).isEqualTo(-1);
                    }
                    assertThat(params(fused)).isNotEqualTo(start);
                }
            }
        }
    }

    @Test
    void theNormIsNd4jsOnEitherSideOfTheSequentialLength() {
        for (int n : new int[] {1, 5, 513, PowerIteration.SEQUENTIAL, PowerIteration.SEQUENTIAL + 1, 3000}) {
            Nd4j.getRandom().setSeed(n);
            INDArray x = Nd4j.randn(DataType.FLOAT, 1, n);
            assertThat(PowerIteration.norm(x)).as("%d", n).isEqualTo(x.norm2Number().doubleValue());
        }
    }

    @Test
    void aStepFindsTheSingularValueOfARankOneMatrix() {
        // W = 3·a·bᵀ with unit a, b: σ = 3, and one step from any u not orthogonal to b finds it, v = aᵀ, u' = bᵀ
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a = Nd4j.createFromArray(0.6, 0.8).reshape(2, 1);
            INDArray b = Nd4j.createFromArray(0.0, 1.0, 0.0).reshape(3, 1);
            INDArray w = a.mmul(b.transpose()).muli(3).castTo(type).dup('f');
            INDArray u = Nd4j.createFromArray(0.5, 0.5, 0.5).castTo(type).reshape(1, 3);
            double sigma = PowerIteration.step(w, u, u);
            double eps = type == DataType.FLOAT ? 1e-6 : 1e-15;
            assertThat(sigma).as("%s", type).isCloseTo(3.0, within(3 * eps));
            assertThat(u.data().asDouble()).as("%s", type).containsExactly(new double[] {0.0, 1.0, 0.0}, within(eps));
        }
    }
}
