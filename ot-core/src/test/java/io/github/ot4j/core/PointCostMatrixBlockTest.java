package io.github.ot4j.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link PointCostMatrix#block} and {@link PointCostMatrix#toArray()} against the pair-by-pair definition. */
class PointCostMatrixBlockTest {

    private static PointCostMatrix matrix(int n, int m, int d, GroundCost cost, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        double[][] y = new double[m][d];
        for (double[][] p : new double[][][] {x, y}) {
            for (double[] row : p) {
                for (int k = 0; k < d; k++) {
                    row[k] = 2 * random.nextDouble() - 1;
                }
            }
        }
        return (PointCostMatrix) CostMatrix.between(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), cost);
    }

    /** Every entry equals {@code cost.between(x_i, y_j)} exactly: the kernel sums in the same order. */
    @ParameterizedTest
    @CsvSource({"cityblock,1", "cityblock,2", "cityblock,3", "euclidean,2", "sqeuclidean,1", "cityblock,33", "cityblock,784", "euclidean,1", "euclidean,7",
        "euclidean,64", "euclidean,1024", "sqeuclidean,2", "sqeuclidean,5", "sqeuclidean,37", "sqeuclidean,300",
        "minkowski:3,4"})
    void blockEqualsTheDefinitionBitForBit(String name, int d) {
        GroundCost cost = GroundCost.named(name);
        PointCostMatrix c = matrix(37, 300, d, cost, d);
        int i0 = 3;
        int i1 = 30;
        int j0 = 5;
        int j1 = 290;
        double[] out = new double[(i1 - i0) * (j1 - j0)];
        c.block(i0, i1, j0, j1, out);
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                double expected = cost.between(c.source().point(i), c.target().point(j));
                assertEquals(expected, out[(i - i0) * (j1 - j0) + j - j0], 0.0, name + " d=" + d + " at " + i + "," + j);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"cityblock,2", "euclidean,1", "sqeuclidean,2", "sqeuclidean,5", "minkowski:3,4"})
    void blockAtAnOffsetWritesTheSameValuesThereAndNothingBefore(String name, int d) {
        GroundCost cost = GroundCost.named(name);
        PointCostMatrix c = matrix(20, 40, d, cost, 7 + d);
        double[] plain = new double[5 * 33];
        c.block(10, 15, 4, 37, plain);
        double[] out = new double[11 + plain.length + 3];
        java.util.Arrays.fill(out, -1);
        c.block(10, 15, 4, 37, out, 11);
        for (int p = 0; p < out.length; p++) {
            double expected = p < 11 || p >= 11 + plain.length ? -1 : plain[p - 11];
            assertEquals(expected, out[p], 0.0, name + " d=" + d + " at " + p);
        }
        assertThrows(IllegalArgumentException.class, () -> c.block(10, 15, 4, 37, new double[11 + 5 * 33 - 1], 11));
        assertThrows(IllegalArgumentException.class, () -> c.block(10, 15, 4, 37, out, -1));
    }

    @Test
    void toArrayMatchesGet() {
        PointCostMatrix c = matrix(300, 17, 20, GroundCost.euclidean(), 1);
        double[][] all = c.toArray();
        for (int i = 0; i < 300; i++) {
            double[] expected = new double[17];
            for (int j = 0; j < 17; j++) {
                expected[j] = c.get(i, j);
            }
            assertArrayEquals(expected, all[i], 0.0);
        }
    }

    /** dense() fills one array block by block (here 300 × 300: two row blocks), the values of get bit for bit. */
    @Test
    void denseMatchesGet() {
        for (int m : new int[] {1, 300}) {
            PointCostMatrix c = matrix(300, m, 2, GroundCost.cityblock(), 3);
            CostMatrix dense = c.dense();
            assertEquals(300, dense.rows());
            assertEquals(m, dense.cols());
            for (int i = 0; i < 300; i++) {
                for (int j = 0; j < m; j++) {
                    assertEquals(Double.doubleToRawLongBits(c.get(i, j)), Double.doubleToRawLongBits(dense.get(i, j)),
                            "entry " + i + ", " + j);
                }
            }
            assertEquals(dense, dense.dense());
        }
    }

    @Test
    void badBoundsAreNamed() {
        PointCostMatrix c = matrix(4, 5, 2, GroundCost.euclidean(), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.block(0, 5, 0, 5,
                new double[25]));
        assertEquals("rows [0, 5) must lie within [0, 4)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.block(0, 4, 2, 1, new double[20]));
        assertThrows(IllegalArgumentException.class, () -> c.block(0, 4, 0, 5, new double[19]));
    }

    @Test
    void nonFiniteCostsAreRejected() {
        double[][] x = {{1e200, 0}};
        double[][] y = {{-1e200, 0}};
        PointCostMatrix c = (PointCostMatrix) CostMatrix.between(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y),
                GroundCost.squaredEuclidean());
        assertThrows(IllegalArgumentException.class, () -> c.block(0, 1, 0, 1, new double[1]));
        assertThrows(IllegalArgumentException.class, c::dense);
    }
}
