package io.github.ot4j.core.entropic;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class KernelExpTest {

    /** The largest relative error against Math.exp over the given exponents (Math.exp is within 1 ulp). */
    private static double worst(double[] xs) {
        double worst = 0;
        for (double x : xs) {
            double want = Math.exp(x);
            double got = KernelExp.exp(x);
            worst = Math.max(worst, Math.abs(got - want) / want);
        }
        return worst;
    }

    @Test
    void withinTheStatedRelativeBoundOnADenseGridOfTheKernelRange() {
        // −708..0 in steps of 1e-4 (7 080 001 exponents: every range of the polynomial's input s = −x/2048),
        // the underflow edge −708 included
        int count = 7_080_001;
        double[] xs = new double[count];
        for (int i = 0; i < count; i++) {
            xs[i] = -708 + i * 1e-4;
        }
        xs[0] = -708;
        xs[count - 1] = 0;
        double dense = worst(xs);
        assertThat(dense).isLessThanOrEqualTo(KernelExp.RELATIVE_BOUND);
        assertThat(KernelExp.exp(0)).isEqualTo(1.0);
        // random exponents in the same range, and in the positive range up to the polynomial's limit
        SplittableRandom r = new SplittableRandom(14);
        double[] negative = new double[1_000_000];
        double[] positive = new double[200_000];
        for (int i = 0; i < negative.length; i++) {
            negative[i] = -708 * r.nextDouble();
        }
        for (int i = 0; i < positive.length; i++) {
            positive[i] = KernelExp.POLY_MAX * r.nextDouble();
        }
        assertThat(worst(negative)).isLessThanOrEqualTo(KernelExp.RELATIVE_BOUND);
        assertThat(worst(positive)).isLessThanOrEqualTo(KernelExp.RELATIVE_BOUND);
        // the measured error: 4.2e-13 (at x = −8.31), inside the 7e-13 of the analysis
        assertThat(dense).isGreaterThan(1e-14);
    }

    @Test
    void tinyMagnitudesAreAccurateToo() {
        // −10^−300 .. −10^−1 and the positive mirror, 20 per decade: e^x ≈ 1 + x, where a bad constant term shows
        double[] xs = new double[2 * 6001];
        int k = 0;
        for (int i = 0; i <= 6000; i++) {
            double x = Math.pow(10, -300 + i * 0.05);
            xs[k++] = -x;
            xs[k++] = x;
        }
        assertThat(worst(xs)).isLessThanOrEqualTo(KernelExp.RELATIVE_BOUND);
        assertThat(KernelExp.exp(-Double.MIN_VALUE)).isEqualTo(1.0);
        assertThat(KernelExp.exp(-0.0)).isEqualTo(1.0);
    }

    @Test
    void belowTheUnderflowEdgeTheResultIsZeroOrSubnormalAndNearMathExp() {
        for (double x = -708; x >= -760; x -= 1e-3) {
            double got = KernelExp.exp(x);
            assertThat(got).isBetween(0.0, 3.4e-308);
            assertThat(Math.abs(got - Math.exp(x))).isLessThanOrEqualTo(3.4e-308);
        }
        assertThat(KernelExp.exp(-709.8)).isEqualTo(0.0);
        assertThat(KernelExp.exp(-1e6)).isEqualTo(0.0);
        assertThat(KernelExp.exp(-Double.MAX_VALUE)).isEqualTo(0.0);
        assertThat(KernelExp.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    }

    @Test
    void aboveThePolynomialsRangeItIsMathExp() {
        for (double x : new double[] {700.5, 709, 709.78, 710, 1e4, 1e6, Double.POSITIVE_INFINITY}) {
            assertThat(KernelExp.exp(x)).isEqualTo(Math.exp(x));
        }
        assertThat(KernelExp.exp(Double.NaN)).isNaN();
    }

    @Test
    void theKernelLoopIsTheScalarFormulaEntryByEntryAndMathExpForLargeNegativeCosts() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 10_000;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = r.nextDouble() * 50;
        }
        // negative costs: moderate (polynomial), past −700ε (Math.exp: huge and +∞), and 0
        c[10] = -3;
        c[11] = -800;
        c[12] = -1e5;
        c[13] = -1e300;
        c[14] = 0;
        double f = 1 / 0.07;
        // the row at offset 1 of a longer cost array: c[1 + j] is entry j
        double[] shifted = new double[n + 2];
        shifted[0] = -1e6; // outside the row: no effect
        shifted[n + 1] = -1e6;
        System.arraycopy(c, 0, shifted, 1, n);
        double[] k = KernelExp.negScaledRow(shifted, 1, n, f);
        assertThat(k).hasSize(n);
        for (int i = 0; i < n; i++) {
            double x = -c[i] * f;
            if (x > KernelExp.POLY_MAX) {
                assertThat(k[i]).as("entry %d", i).isEqualTo(Math.exp(x));
            } else {
                assertThat(k[i]).as("entry %d", i).isEqualTo(KernelExp.exp(x));
            }
        }
        assertThat(k[12]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(k[14]).isEqualTo(1.0);
    }

    @Test
    void theInPlaceLoopForNonPositiveExponentsIsTheScalarFormula() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 5000;
        double[] x = new double[n + 3];
        for (int i = 0; i < n; i++) {
            x[i] = -800 * r.nextDouble() * r.nextDouble();
        }
        x[0] = 0;
        x[1] = Double.NEGATIVE_INFINITY;
        x[2] = Double.NaN;
        x[3] = -1e-300;
        double[] want = new double[n];
        for (int i = 0; i < n; i++) {
            want[i] = KernelExp.exp(x[i]);
        }
        x[n] = 42; // past the length: untouched
        KernelExp.expNonPositive(x, n);
        for (int i = 3; i < n; i++) {
            assertThat(x[i]).as("entry %d", i).isEqualTo(want[i]);
        }
        assertThat(x[0]).isEqualTo(1.0);
        assertThat(x[1]).isEqualTo(0.0);
        assertThat(x[2]).isNaN();
        assertThat(x[n]).isEqualTo(42);
    }
}
