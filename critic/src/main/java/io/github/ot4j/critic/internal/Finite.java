package io.github.ot4j.critic.internal;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The finiteness checks of every training step, in both modules: one reduction per array (the sum is NaN or
 * infinite if an entry is; it is also infinite for finite entries so large that their sum overflows, which counts
 * as diverged).
 */
public final class Finite {

    private Finite() {
    }

    /**
     * @param array an array
     * @return {@code null} if every entry is finite, else {@code "NaN"}, {@code "infinity"} or {@code "overflow"}
     *         (finite entries whose sum overflows)
     */
    public static String problem(INDArray array) {
        if (Double.isFinite(array.sumNumber().doubleValue())) {
            return null;
        }
        if (array.isNaN().any()) {
            return "NaN";
        }
        return array.isInfinite().any() ? "infinity" : "overflow";
    }

    /**
     * @param value a number
     * @return {@code null} if finite, else {@code "NaN"} or {@code "infinity"}
     */
    public static String problem(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return Double.isInfinite(value) ? "infinity" : null;
    }

    /**
     * Checks a computed quantity of a training step.
     *
     * @param quantity what the array is, such as {@code "gradient"}
     * @param array    the array
     * @return {@code array}
     * @throws NonFiniteException naming the quantity if an entry is not finite
     */
    public static INDArray require(String quantity, INDArray array) {
        String problem = problem(array);
        if (problem != null) {
            throw new NonFiniteException(quantity, problem);
        }
        return array;
    }

    /**
     * Checks a computed number of a training step.
     *
     * @param quantity what the number is, such as {@code "loss"}
     * @param value    the number
     * @return {@code value}
     * @throws NonFiniteException naming the quantity and the value if it is not finite
     */
    public static double require(String quantity, double value) {
        String problem = problem(value);
        if (problem != null) {
            throw new NonFiniteException(quantity, problem);
        }
        return value;
    }

    /**
     * Checks an argument (a batch of points) for NaN and infinities.
     *
     * @param name the argument's name
     * @param a    the batch
     * @return a
     * @throws IllegalArgumentException naming the argument if an entry is not finite
     */
    public static INDArray requireArgument(String name, INDArray a) {
        if (problem(a) != null) {
            throw new IllegalArgumentException(name + " must be finite but contains NaN or infinite entries");
        }
        return a;
    }
}
