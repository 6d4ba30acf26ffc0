package io.github.ot4j.critic.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
     * The matrix of rows of doubles in a floating-point type, filled in one Java loop and handed to nd4j as one
     * array: the same entries, bit for bit, as {@code Nd4j.create(rows).castTo(type)} (each double rounded to
     * nearest), which builds a double matrix and then a second, cast one (two native arrays and a native cast per
     * batch; a WGAN step makes 10–15 of them).
     *
     * @param rows n ≥ 1 rows of equal length d ≥ 1
     * @param type the type, float or double (any other goes through nd4j's cast)
     * @return the n × d matrix, row-major
     */
    public static INDArray matrix(double[][] rows, DataType type) {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        if (n == 0 || d == 0 || (type != DataType.FLOAT && type != DataType.DOUBLE)) {
            return Nd4j.create(rows).castTo(type);
        }
        double[] flat = new double[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has length " + rows[i].length + ", not " + d);
            }
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return matrix(flat, n, d, type);
    }

    /**
     * A row-major n × d matrix of given doubles in a floating-point type: the same entries, bit for bit, as
     * {@code Nd4j.create(flat, new long[] {n, d}, DataType.DOUBLE).castTo(type)}, with one native array.
     *
     * @param flat the n·d entries, row after row
     * @param n    the rows
     * @param d    the columns
     * @param type the type, float or double (any other goes through nd4j's cast)
     * @return the matrix
     */
    public static INDArray matrix(double[] flat, int n, int d, DataType type) {
        if (flat.length != (long) n * d) {
            throw new IllegalArgumentException(flat.length + " entries are not " + n + " x " + d);
        }
        long[] shape = {n, d};
        if (type == DataType.DOUBLE) {
            return Nd4j.create(flat, shape, 'c');
        }
        if (type == DataType.FLOAT) {
            float[] f = new float[flat.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) flat[i];
            }
            return Nd4j.create(f, shape, 'c');
        }
        return Nd4j.create(flat, shape, DataType.DOUBLE).castTo(type);
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
