package io.github.ot4j.critic.internal;

import java.nio.FloatBuffer;

/**
 * The float32 versions of {@link FusedDense}'s LeakyReLU/identity loops, on runs read straight into a
 * {@code float[]} (no widening copy into a {@code double[]} and back): bit for bit what the double loops write
 * into a float array, in every case, NaN, infinity and overflow included. Why they are: the double loops add the
 * bias in double, v = (double) z + b, and store (float) v, which is the float sum z + (float) b (the sum of two
 * floats rounded once to double, then to float, is the correctly rounded float sum); the negative branch stores
 * (float) (α·v) of the double v, so it is computed from the double sum here too; the sign test of the float sum
 * and of the double sum agree (both are the sign of the exact sum, an overflow to ±∞ keeping it). The derivative
 * multiplies the float δ by α in double and rounds once, as the double loop's store does.
 */
final class FloatRuns {

    private FloatRuns() {
    }

    /** All ones if x &gt; 0, else 0 (NaN and −0 included): {@link Vec#positive} for a float. */
    static int positive(float x) {
        int bits = Float.floatToRawIntBits(x);
        return ((-bits) & (bits - 0x7f800001)) >> 31;
    }

    /** @return {@code mask != 0 ? ifSet : ifClear}, bit for bit, no branch */
    static float select(int mask, float ifSet, float ifClear) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(ifSet) & mask)
                | (Float.floatToRawIntBits(ifClear) & ~mask));
    }

    /**
     * z[from, from + n) ← φ(z + b), φ(v) = v for v &gt; 0, α·v otherwise (α = 1: the identity).
     *
     * @param leaky whether φ is the LeakyReLU (else the identity, z + b)
     */
    static void biasActivation(FloatBuffer z, int from, int n, double bias, boolean leaky, double slope,
            float[] t) {
        z.get(from, t, 0, n);
        float b = (float) bias; // exact: the bias is a float parameter
        if (leaky && slope == 0) {
            relu(t, n, b);
        } else if (leaky) {
            for (int i = 0; i < n; i++) {
                float v = t[i] + b;
                float s = (float) (slope * ((double) t[i] + bias));
                t[i] = select(positive(v), v, s);
            }
        } else {
            for (int i = 0; i < n; i++) {
                t[i] = t[i] + b;
            }
        }
        z.put(from, t, 0, n);
    }

    /**
     * The ReLU (α = 0) without a branch or a bit test, in operations the JIT vectorises (max, min, abs; 0.4 ns
     * instead of 1.4 ns an element): t ← max(t + b, −0) − |min(t, 0)·0 + min(b, 0)·0|. The first term is the
     * double loop's value wherever t + b is not −∞ (for v ≤ 0 it stores (float) (0·v) = −0 for v &lt; 0, ±0 for
     * v = ±0, and max(v, −0) is exactly that); the second is −0, which changes nothing (x − 0 = x, −0 − 0 = −0),
     * unless t or b is −∞, where the double loop's 0·(−∞) gives NaN and so does it.
     */
    private static void relu(float[] t, int n, float b) {
        float nb = Math.min(b, 0f) * 0f;
        for (int i = 0; i < n; i++) {
            float ti = t[i];
            t[i] = Math.max(ti + b, -0f) - Math.abs(Math.min(ti, 0f) * 0f + nb);
        }
    }

    /**
     * d[from, from + n) ← d·(a &gt; 0 ? 1 : α), a the LeakyReLU's output. For the ReLU (α = 0) the factor is
     * min(max(a, 0)·2<sup>100</sup>·2<sup>100</sup>, 1), 1 for every a &gt; 0 (the smallest float times
     * 2<sup>200</sup> exceeds 1) and 0 for a ≤ 0, vectorised; it differs from the double loop only where a is
     * NaN (NaN instead of d·0), and a NaN activation makes the pass's output NaN, which every step checks before
     * it commits anything.
     */
    static void leakyDerivative(FloatBuffer d, FloatBuffer a, int from, int n, double slope, float[] x,
            float[] y) {
        d.get(from, x, 0, n);
        a.get(from, y, 0, n);
        if (slope == 0) {
            for (int i = 0; i < n; i++) {
                x[i] = x[i] * Math.min(Math.max(y[i], 0f) * 0x1p100f * 0x1p100f, 1f);
            }
            d.put(from, x, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            x[i] = select(positive(y[i]), x[i], (float) (x[i] * slope));
        }
        d.put(from, x, 0, n);
    }

    /** @return Σ d[from, from + n) in double, in index order, added to s */
    static double sum(FloatBuffer d, int from, int n, double s, float[] t) {
        d.get(from, t, 0, n);
        for (int i = 0; i < n; i++) {
            s += t[i];
        }
        return s;
    }

    /**
     * The sums of four consecutive columns of a column-major matrix, each in double in row order as {@link #sum}
     * adds them (so bit for bit the same four numbers), into {@code chunk.sums}: the four additions of a row are
     * independent, so they overlap instead of waiting for each other (one column's sum is a chain of dependent
     * additions: 0.26 ms for a 512 × 512 matrix against 0.10 ms four at a time).
     *
     * @param d     the matrix
     * @param first the first element of the first column
     * @param rows  the column length
     * @param chunk the runs and the sums
     */
    static void sums(FloatBuffer d, int first, int rows, Vec.Chunk chunk) {
        float[] t0 = chunk.tmp;
        float[] t1 = chunk.tmp2;
        float[] t2 = chunk.tmp3;
        float[] t3 = chunk.tmp4;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i0 = 0; i0 < rows; i0 += Vec.Chunk.SIZE) {
            int n = Math.min(Vec.Chunk.SIZE, rows - i0);
            int at = first + i0;
            d.get(at, t0, 0, n);
            d.get(at + rows, t1, 0, n);
            d.get(at + 2 * rows, t2, 0, n);
            d.get(at + 3 * rows, t3, 0, n);
            for (int i = 0; i < n; i++) {
                s0 += t0[i];
                s1 += t1[i];
                s2 += t2[i];
                s3 += t3[i];
            }
        }
        chunk.sums[0] = s0;
        chunk.sums[1] = s1;
        chunk.sums[2] = s2;
        chunk.sums[3] = s3;
    }
}
