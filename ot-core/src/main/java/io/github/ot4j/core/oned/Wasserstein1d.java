package io.github.ot4j.core.oned;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.TransportProblem;

/**
 * The Wasserstein-p distance between two weighted measures on the line, exact, by their quantile functions:
 * <p>W<sub>p</sub><sup>p</sup>(μ, ν) = ∫<sub>0</sub><sup>M</sup> |F<sub>μ</sub><sup>−1</sup>(t) − F<sub>ν</sub><sup>−1</sup>(t)|<sup>p</sup> dt,   p ≥ 1,
 * where M is the common total mass and F<sup>−1</sup> the (unnormalised) quantile functions. Both sides are
 * sorted once and the integral is a merge of the two cumulative weight sequences (the monotone coupling of
 * {@link OneDimensionalSolver}, without storing the plan): time O((n + m) log(n + m)), memory O(n + m), no
 * n × m cost matrix. {@link #powered} is POT's {@code wasserstein_1d} (W<sub>p</sub><sup>p</sup>),
 * {@link #distance} its p-th root; with p = 1 it equals the exact optimal transport value for the cost
 * |x − y|.
 *
 * <p>Masses need not be 1 but must agree within {@link TransportProblem#MASS_TOLERANCE}; the value is then that
 * of the unnormalised transport problem, as for the exact solvers. Units: those of the coordinates (W<sub>p</sub>)
 * or their p-th power ({@link #powered}). Stateless and thread-safe.
 */
public final class Wasserstein1d {

    private Wasserstein1d() {
    }

    /**
     * W<sub>p</sub> between two one-dimensional measures.
     *
     * @param mu a measure of dimension 1
     * @param nu a measure of dimension 1, of the same total mass
     * @param p  the order, 1 ≤ p &lt; ∞
     * @return W<sub>p</sub>(μ, ν), in the units of the coordinates
     * @throws IllegalArgumentException if a measure has dimension ≠ 1, the masses differ, or p is not ≥ 1 and finite
     */
    public static double distance(DiscreteMeasure mu, DiscreteMeasure nu, double p) {
        return root(powered(mu, nu, p), p);
    }

    /**
     * W<sub>p</sub><sup>p</sup> between two one-dimensional measures (POT's {@code wasserstein_1d}).
     *
     * @param mu a measure of dimension 1
     * @param nu a measure of dimension 1, of the same total mass
     * @param p  the order, 1 ≤ p &lt; ∞
     * @return W<sub>p</sub><sup>p</sup>(μ, ν)
     * @throws IllegalArgumentException as {@link #distance(DiscreteMeasure, DiscreteMeasure, double)}
     */
    public static double powered(DiscreteMeasure mu, DiscreteMeasure nu, double p) {
        if (mu == null || nu == null) {
            throw new IllegalArgumentException("mu and nu must not be null");
        }
        for (DiscreteMeasure m : new DiscreteMeasure[] {mu, nu}) {
            if (m.dimension() != 1) {
                throw new IllegalArgumentException((m == mu ? "mu" : "nu") + " must be one-dimensional but has "
                        + "dimension " + m.dimension());
            }
        }
        return powered(firstCoordinates(mu), mu.weights(), firstCoordinates(nu), nu.weights(), p);
    }

    /**
     * W<sub>p</sub><sup>p</sup> between Σ a<sub>i</sub> δ(x<sub>i</sub>) and Σ b<sub>j</sub> δ(y<sub>j</sub>)
     * on the line.
     *
     * @param x the source positions, n ≥ 1 finite values (not modified)
     * @param a the source weights, n finite values ≥ 0 with a positive sum
     * @param y the target positions, m ≥ 1 finite values (not modified)
     * @param b the target weights, m finite values ≥ 0, the same total as a
     * @param p the order, 1 ≤ p &lt; ∞
     * @return W<sub>p</sub><sup>p</sup>
     * @throws IllegalArgumentException for NaN or infinite input, negative weights, zero or unequal masses, length
     *                                  mismatches, or p not ≥ 1 and finite
     */
    public static double powered(double[] x, double[] a, double[] y, double[] b, double p) {
        checkOrder(p);
        check("x", x, "a", a, false);
        check("y", y, "b", b, false);
        double sa = sum(a);
        double sb = sum(b);
        if (!(sa > 0) || !(sb > 0)) {
            throw new IllegalArgumentException("a and b must have positive mass but sum to " + sa + " and " + sb);
        }
        if (Math.abs(sa - sb) > TransportProblem.MASS_TOLERANCE * Math.max(sa, sb)) {
            throw new IllegalArgumentException("a and b must have the same total mass (relative tolerance "
                    + TransportProblem.MASS_TOLERANCE + ") but a sums to " + sa + " and b sums to " + sb);
        }
        return poweredUnchecked(x, a, OneDimensionalSolver.order(x), y, b, OneDimensionalSolver.order(y), p);
    }

    /**
     * The merge of the two sorted cumulative weights, on input already checked: ox and oy order x and y.
     * The last pieces get whatever mass the rounding of the two sums leaves, so that no mass is lost.
     */
    static double poweredUnchecked(double[] x, double[] a, int[] ox, double[] y, double[] b, int[] oy, double p) {
        int n = ox.length;
        int m = oy.length;
        int i = 0;
        int j = 0;
        double ra = a[ox[0]];
        double rb = b[oy[0]];
        double total = 0;
        boolean linear = p == 1;
        boolean square = p == 2;
        while (true) {
            double d = Math.abs(x[ox[i]] - y[oy[j]]);
            if (i == n - 1 && j == m - 1) {
                double f = Math.max(ra, rb);
                total += f * (linear ? d : square ? d * d : Math.pow(d, p));
                break;
            }
            if (j == m - 1 || (i < n - 1 && ra <= rb)) {
                total += ra * (linear ? d : square ? d * d : Math.pow(d, p));
                rb -= ra;
                ra = a[ox[++i]];
            } else {
                total += rb * (linear ? d : square ? d * d : Math.pow(d, p));
                ra -= rb;
                rb = b[oy[++j]];
            }
        }
        return total;
    }

    /**
     * Checks an order p of a Wasserstein distance.
     *
     * @param p the order
     * @return p, if 1 ≤ p &lt; ∞
     * @throws IllegalArgumentException otherwise
     */
    public static double checkOrder(double p) {
        if (!(p >= 1) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("p must be finite and >= 1 but is " + p);
        }
        return p;
    }

    /**
     * @param powered W<sub>p</sub><sup>p</sup> ≥ 0
     * @param p       the order
     * @return W<sub>p</sub>
     */
    static double root(double powered, double p) {
        return p == 1 ? powered : p == 2 ? Math.sqrt(powered) : Math.pow(powered, 1 / p);
    }

    static void check(String xName, double[] x, String aName, double[] a, boolean allowEmpty) {
        if (x == null || a == null) {
            throw new IllegalArgumentException(xName + " and " + aName + " must not be null");
        }
        if (x.length == 0 && !allowEmpty) {
            throw new IllegalArgumentException(xName + " must not be empty");
        }
        if (x.length != a.length) {
            throw new IllegalArgumentException(aName + " has length " + a.length + " but " + xName + " has length "
                    + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(xName + "[" + i + "] must be finite but is " + x[i]);
            }
            if (!Double.isFinite(a[i]) || a[i] < 0) {
                throw new IllegalArgumentException(aName + "[" + i + "] must be finite and >= 0 but is " + a[i]);
            }
        }
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    private static double[] firstCoordinates(DiscreteMeasure measure) {
        double[] x = new double[measure.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = measure.coordinate(i, 0);
        }
        return x;
    }
}
