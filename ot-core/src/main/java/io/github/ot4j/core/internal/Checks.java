package io.github.ot4j.core.internal;

/**
 * Argument checks shared by the ot4j modules. Every failure is an {@link IllegalArgumentException}
 * whose message names the argument and the offending value.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Requires every entry of {@code values} to be finite.
     *
     * @param name   the argument's name, used in the message
     * @param values the values to check
     * @return {@code values}
     */
    public static double[] finite(String name, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite but is " + values[i]);
            }
        }
        return values;
    }

    /**
     * Requires {@code value} to be finite.
     *
     * @param name  the argument's name, used in the message
     * @param value the value to check
     * @return {@code value}
     */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite but is " + value);
        }
        return value;
    }

    /**
     * Requires {@code value} to be finite and strictly positive.
     *
     * @param name  the argument's name, used in the message
     * @param value the value to check
     * @return {@code value}
     */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0 but is " + value);
        }
        return value;
    }

    /**
     * Requires {@code value} to be finite and non-negative.
     *
     * @param name  the argument's name, used in the message
     * @param value the value to check
     * @return {@code value}
     */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0 but is " + value);
        }
        return value;
    }

    /**
     * Requires {@code value} to be at least {@code min}.
     *
     * @param name  the argument's name, used in the message
     * @param value the value to check
     * @param min   the smallest allowed value
     * @return {@code value}
     */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + " but is " + value);
        }
        return value;
    }

    /**
     * Requires a rectangular, non-empty matrix of finite values with {@code columns} columns
     * (any number of columns when {@code columns < 0}).
     *
     * @param name    the argument's name, used in the message
     * @param rows    the matrix
     * @param columns the required row length, or a negative number for "any, but all equal"
     * @return {@code rows}
     */
    public static double[][] finiteMatrix(String name, double[][] rows, int columns) {
        if (rows == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        int width = columns < 0 ? lengthOf(name, rows, 0) : columns;
        if (width == 0) {
            throw new IllegalArgumentException(name + " must have at least one column but has 0");
        }
        for (int i = 0; i < rows.length; i++) {
            int length = lengthOf(name, rows, i);
            if (length != width) {
                throw new IllegalArgumentException(name + "[" + i + "] has length " + length
                        + " but " + width + " was expected");
            }
            double[] row = rows[i];
            for (int k = 0; k < width; k++) {
                if (!Double.isFinite(row[k])) {
                    throw new IllegalArgumentException(
                            name + "[" + i + "][" + k + "] must be finite but is " + row[k]);
                }
            }
        }
        return rows;
    }

    private static int lengthOf(String name, double[][] rows, int i) {
        if (rows[i] == null) {
            throw new IllegalArgumentException(name + "[" + i + "] must not be null");
        }
        return rows[i].length;
    }

    /**
     * Deep copy of a matrix.
     *
     * @param rows the matrix
     * @return a copy sharing no array with {@code rows}
     */
    public static double[][] copy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
