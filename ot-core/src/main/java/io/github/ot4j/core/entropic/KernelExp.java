package io.github.ot4j.core.entropic;

/**
 * The exponential for building Gibbs kernels K = exp(−C/ε), in a form HotSpot's C2 compiles to SIMD instructions:
 * multiplications, additions and one division, no table, no branch, no {@link Math#max} and no bit move (the usual
 * exponent-from-bits step does not vectorise in Java 17, {@code Math.max} compiles to a slow scalar sequence and
 * {@link Math#exp} is a scalar call of about 5 ns). A kernel row of it costs about 1.5–2.5 ns per entry.
 *
 * <p><b>Formula.</b> With s = −x·2<sup>−11</sup> (exact): q = Σ<sub>k=0..13</sub> s<sup>k</sup>/k! (Horner),
 * Q = q<sup>2<sup>11</sup></sup> by 11 squarings, e<sup>x</sup> = 1/Q. For x ≤ 0 every Taylor term is ≥ 0, so q
 * and Q grow with −x and never lose precision to cancellation; far below, Q overflows to +∞ and the result is
 * exactly 0 (x = −∞ included; NaN stays NaN). No clamp is needed, which is what keeps the loop branch-free.
 *
 * <p><b>Error bound.</b> For −708 ≤ x ≤ {@value #POLY_MAX} the result is within {@value #RELATIVE_BOUND} relative
 * of e<sup>x</sup>: |s| ≤ 0.346, so the truncated term e<sup>|s|</sup>s<sup>14</sup>/14! is below 6e-18 relative,
 * Horner's rounding about 2 ulp; each squaring doubles the relative error and adds half an ulp, so after 11 it is
 * at most 2<sup>11</sup>·(2·2<sup>−53</sup> + 6e-18) + 2<sup>11</sup>·2<sup>−53</sup> ≈ 7e-13, and the division
 * adds half an ulp (the test measures 4.2e-13 on a dense grid of [−708, 0]). For x &lt; −708 the result and
 * e<sup>x</sup> both lie in [0, 3.4e-308]: 0 once Q overflows (x &lt; −709.78), a subnormal before. Above
 * {@value #POLY_MAX} the alternating series would leave its accurate range (and past s = −4.48, its real root,
 * give nonsense): {@link #exp} and {@link #negScaledRow} use {@link Math#exp} there, so they are valid for every
 * input. Not bit-identical to {@link Math#exp}, but deterministic (Java's strict floating point).
 *
 * <p>Used for the kernels of {@link UnbalancedTransport} ({@link #negScaledRow}) and {@link ScalingSinkhorn}'s
 * rebuilds ({@link #expNonPositive}, after the max trick).
 */
final class KernelExp {

    /** The largest exponent evaluated by the polynomial; {@link Math#exp} above it. */
    static final double POLY_MAX = 700;

    /** The relative error bound on [−708, {@value #POLY_MAX}], asserted by the test. */
    static final double RELATIVE_BOUND = 1e-12;

    private static final double SCALE = 0x1p-11;

    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    private static final double C12 = 1.0 / 479001600;
    private static final double C13 = 1.0 / 6227020800.0;

    private KernelExp() {
    }

    /**
     * e<sup>x</sup> within the bound of the class comment.
     *
     * @param x the exponent, any value
     * @return e<sup>x</sup>
     */
    static double exp(double x) {
        return x > POLY_MAX ? Math.exp(x) : reciprocal(-x * SCALE);
    }

    /**
     * A row of the kernel K = exp(−C/ε): a new array holding e<sup>−c[offset + j]·f</sup>, j &lt; length, with
     * f = 1/ε. The costs are copied in first (a copy into a new array skips Java's zeroing) and exponentiated in
     * place, one index on both sides: the branch-free loop C2 vectorises (it does not vectorise c[offset + j] beside
     * out[j] in Java 17). Then a scan redoes with {@link Math#exp} the rare entries whose exponent exceeds
     * {@value #POLY_MAX} (costs below −700ε).
     *
     * @param c      the costs
     * @param offset the index in c of the row's first cost
     * @param length the row's length
     * @param f      the factor, 1/ε (finite, &gt; 0)
     * @return the kernel row
     */
    static double[] negScaledRow(double[] c, int offset, int length, double f) {
        double[] out = java.util.Arrays.copyOfRange(c, offset, offset + length);
        double g = f * SCALE; // c·g = −x·2^−11 exactly as (c·f)·2^−11, the scaling by a power of two being exact
        for (int j = 0; j < length; j++) {
            out[j] = reciprocal(out[j] * g);
        }
        double low = -POLY_MAX / f; // c < low ⇔ −c·f > POLY_MAX, to rounding: the boundary entries are accurate both ways
        for (int j = 0; j < length; j++) {
            if (c[offset + j] < low) {
                out[j] = Math.exp(-c[offset + j] * f);
            }
        }
        return out;
    }

    /**
     * x[j] = e<sup>x[j]</sup> for j &lt; length, in place: the branch-free loop C2 vectorises, for exponents that are
     * at most 0 (a kernel row after the max trick; −∞ gives 0, NaN stays NaN). Exponents above {@value #POLY_MAX}
     * would give wrong values: the caller guarantees there are none.
     *
     * @param x      the exponents, replaced by their exponentials
     * @param length how many, from index 0
     */
    static void expNonPositive(double[] x, int length) {
        for (int j = 0; j < length; j++) {
            x[j] = reciprocal(-x[j] * SCALE);
        }
    }

    /** 1/(Σ<sub>k≤13</sub> s<sup>k</sup>/k!)<sup>2048</sup> = e<sup>−2048 s</sup>, the formula for s ≥ −0.342. */
    private static double reciprocal(double s) {
        double q = C13;
        q = q * s + C12;
        q = q * s + C11;
        q = q * s + C10;
        q = q * s + C9;
        q = q * s + C8;
        q = q * s + C7;
        q = q * s + C6;
        q = q * s + C5;
        q = q * s + C4;
        q = q * s + C3;
        q = q * s + C2;
        q = q * s + 1;
        q = q * s + 1;
        q *= q; // 2
        q *= q; // 4
        q *= q; // 8
        q *= q; // 16
        q *= q; // 32
        q *= q; // 64
        q *= q; // 128
        q *= q; // 256
        q *= q; // 512
        q *= q; // 1024
        q *= q; // 2048
        return 1 / q;
    }
}
