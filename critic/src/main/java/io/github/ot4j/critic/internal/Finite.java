package io.github.ot4j.critic.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The finiteness checks of every training step, in both modules: one reduction per array (the sum is NaN or
 * infinite if an entry is; it is also infinite for finite entries so large that their sum overflows, which counts
 * as diverged).
 *
 * <p>For float and double arrays the reduction is the BLAS dot product x·x = Σ<sub>i</sub> x<sub>i</sub>², an
 * order of magnitude faster than nd4j's sum on one thread (measured: 27 µs against 520 µs for the 527 361
 * parameters of a 2-512-512-512-1 critic). If x·x is finite, every entry is finite and |x<sub>i</sub>| ≤
 * √max, so Σ<sub>i</sub> x<sub>i</sub> is finite too; if it is not, the sum and the element checks decide as
 * before, so the result is the same as with the sum alone.
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
        if (squaresFinite(array) || Double.isFinite(array.sumNumber().doubleValue())) {
            return null;
        }
        if (array.isNaN().any()) {
            return "NaN";
        }
        return array.isInfinite().any() ? "infinity" : "overflow";
    }

    /** @return whether x·x is finite, computed by BLAS; false also where BLAS does not apply (other types, empty) */
    private static boolean squaresFinite(INDArray array) {
        DataType type = array.dataType();
        if ((type != DataType.FLOAT && type != DataType.DOUBLE) || array.isEmpty() || array.length() < 1) {
            return false;
        }
        // flattened in the array's own order: a view for a contiguous matrix (a column-major weight matrix reshaped
        // in row-major order is a copy: 1.1-1.6 ms for 512 x 512 floats against 0.03 ms for the view)
        INDArray v = array.isVector() ? array : array.reshape(array.ordering(), new long[] {array.length()});
        return Double.isFinite(Nd4j.getBlasWrapper().dot(v, v));
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
