package io.github.ot4j.critic.internal;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to the native memory of a contiguous float or double nd4j array (offset 0, not a view), for
 * the fused loops of {@link FusedDense} and {@link FusedUpdater}: reads and writes go to the array itself, no
 * copy. Values pass as doubles; a float array rounds on {@link #set} and {@link #write}. The bulk {@link #read} and
 * {@link #write} move a run of elements between the array and a Java {@code double[]} (one native copy, then a
 * plain loop), where the fused loops then run as loops over Java arrays, which the JIT compiles far better than
 * element-by-element buffer access.
 */
abstract sealed class Vec permits Vec.F, Vec.D {

    /**
     * @param array a float or double array that owns its buffer from element 0
     * @return its elements, or {@code null} if the array is of another type, a view or offset
     */
    static Vec of(INDArray array) {
        if (array == null || array.isView() || array.offset() != 0 || array.length() > Integer.MAX_VALUE) {
            return null;
        }
        if (array.dataType() == DataType.FLOAT) {
            return new F(array.data().asNioFloat());
        }
        if (array.dataType() == DataType.DOUBLE) {
            return new D(array.data().asNioDouble());
        }
        return null;
    }

    /**
     * All ones if x &gt; 0, else 0 (for NaN too), without a branch: x &gt; 0 exactly when its bits, read as a
     * signed long, lie in (0, bits(+∞)], i.e. when both −bits and bits − (bits(+∞) + 1) are negative.
     */
    static long positive(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return ((-bits) & (bits - 0x7ff0000000000001L)) >> 63;
    }

    /** @return {@code mask != 0 ? ifSet : ifClear} for a mask of all ones or all zeros, bit for bit, no branch */
    static double select(long mask, double ifSet, double ifClear) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(ifSet) & mask)
                | (Double.doubleToRawLongBits(ifClear) & ~mask));
    }

    abstract double get(int i);

    abstract void set(int i, double v);

    /**
     * Elements [from, from + n) into dst[0, n), as doubles.
     *
     * @param from the first element
     * @param n    how many
     * @param dst  receives them, length ≥ n
     * @param tmp  scratch of length ≥ n for a float array (unused for a double array)
     */
    abstract void read(int from, int n, double[] dst, float[] tmp);

    /**
     * src[0, n) into elements [from, from + n), each rounded to float for a float array (as {@link #set} does).
     *
     * @param from the first element
     * @param n    how many
     * @param src  the values, length ≥ n
     * @param tmp  scratch of length ≥ n for a float array (unused for a double array)
     */
    abstract void write(int from, int n, double[] src, float[] tmp);

    static final class F extends Vec {
        final FloatBuffer b;

        F(FloatBuffer b) {
            this.b = b;
        }

        @Override
        double get(int i) {
            return b.get(i);
        }

        @Override
        void set(int i, double v) {
            b.put(i, (float) v);
        }

        @Override
        void read(int from, int n, double[] dst, float[] tmp) {
            b.get(from, tmp, 0, n);
            for (int i = 0; i < n; i++) {
                dst[i] = tmp[i];
            }
        }

        @Override
        void write(int from, int n, double[] src, float[] tmp) {
            for (int i = 0; i < n; i++) {
                tmp[i] = (float) src[i];
            }
            b.put(from, tmp, 0, n);
        }
    }

    static final class D extends Vec {
        final DoubleBuffer b;

        D(DoubleBuffer b) {
            this.b = b;
        }

        @Override
        double get(int i) {
            return b.get(i);
        }

        @Override
        void set(int i, double v) {
            b.put(i, v);
        }

        @Override
        void read(int from, int n, double[] dst, float[] tmp) {
            b.get(from, dst, 0, n);
        }

        @Override
        void write(int from, int n, double[] src, float[] tmp) {
            b.put(from, src, 0, n);
        }
    }

    /**
     * Scratch for the bulk loops: runs of {@link #SIZE} elements, five double rows, the float buffer of
     * {@link #read} and {@link #write} and four more float rows. One per pass's buffers ({@code FusedScratch}) and per updater plan,
     * so that the passes that may run on different threads (inference and training) never share one.
     */
    static final class Chunk {
        /** The elements per run: 4 KiB of doubles, well within the L1 cache with all five rows. */
        static final int SIZE = 512;
        final double[] a = new double[SIZE];
        final double[] b = new double[SIZE];
        final double[] c = new double[SIZE];
        final double[] d = new double[SIZE];
        final double[] e = new double[SIZE];
        final float[] tmp = new float[SIZE];
        /** A second float run, for {@link FloatRuns}' loops over two arrays. */
        final float[] tmp2 = new float[SIZE];
        /** Third to fifth float runs, for {@link FloatRuns#columnSums}' four columns at once. */
        final float[] tmp3 = new float[SIZE];
        final float[] tmp4 = new float[SIZE];
        final float[] tmp5 = new float[SIZE];
    }
}
