package io.github.ot4j.critic.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Conversions between nd4j arrays and Java arrays. */
public final class Arrays2 {

    private Arrays2() {
    }

    /**
     * @param a a matrix
     * @return its rows as doubles
     */
    public static double[][] rows(INDArray a) {
        return a.castTo(DataType.DOUBLE).toDoubleMatrix();
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
