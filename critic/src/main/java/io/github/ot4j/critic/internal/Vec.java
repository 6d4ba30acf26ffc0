package io.github.ot4j.critic.internal;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to the native memory of a contiguous float or double nd4j array (offset 0, not a view), for
 * the fused loops of {@link FusedDense} and {@link FusedUpdater}: reads and writes go to the array itself, no
 * copy. Values pass as doubles; a float array rounds on {@link #set}.
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

    abstract double get(int i);

    abstract void set(int i, double v);

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
    }
}
