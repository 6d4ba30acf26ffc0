package io.github.ot4j.gan.internal;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Finiteness checks of arrays and numbers for the training guard. */
public final class Finite {

    private Finite() {
    }

    /**
     * @param array an array
     * @return {@code null} if every entry is finite, else "NaN" or "infinity" (or "overflow" for finite entries
     *         whose sum overflows)
     */
    public static String problem(INDArray array) {
        double sum = array.sumNumber().doubleValue();
        if (Double.isFinite(sum)) {
            return null;
        }
        if (array.isNaN().any()) {
            return "NaN";
        }
        if (array.isInfinite().any()) {
            return "infinity";
        }
        return "overflow";
    }

    /**
     * @param value a number
     * @return {@code null} if finite, else "NaN" or "infinity"
     */
    public static String problem(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return Double.isInfinite(value) ? "infinity" : null;
    }
}
