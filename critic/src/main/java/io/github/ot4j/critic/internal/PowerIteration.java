package io.github.ot4j.critic.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One power iteration on a weight matrix for spectral normalisation: v ← uWᵀ/‖uWᵀ‖, u' ← vW/‖vW‖,
 * σ = ‖vW‖ (u, v row vectors). For float32 it is written out — the products by BLAS on the arrays' own memory
 * ({@link DirectGemm}), the norms and divisions as loops over the vectors — and gives what nd4j computes for the
 * same steps as {@code mmul}, {@code norm2Number} and {@code divi}, bit for bit ({@code PowerIterationTest}),
 * without their 10 ops per layer and iteration (each an op dispatch and a native temporary: 2.2–5.6 ms per
 * projection of the 2-512-512-512-1 critic, most of it not the products). Other types run those nd4j ops: for
 * float64 nd4j's products are not OpenBLAS's (on small matrices they equal a fused multiply-add loop, on
 * 512 × 512 neither), so a written-out version would change double networks' results.
 *
 * <p>How nd4j computes the float steps, which this follows: the product of a row by a matrix is one
 * {@code sgemm} with a single column (the same call as {@code DirectGemm}'s for W·uᵀ and Wᵀ·vᵀ), except a
 * 1 × 1 result, which is a BLAS dot product; the 2-norm of a vector of up to {@link #SEQUENTIAL} entries sums
 * the squares in float in index order (longer vectors are summed in blocks: those norms are left to nd4j); the
 * division by a double divides by the double rounded to float.
 */
public final class PowerIteration {

    /** The longest vector whose norm is summed here (nd4j sums in index order up to 2047 entries, measured). */
    static final int SEQUENTIAL = 1024;

    private PowerIteration() {
    }

    /**
     * One power iteration: v ← uWᵀ/max(‖uWᵀ‖, {@link Double#MIN_NORMAL}), next ← vW/max(σ, MIN_NORMAL) with
     * σ = ‖vW‖.
     *
     * @param w    W, nIn × nOut (a live weight view)
     * @param u    u, 1 × nOut, read
     * @param next receives the next u, 1 × nOut, contiguous (may be {@code u} itself)
     * @return σ, the estimate of W's largest singular value
     */
    public static double step(INDArray w, INDArray u, INDArray next) {
        if (w.dataType() != DataType.FLOAT || !DirectGemm.columnMajor(w, DataType.FLOAT)
                || u.dataType() != DataType.FLOAT || next.dataType() != DataType.FLOAT) {
            INDArray v = u.mmul(w.transpose());
            v.divi(Math.max(v.norm2Number().doubleValue(), Double.MIN_NORMAL));
            INDArray wv = v.mmul(w);
            double sigma = wv.norm2Number().doubleValue();
            next.assign(wv.divi(Math.max(sigma, Double.MIN_NORMAL)));
            return sigma;
        }
        INDArray v = Nd4j.create(DataType.FLOAT, new long[] {w.rows(), 1}, 'f');
        INDArray column = next.reshape('f', next.length(), 1); // a view: next's memory
        multiply(w, u == next ? column : u.reshape('f', u.length(), 1), v, false);
        divide(v, Math.max(norm(v), Double.MIN_NORMAL));
        multiply(w, v, column, true);
        double sigma = norm(next);
        divide(next, Math.max(sigma, Double.MIN_NORMAL));
        return sigma;
    }

    /** out ← op(W)·x, a 1 × 1 result as a dot product. */
    private static void multiply(INDArray w, INDArray x, INDArray out, boolean transpose) {
        if (out.length() == 1) {
            out.putScalar(0, Nd4j.getBlasWrapper().dot(w, x));
        } else {
            DirectGemm.product(w, x, out, transpose, false);
        }
    }

    /** @return ‖x‖₂ of a float vector as nd4j's {@code norm2Number} returns it */
    static double norm(INDArray x) {
        Vec e = Vec.of(x);
        if (!(e instanceof Vec.F f) || x.length() > SEQUENTIAL) {
            return x.norm2Number().doubleValue();
        }
        int n = (int) x.length();
        float s = 0;
        for (int i = 0; i < n; i++) {
            float xi = f.b.get(i);
            s += xi * xi;
        }
        return (float) Math.sqrt(s);
    }

    /** x ← x/d for a float vector as nd4j's {@code divi(d)}: divided by d rounded to float. */
    private static void divide(INDArray x, double d) {
        Vec e = Vec.of(x);
        if (!(e instanceof Vec.F f)) {
            x.divi(d);
            return;
        }
        float q = (float) d;
        for (int i = 0, n = (int) x.length(); i < n; i++) {
            f.b.put(i, f.b.get(i) / q);
        }
    }
}
