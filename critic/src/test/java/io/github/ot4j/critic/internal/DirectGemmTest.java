package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The direct OpenBLAS product against nd4j's {@code Nd4j.gemm}, bit for bit: float and double, every combination
 * of transposes, operands that are views at an offset of a flat array (as the fast path's weight and gradient
 * views are), column vectors, and row-major operands (which go to nd4j).
 */
class DirectGemmTest {

    /** A column-major rows × columns view at element offset {@code at} of a flat array of random entries. */
    private static INDArray view(DataType type, long seed, int at, int rows, int columns) {
        Nd4j.getRandom().setSeed(seed);
        INDArray flat = Nd4j.randn(type, 1, at + rows * columns + 7);
        return flat.reshape(flat.length()).get(NDArrayIndex.interval(at, at + rows * columns))
                .reshape('f', rows, columns);
    }

    private static void assertSameProduct(INDArray a, INDArray b, boolean ta, boolean tb, int m, int n, int at) {
        DataType type = a.dataType();
        INDArray expected = Nd4j.createUninitialized(type, new long[] {m, n}, 'f');
        Nd4j.gemm(a, b, expected, ta, tb, 1.0, 0.0);
        INDArray direct = view(type, 99, at, m, n); // garbage to be overwritten, at an offset
        DirectGemm.product(a, b, direct, ta, tb);
        assertThat(direct.dup('f').data().asDouble()).as("%s %s%s x %s%s", type,
                java.util.Arrays.toString(a.shape()), ta ? "ᵀ" : "", java.util.Arrays.toString(b.shape()), tb ? "ᵀ" : "")
                .isEqualTo(expected.data().asDouble());
    }

    @Test
    void productsEqualNd4jsBitForBit() {
        int m = 37;
        int k = 19;
        int n = 23;
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    INDArray a = ta ? view(type, 1, 5, k, m) : view(type, 1, 5, m, k);
                    INDArray b = tb ? view(type, 2, 11, n, k) : view(type, 2, 11, k, n);
                    assertThat(DirectGemm.columnMajor(a, type)).isTrue();
                    assertSameProduct(a, b, ta, tb, m, n, 3);
                }
            }
            // a column vector result, and a row-major operand (which nd4j computes)
            assertSameProduct(view(type, 3, 0, m, k), view(type, 4, 2, k, 1), false, false, m, 1, 1);
            INDArray rowMajor = view(type, 5, 0, m, k).dup('c');
            assertThat(DirectGemm.columnMajor(rowMajor, type)).isFalse();
            assertSameProduct(rowMajor, view(type, 6, 0, k, n), false, false, m, n, 0);
        }
    }

    @Test
    void mismatchedShapesAreRejected() {
        INDArray a = view(DataType.FLOAT, 1, 0, 4, 3);
        INDArray b = view(DataType.FLOAT, 2, 0, 4, 2);
        INDArray c = view(DataType.FLOAT, 3, 0, 4, 2);
        assertThatThrownBy(() -> DirectGemm.product(a, b, c, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot multiply");
    }
}
