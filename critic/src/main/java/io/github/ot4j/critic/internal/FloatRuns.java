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
        leakyDerivative(x, y, n, slope);
        d.put(from, x, 0, n);
    }

    /** x[0, n) ← x·(y &gt; 0 ? 1 : α), the run kernel of {@link #leakyDerivative(FloatBuffer, FloatBuffer, int, int, double, float[], float[])}. */
    private static void leakyDerivative(float[] x, float[] y, int n, double slope) {
        if (slope == 0) {
            for (int i = 0; i < n; i++) {
                x[i] = x[i] * Math.min(Math.max(y[i], 0f) * 0x1p100f * 0x1p100f, 1f);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            x[i] = select(positive(y[i]), x[i], (float) (x[i] * slope));
        }
    }

    /**
     * The column sums of a column-major n × m float matrix into g[offset + j], each summed from 0 in double in row
     * order (so bit for bit the numbers of a loop over one column), four columns at a time: the four additions of a row
     * are independent, so they overlap instead of waiting for each other (one column's sum is a chain of dependent
     * additions: 0.26 ms for a 512 × 512 matrix against 0.10 ms four at a time).
     */
    static void columnSums(FloatBuffer d, int rows, int columns, Vec g, int offset, Vec.Chunk chunk) {
        columns(d, null, rows, columns, 0, g, offset, chunk);
    }

    /**
     * {@link #leakyDerivative(FloatBuffer, FloatBuffer, int, int, double, float[], float[]) d ← d·φ'} over a whole
     * column-major n × m matrix, then its {@link #columnSums} into g[offset + j], in one pass over d: the same
     * values as the derivative's pass followed by the sums' (a backward pass's δ and its bias gradient), without
     * reading δ a second time.
     */
    static void leakyDerivativeSums(FloatBuffer d, FloatBuffer a, int rows, int columns, double slope, Vec g,
            int offset, Vec.Chunk chunk) {
        columns(d, a, rows, columns, slope, g, offset, chunk);
    }

    /** Four columns at a time: the derivative of each run (if a ≠ null), then the four sums over the runs. */
    private static void columns(FloatBuffer d, FloatBuffer a, int rows, int columns, double slope, Vec g,
            int offset, Vec.Chunk chunk) {
        float[][] x = {chunk.tmp, chunk.tmp2, chunk.tmp3, chunk.tmp4};
        float[] y = chunk.tmp5;
        for (int j0 = 0; j0 < columns; j0 += 4) {
            int width = Math.min(4, columns - j0);
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i0 = 0; i0 < rows; i0 += Vec.Chunk.SIZE) {
                int n = Math.min(Vec.Chunk.SIZE, rows - i0);
                for (int q = 0; q < 4; q++) {
                    if (q >= width) {
                        java.util.Arrays.fill(x[q], 0, n, 0f); // no such column: its sum is not written
                        continue;
                    }
                    int at = (j0 + q) * rows + i0;
                    d.get(at, x[q], 0, n);
                    if (a != null) {
                        a.get(at, y, 0, n);
                        leakyDerivative(x[q], y, n, slope);
                        d.put(at, x[q], 0, n);
                    }
                }
                float[] x0 = x[0];
                float[] x1 = x[1];
                float[] x2 = x[2];
                float[] x3 = x[3];
                for (int i = 0; i < n; i++) {
                    s0 += x0[i];
                    s1 += x1[i];
                    s2 += x2[i];
                    s3 += x3[i];
                }
            }
            double[] sums = {s0, s1, s2, s3};
            for (int q = 0; q < width; q++) {
                g.set(offset + j0 + q, sums[q]);
            }
        }
    }
}
