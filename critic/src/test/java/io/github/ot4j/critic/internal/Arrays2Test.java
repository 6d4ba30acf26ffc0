package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class Arrays2Test {

    /** rows(a) is nd4j's own toDoubleMatrix, for every layout a batch can arrive in. */
    @Test
    void rowsAreNd4jsRowsForEveryLayout() {
        Nd4j.getRandom().setSeed(3);
        INDArray c = Nd4j.randn(DataType.DOUBLE, 7, 3);
        INDArray[] layouts = {c, c.dup('f'), c.castTo(DataType.FLOAT), c.castTo(DataType.FLOAT).dup('f'),
            c.transpose(), c.get(NDArrayIndex.interval(2, 6), NDArrayIndex.all()),
            c.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3)), c.getRow(4, true), c.getColumn(1, true)};
        for (INDArray a : layouts) {
            double[][] expected = a.castTo(DataType.DOUBLE).toDoubleMatrix();
            assertThat(Arrays2.rows(a)).as("%s, order %s", java.util.Arrays.toString(a.shape()), a.ordering())
                    .isDeepEqualTo(expected);
        }
    }

    /**
     * matrix(rows, type) is nd4j's create-then-cast, bit for bit: doubles that round (up, down, to even, to
     * subnormals, to infinity), ±0, NaN, infinities; float and double.
     */
    @Test
    void matrixIsNd4jsCreateThenCastBitForBit() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        double[][] rows = new double[40][3];
        double[] special = {0.0, -0.0, 1.0 / 3, -2.0 / 3, 1e-45, 7e-46, 1e-39, 3.5e38, -3.5e38, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1 + 0x1p-24, 1 + 0x1p-23 + 0x1p-24, Double.MIN_VALUE};
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 3; j++) {
                int k = i * 3 + j;
                rows[i][j] = k < special.length ? special[k] : r.nextGaussian() * Math.pow(10, r.nextInt(-8, 8));
            }
        }
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray expected = Nd4j.create(rows).castTo(type);
            INDArray actual = Arrays2.matrix(rows, type);
            assertThat(actual.dataType()).isEqualTo(type);
            assertThat(actual.shape()).isEqualTo(expected.shape());
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < 3; j++) {
                    assertThat(Double.doubleToRawLongBits(actual.getDouble(i, j))).as("%s [%d][%d] = %s", type, i, j,
                            rows[i][j]).isEqualTo(Double.doubleToRawLongBits(expected.getDouble(i, j)));
                }
            }
        }
    }
}
