package io.github.ot4j.critic.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Conversions between nd4j arrays and Java arrays, and finiteness checks. */
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
     * Whether every entry is finite, by one reduction: the sum is NaN or infinite if an entry is (it is also
     * infinite for finite entries so large that their sum overflows, which counts as diverged).
     *
     * @param a an array
     * @return whether every entry is finite
     */
    public static boolean allFinite(INDArray a) {
        return Double.isFinite(a.sumNumber().doubleValue());
    }

    /**
     * Checks a batch of points for NaN and infinities.
     *
     * @param name the argument's name
     * @param a    the batch
     * @return a
     * @throws IllegalArgumentException naming the argument if an entry is not finite
     */
    public static INDArray requireFinite(String name, INDArray a) {
        if (!allFinite(a)) {
            throw new IllegalArgumentException(name + " must be finite but contains NaN or infinite entries");
        }
        return a;
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
