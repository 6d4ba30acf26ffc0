package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The branch-free helpers and the bulk transfers of {@link Vec}. */
class VecTest {

    /** Every class of double: signed zeros, subnormals, infinities, NaNs of both signs and any payload. */
    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        1.0, -1.0, 0.3, -7.5e-300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0xfff8000000000000L),
        Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xfff0000000000001L),
        Double.longBitsToDouble(0x7fffffffffffffffL), Double.longBitsToDouble(0x8000000000000001L)};

    @Test
    void positiveIsTheMaskOfGreaterThanZero() {
        for (double x : SPECIAL) {
            assertThat(Vec.positive(x)).as("positive(%s), bits %x", x, Double.doubleToRawLongBits(x))
                    .isEqualTo(x > 0 ? -1L : 0L);
        }
    }

    /** select(positive(v), v, α·v) is v &gt; 0 ? v : α·v bit for bit, the LeakyReLU of the fused forward pass. */
    @Test
    void selectIsTheConditionalBitForBit() {
        for (double v : SPECIAL) {
            for (double slope : new double[] {0.0, 0.01, 0.25, 1.0, 3.0}) {
                double expected = v > 0 ? v : slope * v;
                assertThat(Double.doubleToRawLongBits(Vec.select(Vec.positive(v), v, slope * v)))
                        .as("v = %s, slope = %s", v, slope).isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    /** read and write move a run of elements as get and set do (a float array rounds), leaving the rest alone. */
    @Test
    void readAndWriteAreRunsOfGetAndSet() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray array = Nd4j.createFromArray(new double[] {1, 2, 3, 4, 5, 6}).castTo(type);
            Vec v = Vec.of(array);
            double[] dst = new double[3];
            float[] tmp = new float[3];
            v.read(2, 3, dst, tmp);
            assertThat(dst).containsExactly(3, 4, 5);
            double third = 1.0 / 3;
            v.write(1, 2, new double[] {third, -0.5, 99}, tmp);
            assertThat(array.toDoubleVector()).as("%s", type).containsExactly(1,
                    type == DataType.FLOAT ? (float) third : third, -0.5, 4, 5, 6);
            v.set(5, third);
            assertThat(array.getDouble(5)).isEqualTo(array.getDouble(1));
        }
    }
}
