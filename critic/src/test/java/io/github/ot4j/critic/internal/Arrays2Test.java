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
}
