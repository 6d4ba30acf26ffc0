package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The fast BLAS path of {@link Finite#problem(INDArray)} gives the answers of the plain sum, in every shape. */
class FiniteTest {

    static {
        Nd4jSetup.ensure();
    }

    private static INDArray matrix(DataType type, double... values) {
        return Nd4j.create(values, new long[] {values.length / 2, 2}, 'c').castTo(type);
    }

    @Test
    void finiteArraysOfEveryShapeAndTypeHaveNoProblem() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.HALF}) {
            INDArray m = matrix(type, 1, -2, 3, -4, 5, 6);
            assertThat(Finite.problem(m)).as("%s matrix", type).isNull();
            assertThat(Finite.problem(m.reshape(6))).as("%s vector", type).isNull();
            assertThat(Finite.problem(m.transpose())).as("%s f-order view", type).isNull();
            assertThat(Finite.problem(m.getColumn(1))).as("%s strided column", type).isNull();
            assertThat(Finite.problem(Nd4j.scalar(type, 2.5))).as("%s scalar", type).isNull();
        }
    }

    @Test
    void nanAndInfinityAreFoundInEveryShapeAndType() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.HALF}) {
            INDArray nan = matrix(type, 1, 2, 3, Double.NaN, 5, 6);
            INDArray inf = matrix(type, 1, 2, 3, 4, Double.NEGATIVE_INFINITY, 6);
            assertThat(Finite.problem(nan)).as("%s", type).isEqualTo("NaN");
            assertThat(Finite.problem(nan.transpose())).as("%s", type).isEqualTo("NaN");
            assertThat(Finite.problem(nan.getColumn(1))).as("%s", type).isEqualTo("NaN");
            assertThat(Finite.problem(inf)).as("%s", type).isEqualTo("infinity");
            assertThat(Finite.problem(inf.getColumn(0))).as("%s", type).isEqualTo("infinity");
        }
    }

    @Test
    void aStridedViewIsJudgedOnItsOwnEntriesOnly() {
        INDArray m = matrix(DataType.FLOAT, 1, Double.NaN, 3, Double.POSITIVE_INFINITY, 5, Double.NaN);
        assertThat(Finite.problem(m.getColumn(0))).isNull();
        INDArray row = Nd4j.create(new double[] {Double.NaN, 1, 2, 3, Double.NaN}).castTo(DataType.FLOAT)
                .get(NDArrayIndex.interval(1, 4));
        assertThat(Finite.problem(row)).isNull();
    }

    @Test
    void columnMajorMatricesAndTheirBlocksAreJudgedOnTheirOwnEntries() {
        // a column-major weight matrix viewed in a flat parameter vector, as DL4J lays out its layers
        INDArray flat = Nd4j.create(new double[] {9, 1, 2, 3, 4, 5, 6, Double.NaN}).castTo(DataType.FLOAT);
        INDArray weights = flat.get(NDArrayIndex.interval(1, 7)).reshape('f', 3, 2);
        assertThat(weights.ordering()).isEqualTo('f');
        assertThat(Finite.problem(weights)).isNull();
        flat.putScalar(4, Double.NaN);
        assertThat(Finite.problem(weights)).isEqualTo("NaN");
        // a block of a column-major matrix is not contiguous: only its own entries count
        INDArray m = Nd4j.create(DataType.DOUBLE, new long[] {4, 4}, 'f').assign(1);
        m.putScalar(3, 0, Double.POSITIVE_INFINITY);
        INDArray block = m.get(NDArrayIndex.interval(0, 2), NDArrayIndex.interval(0, 3));
        assertThat(Finite.problem(block)).isNull();
        m.putScalar(1, 2, Double.NEGATIVE_INFINITY);
        assertThat(Finite.problem(block)).isEqualTo("infinity");
    }

    @Test
    void entriesWhoseSquaresOverflowButWhoseSumDoesNotAreFinite() {
        // float: 1e20² overflows, 1e20 + 1e20 does not; the verdict is the sum's, as documented
        assertThat(Finite.problem(matrix(DataType.FLOAT, 1e20, -1e20, 3e37, 1))).isNull();
        assertThat(Finite.problem(matrix(DataType.DOUBLE, 1e200, 1e200))).isNull();
    }

    @Test
    void entriesWhoseSumOverflowsAreAnOverflow() {
        assertThat(Finite.problem(matrix(DataType.FLOAT, 3e38, 3e38))).isEqualTo("overflow");
        assertThat(Finite.problem(matrix(DataType.DOUBLE, 1.7e308, 1.7e308))).isEqualTo("overflow");
    }
}
