package io.github.ot4j.critic.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Conversions between nd4j arrays and Java arrays. */
public final class Arrays2 {

    private Arrays2() {
    }

    /**
     * The rows of a matrix, from one copy of its entries in row-major order (nd4j's {@code toDoubleMatrix} reads
     * row by row through a view per row: about 6 ms for 256 × 2, 40 times slower).
     *
     * @param a a matrix
     * @return its rows as doubles
     */
    public static double[][] rows(INDArray a) {
        if (a.rank() != 2 || a.length() == 0) {
            return a.castTo(DataType.DOUBLE).toDoubleMatrix();
        }
        int n = Math.toIntExact(a.rows());
        int d = Math.toIntExact(a.columns());
        double[] flat = a.castTo(DataType.DOUBLE).dup('c').reshape(a.length()).toDoubleVector();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return rows;
    }

    /**
     * @param a a column or row vector
     * @return its entries as doubles
     */
    public static double[] vector(INDArray a) {
        return a.castTo(DataType.DOUBLE).reshape(a.length()).toDoubleVector();
    }

    /**
     * @param v values
     * @return their mean
     */
    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
