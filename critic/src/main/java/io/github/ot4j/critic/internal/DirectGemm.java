package io.github.ot4j.critic.internal;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * C = op(A)·op(B) for {@link FusedDense}'s products: OpenBLAS's {@code cblas_sgemm}/{@code cblas_dgemm} called
 * on the arrays' own memory, the library nd4j's {@code matmul} ends in (the same kernels, the same result bit for
 * bit, {@code DirectGemmTest}), without nd4j's op dispatch around it (an op context, shape buffers and output-shape
 * checks per call: on the 512 × 64 × 64 products of a WGAN critic step nd4j's {@code Nd4j.gemm} took 160 µs
 * against 60 µs for the call itself). Only for column-major, contiguous float or double matrices of one type (the
 * fast path's buffers and parameter views); anything else goes to {@code Nd4j.gemm}.
 */
final class DirectGemm {

    private DirectGemm() {
    }

    /** Whether bytedeco's OpenBLAS classes are on the class path (nd4j's CPU backend brings them), checked once. */
    private static final class Available {
        static final boolean OPENBLAS = load();

        private static boolean load() {
            try {
                Class.forName("org.bytedeco.openblas.global.openblas", true, DirectGemm.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }

    /**
     * c ← op(a)·op(b) (α = 1, β = 0).
     *
     * @param a      A
     * @param b      B
     * @param c      C, written
     * @param transA whether op(A) = Aᵀ
     * @param transB whether op(B) = Bᵀ
     */
    static void product(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB) {
        DataType type = c.dataType();
        if (!Available.OPENBLAS || !columnMajor(a, type) || !columnMajor(b, type) || !columnMajor(c, type)) {
            Nd4j.gemm(a, b, c, transA, transB, 1.0, 0.0);
            return;
        }
        int m = Math.toIntExact(c.rows());
        int n = Math.toIntExact(c.columns());
        int k = Math.toIntExact(transA ? a.rows() : a.columns());
        if ((transA ? a.columns() : a.rows()) != m || (transB ? b.rows() : b.columns()) != n
                || (transB ? b.columns() : b.rows()) != k) {
            throw new IllegalArgumentException("cannot multiply " + java.util.Arrays.toString(a.shape())
                    + (transA ? "ᵀ" : "") + " by " + java.util.Arrays.toString(b.shape()) + (transB ? "ᵀ" : "")
                    + " into " + java.util.Arrays.toString(c.shape()));
        }
        int ta = transA ? openblas.CblasTrans : openblas.CblasNoTrans;
        int tb = transB ? openblas.CblasTrans : openblas.CblasNoTrans;
        int lda = Math.toIntExact(a.rows());
        int ldb = Math.toIntExact(b.rows());
        if (type == DataType.FLOAT) {
            openblas.cblas_sgemm(openblas.CblasColMajor, ta, tb, m, n, k, 1f, floats(a), lda, floats(b), ldb, 0f,
                    floats(c), m);
        } else {
            openblas.cblas_dgemm(openblas.CblasColMajor, ta, tb, m, n, k, 1.0, doubles(a), lda, doubles(b), ldb,
                    0.0, doubles(c), m);
        }
    }

    /** @return whether x is a column-major, contiguous float or double matrix of the given type */
    static boolean columnMajor(INDArray x, DataType type) {
        return x.dataType() == type && (type == DataType.FLOAT || type == DataType.DOUBLE) && x.rank() == 2
                && x.ordering() == 'f' && x.stride(0) == 1 && (x.columns() == 1 || x.stride(1) == x.rows())
                && x.length() > 0;
    }

    /**
     * The array's first element: a view's data buffer already starts at the view's offset (its address pointer
     * includes {@code data().offset()}), so only an offset beyond the buffer's own is added.
     */
    private static long first(INDArray x) {
        return x.offset() - x.data().offset();
    }

    private static FloatPointer floats(INDArray x) {
        return new FloatPointer(x.data().addressPointer()).position(first(x));
    }

    private static DoublePointer doubles(INDArray x) {
        return new DoublePointer(x.data().addressPointer()).position(first(x));
    }
}
