package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The float32 loops against the double loops they replace on float arrays ({@link FusedDense}: widen to double,
 * compute, round on the store), bit for bit (any NaN counting as NaN), on random values and on every special case:
 * ±0, subnormals, ±∞, NaN, sums that overflow float, LeakyReLU slopes 0 (the vectorised ReLU), 0.2 (inexact in
 * float) and 0.25; the one documented difference, the ReLU derivative at a NaN activation, is expected.
 */
class FloatRunsTest {

    private static final float[] SPECIAL = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1f, -1f,
        3.4e38f, -3.4e38f, 1e-40f, -1e-40f};

    private static float[] values(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i < SPECIAL.length * SPECIAL.length ? SPECIAL[i % SPECIAL.length]
                    : (float) (r.nextGaussian() * Math.pow(10, r.nextInt(-3, 4)));
        }
        return v;
    }

    private static FloatBuffer buffer(float[] v) {
        FloatBuffer b = ByteBuffer.allocateDirect(4 * v.length).order(ByteOrder.nativeOrder()).asFloatBuffer();
        b.put(0, v);
        return b;
    }

    private static void assertBits(String what, FloatBuffer actual, float[] expected) {
        for (int i = 0; i < expected.length; i++) {
            // NaN is compared as NaN (which NaN the JIT's vector max returns is not specified); the rest bit for bit
            assertThat(Float.floatToIntBits(actual.get(i))).as(what + " at " + i + ": " + actual.get(i)
                    + " instead of " + expected[i]).isEqualTo(Float.floatToIntBits(expected[i]));
        }
    }

    @Test
    void biasActivationEqualsTheDoubleLoop() {
        int n = 400;
        float[] biases = {0f, -0f, 0.3f, -2.5e38f, 2.5e38f, Float.MIN_VALUE, -1e-40f, Float.NEGATIVE_INFINITY,
            Float.POSITIVE_INFINITY, Float.NaN};
        for (double slope : new double[] {0.0, 0.2, 0.25}) {
            for (float bias : biases) {
                for (boolean leaky : new boolean[] {true, false}) {
                    float[] z = values(7, n);
                    float[] expected = new float[n];
                    for (int i = 0; i < n; i++) {
                        double v = (double) z[i] + bias;
                        expected[i] = (float) (leaky ? Vec.select(Vec.positive(v), v, slope * v) : v);
                    }
                    FloatBuffer b = buffer(z);
                    FloatRuns.biasActivation(b, 0, n, bias, leaky, slope, new float[n]);
                    assertBits("slope " + slope + ", bias " + bias + ", leaky " + leaky, b, expected);
                }
            }
        }
    }

    @Test
    void leakyDerivativeEqualsTheDoubleLoop() {
        int n = 600;
        for (double slope : new double[] {0.0, 0.2, 0.25}) {
            float[] d = values(8, n);
            float[] a = values(9, n);
            // shift a against d so that every pair of special values meets
            float[] shifted = new float[n];
            for (int i = 0; i < n; i++) {
                shifted[i] = a[(i / SPECIAL.length) % n];
            }
            float[] expected = new float[n];
            for (int i = 0; i < n; i++) {
                double x = d[i];
                expected[i] = (float) Vec.select(Vec.positive(shifted[i]), x, x * slope);
                if (slope == 0 && Float.isNaN(shifted[i])) {
                    expected[i] = Float.NaN; // the ReLU's vectorised factor: NaN where the activation is NaN
                }
            }
            FloatBuffer b = buffer(d);
            FloatRuns.leakyDerivative(b, buffer(shifted), 0, n, slope, new float[n], new float[n]);
            assertBits("slope " + slope, b, expected);
        }
    }

    /** @return the column sums of a column-major rows × columns matrix, each summed from 0 in row order */
    private static double[] columnSumsOf(float[] d, int rows, int columns) {
        double[] sums = new double[columns];
        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < rows; i++) {
                sums[j] += d[j * rows + i];
            }
        }
        return sums;
    }

    /** @return a double array's elements, all −7 */
    private static Vec gradient(int n) {
        return Vec.of(org.nd4j.linalg.factory.Nd4j.valueArrayOf(new long[] {1, n}, -7.0,
                org.nd4j.linalg.api.buffer.DataType.DOUBLE));
    }

    private static void assertSums(String what, Vec g, int offset, double[] expected) {
        assertThat(g.get(offset - 1)).as(what + ": the element before").isEqualTo(-7.0);
        for (int j = 0; j < expected.length; j++) {
            assertThat(Double.doubleToRawLongBits(g.get(offset + j))).as("%s, column %d: %s instead of %s", what, j,
                    g.get(offset + j), expected[j]).isEqualTo(Double.doubleToRawLongBits(expected[j]));
        }
        assertThat(g.get(offset + expected.length)).as(what + ": the element after").isEqualTo(-7.0);
    }

    /**
     * Column sums four columns at a time, with 1–3 columns left over, and the derivative with the sums in one
     * pass: the sums bit for bit a loop over one column (past the special values, which would make them NaN), δ
     * bit for bit {@link FloatRuns#leakyDerivative}'s, over rows within one run and across runs.
     */
    @Test
    void columnSumsAndTheDerivativeWithThemEqualTheSeparateLoops() {
        for (int rows : new int[] {1, 37, Vec.Chunk.SIZE, 2 * Vec.Chunk.SIZE + 77}) {
            for (int columns : new int[] {1, 4, 7}) {
                int n = rows * columns;
                float[] all = values(12 + rows, 256 + n);
                float[] d = java.util.Arrays.copyOfRange(all, 256, 256 + n);
                float[] a = java.util.Arrays.copyOfRange(values(13 + rows, 256 + n), 256, 256 + n);
                String what = rows + " x " + columns;
                Vec g = gradient(columns + 5);
                FloatRuns.columnSums(buffer(d), rows, columns, g, 2, new Vec.Chunk());
                assertSums(what, g, 2, columnSumsOf(d, rows, columns));

                FloatBuffer expected = buffer(d);
                FloatRuns.leakyDerivative(expected, buffer(a), 0, n, 0.2, new float[n], new float[n]);
                float[] derived = new float[n];
                expected.get(0, derived);
                FloatBuffer fused = buffer(d);
                g = gradient(columns + 5);
                FloatRuns.leakyDerivativeSums(fused, buffer(a), rows, columns, 0.2, g, 3, new Vec.Chunk());
                assertBits(what + " derivative", fused, derived);
                assertSums(what + " with the derivative", g, 3, columnSumsOf(derived, rows, columns));
            }
        }
    }

    @Test
    void positiveIsTheSignTestOfFloats() {
        for (float x : values(11, 500)) {
            assertThat(FloatRuns.positive(x)).as(Float.toString(x)).isEqualTo(x > 0 ? -1 : 0);
        }
    }
}
