package io.github.ot4j.core;

/**
 * The cost c(x, y) = ‖x − y‖<sub>p</sub><sup>power</sup>, where
 * ‖z‖<sub>p</sub> = (Σ<sub>k</sub> |z<sub>k</sub>|<sup>p</sup>)<sup>1/p</sup> (the maximum |z<sub>k</sub>| for
 * p = ∞). Covers the Euclidean (p = 2, power 1), L1 (p = 1, power 1) and squared Euclidean (p = 2,
 * power 2) costs.
 *
 * <p>For power = 1 the cost is a metric and optimal transport gives W<sub>1</sub>. In one dimension the
 * cost is |x − y|<sup>power</sup> whatever p is; for power ≥ 1 it is convex in x − y, so sorting both
 * sides gives an optimal plan.
 *
 * @param p     the norm's exponent, 1 ≤ p ≤ ∞
 * @param power the power the norm is raised to, finite and &gt; 0
 */
public record MinkowskiCost(double p, double power) implements GroundCost {

    static final MinkowskiCost EUCLIDEAN = new MinkowskiCost(2, 1);
    static final MinkowskiCost CITYBLOCK = new MinkowskiCost(1, 1);
    static final MinkowskiCost SQUARED_EUCLIDEAN = new MinkowskiCost(2, 2);

    /**
     * Checks the exponents.
     *
     * @param p     the norm's exponent, 1 ≤ p ≤ ∞
     * @param power the power, finite and &gt; 0
     */
    public MinkowskiCost {
        if (!(p >= 1)) {
            throw new IllegalArgumentException("p must be >= 1 (or infinite) but is " + p);
        }
        if (!(power > 0) || !Double.isFinite(power)) {
            throw new IllegalArgumentException("power must be finite and > 0 but is " + power);
        }
    }

    /** @return whether this cost is a metric (power = 1), so that the optimal value is W<sub>1</sub> */
    public boolean isMetric() {
        return power == 1;
    }

    @Override
    public double between(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has dimension " + x.length + " but y has " + y.length);
        }
        double norm;
        if (p == 2) {
            double s = 0;
            for (int k = 0; k < x.length; k++) {
                double t = x[k] - y[k];
                s += t * t;
            }
            return power == 2 ? s : power == 1 ? Math.sqrt(s) : Math.pow(s, power / 2);
        } else if (p == 1) {
            double s = 0;
            for (int k = 0; k < x.length; k++) {
                s += Math.abs(x[k] - y[k]);
            }
            norm = s;
        } else if (p == Double.POSITIVE_INFINITY) {
            double s = 0;
            for (int k = 0; k < x.length; k++) {
                s = Math.max(s, Math.abs(x[k] - y[k]));
            }
            norm = s;
        } else {
            double s = 0;
            for (int k = 0; k < x.length; k++) {
                s += Math.pow(Math.abs(x[k] - y[k]), p);
            }
            norm = Math.pow(s, 1 / p);
        }
        return power == 1 ? norm : Math.pow(norm, power);
    }
}
